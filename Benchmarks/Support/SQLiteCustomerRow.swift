import CustomerStore
import Foundation

/// A `Customer` as a `customers` row: binding every field for an insert, and rebuilding the
/// full value from a selected row. Phones and emails come back through the stored-form
/// initialisers, so SQLite pays no re-parsing (CustomerStore's reader does not either).
enum SQLiteCustomerRow {
    /// Binds `customer` to the parameters of ``SQLiteSchema/insert``, in column order. An id
    /// of 0 binds NULL, so SQLite assigns the next rowid as CustomerStore assigns the next id.
    static func bind(_ c: Customer, to s: SQLiteStatement) throws(SQLiteError) {
        var index: Int32 = 0
        func next() -> Int32 { index += 1; return index }
        try s.bind(next(), c.id == 0 ? nil : Int64(bitPattern: c.id))
        try s.bind(next(), c.code)
        try s.bind(next(), c.fullName)
        try s.bind(next(), c.gender.rawValue)
        try s.bind(next(), c.birthDate?.description)
        try s.bind(next(), c.phones.first?.number.e164)
        try s.bind(next(), SQLiteFieldText.encode(c.phones.enumerated()) { offset, phone in
            [offset == 0 ? "" : phone.number.e164, phone.number.raw, phone.number.kind.rawValue,
             String(phone.number.countryCode), phone.isPrimary ? "1" : "0"]
        })
        try s.bind(next(), c.emails.first?.address.normalized)
        try s.bind(next(), SQLiteFieldText.encode(c.emails.enumerated()) { offset, email in
            [offset == 0 ? "" : email.address.normalized, email.address.display, email.isPrimary ? "1" : "0"]
        })
        try s.bind(next(), c.address.raw)
        try s.bind(next(), c.address.street)
        try s.bind(next(), c.address.ward)
        try s.bind(next(), c.address.province)
        try s.bind(next(), c.address.country)
        try s.bind(next(), c.occupation)
        try s.bind(next(), c.jobTitle)
        try s.bind(next(), c.education)
        try s.bind(next(), c.maritalStatus)
        try s.bind(next(), c.incomeBand)
        try s.bind(next(), c.segment)
        try s.bind(next(), SQLiteFieldText.encode(c.tags) { [$0] })
        try s.bind(next(), c.tier?.rawValue)
        try s.bind(next(), c.lifecycle.rawValue)
        try s.bind(next(), c.preferredChannel?.rawValue)
        try s.bind(next(), c.owner)
        try s.bind(next(), SQLiteFieldText.encode(c.sources) { [$0.system, $0.externalID] })
        try s.bind(next(), c.points)
        try s.bind(next(), c.totalSpent)
        try s.bind(next(), c.orderCount)
        try s.bind(next(), c.lastPurchaseAt?.timeIntervalSinceReferenceDate)
        try s.bind(next(), c.lastInteractionAt?.timeIntervalSinceReferenceDate)
        try s.bind(next(), SQLiteFieldText.encode(c.consent) { purpose, record in
            [purpose.rawValue, record.granted ? "1" : "0", record.at.timeIntervalSinceReferenceDate.description]
        })
        try s.bind(next(), Int64(c.restricted ? 1 : 0))
        try s.bind(next(), SQLiteFieldText.encode(c.attributes) { name, value in
            switch value {
            case .string(let text): [name, "s", text]
            case .integer(let number): [name, "i", String(number)]
            case .decimal(let number): [name, "d", number.description]
            case .bool(let flag): [name, "b", flag ? "1" : "0"]
            case .date(let date): [name, "t", date.timeIntervalSinceReferenceDate.description]
            }
        })
        try s.bind(next(), c.createdAt.timeIntervalSinceReferenceDate)
        try s.bind(next(), c.updatedAt.timeIntervalSinceReferenceDate)
        try s.bind(next(), Int64(bitPattern: c.version))
        try s.bind(next(), c.mergedInto.map { Int64(bitPattern: $0) })
        assert(Int(index) == SQLiteSchema.columns.count, "every column is bound")
    }

