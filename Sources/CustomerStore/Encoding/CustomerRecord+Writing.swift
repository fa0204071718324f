import Foundation

/// Writing a customer's fields, in field-number order, leaving out default values.
extension CustomerRecord {
    static func writeFields(of c: Customer, to w: inout RecordWriter) {
        if !c.code.isEmpty { w.string(RecordField.code.rawValue, c.code) }
        if !c.fullName.isEmpty { w.string(RecordField.fullName.rawValue, c.fullName) }
        if c.gender != .unknown { w.string(RecordField.gender.rawValue, c.gender.rawValue) }
        if let birth = c.birthDate {
            w.nested(RecordField.birthDate.rawValue) { w in
                w.varint(UInt64(birth.year))
                w.byte(UInt8(birth.month))
                w.byte(UInt8(birth.day))
            }
        }
        if !c.phones.isEmpty {
            w.nested(RecordField.phones.rawValue) { w in
                w.varint(UInt64(c.phones.count))
                for phone in c.phones { w.lengthPrefixed { write(phone, to: &$0) } }
            }
        }
        if !c.emails.isEmpty {
            w.nested(RecordField.emails.rawValue) { w in
                w.varint(UInt64(c.emails.count))
                for email in c.emails { w.lengthPrefixed { write(email, to: &$0) } }
            }
        }
        if !c.address.isEmpty {
            w.nested(RecordField.address.rawValue) { write(c.address, to: &$0) }
        }
        optional(.occupation, c.occupation, to: &w)
        optional(.jobTitle, c.jobTitle, to: &w)
        optional(.education, c.education, to: &w)
        optional(.maritalStatus, c.maritalStatus, to: &w)
        optional(.incomeBand, c.incomeBand, to: &w)
        optional(.segment, c.segment, to: &w)
        if !c.tags.isEmpty {
            w.nested(RecordField.tags.rawValue) { w in
                w.varint(UInt64(c.tags.count))
                for tag in c.tags.sorted(by: utf8Order) {
                    w.varint(UInt64(tag.utf8.count))
                    w.utf8(tag)
                }
            }
        }
        optional(.tier, c.tier?.rawValue, to: &w)
        if c.lifecycle != .lead { w.string(RecordField.lifecycle.rawValue, c.lifecycle.rawValue) }
        optional(.preferredChannel, c.preferredChannel?.rawValue, to: &w)
        optional(.owner, c.owner, to: &w)
        if !c.sources.isEmpty {
            w.nested(RecordField.sources.rawValue) { w in
                w.varint(UInt64(c.sources.count))
                for source in c.sources { w.lengthPrefixed { write(source, to: &$0) } }
            }
        }
        if c.points != 0 { w.signed(RecordField.points.rawValue, c.points) }
        if c.totalSpent != 0 { w.signed(RecordField.totalSpent.rawValue, c.totalSpent) }
        if c.orderCount != 0 { w.signed(RecordField.orderCount.rawValue, c.orderCount) }
        if let date = c.lastPurchaseAt { w.date(RecordField.lastPurchaseAt.rawValue, date) }
        if let date = c.lastInteractionAt { w.date(RecordField.lastInteractionAt.rawValue, date) }
        if !c.consent.isEmpty {
            w.nested(RecordField.consent.rawValue) { w in
                w.varint(UInt64(c.consent.count))
                for (purpose, record) in c.consent.sorted(by: { utf8Order($0.key.rawValue, $1.key.rawValue) }) {
                    w.lengthPrefixed { write(purpose, record, to: &$0) }
                }
            }
        }
        if c.restricted { w.bool(RecordField.restricted.rawValue, true) }
        if !c.attributes.isEmpty {
            w.nested(RecordField.attributes.rawValue) { w in
                w.varint(UInt64(c.attributes.count))
                for (name, value) in c.attributes.sorted(by: { utf8Order($0.key, $1.key) }) {
                    w.lengthPrefixed { write(name, value, to: &$0) }
                }
            }
        }
        if !isZero(c.createdAt) { w.date(RecordField.createdAt.rawValue, c.createdAt) }
        if !isZero(c.updatedAt) { w.date(RecordField.updatedAt.rawValue, c.updatedAt) }
        if c.version != 0 { w.unsigned(RecordField.version.rawValue, c.version) }
        if let survivor = c.mergedInto { w.unsigned(RecordField.mergedInto.rawValue, survivor) }
    }

