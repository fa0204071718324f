/// One page of results and the token for the next one.
///
/// ```swift
/// var token: PageToken? = nil
/// repeat {
///     let page = try store.page(query, size: 50, after: token)
///     show(page.customers)
///     token = page.next
/// } while token != nil
/// ```
public struct QueryPage: Sendable {
    public var customers: [Customer]
    /// Where the next page starts, or `nil` when this page is the last.
    public var next: PageToken?
}

/// An opaque position in a query's results: the next page starts after the row it names,
/// so pages stay without gaps or repeats while other customers are written. A token only
/// works with the query that made it.
public struct PageToken: Hashable, Sendable, CustomStringConvertible {
    /// The token as printable text (URL-safe), for a CLI or an HTTP response.
    public let text: String

    public init(_ text: String) { self.text = text }

    public var description: String { text }
}

/// The number of customers with one value of a field, from
/// ``CustomerStore/groupCount(by:where:)``.
public struct GroupCount: Hashable, Sendable {
    /// The value as a customer holds it (`Hà Nội`), or `nil` for the customers with none.
    public var value: String?
    public var count: Int
}