    /// The customer in the current row of a statement selecting ``SQLiteSchema/selectColumns``.
    static func read(_ s: SQLiteStatement) throws(SQLiteError) -> Customer {
        var column: Int32 = -1
        func next() -> Int32 { column += 1; return column }
        func name() -> String { SQLiteSchema.columns[Int(column)].name }
        func parsed<T>(_ text: String, _ parse: (String) -> T?) throws(SQLiteError) -> T {
            guard let value = parse(text) else { throw SQLiteError(corruptColumn: name(), value: text) }
            return value
        }
        func flag(_ text: String) -> Bool { text == "1" }

        let id = UInt64(bitPattern: s.int64(next()))
        var customer = Customer(fullName: "", id: id)
        customer.code = s.text(next())
        customer.fullName = s.text(next())
        customer.gender = try parsed(s.text(next())) { Gender(rawValue: $0) }
        if let birth = s.optionalText(next()) { customer.birthDate = try parsed(birth) { CalendarDate($0) } }

        let firstPhone = s.optionalText(next()) ?? ""
        if let bytes = s.bytes(next()) {
            var phones: [ContactPhone] = []
            var failure: SQLiteError?
            SQLiteFieldText.decode(bytes) { fields in
                guard failure == nil else { return }
                guard fields.count == 5, let kind = PhoneNumber.Kind(rawValue: fields[2]),
                      let countryCode = Int(fields[3]),
                      let number = PhoneNumber(storedE164: phones.isEmpty ? firstPhone : fields[0],
                                               raw: fields[1], kind: kind, countryCode: countryCode)
                else { failure = SQLiteError(corruptColumn: "phones", value: fields.joined(separator: "|")); return }
                phones.append(ContactPhone(number, isPrimary: flag(fields[4])))
            }
            if let failure { throw failure }
            customer.phones = phones
        }

        let firstEmail = s.optionalText(next()) ?? ""
        if let bytes = s.bytes(next()) {
            var emails: [ContactEmail] = []
            var failure: SQLiteError?
            SQLiteFieldText.decode(bytes) { fields in
                guard failure == nil else { return }
                guard fields.count == 3,
                      let address = EmailAddress(storedNormalized: emails.isEmpty ? firstEmail : fields[0],
                                                 display: fields[1])
                else { failure = SQLiteError(corruptColumn: "emails", value: fields.joined(separator: "|")); return }
                emails.append(ContactEmail(address, isPrimary: flag(fields[2])))
            }
            if let failure { throw failure }
            customer.emails = emails
        }

        customer.address = Address(raw: s.text(next()), street: s.text(next()), ward: s.text(next()),
                                   province: s.text(next()), country: s.text(next()))
        customer.occupation = s.optionalText(next())
        customer.jobTitle = s.optionalText(next())
        customer.education = s.optionalText(next())
        customer.maritalStatus = s.optionalText(next())
        customer.incomeBand = s.optionalText(next())
        customer.segment = s.optionalText(next())
        if let bytes = s.bytes(next()) {
            var tags = Set<String>()
            SQLiteFieldText.decode(bytes) { fields in tags.insert(fields[0]) }
            customer.tags = tags
        }
        if let tier = s.optionalText(next()) { customer.tier = try parsed(tier) { Tier(rawValue: $0) } }
        customer.lifecycle = try parsed(s.text(next())) { Lifecycle(rawValue: $0) }
        if let channel = s.optionalText(next()) { customer.preferredChannel = try parsed(channel) { Channel(rawValue: $0) } }
        customer.owner = s.optionalText(next())
        if let bytes = s.bytes(next()) {
            var sources: [SourceReference] = []
            var failure: SQLiteError?
            SQLiteFieldText.decode(bytes) { fields in
                guard fields.count == 2 else {
                    failure = SQLiteError(corruptColumn: "sources", value: fields.joined(separator: "|")); return
                }
                sources.append(SourceReference(system: fields[0], externalID: fields[1]))
            }
            if let failure { throw failure }
            customer.sources = sources
        }
        customer.points = s.int64(next())
        customer.totalSpent = s.int64(next())
        customer.orderCount = s.int64(next())
        customer.lastPurchaseAt = s.optionalDouble(next()).map(Date.init(timeIntervalSinceReferenceDate:))
        customer.lastInteractionAt = s.optionalDouble(next()).map(Date.init(timeIntervalSinceReferenceDate:))
        if let bytes = s.bytes(next()) {
            var consent: [ConsentPurpose: ConsentRecord] = [:]
            var failure: SQLiteError?
            SQLiteFieldText.decode(bytes) { fields in
                guard fields.count == 3, let at = Double(fields[2]) else {
                    failure = SQLiteError(corruptColumn: "consent", value: fields.joined(separator: "|")); return
                }
                consent[ConsentPurpose(fields[0])] = ConsentRecord(
                    granted: flag(fields[1]), at: Date(timeIntervalSinceReferenceDate: at))
            }
            if let failure { throw failure }
            customer.consent = consent
        }
        customer.restricted = s.int64(next()) != 0
        if let bytes = s.bytes(next()) {
            var attributes: [String: AttributeValue] = [:]
            var failure: SQLiteError?
            SQLiteFieldText.decode(bytes) { fields in
                let value: AttributeValue? = if fields.count != 3 { nil } else {
                    switch fields[1] {
                    case "s": .string(fields[2])
                    case "i": Int64(fields[2]).map(AttributeValue.integer)
                    case "d": Double(fields[2]).map(AttributeValue.decimal)
                    case "b": .bool(flag(fields[2]))
                    case "t": Double(fields[2]).map { .date(Date(timeIntervalSinceReferenceDate: $0)) }
                    default: nil
                    }
                }
                guard let value else {
                    failure = SQLiteError(corruptColumn: "attributes", value: fields.joined(separator: "|")); return
                }
                attributes[fields[0]] = value
            }
            if let failure { throw failure }
            customer.attributes = attributes
        }
        customer.createdAt = Date(timeIntervalSinceReferenceDate: s.optionalDouble(next()) ?? 0)
        customer.updatedAt = Date(timeIntervalSinceReferenceDate: s.optionalDouble(next()) ?? 0)
        customer.version = UInt64(bitPattern: s.int64(next()))
        customer.mergedInto = s.optionalInt64(next()).map { UInt64(bitPattern: $0) }
        assert(Int(column) + 1 == SQLiteSchema.columns.count, "every column is read")
        return customer
    }
}
