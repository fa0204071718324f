/// A query: an optional filter, a sort order and a limit.
///
/// ```swift
/// let query = try CustomerQuery(parsing: """
///     segment = 'loyal' AND province = 'Hà Nội' AND points > 50000
///     ORDER BY points DESC LIMIT 20
///     """)
/// let same = CustomerQuery(
///     filter: QueryField.segment == "loyal" && QueryField.province == "Hà Nội" && QueryField.points > 50_000,
///     order: [.descending(.points)], limit: 20)
/// ```
///
/// Without an order, results come by `id` ascending. Customers with no value for a sort field
/// come last in either direction; ties are broken by `id` ascending.
public struct CustomerQuery: Hashable, Sendable, CustomStringConvertible {
    /// The condition; `nil` matches every customer.
    public var filter: CustomerPredicate?
    public var order: [SortKey]
    /// At most this many results; `nil` for all.
    public var limit: Int?

    public init(filter: CustomerPredicate? = nil, order: [SortKey] = [], limit: Int? = nil) {
        self.filter = filter
        self.order = order
        self.limit = limit
    }

    /// The query in the query language.
    public var description: String {
        var parts: [String] = []
        if let filter { parts.append(filter.description) }
        if !order.isEmpty { parts.append("ORDER BY " + order.map(\.description).joined(separator: ", ")) }
        if let limit { parts.append("LIMIT \(limit)") }
        return parts.joined(separator: " ")
    }
}

/// One field of an `ORDER BY`.
public struct SortKey: Hashable, Sendable, CustomStringConvertible {
    /// The field sorted on; fields with several values (`tags`, `phone`, `email`) are rejected.
    public var field: QueryField
    /// Largest first; customers with no value still come last.
    public var descending: Bool

    public init(_ field: QueryField, descending: Bool = false) {
        self.field = field
        self.descending = descending
    }

    public static func ascending(_ field: QueryField) -> SortKey { SortKey(field) }
    public static func descending(_ field: QueryField) -> SortKey { SortKey(field, descending: true) }

    public var description: String { descending ? "\(field) DESC" : "\(field) ASC" }
}
