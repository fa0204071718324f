@testable import CustomerStore
import Foundation

// A brute-force evaluator of `CustomerQuery`, written from the query semantics alone: it uses
// the public query types and the normalisers (TextNormalizer, PhoneNumber, EmailAddress,
// IndexKey.code, CalendarDate), nothing of the store's query code. Each customer's compare
// forms are computed once, as columns; a query is checked whole (so a rejected query is
// rejected whatever the data), then every leaf is evaluated over every customer.

/// Why the reference rejects a query: every problem found, not just the first.
struct ReferenceRejection: Error, CustomStringConvertible {
    enum Kind: Hashable, Sendable, CustomStringConvertible {
        /// `QueryError.invalidValue`.
        case invalidValue
        /// `QueryError.unsupported`.
        case unsupported

        var description: String { self == .invalidValue ? "invalidValue" : "unsupported" }
    }

    struct Problem: Sendable {
        var kind: Kind
        var reason: String
    }

    var problems: [Problem]

    var kinds: Set<Kind> { Set(problems.map(\.kind)) }

    var description: String {
        problems.map { "\($0.kind): \($0.reason)" }.joined(separator: "; ")
    }

    /// Whether `error`, thrown by the store for the same query, is one of the rejections the
    /// reference found.
    func accepts(_ error: any Error) -> Bool {
        guard let error = error as? QueryError else { return false }
        switch error {
        case .invalidValue: return kinds.contains(.invalidValue)
        case .unsupported: return kinds.contains(.unsupported)
        default: return false
        }
    }
}

/// One compare form of a field value, or of a converted query value.
enum RefScalar: Hashable, Sendable {
    /// `id`.
    case unsigned(UInt64)
    /// `points`, `total_spent`, `order_count`, integer attributes and integer query values.
    case integer(Int64)
    /// Decimal attributes.
    case decimal(Double)
    /// Text compare forms (UTF-8 bytes): code, name, phone, email, folded texts.
    case bytes([UInt8])
    /// `restricted`, boolean attributes.
    case flag(Bool)
    /// `birth_date`.
    case day(CalendarDate)
    /// `birthday`.
    case monthDay(Int, Int)
    /// Enumerations, by position in `allCases`.
    case rank(Int)
    /// Timestamps and date attributes, in whole milliseconds since 1970.
    case millis(Int64)
}

/// A converted query value: one compare form, or a whole UTC day (for timestamps and date
/// attributes compared with a `.date`).
enum RefOperand: Sendable {
    case value(RefScalar)
    /// `[start, end)` in milliseconds.
    case wholeDay(start: Int64, end: Int64)
}

/// `=`, `<`, `<=`, `>`, `>=`: the tests every operator is built from.
enum RefTest: Sendable {
    case equal, less, lessOrEqual, greater, greaterOrEqual
}

/// One field's values over all customers. Rows with the same values share an entry of
/// `distinct`, so a leaf is tested once per distinct value and the result spread over the
/// rows (the same answer as testing every row, in a fraction of the time).
struct RefColumn {
    /// The distinct value lists: none when a customer has no value, one for single-valued
    /// fields, any number for `tags`, `phone` and `email`.
    let distinct: [[RefScalar]]
    /// Per row, its entry in `distinct`.
    let rowIndex: [Int]
    /// Per entry, the rows holding it, ascending.
    let rowsOfEntry: [[Int]]
    /// Per entry, the forms `CONTAINS` searches (for `name`, the folded name tokens).
    let containsForms: [[[UInt8]]]

    init(field: QueryField, rows: [[RefScalar]]) {
        var positions: [[RefScalar]: Int] = [:]
        var distinct: [[RefScalar]] = []
        rowIndex = rows.map { values in
            if let position = positions[values] { return position }
            positions[values] = distinct.count
            distinct.append(values)
            return distinct.count - 1
        }
        self.distinct = distinct
        var rowsOfEntry = [[Int]](repeating: [], count: distinct.count)
        for (row, entry) in rowIndex.enumerated() { rowsOfEntry[entry].append(row) }
        self.rowsOfEntry = rowsOfEntry
        containsForms = distinct.map { values in
            values.compactMap(ReferenceEvaluator.textBytes).flatMap { bytes -> [[UInt8]] in
                switch field {
                // The name form is its folded tokens joined by single spaces.
                case .name: bytes.split(separator: UInt8(ascii: " ")).map(Array.init)
                case .phone: [ReferenceEvaluator.digits(String(decoding: bytes, as: UTF8.self))]
                default: [ReferenceEvaluator.foldBytes(bytes)]
                }
            }
        }
    }