    // MARK: Elements

    private static func write(_ phone: ContactPhone, to w: inout RecordWriter) {
        let number = phone.number
        w.string(PhoneField.e164.rawValue, number.e164)
        if !number.raw.utf8.elementsEqual(number.e164.utf8) { w.string(PhoneField.raw.rawValue, number.raw) }
        if number.kind != .mobile { w.string(PhoneField.kind.rawValue, number.kind.rawValue) }
        w.unsigned(PhoneField.countryCode.rawValue, UInt64(number.countryCode))
        if phone.isPrimary { w.bool(PhoneField.primary.rawValue, true) }
    }

    private static func write(_ email: ContactEmail, to w: inout RecordWriter) {
        let address = email.address
        w.string(EmailField.normalized.rawValue, address.normalized)
        if !address.display.utf8.elementsEqual(address.normalized.utf8) {
            w.string(EmailField.display.rawValue, address.display)
        }
        if email.isPrimary { w.bool(EmailField.primary.rawValue, true) }
    }

    private static func write(_ address: Address, to w: inout RecordWriter) {
        if !address.raw.isEmpty { w.string(AddressField.raw.rawValue, address.raw) }
        if !address.street.isEmpty { w.string(AddressField.street.rawValue, address.street) }
        if !address.ward.isEmpty { w.string(AddressField.ward.rawValue, address.ward) }
        if !address.province.isEmpty { w.string(AddressField.province.rawValue, address.province) }
        if !address.country.utf8.elementsEqual(Address.defaultCountry.utf8) {
            w.string(AddressField.country.rawValue, address.country)
        }
    }

    private static func write(_ source: SourceReference, to w: inout RecordWriter) {
        if !source.system.isEmpty { w.string(SourceField.system.rawValue, source.system) }
        if !source.externalID.isEmpty { w.string(SourceField.externalID.rawValue, source.externalID) }
    }

    private static func write(_ purpose: ConsentPurpose, _ record: ConsentRecord, to w: inout RecordWriter) {
        w.string(ConsentField.purpose.rawValue, purpose.rawValue)
        if record.granted { w.bool(ConsentField.granted.rawValue, true) }
        if !isZero(record.at) { w.date(ConsentField.at.rawValue, record.at) }
    }

    private static func write(_ name: String, _ value: AttributeValue, to w: inout RecordWriter) {
        w.string(AttributeField.name.rawValue, name)
        switch value {
        case .string(let text): w.string(AttributeField.string.rawValue, text)
        case .integer(let number): w.signed(AttributeField.integer.rawValue, number)
        case .decimal(let number): w.fixed64(AttributeField.decimal.rawValue, number.bitPattern)
        case .bool(let flag): w.bool(AttributeField.bool.rawValue, flag)
        case .date(let date): w.date(AttributeField.date.rawValue, date)
        }
    }

    // MARK: Helpers

    private static func optional(_ field: RecordField, _ text: String?, to w: inout RecordWriter) {
        if let text { w.string(field.rawValue, text) }
    }

    /// Whether `date` is the zero date (the reference date, bit pattern 0), the default that
    /// is not written.
    static func isZero(_ date: Date) -> Bool {
        date.timeIntervalSinceReferenceDate.bitPattern == 0
    }

    /// The order of set elements and dictionary keys in a record: by UTF-8 bytes, which is
    /// total and independent of the platform's Unicode tables.
    static func utf8Order(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}
