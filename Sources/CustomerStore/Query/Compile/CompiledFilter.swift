import LMDB

/// What a leaf asks of one value of a field, in compare form.
enum ValueTest: Hashable, Sendable {
    /// The value lies in one of the ranges (`=`, `IN`, `<`, `BETWEEN` ...).
    case ranges([KeyRange])
    /// The value starts with these bytes.
    case prefix([UInt8])
    /// The folded value contains this folded text (phone: digits in digits).
    case substring(String)
    /// Every token is a prefix of some token of the name (search-box behaviour).
    case tokenPrefixes([String])

    func matches(_ value: [UInt8], of field: QueryField) -> Bool {
        switch self {
        case .ranges(let ranges):
            return ranges.contains { Self.contains($0, value) }
        case .prefix(let prefix):
            return value.starts(with: prefix)
        case .substring(let needle):
            guard let text = Self.searchText(value, of: field) else { return false }
            return Self.contains(Array(text.utf8), Array(needle.utf8))
        case .tokenPrefixes(let tokens):
            let nameTokens = value.split(separator: UInt8(ascii: " "))
            return tokens.allSatisfy { token in nameTokens.contains { $0.starts(with: token.utf8) } }
        }
    }

    /// Whether `needle` occurs in `text`, byte for byte (the empty needle occurs everywhere).
    static func contains(_ text: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard text.count >= needle.count else { return false }
        return (0...(text.count - needle.count)).contains { start in
            text[start ..< start + needle.count].elementsEqual(needle)
        }
    }

    /// Whether `key` lies within `range`, comparing bytes as LMDB does.
    static func contains(_ range: KeyRange, _ key: [UInt8]) -> Bool {
        switch range.lower {
        case .unbounded: break
        case .included(let low): if key.lexicographicallyPrecedes(low) { return false }
        case .excluded(let low): if !low.lexicographicallyPrecedes(key) { return false }
        }
        switch range.upper {
        case .unbounded: return true
        case .included(let high): return !high.lexicographicallyPrecedes(key)
        case .excluded(let high): return key.lexicographicallyPrecedes(high)
        }
    }

    /// The text `CONTAINS` searches: digits for phones, the folded value for other fields,
    /// and nothing for attributes that are not text.
    private static func searchText(_ value: [UInt8], of field: QueryField) -> String? {
        switch field {
        case .phone:
            return ValueForm.digitsOnly(String(decoding: value, as: UTF8.self))
        case .attribute:
            guard value.first == FieldForm.AttributeClass.text.rawValue else { return nil }
            return String(decoding: value.dropFirst(), as: UTF8.self)
        default:
            return TextNormalizer.searchFold(String(decoding: value, as: UTF8.self))
        }
    }
}

/// A predicate with its values converted to compare form, ready to run on customers and to
/// be planned against the indexes.
indirect enum CompiledFilter: Hashable, Sendable {
    /// Some value of `field` passes `test`; when `negated` (`!=`, `NOT IN`), none does, and a
    /// single-valued field must have a value.
    case test(QueryField, ValueTest, negated: Bool)
    /// The customer has a value for the field (`HAS`), or none (`MISSING`, as `.not`).
    case present(QueryField)
    case and([CompiledFilter])
    case or([CompiledFilter])
    case not(CompiledFilter)

    func matches(_ customer: Customer) -> Bool {
        switch self {
        case .test(let field, let test, let negated):
            let values = FieldForm.values(of: field, in: customer)
            let any = values.contains { test.matches($0, of: field) }
            guard negated else { return any }
            return !any && (field.isMultiValued || !values.isEmpty)
        case .present(let field):
            return !FieldForm.values(of: field, in: customer).isEmpty
        case .and(let operands):
            return operands.allSatisfy { $0.matches(customer) }
        case .or(let operands):
            return operands.contains { $0.matches(customer) }
        case .not(let operand):
            return !operand.matches(customer)
        }
    }
}