    /// A column where nobody has a value.
    init(empty rows: Int) {
        distinct = [[]]
        rowIndex = [Int](repeating: 0, count: rows)
        rowsOfEntry = [Array(0..<rows)]
        containsForms = [[]]
    }
}

/// A set of rows, 64 to a word.
struct RefBits {
    let count: Int
    private var words: [UInt64]

    init(count: Int, filled: Bool) {
        self.count = count
        words = [UInt64](repeating: filled ? ~0 : 0, count: (count + 63) / 64)
        if filled { clearTail() }
    }

    mutating func insert(_ row: Int) { words[row >> 6] |= 1 << UInt64(row & 63) }

    func contains(_ row: Int) -> Bool { words[row >> 6] & (1 << UInt64(row & 63)) != 0 }

    // Plain index loops: in a debug build they avoid the generic iterators' overhead.

    mutating func formIntersection(_ other: RefBits) {
        var index = 0
        while index < words.count { words[index] &= other.words[index]; index += 1 }
    }

    mutating func formUnion(_ other: RefBits) {
        var index = 0
        while index < words.count { words[index] |= other.words[index]; index += 1 }
    }

    mutating func invert() {
        var index = 0
        while index < words.count { words[index] = ~words[index]; index += 1 }
        clearTail()
    }

    private mutating func clearTail() {
        if count % 64 != 0, !words.isEmpty { words[words.count - 1] &= (1 << UInt64(count % 64)) - 1 }
    }

    /// The number of rows in the set.
    var population: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// The rows in the set, ascending.
    var rows: [Int] {
        var rows: [Int] = []
        rows.reserveCapacity(population)
        var index = 0
        while index < words.count {
            var rest = words[index]
            while rest != 0 {
                rows.append(index << 6 + rest.trailingZeroBitCount)
                rest &= rest - 1
            }
            index += 1
        }
        return rows
    }
}

/// A compiled filter: leaves test the distinct values of one column.
indirect enum RefCompiled {
    case leaf(RefColumn, (Int) -> Bool)
    case and([RefCompiled])
    case or([RefCompiled])
    case not(RefCompiled)
}

struct ReferenceEvaluator {
    /// The customers, by id ascending.
    let customers: [Customer]
    let ids: [UInt64]
    /// Per field, its values over all customers (rows in id order).
    private let columns: [QueryField: RefColumn]
    /// Per orderable field, per row, the rank of the value in ascending order (equal values
    /// share a rank, ranks are `0..<top`), or `top` when the row has none.
    private let sortRanks: [QueryField: (ranks: [Int], top: Int)]
    /// The column of a field nobody has a value for (an attribute no customer has).
    private let emptyColumn: RefColumn

    var rowCount: Int { customers.count }

    init(_ input: [Customer]) {
        let customers = input.sorted { $0.id < $1.id }
        self.customers = customers
        ids = customers.map(\.id)

        var rows: [QueryField: [[RefScalar]]] = [:]
        for field in QueryField.named {
            rows[field] = customers.map { Self.forms(of: field, in: $0) }
        }
        for name in Set(customers.flatMap(\.attributes.keys)) {
            rows[.attribute(name)] = customers.map { customer in
                customer.attributes[name].map { [Self.form(of: $0)] } ?? []
            }
        }
        emptyColumn = RefColumn(empty: customers.count)
        columns = Dictionary(uniqueKeysWithValues: rows.map { ($0.key, RefColumn(field: $0.key, rows: $0.value)) })

        var sortRanks: [QueryField: (ranks: [Int], top: Int)] = [:]
        for (field, column) in rows where Self.isOrderable(field) {
            let present = column.indices.filter { !column[$0].isEmpty }
            let sorted = present.sorted { Self.sortCompare(column[$0][0], column[$1][0]) < 0 }
            var ranks = [Int?](repeating: nil, count: column.count)
            var rank = 0
            for (position, row) in sorted.enumerated() {
                if position > 0, Self.sortCompare(column[sorted[position - 1]][0], column[row][0]) != 0 {
                    rank += 1
                }
                ranks[row] = rank
            }
            let top = sorted.isEmpty ? 0 : rank + 1
            sortRanks[field] = (ranks.map { $0 ?? top }, top)
        }
        self.sortRanks = sortRanks
    }

