import Foundation

/// Writes customers to a CSV or JSON Lines file, streaming from the store.
///
/// CSV: the canonical English headers (`code`, `full_name`, `phones`, `emails`, `gender`,
/// `birth_date`, `province`, `address`, `segment`, `tier`, `tags`, `points`, `total_spent`,
/// `order_count`, `last_purchase`, `last_interaction`, `created_at`, `updated_at`, `owner`,
/// `channel`, `lifecycle`, `street`, `ward`, `country`, `occupation`, `job_title`,
/// `education`, `marital_status`, `income_band`, `restricted`, `sources`), then one
/// `attr.NAME` column per attribute name found, sorted. Phones in E.164 and emails in their
/// display form, joined by `; `; tags sorted; timestamps in milliseconds, UTC. Attribute
/// values are written as text (`true`, `42`, timestamps), so they come back as string
/// attributes; consent and the store's ids and versions are not in the CSV form.
///
/// JSON Lines: ``Customer``'s `Codable` form, sorted keys, one object per line, with `id` and
/// `version` written as 0 (the store assigns both on import), everything else as stored.
///
/// Either form imports back into an empty store (``CustomerImporter``) with the same codes,
/// fields and timestamps, so exporting that store gives the same bytes. Lost on the way: a
/// tag or attribute text that contains `;` or `,` in a list cell is split on import.
///
/// ```swift
/// let exporter = CustomerExporter(store: store)
/// let count = try exporter.export(to: URL(fileURLWithPath: "customers.csv"))
/// try exporter.export(to: URL(fileURLWithPath: "vip.jsonl"),
///                     query: CustomerQuery(filter: QueryField.tags == "vip"))
/// ```
public struct CustomerExporter: Sendable {
    /// The store to export from.
    public let store: CustomerStore

    /// An exporter of `store`.
    public init(store: CustomerStore) { self.store = store }

    /// Writes the customers `query` selects (all, in id order, by default) to `url` in
    /// `format` (by default the one the extension names, else CSV).
    ///
    /// - Returns: How many customers were written.
    @discardableResult
    public func export(to url: URL, format: ExchangeFormat? = nil, query: CustomerQuery = CustomerQuery()) throws -> Int {
        let writer = try CSVLineWriter(url: url)
        let count = try export(to: writer, format: format ?? ExchangeFormat(detecting: url) ?? .csv, query: query)
        try writer.close()
        return count
    }

    /// Writes the customers `query` selects to an open file such as standard output, which
    /// is left open.
    ///
    /// ```swift
    /// try exporter.export(to: FileHandle.standardOutput, format: .jsonLines)
    /// ```
    @discardableResult
    public func export(to handle: FileHandle, format: ExchangeFormat, query: CustomerQuery = CustomerQuery()) throws -> Int {
        let writer = CSVLineWriter(handle: handle)
        let count = try export(to: writer, format: format, query: query)
        try writer.flush()
        return count
    }

    private func export(to writer: CSVLineWriter, format: ExchangeFormat, query: CustomerQuery) throws -> Int {
        var count = 0
        switch format {
        case .csv:
            var names = Set<String>()
            try store.forEach(query) { names.formUnion($0.attributes.keys); return true }
            let attributes = names.sorted()
            let columns = ImportColumn.exportOrder + attributes.map(ImportColumn.attribute)
            try writer.write(columns.map(\.canonicalHeader))
            try store.forEach(query) { customer in
                try writer.write(columns.map { Self.cell($0, of: customer) })
                count += 1
                return true
            }
        case .jsonLines:
            let encoder = ExchangeJSON.encoder()
            try store.forEach(query) { customer in
                var exported = customer
                exported.id = 0
                exported.version = 0
                try writer.writeLine(try encoder.encode(exported))
                count += 1
                return true
            }
        }
        return count
    }

    /// The text of `column` for `customer`, as import reads it back.
    static func cell(_ column: ImportColumn, of c: Customer) -> String {
        switch column {
        case .code: c.code
        case .fullName: c.fullName
        case .phones: c.phones.map(\.number.e164).joined(separator: "; ")
        case .emails: c.emails.map(\.address.display).joined(separator: "; ")
        case .gender: c.gender == .unknown ? "" : c.gender.rawValue
        case .birthDate: c.birthDate?.description ?? ""
        case .province: c.address.province
        case .address: c.address.raw
        case .street: c.address.street
        case .ward: c.address.ward
        case .country: c.address.country
        case .segment: c.segment ?? ""
        case .tier: c.tier?.rawValue ?? ""
        case .tags: c.tags.sorted().joined(separator: "; ")
        case .points: String(c.points)
        case .totalSpent: String(c.totalSpent)
        case .orderCount: String(c.orderCount)
        case .lastPurchase: c.lastPurchaseAt.map(ExchangeValues.timestamp) ?? ""
        case .lastInteraction: c.lastInteractionAt.map(ExchangeValues.timestamp) ?? ""
        case .createdAt: ExchangeValues.timestamp(c.createdAt)
        case .updatedAt: ExchangeValues.timestamp(c.updatedAt)
        case .owner: c.owner ?? ""
        case .channel: c.preferredChannel?.rawValue ?? ""
        case .lifecycle: c.lifecycle.rawValue
        case .occupation: c.occupation ?? ""
        case .jobTitle: c.jobTitle ?? ""
        case .education: c.education ?? ""
        case .maritalStatus: c.maritalStatus ?? ""
        case .incomeBand: c.incomeBand ?? ""
        case .restricted: c.restricted ? "true" : "false"
        case .sources: c.sources.map { "\($0.system):\($0.externalID)" }.joined(separator: "; ")
        case .attribute(let name): c.attributes[name].map(text) ?? ""
        case .ignored: ""
        }
    }

    private static func text(_ value: AttributeValue) -> String {
        switch value {
        case .string(let text): text
        case .integer(let number): String(number)
        case .decimal(let number): String(number)
        case .bool(let flag): flag ? "true" : "false"
        case .date(let date): ExchangeValues.timestamp(date)
        }
    }
}
