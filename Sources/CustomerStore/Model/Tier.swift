/// A loyalty tier, from the entry tier ``member`` up to ``diamond``.
///
/// Tiers compare in that order. The raw values are stored in records and JSON and never
/// change.
///
/// ```swift
/// let tier = Tier.gold
/// tier > .silver              // true
/// Tier(rawValue: "platinum")  // .platinum
/// ```
public enum Tier: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// The entry tier.
    case member
    /// The second tier.
    case silver
    /// The third tier.
    case gold
    /// The fourth tier.
    case platinum
    /// The highest tier.
    case diamond

    /// Whether `lhs` is a lower tier than `rhs`.
    public static func < (lhs: Tier, rhs: Tier) -> Bool { lhs.rank < rhs.rank }

    private var rank: Int {
        switch self {
        case .member: 0
        case .silver: 1
        case .gold: 2
        case .platinum: 3
        case .diamond: 4
        }
    }
}
