import Foundation

/// Reading the elements of repeated and structured fields (phones, emails, the address,
/// sources, consent, attributes): sequences of subfields, unknown numbers skipped, each known
/// subfield at most once (``RecordReader/forEachSubfield(_:_:)``), required subfields checked.
extension CustomerRecord {
    /// A phone element; the number is rebuilt without being parsed again.
    static func readPhone(from e: inout RecordReader) throws(RecordDecodingError) -> ContactPhone {
        let elementStart = e.offset
        var e164: String?
        var raw: String?
        var kind = PhoneNumber.Kind.mobile
        var countryCode: UInt64?
        var isPrimary = false
        try e.forEachSubfield(PhoneField.self) { subfield, p throws(RecordDecodingError) in
            switch subfield {
            case .e164: e164 = try p.string()
            case .raw: raw = try p.string()
            case .kind: kind = try p.enumValue(PhoneNumber.Kind.self)
            case .countryCode: countryCode = try p.unsignedValue()
            case .primary: isPrimary = try p.boolValue()
            }
        }
        guard let e164 else { throw e.missing(PhoneField.e164, elementAt: elementStart) }
        guard let countryCode else { throw e.missing(PhoneField.countryCode, elementAt: elementStart) }
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
        try e.forEachSubfield(EmailField.self) { subfield, p throws(RecordDecodingError) in
            switch subfield {
            case .normalized: normalized = try p.string()
            case .display: display = try p.string()
            case .primary: isPrimary = try p.boolValue()
            }
        }
        guard let normalized else { throw e.missing(EmailField.normalized, elementAt: elementStart) }
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
        try e.forEachSubfield(AddressField.self) { subfield, p throws(RecordDecodingError) in
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
        try e.forEachSubfield(SourceField.self) { subfield, p throws(RecordDecodingError) in
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
        try e.forEachSubfield(ConsentField.self) { subfield, p throws(RecordDecodingError) in
            switch subfield {
            case .purpose: purpose = ConsentPurpose(rawValue: try p.string())
            case .granted: record.granted = try p.boolValue()
            case .at: record.at = try readDate(from: &p)
            }
        }
        guard let purpose else { throw e.missing(ConsentField.purpose, elementAt: elementStart) }
        return (purpose, record)
    }

    /// An attribute element: its name and exactly one value.
    ///
    /// A second value is reported as such even when it repeats the first value's subfield, so
    /// that check comes before the one for a repeated number, and this loop makes both itself.
    static func readAttribute(from e: inout RecordReader) throws(RecordDecodingError)
        -> (String, AttributeValue)
    {
        let elementStart = e.offset
        var name: String?
        var value: AttributeValue?
        var seen: UInt64 = 0
        while let (subfield, payload, start) = try e.nextKnownSubfield(AttributeField.self) {
            var p = payload
            if subfield != .name, value != nil {
                throw p.failure(.invalidValue("an attribute has more than one value"), at: start)
            }
            try p.markSeen(subfield.rawValue, in: &seen, headerAt: start)
            switch subfield {
            case .name: name = try p.string()
            case .string: value = .string(try p.string())
            case .integer: value = .integer(try p.signedValue())
            case .decimal: value = .decimal(Double(bitPattern: try p.fixed64()))
            case .bool: value = .bool(try p.boolValue())
            case .date: value = .date(try readDate(from: &p))
            }
        }
        guard let name else { throw e.missing(AttributeField.name, elementAt: elementStart) }
        guard let value else {
            throw e.failure(.invalidValue("the attribute \"\(NormalizationError.escaped(name))\" has no value"),
                            at: elementStart)
        }
        return (name, value)
    }
}