    // MARK: - Queries

    /// The ids `query` returns: filtered, ordered, limited.
    func evaluate(_ query: CustomerQuery) throws(ReferenceRejection) -> [UInt64] {
        try run(query).ids
    }

    /// The ids `query` returns, and how many customers its filter matches (without the limit).
    func run(_ query: CustomerQuery) throws(ReferenceRejection) -> (ids: [UInt64], matching: Int) {
        let (rows, matching) = try self.rows(query)
        return (rows.map { ids[$0] }, matching)
    }

    /// The customers `query` returns.
    func customers(_ query: CustomerQuery) throws(ReferenceRejection) -> [Customer] {
        try rows(query).rows.map { customers[$0] }
    }

    /// The number of customers matching `filter` (all when `nil`).
    func count(where filter: CustomerPredicate?) throws(ReferenceRejection) -> Int {
        try matches(filter).population
    }

    /// The rows matching `filter`.
    func matches(_ filter: CustomerPredicate?) throws(ReferenceRejection) -> RefBits {
        guard let filter else { return RefBits(count: rowCount, filled: true) }
        var problems: [ReferenceRejection.Problem] = []
        let compiled = compile(filter, &problems)
        if !problems.isEmpty { throw ReferenceRejection(problems: problems) }
        return evaluate(compiled)
    }

    private func rows(_ query: CustomerQuery) throws(ReferenceRejection) -> (rows: [Int], matching: Int) {
        var problems: [ReferenceRejection.Problem] = []
        let compiled = query.filter.map { compile($0, &problems) }
        for key in query.order where !Self.isOrderable(key.field) {
            problems.append(.init(kind: .unsupported, reason: "ORDER BY \(key.field): a multi-valued field cannot be sorted"))
        }
        if !problems.isEmpty { throw ReferenceRejection(problems: problems) }

        let mask = compiled.map(evaluate) ?? RefBits(count: rowCount, filled: true)
        var rows = mask.rows                            // by id ascending, as the rows are
        let matching = rows.count
        // Rows start in id order; a stable counting sort per sort field, from the last field to
        // the first, leaves them ordered by the first field, ties by the next, then by id.
        for key in query.order.reversed() {
            let (ranks, top) = sortRanks[key.field] ?? ([Int](repeating: 0, count: rowCount), 0)
            // Ranks are 0..<top; `top` is "no value", last in either direction.
            var adjusted = [Int](repeating: 0, count: rows.count)
            var starts = [Int](repeating: 0, count: top + 2)
            var position = 0
            while position < rows.count {
                var rank = ranks[rows[position]]
                if key.descending && rank < top { rank = top - 1 - rank }
                adjusted[position] = rank
                starts[rank + 1] += 1
                position += 1
            }
            var bucket = 1
            while bucket < starts.count { starts[bucket] += starts[bucket - 1]; bucket += 1 }
            var sorted = [Int](repeating: 0, count: rows.count)
            position = 0
            while position < rows.count {
                let rank = adjusted[position]
                sorted[starts[rank]] = rows[position]
                starts[rank] += 1
                position += 1
            }
            rows = sorted
        }
        if let limit = query.limit { rows = Array(rows.prefix(max(0, limit))) }
        return (rows, matching)
    }

    private func evaluate(_ compiled: RefCompiled) -> RefBits {
        switch compiled {
        case .leaf(let column, let test):
            var bits = RefBits(count: rowCount, filled: false)
            var entry = 0
            while entry < column.distinct.count {
                if test(entry) {
                    let rows = column.rowsOfEntry[entry]
                    var index = 0
                    while index < rows.count { bits.insert(rows[index]); index += 1 }
                }
                entry += 1
            }
            return bits
        case .and(let operands):
            var result = RefBits(count: rowCount, filled: true)
            for operand in operands { result.formIntersection(evaluate(operand)) }
            return result
        case .or(let operands):
            var result = RefBits(count: rowCount, filled: false)
            for operand in operands { result.formUnion(evaluate(operand)) }
            return result
        case .not(let operand):
            var result = evaluate(operand)
            result.invert()
            return result
        }
    }

