import Foundation

/// A customer's answer for one ``ConsentPurpose``: granted or withdrawn, and when.
///
/// ```swift
/// customer.consent[.marketing] = ConsentRecord(granted: true, at: .now)
/// customer.consent[.marketing]?.granted  // true
/// ```
public struct ConsentRecord: Sendable, Hashable, Codable {
    /// Whether consent is given (`false`: refused or withdrawn).
    public var granted: Bool
    /// When it was given or withdrawn.
    public var at: Date

    /// Consent `granted` or withdrawn at `at`.
    public init(granted: Bool, at: Date) {
        self.granted = granted
        self.at = at
    }
}
