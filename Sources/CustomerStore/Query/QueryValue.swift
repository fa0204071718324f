import Foundation

/// A literal in a query: what a field is compared with.
///
/// String, integer and boolean literals convert implicitly, so builder expressions read
/// naturally: `QueryField.segment == "loyal"`, `QueryField.points >= 50_000`.
///
/// How a value applies to a field:
/// - `phone`, `email`: normalised like stored keys (`"0912 345 678"` is `+84912345678`).
/// - `gender`: `male`, `female`, `other`, `unknown`, or `Nam`, `Nữ`, `Khác`.
/// - `birth_date`: a ``date(_:)``; `birthday`: a ``monthDay(month:day:)`` or `"MM-DD"`.
/// - Timestamps (`last_purchase`, `last_interaction`, `created_at`, `updated_at`): a
///   ``date(_:)`` stands for that whole day in UTC, so `= D` is any time that day, `< D`
///   before it starts and `> D` after it ends; a ``timestamp(_:)`` is one instant (to the
///   millisecond).
/// - `restricted`: a ``boolean(_:)`` (`true`/`false`).
public enum QueryValue: Hashable, Sendable, CustomStringConvertible,
    ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral
{
    case string(String)
    case integer(Int64)
    case date(CalendarDate)
    case monthDay(month: Int, day: Int)
    case boolean(Bool)
    case timestamp(Date)

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(booleanLiteral value: Bool) { self = .boolean(value) }

    /// The value written in the query language (strings quoted, with `'` and `\` escaped).
    public var description: String {
        switch self {
        case .string(let text):
            "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
        case .integer(let number): String(number)
        case .date(let date): date.description
        case .monthDay(let month, let day): "\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
        case .boolean(let flag): flag ? "true" : "false"
        case .timestamp(let date): "'" + date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true)) + "'"
        }
    }
}