    // MARK: - Compiling

    private func column(_ field: QueryField) -> RefColumn {
        columns[field] ?? emptyColumn
    }

    /// `predicate` as leaves over columns; problems (rejections) are collected, not thrown,
    /// so that every one is found.
    private func compile(_ predicate: CustomerPredicate, _ problems: inout [ReferenceRejection.Problem]) -> RefCompiled {
        let never = emptyColumn
        switch predicate {
        case .and(let operands): return .and(operands.map { compile($0, &problems) })
        case .or(let operands): return .or(operands.map { compile($0, &problems) })
        case .not(let operand): return .not(compile(operand, &problems))

        case .has(let field):
            let column = column(field)
            let values = column.distinct
            return .leaf(column) { !values[$0].isEmpty }
        case .missing(let field):
            let column = column(field)
            let values = column.distinct
            return .leaf(column) { values[$0].isEmpty }

        case .comparison(let field, let op, let value):
            let equality = op == .equal || op == .notEqual
            guard let operand = Self.convert(value, for: field, equality: equality, &problems) else {
                return .leaf(never) { _ in false }
            }
            let column = column(field)
            let values = column.distinct
            let test: RefTest
            switch op {
            case .equal, .notEqual: test = .equal
            case .less: test = .less
            case .lessOrEqual: test = .lessOrEqual
            case .greater: test = .greater
            case .greaterOrEqual: test = .greaterOrEqual
            }
            let any: (Int) -> Bool = { entry in Self.any(values[entry]) { Self.test($0, test, operand) } }
            guard op == .notEqual else { return .leaf(column, any) }
            // Single-valued: HAS f AND NOT (f = v). Multi-valued: NOT (f = v).
            let multi = field.isMultiValued
            return .leaf(column) { entry in (multi || !values[entry].isEmpty) && !any(entry) }

        case .among(let field, let list, let negated):
            var operands: [RefOperand] = []
            for value in list {
                if let operand = Self.convert(value, for: field, equality: true, &problems) { operands.append(operand) }
            }
            let column = column(field)
            let values = column.distinct
            let any: (Int) -> Bool = { entry in
                Self.any(values[entry]) { scalar in operands.contains { Self.test(scalar, .equal, $0) } }
            }
            guard negated else { return .leaf(column, any) }
            let multi = field.isMultiValued
            return .leaf(column) { entry in (multi || !values[entry].isEmpty) && !any(entry) }

        case .between(let field, let low, let high):
            let lowOperand = Self.convert(low, for: field, equality: false, &problems)
            let highOperand = Self.convert(high, for: field, equality: false, &problems)
            guard let lowOperand, let highOperand else { return .leaf(never) { _ in false } }
            let column = column(field)
            let values = column.distinct
            return .leaf(column) { entry in
                Self.any(values[entry]) {
                    Self.test($0, .greaterOrEqual, lowOperand) && Self.test($0, .lessOrEqual, highOperand)
                }
            }

        case .prefix(let field, let text):
            guard Self.isText(field) else {
                problems.append(.init(kind: .unsupported, reason: "PREFIX on \(field), not a text field"))
                return .leaf(never) { _ in false }
            }
            let prefix = Self.prefixForm(text, for: field)
            let column = column(field)
            let values = column.distinct
            return .leaf(column) { entry in
                Self.any(values[entry]) { scalar in
                    if case .bytes(let bytes) = scalar { Self.starts(bytes, with: prefix) } else { false }
                }
            }

        case .contains(let field, let text):
            guard Self.isText(field) else {
                problems.append(.init(kind: .unsupported, reason: "CONTAINS on \(field), not a text field"))
                return .leaf(never) { _ in false }
            }
            let column = column(field)
            let forms = column.containsForms
            if field == .name {
                // Every wanted token starts some token of the name, in any order.
                let wanted = TextNormalizer.nameTokens(text).map { Array($0.utf8) }
                let values = column.distinct
                return .leaf(column) { entry in
                    !values[entry].isEmpty && wanted.allSatisfy { token in Self.any(forms[entry]) { Self.starts($0, with: token) } }
                }
            }
            let needle = field == .phone ? Self.digits(text) : Self.fold(text)
            return .leaf(column) { entry in Self.any(forms[entry]) { Self.contains($0, needle) } }
        }
    }

