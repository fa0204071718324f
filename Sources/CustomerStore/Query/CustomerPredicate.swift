/// A condition on customers: the filter of a ``CustomerQuery``.
///
/// Build one in Swift with the operators on ``QueryField`` and `&&`, `||`, `!`, or parse one
/// from the query language with ``CustomerQuery/init(parsing:)``:
///
/// ```swift
/// let loyalInHanoi: CustomerPredicate = QueryField.segment == "loyal"
///     && QueryField.province == "Hà Nội"
///     && QueryField.points > 50_000
///     && QueryField.lastPurchase < .date(CalendarDate("2026-08-25")!)
/// let search: CustomerPredicate = QueryField.name.contains("van duc") || QueryField.phone.hasPrefix("0912")
/// ```
///
/// Semantics (the same whichever access path the planner picks):
/// - A comparison on a single-valued field the customer has no value for is false; ``missing(_:)``
///   finds those customers and ``has(_:)`` the others.
/// - On multi-valued fields (`tags`, `phone`, `email`) `=`, `<`, `IN`, `BETWEEN`, `PREFIX`
///   and `CONTAINS` ask whether any value matches; `!=` and `NOT IN` whether none does.
/// - ``not(_:)`` matches exactly the customers its operand does not (two-valued logic).
public indirect enum CustomerPredicate: Hashable, Sendable, CustomStringConvertible {
    /// `field op value`.
    case comparison(QueryField, ComparisonOperator, QueryValue)
    /// `field IN (values)`, or `field NOT IN (values)` when `negated`.
    case among(QueryField, [QueryValue], negated: Bool)
    /// `field BETWEEN low AND high`, both ends included.
    case between(QueryField, QueryValue, QueryValue)
    /// `field PREFIX text`: the value starts with `text` (both folded for `name`).
    case prefix(QueryField, String)
    /// `field CONTAINS text`: for `name`, every folded token of `text` starts some token of the
    /// name, in any order; for other text fields, a folded substring match.
    case contains(QueryField, String)
    /// `HAS field`: the customer has a value.
    case has(QueryField)
    /// `MISSING field`: the customer has no value.
    case missing(QueryField)
    case and([CustomerPredicate])
    case or([CustomerPredicate])
    case not(CustomerPredicate)

    /// The predicate in the query language; parsing it gives a predicate that matches the same
    /// customers.
    public var description: String {
        switch self {
        case .comparison(let field, let op, let value): "\(field) \(op.rawValue) \(value)"
        case .among(let field, let values, let negated):
            "\(field) \(negated ? "NOT IN" : "IN") (\(values.map(\.description).joined(separator: ", ")))"
        case .between(let field, let low, let high): "\(field) BETWEEN \(low) AND \(high)"
        case .prefix(let field, let text): "\(field) PREFIX \(QueryValue.string(text))"
        case .contains(let field, let text): "\(field) CONTAINS \(QueryValue.string(text))"
        case .has(let field): "HAS \(field)"
        case .missing(let field): "MISSING \(field)"
        case .and(let operands): operands.map { $0.parenthesized(inside: .and) }.joined(separator: " AND ")
        case .or(let operands): operands.map { $0.parenthesized(inside: .or) }.joined(separator: " OR ")
        case .not(let operand): "NOT \(operand.parenthesized(inside: .not))"
        }
    }

    private enum Context { case and, or, not }

    private func parenthesized(inside context: Context) -> String {
        let needs = switch (self, context) {
        case (.or, .and), (.or, .not), (.and, .not), (.and, .or): true
        case (.and, .and), (.or, .or): true
        default: false
        }
        return needs ? "(\(description))" : description
    }
}

/// The comparison operators of the query language.
public enum ComparisonOperator: String, Hashable, Sendable, CaseIterable {
    case equal = "="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
}

// MARK: - Builder

extension QueryField {
    /// `field = value`: `QueryField.segment == "loyal"`.
    public static func == (field: QueryField, value: QueryValue) -> CustomerPredicate { .comparison(field, .equal, value) }
    /// `field != value`: `QueryField.tags != "vip"`.
    public static func != (field: QueryField, value: QueryValue) -> CustomerPredicate { .comparison(field, .notEqual, value) }
    /// `field < value`: `QueryField.lastPurchase < .date(cutoff)`.
    public static func < (field: QueryField, value: QueryValue) -> CustomerPredicate { .comparison(field, .less, value) }
    /// `field <= value`: `QueryField.orderCount <= 1`.
    public static func <= (field: QueryField, value: QueryValue) -> CustomerPredicate { .comparison(field, .lessOrEqual, value) }
    /// `field > value`: `QueryField.points > 50_000`.
    public static func > (field: QueryField, value: QueryValue) -> CustomerPredicate { .comparison(field, .greater, value) }
    /// `field >= value`: `QueryField.tier >= "gold"`.
    public static func >= (field: QueryField, value: QueryValue) -> CustomerPredicate { .comparison(field, .greaterOrEqual, value) }

    /// `field IN (values)`: `QueryField.tier.in(["gold", "diamond"])`.
    public func `in`(_ values: [QueryValue]) -> CustomerPredicate { .among(self, values, negated: false) }
    /// `field NOT IN (values)`.
    public func notIn(_ values: [QueryValue]) -> CustomerPredicate { .among(self, values, negated: true) }
    /// `field BETWEEN low AND high`, both included: `QueryField.points.between(100, 500)`.
    public func between(_ low: QueryValue, _ high: QueryValue) -> CustomerPredicate { .between(self, low, high) }
    /// `field PREFIX text`: `QueryField.name.hasPrefix("nguyen van")`.
    public func hasPrefix(_ text: String) -> CustomerPredicate { .prefix(self, text) }
    /// `field CONTAINS text`: `QueryField.name.contains("duc nguyen")`.
    public func contains(_ text: String) -> CustomerPredicate { .contains(self, text) }
    /// `HAS field`.
    public var isPresent: CustomerPredicate { .has(self) }
    /// `MISSING field`.
    public var isMissing: CustomerPredicate { .missing(self) }
}

extension CustomerPredicate {
    /// Both conditions; nested `AND`s are flattened.
    public static func && (lhs: CustomerPredicate, rhs: CustomerPredicate) -> CustomerPredicate {
        .and(lhs.operands(ifAnd: true) + rhs.operands(ifAnd: true))
    }

    /// Either condition; nested `OR`s are flattened.
    public static func || (lhs: CustomerPredicate, rhs: CustomerPredicate) -> CustomerPredicate {
        .or(lhs.operands(ifAnd: false) + rhs.operands(ifAnd: false))
    }

    /// The customers `operand` does not match.
    public static prefix func ! (operand: CustomerPredicate) -> CustomerPredicate { .not(operand) }

    private func operands(ifAnd: Bool) -> [CustomerPredicate] {
        switch self {
        case .and(let operands) where ifAnd: operands
        case .or(let operands) where !ifAnd: operands
        default: [self]
        }
    }
}
