/// One token of the query language, with where it starts and how the user wrote it, so that
/// errors can point at it and quote it exactly.
struct QueryToken: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        /// A run of letters, digits, `_` and `.` starting with a letter or `_`: a field name,
        /// a keyword or `true`/`false`. Which one depends on where it stands, so the parser
        /// decides.
        case word(String)
        /// A quoted string, escapes resolved.
        case string(String)
        /// A run starting with a digit (or `-` and a digit): an integer, a date, a month-day
        /// or something malformed. The parser interprets it where a value is expected, so a
        /// bad literal is reported in context rather than split into confusing pieces.
        case number(String)
        case symbol(QuerySymbol)
        /// Text no rule accepts (`@`, `==`): kept as a token so the parser reports it with
        /// what would have been valid there.
        case unknown(String)
        case end
    }

    var kind: Kind
    /// 1-based, in `Character`s: the column a user counts in their editor.
    var column: Int
    /// The token exactly as written (a string with its quotes and escapes).
    var text: String

    /// The token for error messages: quoted as written, strings as written with their own
    /// quotes, or `end of query`.
    var description: String {
        switch kind {
        case .end: "end of query"
        case .string: text
        default: "'\(text)'"
        }
    }

    /// The keyword this token spells (case-insensitive), if it is one.
    var keyword: QueryKeyword? {
        guard case .word(let word) = kind else { return nil }
        return QueryKeyword(rawValue: word.uppercased())
    }

    /// Whether the token is the keyword `keyword`.
    func `is`(_ keyword: QueryKeyword) -> Bool { self.keyword == keyword }

    /// Whether the token is the punctuation or operator `symbol`.
    func `is`(_ symbol: QuerySymbol) -> Bool { kind == .symbol(symbol) }
}

/// The reserved words. No field is named like one, so a word is a keyword wherever it
/// spells one.
enum QueryKeyword: String, Sendable {
    case and = "AND", or = "OR", not = "NOT", `in` = "IN", between = "BETWEEN"
    case prefix = "PREFIX", contains = "CONTAINS", has = "HAS", missing = "MISSING"
    case order = "ORDER", by = "BY", asc = "ASC", desc = "DESC", limit = "LIMIT"
}

/// Punctuation and comparison operators.
enum QuerySymbol: String, Sendable {
    case openParenthesis = "(", closeParenthesis = ")", comma = ","
    case equal = "=", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="

    /// The comparison this symbol writes, if it is an operator.
    var comparison: ComparisonOperator? { ComparisonOperator(rawValue: rawValue) }
}
