/// A recursive-descent parser for the query language, one function per grammar rule:
///
/// ```
/// query     := [expr] [ORDER BY field [ASC|DESC] {, field [ASC|DESC]}] [LIMIT n]
/// expr      := term {OR term}
/// term      := factor {AND factor}
/// factor    := NOT factor | '(' expr ')' | predicate
/// predicate := field op value | field [NOT] IN '(' value {, value} ')'
///            | field BETWEEN value AND value | field PREFIX string
///            | field CONTAINS string | HAS field | MISSING field
/// ```
///
/// One token of lookahead decides every choice. Each rule checks what may follow it, so an
/// error names the exact alternatives valid at that point.
struct QueryParser {
    private var lexer: QueryLexer
    /// The lookahead: the first token not yet consumed.
    private var current: QueryToken

    /// Parses `text` and checks its values against their fields.
    static func parse(_ text: String) throws -> CustomerQuery {
        var parser = try QueryParser(text)
        let query = try parser.query()
        try QueryValidation.check(query)
        return query
    }

    private init(_ text: String) throws {
        lexer = QueryLexer(text)
        current = try lexer.next()
    }

    // MARK: - Rules

    private mutating func query() throws -> CustomerQuery {
        var query = CustomerQuery()
        if !current.is(.order), !current.is(.limit), current.kind != .end {
            query.filter = try expression()
            guard current.is(.order) || current.is(.limit) || current.kind == .end else {
                throw unexpected("AND, OR, ORDER BY, LIMIT or end of query")
            }
        }
        if current.is(.order) { query.order = try order() }
        if current.is(.limit) { query.limit = try limit() }
        return query
    }

    private mutating func expression() throws -> CustomerPredicate {
        var operands = [try term()]
        while current.is(.or) {
            try advance()
            operands.append(try term())
        }
        return operands.count == 1 ? operands[0] : .or(operands)
    }

    private mutating func term() throws -> CustomerPredicate {
        var operands = [try factor()]
        while current.is(.and) {
            try advance()
            operands.append(try factor())
        }
        return operands.count == 1 ? operands[0] : .and(operands)
    }

    private mutating func factor() throws -> CustomerPredicate {
        if current.is(.not) {
            try advance()
            return .not(try factor())
        }
        if current.is(.openParenthesis) {
            try advance()
            // Returned as is: `(a AND b) AND c` keeps its inner group, as written.
            let inner = try expression()
            try expect(.closeParenthesis, else: "AND, OR or ')'")
            return inner
        }
        if current.is(.has) {
            try advance()
            return .has(try field())
        }
        if current.is(.missing) {
            try advance()
            return .missing(try field())
        }
        return try predicate()
    }

    private mutating func predicate() throws -> CustomerPredicate {
        let field = try field(else: "a field, HAS, MISSING, NOT or '('")
        if case .symbol(let symbol) = current.kind, let comparison = symbol.comparison {
            try advance()
            return .comparison(field, comparison, try value())
        }
        switch current.keyword {
        case .in?:
            try advance()
            return .among(field, try valueList(), negated: false)
        case .not?:
            try advance()
            try expect(.in, else: "IN")
            return .among(field, try valueList(), negated: true)
        case .between?:
            try advance()
            let low = try value()
            try expect(.and, else: "AND")
            return .between(field, low, try value())
        case .prefix?:
            try advance()
            return .prefix(field, try string())
        case .contains?:
            try advance()
            return .contains(field, try string())
        default:
            throw unexpected("an operator (=, !=, <, <=, >, >=, IN, NOT IN, BETWEEN, PREFIX, CONTAINS)")
        }
    }

    /// `'(' value {, value} ')'`: at least one value.
    private mutating func valueList() throws -> [QueryValue] {
        try expect(.openParenthesis, else: "'('")
        var values = [try value()]
        while current.is(.comma) {
            try advance()
            values.append(try value())
        }
        try expect(.closeParenthesis, else: "',' or ')'")
        return values
    }

    /// `ORDER BY field [ASC|DESC] {, field [ASC|DESC]}`, then `LIMIT` or the end.
    private mutating func order() throws -> [SortKey] {
        try advance()
        try expect(.by, else: "BY")
        var keys: [SortKey] = []
        while true {
            var key = SortKey(try field())
            var follows = "ASC, DESC, ',', LIMIT or end of query"
            if current.is(.asc) || current.is(.desc) {
                key.descending = current.is(.desc)
                follows = "',', LIMIT or end of query"
                try advance()
            }
            keys.append(key)
            if current.is(.comma) {
                try advance()
                continue
            }
            guard current.is(.limit) || current.kind == .end else { throw unexpected(follows) }
            return keys
        }
    }

    /// `LIMIT n`, which ends the query.
    private mutating func limit() throws -> Int {
        try advance()
        guard case .number(let digits) = current.kind, digits.allSatisfy(QueryLexer.isDigit) else {
            throw unexpected("a non-negative integer")
        }
        guard let limit = Int(digits) else { throw unexpected("a non-negative integer up to \(Int.max)") }
        try advance()
        guard current.kind == .end else { throw unexpected("end of query") }
        return limit
    }

    // MARK: - Operands

    /// A field name; `expected` describes what else could have stood here.
    ///
    /// - Throws: ``QueryError/unknownField(column:name:)`` for a word that names no field.
    private mutating func field(else expected: String = "a field") throws -> QueryField {
        guard case .word(let name) = current.kind, current.keyword == nil else { throw unexpected(expected) }
        guard let field = QueryField(name: name) else {
            throw QueryError.unknownField(column: current.column, name: name)
        }
        try advance()
        return field
    }

    private mutating func value() throws -> QueryValue {
        let value: QueryValue
        switch current.kind {
        case .string(let text):
            value = .string(text)
        case .number(let text):
            switch QueryLiteral.value(of: text) {
            case .success(let literal): value = literal
            case .failure(let problem): throw unexpected(problem.expected)
            }
        case .word(let word) where ["true", "false"].contains(word.lowercased()):
            value = .boolean(word.lowercased() == "true")
        default:
            throw unexpected(needsQuotes("a value"))
        }
        try advance()
        return value
    }

    /// A string literal, the operand of `PREFIX` and `CONTAINS`.
    private mutating func string() throws -> String {
        guard case .string(let text) = current.kind else { throw unexpected(needsQuotes("a string")) }
        try advance()
        return text
    }

    /// `expected`, with a hint to quote the current token when it looks like text the user
    /// meant as a string (`tier = gold`, `phone PREFIX 0912`).
    private func needsQuotes(_ expected: String) -> String {
        switch current.kind {
        case .word where current.keyword == nil, .number:
            "\(expected); text needs quotes, like '\(current.text)'"
        default:
            expected
        }
    }

    // MARK: - Tokens

    private mutating func advance() throws {
        current = try lexer.next()
    }

    /// Consumes the keyword `keyword`, or throws saying `expected` was needed.
    private mutating func expect(_ keyword: QueryKeyword, else expected: String) throws {
        guard current.is(keyword) else { throw unexpected(expected) }
        try advance()
    }

    /// Consumes the symbol `symbol`, or throws saying `expected` was needed.
    private mutating func expect(_ symbol: QuerySymbol, else expected: String) throws {
        guard current.is(symbol) else { throw unexpected(expected) }
        try advance()
    }

    /// The error for finding the current token where `expected` was needed.
    private func unexpected(_ expected: String) -> QueryError {
        .syntax(column: current.column, token: current.description, expected: expected)
    }
}