    // MARK: - Tests

    /// Whether the field value `scalar` passes `test` against `operand`; a type mismatch
    /// passes nothing.
    static func test(_ scalar: RefScalar, _ test: RefTest, _ operand: RefOperand) -> Bool {
        switch operand {
        case .value(let value):
            guard let order = compare(scalar, value) else { return false }
            switch test {
            case .equal: return order == 0
            case .less: return order < 0
            case .lessOrEqual: return order <= 0
            case .greater: return order > 0
            case .greaterOrEqual: return order >= 0
            }
        case .wholeDay(let start, let end):
            guard case .millis(let t) = scalar else { return false }
            switch test {
            case .equal: return start <= t && t < end
            case .less: return t < start
            case .lessOrEqual: return t < end
            case .greater: return t >= end
            case .greaterOrEqual: return t >= start
            }
        }
    }

    /// -1, 0 or 1 when the two forms compare; `nil` when their types do not.
    static func compare(_ a: RefScalar, _ b: RefScalar) -> Int? {
        func order<T: Comparable>(_ x: T, _ y: T) -> Int { x < y ? -1 : (x == y ? 0 : 1) }
        switch (a, b) {
        case (.unsigned(let x), .unsigned(let y)): return order(x, y)
        case (.integer(let x), .integer(let y)): return order(x, y)
        case (.decimal(let x), .decimal(let y)): return x.isNaN || y.isNaN ? nil : order(x, y)
        case (.integer(let x), .decimal(let y)): return numeric(x, y)
        case (.decimal(let x), .integer(let y)): return numeric(y, x).map { -$0 }
        case (.bytes(let x), .bytes(let y)): return compareBytes(x, y)
        case (.flag(let x), .flag(let y)): return order(x ? 1 : 0, y ? 1 : 0)
        case (.day(let x), .day(let y)): return order(x, y)
        case (.monthDay(let m1, let d1), .monthDay(let m2, let d2)): return order(m1 * 100 + d1, m2 * 100 + d2)
        case (.rank(let x), .rank(let y)): return order(x, y)
        case (.millis(let x), .millis(let y)): return order(x, y)
        default: return nil
        }
    }

    /// An integer against a double, exactly.
    private static func numeric(_ x: Int64, _ y: Double) -> Int? {
        if y.isNaN { return nil }
        if y >= 9_223_372_036_854_775_808.0 { return -1 }
        if y < -9_223_372_036_854_775_808.0 { return 1 }
        let whole = y.rounded(.down)
        let floor = Int64(whole)
        if x < floor { return -1 }
        if x > floor { return 1 }
        return whole == y ? 0 : -1
    }

    /// Whether any element passes `body` (an index loop: cheap in a debug build).
    static func any<T>(_ values: [T], _ body: (T) -> Bool) -> Bool {
        var index = 0
        while index < values.count {
            if body(values[index]) { return true }
            index += 1
        }
        return false
    }

    static func starts(_ bytes: [UInt8], with prefix: [UInt8]) -> Bool {
        if prefix.count > bytes.count { return false }
        var index = 0
        while index < prefix.count {
            if bytes[index] != prefix[index] { return false }
            index += 1
        }
        return true
    }

    static func compareBytes(_ x: [UInt8], _ y: [UInt8]) -> Int {
        let shared = min(x.count, y.count)
        var index = 0
        while index < shared {
            if x[index] != y[index] { return x[index] < y[index] ? -1 : 1 }
            index += 1
        }
        return x.count < y.count ? -1 : (x.count == y.count ? 0 : 1)
    }

