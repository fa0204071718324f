/// Where a customer record came from: a system and the record's id in that system.
///
/// A pair is unique across the store, so importing the same row twice finds the customer it
/// created the first time.
///
/// ```swift
/// let source = SourceReference(system: "pos", externalID: "C-000123")
/// var customer = Customer(fullName: "Lê Văn Minh", sources: [source])
/// ```
public struct SourceReference: Sendable, Hashable, Codable {
    /// The system, such as `pos`, `web-form` or `import:2025-06`.
    public var system: String
    /// The record's id in that system.
    public var externalID: String

    /// A reference to record `externalID` of `system`.
    public init(system: String, externalID: String) {
        self.system = system
        self.externalID = externalID
    }
}
