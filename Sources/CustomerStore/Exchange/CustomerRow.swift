import Foundation

/// One data row of a CSV file: its cells, where it starts, and its conversion to a
/// ``Customer``.
///
/// Empty cells mean absent. Phones and emails: several in one cell separated by `;` or `,`,
/// the first is primary; tags likewise; sources as `system:id` separated by `;`. Numbers,
/// days and timestamps as ``ExchangeValues`` reads them; gender through
/// ``Gender/init(parsing:)``; tier, lifecycle and channel by their English names (or the
/// Vietnamese ones listed in the source) in any case. Unknown columns become string
/// attributes.
///
/// ```swift
/// let mapping = try HeaderMapping(headers: ["name", "phone"], file: "a.csv")
/// let row = CustomerRow(file: "a.csv", line: 2, cells: ["Lan", "0912 345 678; 0987654321"])
/// let customer = try row.customer(mapping)   // two phones, the first primary
/// ```
public struct CustomerRow: Sendable, Hashable {
    /// The file's name, for problems.
    public let file: String
    /// The physical line the row starts on.
    public let line: Int
    /// The cells as read, in the header's column order.
    public let cells: [String]

    /// A row of `file` starting at `line`.
    public init(file: String, line: Int, cells: [String]) {
        self.file = file
        self.line = line
        self.cells = cells
    }

    /// The customer this row describes, and whether it gave an `updatedAt` (to keep).
    ///
    /// - Throws: ``ImportProblem`` for the first bad cell: a wrong number of cells, a missing
    ///   name, an invalid phone or email, a malformed number, day or timestamp, or an unknown
    ///   gender, tier, lifecycle, channel or yes/no.
    public func customer(_ mapping: HeaderMapping) throws(ImportProblem) -> Customer {
        try converted(mapping).customer
    }

