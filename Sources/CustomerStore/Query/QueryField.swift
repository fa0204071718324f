/// A field a query can filter, sort or group on, named as in the query language.
///
/// ```swift
/// QueryField(name: "total_spent")   // .totalSpent
/// QueryField(name: "attr.vip_since") // .attribute("vip_since")
/// QueryField.points.name             // "points"
/// ```
///
/// Text fields compare on the same normalised form as their index keys: `code` trimmed, NFC
/// and uppercase; `phone` as E.164; `email` in its normalised form; `name` folded (no
/// diacritics, lowercase) with tokens joined by single spaces; `segment`, `province`, `tags`,
/// `owner` and string attributes folded. Enumerations (`gender`, `tier`, `lifecycle`,
/// `channel`) order by their declared rank (`member` < `silver` < ... < `diamond`).
public enum QueryField: Hashable, Sendable, CustomStringConvertible {
    case id, code, name, phone, email, gender
    case birthDate, birthday
    case province, segment, tier, lifecycle, tags, owner, channel, restricted
    case points, totalSpent, orderCount
    case lastPurchase, lastInteraction, createdAt, updatedAt
    /// A custom attribute (`attr.NAME`), compared by its type: numbers with numbers, text
    /// (folded) with text, dates with dates, flags with flags; a value of another type never
    /// compares equal, less or greater.
    case attribute(String)

    /// Every field except attributes, in the order error messages list them.
    public static let named: [QueryField] = [
        .id, .code, .name, .phone, .email, .gender, .birthDate, .birthday, .province, .segment,
        .tier, .lifecycle, .tags, .owner, .channel, .restricted, .points, .totalSpent, .orderCount,
        .lastPurchase, .lastInteraction, .createdAt, .updatedAt,
    ]

    /// The prefix of custom attribute names in the query language.
    public static let attributePrefix = "attr."

    /// The field called `name` in the query language (case-insensitive), or `nil`.
    public init?(name: String) {
        let lowered = name.lowercased()
        if lowered.hasPrefix(Self.attributePrefix) {
            let attribute = String(name.dropFirst(Self.attributePrefix.count))
            guard !attribute.isEmpty else { return nil }
            self = .attribute(attribute)
            return
        }
        guard let field = Self.named.first(where: { $0.name == lowered }) else { return nil }
        self = field
    }

    /// The name in the query language (`total_spent`, `attr.vip_since`).
    public var name: String {
        switch self {
        case .id: "id"
        case .code: "code"
        case .name: "name"
        case .phone: "phone"
        case .email: "email"
        case .gender: "gender"
        case .birthDate: "birth_date"
        case .birthday: "birthday"
        case .province: "province"
        case .segment: "segment"
        case .tier: "tier"
        case .lifecycle: "lifecycle"
        case .tags: "tags"
        case .owner: "owner"
        case .channel: "channel"
        case .restricted: "restricted"
        case .points: "points"
        case .totalSpent: "total_spent"
        case .orderCount: "order_count"
        case .lastPurchase: "last_purchase"
        case .lastInteraction: "last_interaction"
        case .createdAt: "created_at"
        case .updatedAt: "updated_at"
        case .attribute(let attribute): Self.attributePrefix + attribute
        }
    }

    public var description: String { name }

    /// Whether a customer can hold several values (`tags`, `phone`, `email`): comparisons
    /// then ask whether any value matches, and `!=`/`NOT IN` whether none does.
    public var isMultiValued: Bool {
        switch self {
        case .tags, .phone, .email: true
        default: false
        }
    }

    /// The fields ``CustomerStore/groupCount(by:where:)`` accepts.
    public static let groupable: [QueryField] = [.segment, .tier, .province, .tags, .lifecycle, .owner, .gender]

    /// The valid field names, for error messages.
    static var validNames: String {
        named.map(\.name).joined(separator: ", ") + ", attr.NAME"
    }
}
