import ArgumentParser
import CustomerStore

/// `cstore update`: changes fields of one customer in one transaction.
struct UpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Change fields of a customer: --set field=value, repeatable.",
        discussion: """
            Fields: \(Assignment.fields.joined(separator: ", ")). An empty value clears an \
            optional field. tags, phone and email take comma-separated lists (the first phone \
            or email becomes the primary one). Prints the code and the new version.
            """)

    @OptionGroup var store: StoreOptions
    @Argument(help: "The customer's code.") var code: String
    @Option(name: .customLong("set"), help: ArgumentHelp("A field to change.", valueName: "field=value"))
    var assignments: [String] = []

    func validate() throws {
        if assignments.isEmpty { throw ValidationError("give at least one --set field=value") }
        for text in assignments { _ = try Assignment(text) }
    }

    func run() throws {
        let parsed = try assignments.map(Assignment.init)
        let updated = try store.open().update(code: code) { customer in
            for assignment in parsed { try assignment.apply(to: &customer) }
        }
        print("\(updated.code) version \(updated.version)")
    }
}

/// One `field=value` of `cstore update`, checked for its field before the store opens.
struct Assignment {
    /// The field names accepted, in the order the help lists them.
    static let fields = [
        "full_name", "name", "segment", "tier", "points", "owner", "province", "tags", "gender",
        "lifecycle", "birth_date", "phone", "email",
    ]

    let field: String
    let value: String

    /// Splits `field=value`.
    ///
    /// - Throws: `ValidationError` (exit 2) for a missing `=` or an unknown field, naming the
    ///   valid ones.
    init(_ text: String) throws {
        guard let equals = text.firstIndex(of: "=") else {
            throw ValidationError("expected field=value, got '\(text)'")
        }
        field = text[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
        value = String(text[text.index(after: equals)...])
        guard Self.fields.contains(field) else {
            throw ValidationError("unknown field '\(field)'; valid fields: \(Self.fields.joined(separator: ", "))")
        }
    }

    /// Changes `customer`.
    ///
    /// - Throws: ``Failure`` with exit code 3 when the value does not fit the field.
    func apply(to customer: inout Customer) throws {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        let optional: String? = trimmed.isEmpty ? nil : trimmed
        switch field {
        case "full_name", "name": customer.fullName = value
        case "segment": customer.segment = optional
        case "owner": customer.owner = optional
        case "province": customer.address.province = trimmed
        case "tags": customer.tags = Set(list(trimmed))
        case "points":
            guard let points = Int64(trimmed) else { throw invalid("expected an integer") }
            customer.points = points
        case "tier":
            if let optional {
                guard let tier = Tier(rawValue: optional.lowercased()) else {
                    throw invalid("expected one of \(Tier.allCases.map(\.rawValue).joined(separator: ", ")) or empty")
                }
                customer.tier = tier
            } else {
                customer.tier = nil
            }
        case "gender":
            guard let gender = Gender(parsing: trimmed) else {
                throw invalid("expected one of \(Gender.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            customer.gender = gender
        case "lifecycle":
            guard let lifecycle = Lifecycle(rawValue: trimmed.lowercased()) else {
                throw invalid("expected one of \(Lifecycle.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            customer.lifecycle = lifecycle
        case "birth_date":
            if let optional {
                guard let date = CalendarDate(optional) else { throw invalid("expected a date YYYY-MM-DD") }
                customer.birthDate = date
            } else {
                customer.birthDate = nil
            }
        case "phone":
            customer.phones = try list(trimmed).enumerated().map { index, raw in
                do { return try ContactPhone(parsing: raw, isPrimary: index == 0) } catch let error as NormalizationError { throw invalid(error.reason) }
            }
        case "email":
            customer.emails = try list(trimmed).enumerated().map { index, raw in
                do { return try ContactEmail(parsing: raw, isPrimary: index == 0) } catch let error as NormalizationError { throw invalid(error.reason) }
            }
        default:
            throw ValidationError("unknown field '\(field)'")
        }
    }

    /// The non-empty comma-separated items of `text`, trimmed.
    private func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The data error for this value.
    private func invalid(_ reason: String) -> Failure {
        Failure(.dataError, "invalid \(field) \"\(value)\": \(reason)")
    }
}