    func converted(_ mapping: HeaderMapping) throws(ImportProblem) -> (customer: Customer, hasUpdatedAt: Bool) {
        guard cells.count == mapping.columns.count else {
            throw ImportProblem(file: file, line: line,
                                reason: "has \(cells.count) fields, the header has \(mapping.columns.count)")
        }
        var c = Customer(fullName: "", createdAt: Date(timeIntervalSinceReferenceDate: 0))
        var hasCreatedAt = false, hasUpdatedAt = false
        var nameHeader = "full_name"
        for index in cells.indices {
            let column = mapping.columns[index], header = mapping.headers[index]
            let value = String(TextNormalizer.trimmed(cells[index]))
            if column == .fullName { nameHeader = header }
            if value.isEmpty { continue }
            func problem(_ reason: String, _ shown: String? = nil) -> ImportProblem {
                ImportProblem(file: file, line: line, column: header, value: shown ?? value, reason: reason)
            }
            func number() throws(ImportProblem) -> Int64 {
                guard let number = ExchangeValues.integer(value) else { throw problem("is not a whole number") }
                return number
            }
            func instant() throws(ImportProblem) -> Date {
                guard let date = ExchangeValues.timestamp(value) else {
                    throw problem("is not a date and time (ISO 8601, YYYY-MM-DD or DD/MM/YYYY)")
                }
                return date
            }
            func named<T>(_ kind: String, _ parse: (String) -> T?, _ names: [String]) throws(ImportProblem) -> T {
                guard let parsed = parse(value) else {
                    throw problem("is not a \(kind) (\(names.joined(separator: ", ")))")
                }
                return parsed
            }
            switch column {
            case .code: c.code = value
            case .fullName: c.fullName = value
            case .phones:
                for item in ExchangeValues.list(value) {
                    do {
                        c.phones.append(try ContactPhone(parsing: item, isPrimary: c.phones.isEmpty))
                    } catch {
                        throw problem("is not a phone number (\(error.reason))", item)
                    }
                }
            case .emails:
                for item in ExchangeValues.list(value) {
                    do {
                        c.emails.append(try ContactEmail(parsing: item, isPrimary: c.emails.isEmpty))
                    } catch {
                        throw problem("is not an email address (\(error.reason))", item)
                    }
                }
            case .gender:
                c.gender = try named("gender", Gender.init(parsing:), ["male", "female", "other", "unknown", "nam", "nữ", "khác"])
            case .birthDate:
                guard let day = ExchangeValues.day(value) else { throw problem("is not a date (YYYY-MM-DD or DD/MM/YYYY)") }
                c.birthDate = day
            case .province: c.address.province = value
            case .address: c.address.raw = value
            case .street: c.address.street = value
            case .ward: c.address.ward = value
            case .country: c.address.country = value
            case .segment: c.segment = value
            case .tier: c.tier = try named("tier", ExchangeEnums.tier, Tier.allCases.map(\.rawValue))
            case .tags: c.tags.formUnion(ExchangeValues.list(value))
            case .points: c.points = try number()
            case .totalSpent: c.totalSpent = try number()
            case .orderCount: c.orderCount = try number()
            case .lastPurchase: c.lastPurchaseAt = try instant()
            case .lastInteraction: c.lastInteractionAt = try instant()
            case .createdAt: c.createdAt = try instant(); hasCreatedAt = true
            case .updatedAt: c.updatedAt = try instant(); hasUpdatedAt = true
            case .owner: c.owner = value
            case .channel:
                c.preferredChannel = try named("channel", ExchangeEnums.channel, Channel.allCases.map(\.rawValue))
            case .lifecycle:
                c.lifecycle = try named("lifecycle stage", ExchangeEnums.lifecycle, Lifecycle.allCases.map(\.rawValue))
            case .occupation: c.occupation = value
            case .jobTitle: c.jobTitle = value
            case .education: c.education = value
            case .maritalStatus: c.maritalStatus = value
            case .incomeBand: c.incomeBand = value
            case .restricted: c.restricted = try named("yes or no", ExchangeValues.bool, ["true", "false", "có", "không"])
            case .sources:
                for item in ExchangeValues.list(value, semicolonOnly: true) {
                    guard let colon = item.firstIndex(of: ":"), colon != item.startIndex else {
                        throw problem("is not a source (system:id)", item)
                    }
                    c.sources.append(SourceReference(system: String(item[..<colon]),
                                                     externalID: String(item[item.index(after: colon)...])))
                }
            case .attribute(let name): c.attributes[name] = .string(value)
            case .ignored: continue
            }
        }
        if c.fullName.isEmpty {
            throw ImportProblem(file: file, line: line, column: nameHeader, reason: "a customer needs a name")
        }
        if !hasCreatedAt { c.createdAt = hasUpdatedAt ? c.updatedAt : Date() }
        if !hasUpdatedAt { c.updatedAt = c.createdAt }
        return (c, hasUpdatedAt)
    }
}

/// The enum values import reads: English raw values in any case, and Vietnamese names.
///
/// A value that is a raw value as written (lowercase ASCII, which folds to itself and is no
/// Vietnamese name) is taken without folding, the common case of an exported file.
enum ExchangeEnums {
    static func tier(_ text: String) -> Tier? {
        if let tier = Tier(rawValue: text) { return tier }
        return switch TextNormalizer.searchFold(text) {
        case "thanh vien": .member
        case "bac": .silver
        case "vang": .gold
        case "bach kim": .platinum
        case "kim cuong": .diamond
        case let folded: Tier(rawValue: folded)
        }
    }

    static func lifecycle(_ text: String) -> Lifecycle? {
        if let stage = Lifecycle(rawValue: text) { return stage }
        return switch TextNormalizer.searchFold(text) {
        case "tiem nang": .prospect
        case "khach hang": .customer
        case "trung thanh": .loyal
        case let folded: Lifecycle(rawValue: folded)
        }
    }

    static func channel(_ text: String) -> Channel? {
        if let channel = Channel(rawValue: text) { return channel }
        return switch TextNormalizer.searchFold(text) {
        case "dien thoai", "goi dien": .phone
        case "tin nhan": .sms
        case "cua hang": .store
        case let folded: Channel(rawValue: folded)
        }
    }
}