    /// Whether `haystack` holds `needle` as a contiguous byte run.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        if needle.isEmpty { return true }
        if needle.count > haystack.count { return false }
        var start = 0
        while start + needle.count <= haystack.count {
            var offset = 0
            while offset < needle.count && haystack[start + offset] == needle[offset] { offset += 1 }
            if offset == needle.count { return true }
            start += 1
        }
        return false
    }

    /// ORDER BY order: type classes bool < number < date < string (the others never meet),
    /// then the values; integers and decimals together as numbers.
    static func sortCompare(_ a: RefScalar, _ b: RefScalar) -> Int {
        func typeClass(_ scalar: RefScalar) -> Int {
            switch scalar {
            case .flag: 0
            case .unsigned, .integer, .decimal: 1
            case .millis: 2
            case .bytes: 3
            case .day: 4
            case .monthDay: 5
            case .rank: 6
            }
        }
        let (ca, cb) = (typeClass(a), typeClass(b))
        if ca != cb { return ca < cb ? -1 : 1 }
        switch (a, b) {
        case (.integer(let x), .decimal(let y)), (.decimal(let y), .integer(let x)):
            let (dx, dy) = (Double(x), y)
            let order = dx < dy ? -1 : (dx == dy ? 0 : 1)
            if case .integer = a { return order } else { return -order }
        default:
            return compare(a, b) ?? 0
        }
    }

    // MARK: - Field forms

    static func isText(_ field: QueryField) -> Bool {
        switch field {
        case .code, .name, .phone, .email, .province, .segment, .tags, .owner, .attribute: true
        default: false
        }
    }

    static func isOrderable(_ field: QueryField) -> Bool {
        !field.isMultiValued
    }

    /// The compare forms of `field` for `customer`.
    static func forms(of field: QueryField, in customer: Customer) -> [RefScalar] {
        func text(_ value: String?) -> [RefScalar] {
            let folded = fold(value ?? "")
            return folded.isEmpty ? [] : [.bytes(folded)]
        }
        func rank<E: CaseIterable & Equatable>(_ value: E?) -> [RefScalar] {
            guard let value, let index = E.allCases.firstIndex(of: value) else { return [] }
            return [.rank(E.allCases.distance(from: E.allCases.startIndex, to: index))]
        }
        switch field {
        case .id: return [.unsigned(customer.id)]
        case .code: return IndexKey.code(customer.code).map { [.bytes($0)] } ?? []
        case .name:
            let tokens = TextNormalizer.nameTokens(customer.fullName)
            return tokens.isEmpty ? [] : [.bytes(Array(tokens.joined(separator: " ").utf8))]
        case .phone: return customer.phones.map { .bytes(Array($0.number.e164.utf8)) }
        case .email: return customer.emails.map { .bytes(Array($0.address.normalized.utf8)) }
        case .tags: return customer.tags.sorted().map(fold).filter { !$0.isEmpty }.map { .bytes($0) }
        case .province: return text(customer.address.province)
        case .segment: return text(customer.segment)
        case .owner: return text(customer.owner)
        case .gender: return rank(customer.gender)
        case .lifecycle: return rank(customer.lifecycle)
        case .tier: return rank(customer.tier)
        case .channel: return rank(customer.preferredChannel)
        case .restricted: return [.flag(customer.restricted)]
        case .points: return [.integer(customer.points)]
        case .totalSpent: return [.integer(customer.totalSpent)]
        case .orderCount: return [.integer(customer.orderCount)]
        case .birthDate: return customer.birthDate.map { [.day($0)] } ?? []
        case .birthday: return customer.birthDate.map { [.monthDay($0.month, $0.day)] } ?? []
        case .lastPurchase: return customer.lastPurchaseAt.map { [.millis(millis($0))] } ?? []
        case .lastInteraction: return customer.lastInteractionAt.map { [.millis(millis($0))] } ?? []
        case .createdAt: return [.millis(millis(customer.createdAt))]
        case .updatedAt: return [.millis(millis(customer.updatedAt))]
        case .attribute(let name): return customer.attributes[name].map { [form(of: $0)] } ?? []
        }
    }

    /// The compare form of an attribute value.
    static func form(of value: AttributeValue) -> RefScalar {
        switch value {
        case .string(let text): .bytes(fold(text))
        case .integer(let number): .integer(number)
        case .decimal(let number): .decimal(number)
        case .bool(let flag): .flag(flag)
        case .date(let date): .millis(millis(date))
        }
    }

    // MARK: - Query values

    /// `value` converted for `field` (`equality` for `=`, `!=`, `IN`, `NOT IN`; otherwise a
    /// range operator or BETWEEN), or `nil` with a problem recorded.
    static func convert(
        _ value: QueryValue, for field: QueryField, equality: Bool,
        _ problems: inout [ReferenceRejection.Problem]
    ) -> RefOperand? {
        func reject(_ reason: String) -> RefOperand? {
            problems.append(.init(kind: .invalidValue, reason: "\(field) \(value): \(reason)"))
            return nil
        }
        func enumRank<E: CaseIterable & RawRepresentable>(_: E.Type) -> RefOperand? where E.RawValue == String {
            guard case .string(let text) = value else { return reject("not a string") }
            let folded = TextNormalizer.searchFold(text)
            guard let index = Array(E.allCases).firstIndex(where: { TextNormalizer.searchFold($0.rawValue) == folded }) else {
                return reject("unknown value")
            }
            return .value(.rank(index))
        }

        switch field {
        case .id:
            guard case .integer(let number) = value, number >= 0 else { return reject("an id is an integer >= 0") }
            return .value(.unsigned(UInt64(number)))
        case .points, .totalSpent, .orderCount:
            guard case .integer(let number) = value else { return reject("an integer") }
            return .value(.integer(number))
        case .code:
            switch value {
            case .string(let text): return .value(.bytes(IndexKey.code(text) ?? []))
            case .integer(let number): return .value(.bytes(IndexKey.code(String(number)) ?? []))
            default: return reject("a code is text")
            }
        case .name:
            guard case .string(let text) = value else { return reject("a name is text") }
            return .value(.bytes(Array(TextNormalizer.nameTokens(text).joined(separator: " ").utf8)))
        case .province, .segment, .owner, .tags:
            guard case .string(let text) = value else { return reject("text") }
            return .value(.bytes(fold(text)))
        case .phone:
            guard case .string(let text) = value else { return reject("a phone number is text") }
            if equality {
                guard let number = try? PhoneNumber(text) else { return reject("not a phone number") }
                return .value(.bytes(Array(number.e164.utf8)))
            }
            return .value(.bytes(partialPhone(text)))
        case .email:
            guard case .string(let text) = value else { return reject("an email address is text") }
            if equality {
                guard let address = try? EmailAddress(text) else { return reject("not an email address") }
                return .value(.bytes(Array(address.normalized.utf8)))
            }
            return .value(.bytes(partialEmail(text)))
        case .gender:
            guard case .string(let text) = value, let gender = Gender(parsing: text) else { return reject("not a gender") }
            return .value(.rank(Gender.allCases.firstIndex(of: gender)!))
        case .tier: return enumRank(Tier.self)
        case .lifecycle: return enumRank(Lifecycle.self)
        case .channel: return enumRank(Channel.self)
        case .restricted:
            switch value {
            case .boolean(let flag): return .value(.flag(flag))
            case .string(let text) where text.lowercased() == "true": return .value(.flag(true))
            case .string(let text) where text.lowercased() == "false": return .value(.flag(false))
            default: return reject("true or false")
            }
        case .birthDate:
            switch value {
            case .date(let date): return .value(.day(date))
            case .string(let text):
                guard let date = CalendarDate(text) else { return reject("not YYYY-MM-DD") }
                return .value(.day(date))
            default: return reject("a date")
            }
        case .birthday:
            switch value {
            case .monthDay(let month, let day):
                guard validMonthDay(month, day) else { return reject("no such day") }
                return .value(.monthDay(month, day))
            case .string(let text):
                guard let (month, day) = parseMonthDay(text) else { return reject("not MM-DD") }
                return .value(.monthDay(month, day))
            default: return reject("a month and day")
            }
        case .lastPurchase, .lastInteraction, .createdAt, .updatedAt:
            switch value {
            case .timestamp(let date): return .value(.millis(millis(date)))
            case .date(let date): return wholeDay(date)
            case .string(let text):
                if let date = CalendarDate(text) { return wholeDay(date) }
                if let instant = parseInstant(text) { return .value(.millis(millis(instant))) }
                return reject("not a date or an ISO 8601 instant")
            default: return reject("a date or a timestamp")
            }
        case .attribute:
            switch value {
            case .integer(let number): return .value(.integer(number))
            case .string(let text): return .value(.bytes(fold(text)))
            case .boolean(let flag): return .value(.flag(flag))
            case .date(let date): return wholeDay(date)
            case .timestamp(let date): return .value(.millis(millis(date)))
            // No attribute holds a month and day: a mismatch with every value, not a rejection.
            case .monthDay(let month, let day): return .value(.monthDay(month, day))
            }
        }
    }

    /// The form a `PREFIX` text is compared in.
    static func prefixForm(_ text: String, for field: QueryField) -> [UInt8] {
        switch field {
        case .code: IndexKey.code(text) ?? []
        case .name: Array(TextNormalizer.nameTokens(text).joined(separator: " ").utf8)
        case .phone: partialPhone(text)
        case .email: partialEmail(text)
        default: fold(text)
        }
    }

    /// A phone number prefix or range end: digits and a leading `+`; `0...` and bare digits
    /// become `+84...`, `84...` becomes `+84...`.
    static func partialPhone(_ text: String) -> [UInt8] {
        let digits = digits(text)
        let trimmed = text.unicodeScalars.drop { $0.properties.isWhitespace }
        if trimmed.first == "+" { return [UInt8(ascii: "+")] + digits }
        if digits.first == UInt8(ascii: "0") { return Array("+84".utf8) + digits.dropFirst() }
        if digits.starts(with: Array("84".utf8)) { return [UInt8(ascii: "+")] + digits }
        return Array("+84".utf8) + digits
    }

    /// An email prefix or range end: trimmed, NFC, lowercase.
    static func partialEmail(_ text: String) -> [UInt8] {
        Array(TextNormalizer.nfc(String(TextNormalizer.trimmed(text))).lowercased().utf8)
    }

    static func digits(_ text: String) -> [UInt8] {
        text.utf8.filter { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    static func fold(_ text: String) -> [UInt8] { Array(TextNormalizer.searchFold(text).utf8) }

    static func foldBytes(_ bytes: [UInt8]) -> [UInt8] { fold(String(decoding: bytes, as: UTF8.self)) }

    static func textBytes(_ scalar: RefScalar) -> [UInt8]? {
        if case .bytes(let bytes) = scalar { bytes } else { nil }
    }

    static func millis(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }

    /// The UTC day `date` as `[start, end)` in milliseconds.
    static func wholeDay(_ date: CalendarDate) -> RefOperand {
        let start = daysSince1970(date) * 86_400_000
        return .wholeDay(start: start, end: start + 86_400_000)
    }

    /// Days from 1970-01-01 to `date` (proleptic Gregorian), counted month by month.
    static func daysSince1970(_ date: CalendarDate) -> Int64 {
        var days: Int64 = 0
        if date.year >= 1970 {
            for year in 1970..<date.year { days += CalendarDate.isLeap(year) ? 366 : 365 }
        } else {
            for year in date.year..<1970 { days -= CalendarDate.isLeap(year) ? 366 : 365 }
        }
        for month in 1..<date.month { days += Int64(CalendarDate.daysIn(month: month, year: date.year)) }
        return days + Int64(date.day - 1)
    }

    static func validMonthDay(_ month: Int, _ day: Int) -> Bool {
        (1...12).contains(month) && day >= 1 && day <= CalendarDate.daysIn(month: month, year: 2000)
    }

    static func parseMonthDay(_ text: String) -> (Int, Int)? {
        let bytes = Array(text.utf8)
        guard bytes.count == 5, bytes[2] == UInt8(ascii: "-") else { return nil }
        let numbers = [bytes[0..<2], bytes[3..<5]].map { part -> Int? in
            part.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } ? part.reduce(0) { $0 * 10 + Int($1 - 0x30) } : nil
        }
        guard let month = numbers[0], let day = numbers[1], validMonthDay(month, day) else { return nil }
        return (month, day)
    }

    static func parseInstant(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }
}
