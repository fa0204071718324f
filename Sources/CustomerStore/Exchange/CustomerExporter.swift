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
        var names = Set<String>()
        if format == .csv {
            try store.forEach(query) { names.formUnion($0.attributes.keys); return true }
        }
        var rows = Self.RowWriter(writer, format: format, attributeNames: names.sorted())
        try rows.start()
        try store.forEach(query) { try rows.write($0); return true }
        return rows.count
    }

    /// Writes `customers` to an open file in `format`, with a CSV column for each of
    /// `attributeNames` (those of the customers when `nil`), as ``export(to:format:query:)``
    /// does for a store: for printing results that were not read from one.
    ///
    /// ```swift
    /// try CustomerExporter.write(page.customers, to: FileHandle.standardOutput, format: .csv)
    /// ```
    @discardableResult
    public static func write(_ customers: some Sequence<Customer>, attributeNames: [String]? = nil,
                             to handle: FileHandle, format: ExchangeFormat) throws -> Int {
        let names = attributeNames ?? Set(customers.flatMap(\.attributes.keys)).sorted()
        let writer = CSVLineWriter(handle: handle)
        var rows = RowWriter(writer, format: format, attributeNames: names)
        try rows.start()
        for customer in customers { try rows.write(customer) }
        try writer.flush()
        return rows.count
    }

    /// One customer per record or line, after the CSV header.
    private struct RowWriter {
        let writer: CSVLineWriter
        let format: ExchangeFormat
        let columns: [ImportColumn]
        let encoder = ExchangeJSON.encoder()
        var count = 0

        init(_ writer: CSVLineWriter, format: ExchangeFormat, attributeNames: [String]) {
            self.writer = writer
            self.format = format
            columns = ImportColumn.exportOrder + attributeNames.map(ImportColumn.attribute)
        }

        func start() throws {
            if format == .csv { try writer.write(columns.map(\.canonicalHeader)) }
        }

        mutating func write(_ customer: Customer) throws {
            switch format {
            case .csv:
                try writer.write(columns.map { CustomerExporter.cell($0, of: customer) })
            case .jsonLines:
                // Ids and versions are the store's own; a re-import assigns new ones.
                var exported = customer
                exported.id = 0
                exported.version = 0
                try writer.writeLine(try encoder.encode(exported))
            }
            count += 1
        }
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
