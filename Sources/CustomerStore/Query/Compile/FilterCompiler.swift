import LMDB

/// Turns a ``CustomerPredicate`` into a ``CompiledFilter``: values normalised and type-checked
/// against their fields, every operator reduced to ranges, prefixes or substrings.
enum FilterCompiler {
    static func compile(_ predicate: CustomerPredicate) throws -> CompiledFilter {
        switch predicate {
        case .comparison(let field, let op, let value):
            let span = try ValueForm.span(value, for: field, exact: op == .equal || op == .notEqual)
            return switch op {
            case .equal: .test(field, .ranges([span.asRange]), negated: false)
            case .notEqual: .test(field, .ranges([span.asRange]), negated: true)
            case .less: .test(field, .ranges([span.below]), negated: false)
            case .lessOrEqual: .test(field, .ranges([span.throughEnd]), negated: false)
            case .greater: .test(field, .ranges([span.above]), negated: false)
            case .greaterOrEqual: .test(field, .ranges([span.fromStart]), negated: false)
            }
        case .among(let field, let values, let negated):
            let ranges = try values.map { try ValueForm.span($0, for: field, exact: true).asRange }
            return .test(field, .ranges(ranges), negated: negated)
        case .between(let field, let low, let high):
            let lowSpan = try ValueForm.span(low, for: field, exact: false)
            let highSpan = try ValueForm.span(high, for: field, exact: false)
            // Ends of different attribute types bound nothing.
            let ranges = lowSpan.domain == highSpan.domain
                ? [KeyRange(lower: lowSpan.lower, upper: highSpan.upper)] : []
            return .test(field, .ranges(ranges), negated: false)
        case .prefix(let field, let text):
            return .test(field, .prefix(try ValueForm.prefix(text, for: field)), negated: false)
        case .contains(let field, let text):
            return .test(field, try containsTest(text, for: field), negated: false)
        case .has(let field):
            return .present(field)
        case .missing(let field):
            return .not(.present(field))
        case .and(let operands):
            return .and(try operands.map(compile))
        case .or(let operands):
            return .or(try operands.map(compile))
        case .not(let operand):
            return .not(try compile(operand))
        }
    }

    private static func containsTest(_ text: String, for field: QueryField) throws -> ValueTest {
        switch field {
        case .name: .tokenPrefixes(TextNormalizer.nameTokens(text))
        case .phone: .substring(ValueForm.digitsOnly(text))
        case .code, .email, .province, .segment, .tags, .owner, .attribute: .substring(TextNormalizer.searchFold(text))
        default: throw ValueForm.notText(field, "CONTAINS")
        }
    }
}

/// Type-checks a whole query: its filter's values and its sort fields.
enum QueryValidation {
    static func check(_ query: CustomerQuery) throws {
        _ = try CompiledQuery(query)
    }
}

/// A query ready to plan: the compiled filter and the checked order and limit.
struct CompiledQuery {
    let query: CustomerQuery
    let filter: CompiledFilter?

    init(_ query: CustomerQuery) throws {
        self.query = query
        filter = try query.filter.map(FilterCompiler.compile)
        for key in query.order where key.field.isMultiValued {
            throw QueryError.unsupported(field: key.field.name, reason: "cannot sort by a field that holds several values")
        }
        if let limit = query.limit, limit < 0 {
            throw QueryError.invalidValue(field: "LIMIT", value: String(limit), reason: "expected a non-negative integer")
        }
    }

    func matches(_ customer: Customer) -> Bool { filter?.matches(customer) ?? true }
}
