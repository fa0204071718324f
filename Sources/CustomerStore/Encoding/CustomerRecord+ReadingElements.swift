import Foundation

/// Reading the elements of repeated and structured fields (phones, emails, the address,
/// sources, consent, attributes): sequences of subfields, unknown numbers skipped, each known
/// subfield at most once, required subfields checked.
extension CustomerRecord {
    /// Marks subfield `number` as seen in `seen`, throwing if it was already.
    @inline(__always)
    private static func mark(_ number: UInt64, in seen: inout UInt64, _ p: RecordReader, headerAt start: Int)
        throws(RecordDecodingError)
    {
        let bit: UInt64 = 1 << number   // subfield numbers are small
        if seen & bit != 0 { throw p.failure(.duplicateField, at: start) }
        seen |= bit
    }

    /// A phone element; the number is rebuilt without being parsed again.
    static func readPhone(from e: inout RecordReader) throws(RecordDecodingError) -> ContactPhone {
        let elementStart = e.offset
        var e164: String?
        var raw: String?
        var kind = PhoneNumber.Kind.mobile
        var countryCode: UInt64?
        var isPrimary = false
        var seen: UInt64 = 0
        while !e.isAtEnd {
            let start = e.offset
            let (number, payload) = try e.subfieldHeader()
            var p = payload
            guard let subfield = PhoneField(rawValue: number) else { continue }
            try mark(number, in: &seen, p, headerAt: start)
            switch subfield {
            case .e164: e164 = try p.string()
            case .raw: raw = try p.string()
            case .kind: kind = try p.enumValue(PhoneNumber.Kind.self)
            case .countryCode: countryCode = try p.unsignedValue()
            case .primary: isPrimary = try p.boolValue()
            }
        }
        guard let e164 else { throw e.failure(.missingSubfield(PhoneField.e164.rawValue), at: elementStart) }
        guard let countryCode else {
            throw e.failure(.missingSubfield(PhoneField.countryCode.rawValue), at: elementStart)
        }
        guard countryCode <= 999,
              let phone = PhoneNumber(storedE164: e164, raw: raw ?? e164, kind: kind, countryCode: Int(countryCode))
        else {
            throw e.failure(.invalidValue("""
                the phone number "\(NormalizationError.escaped(e164))" is not + followed by its \
                country code \(countryCode) and more digits
                """), at: elementStart)
        }
        return ContactPhone(phone, isPrimary: isPrimary)
    }

    /// An email element; the address is rebuilt without being parsed again.
    static func readEmail(from e: inout RecordReader) throws(RecordDecodingError) -> ContactEmail {
        let elementStart = e.offset
        var normalized: String?
        var display: String?
        var isPrimary = false
        var seen: UInt64 = 0
        while !e.isAtEnd {
            let start = e.offset
            let (number, payload) = try e.subfieldHeader()
            var p = payload
            guard let subfield = EmailField(rawValue: number) else { continue }
            try mark(number, in: &seen, p, headerAt: start)
            switch subfield {
            case .normalized: normalized = try p.string()
            case .display: display = try p.string()
            case .primary: isPrimary = try p.boolValue()
            }
        }
        guard let normalized else {
            throw e.failure(.missingSubfield(EmailField.normalized.rawValue), at: elementStart)
        }
        guard let address = EmailAddress(storedNormalized: normalized, display: display ?? normalized) else {
            throw e.failure(.invalidValue("""
                the email address "\(NormalizationError.escaped(normalized))" does not have exactly \
                one @ between a local part and a domain
                """), at: elementStart)
        }
        return ContactEmail(address, isPrimary: isPrimary)
    }

    /// The address's subfields; missing parts take their defaults.
    static func readAddress(from e: inout RecordReader) throws(RecordDecodingError) -> Address {
        var address = Address()
        var seen: UInt64 = 0
        while !e.isAtEnd {
            let start = e.offset
            let (number, payload) = try e.subfieldHeader()
            var p = payload
            guard let subfield = AddressField(rawValue: number) else { continue }
            try mark(number, in: &seen, p, headerAt: start)
            switch subfield {
            case .raw: address.raw = try p.string()
            case .street: address.street = try p.string()
            case .ward: address.ward = try p.string()
            case .province: address.province = try p.string()
            case .country: address.country = try p.string()
            }
        }
        return address
    }

    /// A source element; missing parts are empty.
    static func readSource(from e: inout RecordReader) throws(RecordDecodingError) -> SourceReference {
        var source = SourceReference(system: "", externalID: "")
        var seen: UInt64 = 0
        while !e.isAtEnd {
            let start = e.offset
            let (number, payload) = try e.subfieldHeader()
            var p = payload
            guard let subfield = SourceField(rawValue: number) else { continue }
            try mark(number, in: &seen, p, headerAt: start)
            switch subfield {
            case .system: source.system = try p.string()
            case .externalID: source.externalID = try p.string()
            }
        }
        return source
    }

    /// A consent element: its purpose (required) and the answer.
    static func readConsent(from e: inout RecordReader) throws(RecordDecodingError)
        -> (ConsentPurpose, ConsentRecord)
    {
        let elementStart = e.offset
        var purpose: ConsentPurpose?
        var record = ConsentRecord(granted: false, at: zeroDate)
        var seen: UInt64 = 0
        while !e.isAtEnd {
            let start = e.offset
            let (number, payload) = try e.subfieldHeader()
            var p = payload
            guard let subfield = ConsentField(rawValue: number) else { continue }
            try mark(number, in: &seen, p, headerAt: start)
            switch subfield {
            case .purpose: purpose = ConsentPurpose(rawValue: try p.string())
            case .granted: record.granted = try p.boolValue()
            case .at: record.at = try readDate(from: &p)
            }
        }
        guard let purpose else {
            throw e.failure(.missingSubfield(ConsentField.purpose.rawValue), at: elementStart)
        }
        return (purpose, record)
    }

    /// An attribute element: its name and exactly one value.
    static func readAttribute(from e: inout RecordReader) throws(RecordDecodingError)
        -> (String, AttributeValue)
    {
        let elementStart = e.offset
        var name: String?
        var value: AttributeValue?
        var seen: UInt64 = 0
        while !e.isAtEnd {
            let start = e.offset
            let (number, payload) = try e.subfieldHeader()
            var p = payload
            guard let subfield = AttributeField(rawValue: number) else { continue }
            if subfield != .name, value != nil {
                throw p.failure(.invalidValue("an attribute has more than one value"), at: start)
            }
            try mark(number, in: &seen, p, headerAt: start)
            switch subfield {
            case .name: name = try p.string()
            case .string: value = .string(try p.string())
            case .integer: value = .integer(try p.signedValue())
            case .decimal: value = .decimal(Double(bitPattern: try p.fixed64()))
            case .bool: value = .bool(try p.boolValue())
            case .date: value = .date(try readDate(from: &p))
            }
        }
        guard let name else {
            throw e.failure(.missingSubfield(AttributeField.name.rawValue), at: elementStart)
        }
        guard let value else {
            throw e.failure(.invalidValue("the attribute \"\(NormalizationError.escaped(name))\" has no value"),
                            at: elementStart)
        }
        return (name, value)
    }
}
