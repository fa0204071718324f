/// Why a query was rejected. Nothing is read or written for a rejected query.
///
/// ```swift
/// do {
///     _ = try CustomerQuery(parsing: "points >> 5")
/// } catch let error as QueryError {
///     print(error)  // column 9: unexpected '>', expected a value
/// }
/// ```
public enum QueryError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The text does not follow the grammar: at `column` (1-based, in characters) the
    /// `token` was found where `expected` was needed.
    case syntax(column: Int, token: String, expected: String)
    /// No field has this name.
    case unknownField(column: Int, name: String)
    /// The value does not fit the field: `reason` says what the field takes.
    case invalidValue(field: String, value: String, reason: String)
    /// The operation does not apply to the field (`PREFIX` on `points`, `ORDER BY tags`).
    case unsupported(field: String, reason: String)
    /// A page token that is malformed or belongs to another query.
    case invalidPageToken(String)

    public var description: String {
        switch self {
        case .syntax(let column, let token, let expected):
            "column \(column): unexpected \(token), expected \(expected)"
        case .unknownField(let column, let name):
            "column \(column): unknown field '\(name)'; valid fields: \(QueryField.validNames)"
        case .invalidValue(let field, let value, let reason):
            "invalid value \(value) for \(field): \(reason)"
        case .unsupported(let field, let reason):
            "\(field): \(reason)"
        case .invalidPageToken(let reason):
            "invalid page token: \(reason)"
        }
    }
}
