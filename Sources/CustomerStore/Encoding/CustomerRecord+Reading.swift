import Foundation

/// Reading a customer's fields. Every field's payload is read to its end; unknown field
/// numbers are skipped; a known field that appears twice is an error.
extension CustomerRecord {
    /// The fields after the format-version byte, up to and including the end marker, which
    /// must be the last byte.
    static func readFields(from r: inout RecordReader) throws(RecordDecodingError) -> Customer {
        var c = Customer(fullName: "", createdAt: zeroDate, updatedAt: zeroDate)
        var seen: UInt64 = 0
        while true {
            let start = r.offset
            guard !r.isAtEnd else { throw r.failure(.missingEndMarker) }
            let number = try r.varint()
            if number == RecordField.endOfRecord { break }
            r.field = number
            let length = try r.length()
            var p = r.slice(length)
            r.field = nil
            guard let field = RecordField(rawValue: number) else { continue }  // a newer field
            try p.markSeen(number, in: &seen, headerAt: start)
            try read(field, from: &p, into: &c)
            try p.expectEnd()
        }
        try r.expectEnd()
        return c
    }

    /// The date a record's dates default to: the reference date, bit pattern 0.
    static let zeroDate = Date(timeIntervalSinceReferenceDate: 0)

    private static func read(_ field: RecordField, from p: inout RecordReader, into c: inout Customer)
        throws(RecordDecodingError)
    {
        switch field {
        case .code: c.code = try p.string()
        case .fullName: c.fullName = try p.string()
        case .gender: c.gender = try p.enumValue(Gender.self)
        case .birthDate: c.birthDate = try readCalendarDate(from: &p)
        case .phones: c.phones = try p.elements(readPhone)
        case .emails: c.emails = try p.elements(readEmail)
        case .address: c.address = try readAddress(from: &p)
        case .occupation: c.occupation = try p.string()
        case .jobTitle: c.jobTitle = try p.string()
        case .education: c.education = try p.string()
        case .maritalStatus: c.maritalStatus = try p.string()
        case .incomeBand: c.incomeBand = try p.string()
        case .segment: c.segment = try p.string()
        case .tags:
            let count = try p.count()
            var tags = Set<String>(minimumCapacity: count)
            for _ in 0..<count {
                var element = try p.element()
                let start = element.offset
                let tag = try element.string()
                if !tags.insert(tag).inserted { throw element.failure(.duplicateKey(tag), at: start) }
            }
            c.tags = tags
        case .tier: c.tier = try p.enumValue(Tier.self)
        case .lifecycle: c.lifecycle = try p.enumValue(Lifecycle.self)
        case .preferredChannel: c.preferredChannel = try p.enumValue(Channel.self)
        case .owner: c.owner = try p.string()
        case .sources: c.sources = try p.elements(readSource)
        case .points: c.points = try p.signedValue()
        case .totalSpent: c.totalSpent = try p.signedValue()
        case .orderCount: c.orderCount = try p.signedValue()
        case .lastPurchaseAt: c.lastPurchaseAt = try readDate(from: &p)
        case .lastInteractionAt: c.lastInteractionAt = try readDate(from: &p)
        case .consent:
            let count = try p.count()
            var consent = [ConsentPurpose: ConsentRecord](minimumCapacity: count)
            for _ in 0..<count {
                var element = try p.element()
                let start = element.offset
                let (purpose, record) = try readConsent(from: &element)
                if consent.updateValue(record, forKey: purpose) != nil {
                    throw element.failure(.duplicateKey(purpose.rawValue), at: start)
                }
            }
            c.consent = consent
        case .restricted: c.restricted = try p.boolValue()
        case .attributes:
            let count = try p.count()
            var attributes = [String: AttributeValue](minimumCapacity: count)
            for _ in 0..<count {
                var element = try p.element()
                let start = element.offset
                let (name, value) = try readAttribute(from: &element)
                if attributes.updateValue(value, forKey: name) != nil {
                    throw element.failure(.duplicateKey(name), at: start)
                }
            }
            c.attributes = attributes
        case .createdAt: c.createdAt = try readDate(from: &p)
        case .updatedAt: c.updatedAt = try readDate(from: &p)
        case .version: c.version = try p.unsignedValue()
        case .mergedInto: c.mergedInto = try p.unsignedValue()
        }
    }

    // MARK: Values

    @inline(__always)
    static func readDate(from p: inout RecordReader) throws(RecordDecodingError) -> Date {
        Date(timeIntervalSinceReferenceDate: Double(bitPattern: try p.fixed64()))
    }

    private static func readCalendarDate(from p: inout RecordReader) throws(RecordDecodingError) -> CalendarDate {
        let start = p.offset
        let year = try p.varint()
        guard p.remaining == 2 else { throw p.failure(.wrongPayloadLength(expected: 2, actual: p.remaining)) }
        let month = try p.byte()
        let day = try p.byte()
        guard year <= UInt64(CalendarDate.years.upperBound),
              let date = CalendarDate(year: Int(year), month: Int(month), day: Int(day))
        else {
            throw p.failure(.invalidValue("\(year)-\(month)-\(day) is not a calendar date"), at: start)
        }
        return date
    }
}
