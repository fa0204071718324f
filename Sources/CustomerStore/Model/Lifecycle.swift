/// How far a customer has come with the business, in order:
/// lead < prospect < customer < repeat < loyal.
///
/// A customer's stage moves forward only; a merge keeps the furthest stage of the records it
/// joins. The raw values are stored in records and JSON and never change.
///
/// ```swift
/// var stage = Lifecycle.lead
/// stage = max(stage, .customer)   // moves forward
/// stage = max(stage, .prospect)   // stays .customer
/// Lifecycle.repeat < .loyal       // true
/// ```
public enum Lifecycle: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Known to the business, not yet qualified: the default.
    case lead
    /// Qualified, interested, has not bought yet.
    case prospect
    /// Has bought once.
    case customer
    /// Has bought more than once.
    case `repeat`
    /// Buys regularly.
    case loyal

    /// Whether `lhs` is an earlier stage than `rhs`.
    public static func < (lhs: Lifecycle, rhs: Lifecycle) -> Bool { lhs.rank < rhs.rank }

    private var rank: Int {
        switch self {
        case .lead: 0
        case .prospect: 1
        case .customer: 2
        case .repeat: 3
        case .loyal: 4
        }
    }
}
