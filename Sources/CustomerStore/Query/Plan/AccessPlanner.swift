import LMDB

/// Chooses how to find a filter's candidates from index statistics: a unique lookup, a
/// posting list, an index range, an intersection of postings for `AND`, a union for `OR`,
/// or `nil` when reading every record is cheaper or nothing else applies.
///
/// Costs count ids read from indexes as 1 and records read and decoded as
/// ``recordCost``, which measures about fifty times slower.
struct AccessPlanner {
    static let recordCost = 50

    let catalog: IndexCatalog
    let databases: StoreDatabases
    /// Customers in the store.
    let total: Int

    /// The cheapest path for `filter`, or `nil` for a full scan.
    func path(for filter: CompiledFilter, _ txn: borrowing ReadTransaction) throws -> AccessPath? {
        guard let path = try candidatePath(filter, txn) else { return nil }
        return cost(path) < total * Self.recordCost ? path : nil
    }

    func cost(_ path: AccessPath) -> Int { path.idsRead + path.estimate * Self.recordCost }

    private func candidatePath(_ filter: CompiledFilter, _ txn: borrowing ReadTransaction) throws -> AccessPath? {
        switch filter {
        case .test(let field, let test, let negated):
            return negated ? nil : try leafPath(field, test, txn)
        case .present(let field):
            return try leafPath(field, .prefix([]), txn)
        case .not:
            return nil
        case .and(let operands):
            var options: [AccessPath] = []
            for operand in operands {
                if let path = try candidatePath(operand, txn) { options.append(path) }
            }
            return intersection(options, coversAll: options.count == operands.count)
        case .or(let operands):
            var paths: [AccessPath] = []
            for operand in operands {
                guard let path = try candidatePath(operand, txn) else { return nil }
                paths.append(path)
            }
            return union(paths)
        }
    }

    /// The most selective paths, intersected while reading another posting saves more record
    /// reads than it costs (operands assumed independent).
    private func intersection(_ options: [AccessPath], coversAll: Bool) -> AccessPath? {
        let sorted = options.sorted { $0.estimate < $1.estimate }
        guard let first = sorted.first else { return nil }
        var chosen = [first]
        var estimate = Double(first.estimate)
        for option in sorted.dropFirst() {
            let narrowed = estimate * Double(option.estimate) / Double(max(total, 1))
            guard Double(option.idsRead) < (estimate - narrowed) * Double(Self.recordCost) else { continue }
            chosen.append(option)
            estimate = narrowed
        }
        let exact = coversAll && chosen.count == sorted.count && chosen.allSatisfy(\.exact)
        if chosen.count == 1 {
            return exact == first.exact ? first : AccessPath(first.kind, estimate: first.estimate, idsRead: first.idsRead, exact: exact)
        }
        return AccessPath(.intersection(chosen), estimate: Int(estimate.rounded(.up)),
                          idsRead: chosen.reduce(0) { $0 + $1.idsRead }, exact: exact)
    }

    private func union(_ paths: [AccessPath]) -> AccessPath? {
        guard !paths.isEmpty else { return nil }
        if paths.count == 1 { return paths[0] }
        return AccessPath(.union(paths), estimate: min(total, paths.reduce(0) { $0 + $1.estimate }),
                          idsRead: paths.reduce(0) { $0 + $1.idsRead }, exact: paths.allSatisfy(\.exact))
    }

    private func leafPath(_ field: QueryField, _ test: ValueTest, _ txn: borrowing ReadTransaction) throws -> AccessPath? {
        if field == .name { return try namePath(test, txn) }
        var ranges: [KeyRange]
        switch test {
        case .ranges(let valueRanges): ranges = valueRanges
        case .prefix(let prefix): ranges = [prefix.isEmpty ? .all : KeyRange.prefix(prefix)]
        case .substring, .tokenPrefixes: return nil
        }
        // LMDB keys are never empty: bounds at the empty key resolve here, before any seek.
        ranges = ranges.compactMap(\.normalized)
        if field == .id {
            let estimate = try IndexStatistics.entries(in: databases.records, ranges: ranges, txn)
            return AccessPath(.idRange(ranges), estimate: estimate, exact: true)
        }
        guard let indexed = catalog.fields[field] else { return nil }
        let keyRanges = indexed.indexRanges(ranges)
        switch indexed.index.storage {
        case .unique(let db):
            let estimate = try IndexStatistics.entries(in: db, ranges: keyRanges, txn)
            let points = keyRanges.compactMap { range -> [UInt8]? in
                guard KeyText.isPoint(range), case .included(let key) = range.lower else { return nil }
                return key
            }
            let kind: AccessPath.Kind = points.count == keyRanges.count
                ? .uniqueLookup(indexed, keys: points) : .indexRange(indexed, ranges: keyRanges)
            return AccessPath(kind, estimate: estimate, exact: true)
        case .postings(let db):
            let estimate = try IndexStatistics.entries(in: db, ranges: keyRanges, txn)
            return AccessPath(.indexRange(indexed, ranges: keyRanges), estimate: estimate, exact: true)
        }
    }

    /// Name tests through the token index: `CONTAINS` exactly (every token a prefix of some
    /// name token); `=` and `PREFIX` as a superset (tokens present, order checked on records).
    private func namePath(_ test: ValueTest, _ txn: borrowing ReadTransaction) throws -> AccessPath? {
        guard let index = catalog.nameTokens, case .postings(let db) = index.storage else { return nil }
        func token(_ text: String, exact: Bool) throws -> AccessPath {
            let range = exact ? KeyRange(from: Array(text.utf8), through: Array(text.utf8)) : KeyRange.prefix(Array(text.utf8))
            let estimate = try IndexStatistics.entries(in: db, ranges: [range], txn)
            return AccessPath(.nameToken(index, token: text, exact: exact), estimate: estimate, exact: true)
        }
        // Exact only when asked for and every token's posting was intersected.
        func all(_ tokens: [AccessPath], exact: Bool) -> AccessPath? {
            guard let path = intersection(tokens, coversAll: true) else { return nil }
            let isExact = exact && path.exact
            return path.exact == isExact ? path : AccessPath(path.kind, estimate: path.estimate, idsRead: path.idsRead, exact: isExact)
        }
        switch test {
        case .tokenPrefixes(let tokens):
            return all(try tokens.map { try token($0, exact: false) }, exact: true)
        case .prefix(let prefix):
            let tokens = String(decoding: prefix, as: UTF8.self).split(separator: " ").map(String.init)
            guard let last = tokens.last else { return nil }
            let paths = try tokens.dropLast().map { try token($0, exact: true) } + [try token(last, exact: false)]
            return all(paths, exact: false)
        case .ranges(let ranges):
            var alternatives: [AccessPath] = []
            for range in ranges {
                guard KeyText.isPoint(range), case .included(let name) = range.lower else { return nil }
                let tokens = String(decoding: name, as: UTF8.self).split(separator: " ").map(String.init)
                guard !tokens.isEmpty, let path = all(try tokens.map { try token($0, exact: true) }, exact: false) else {
                    return nil
                }
                alternatives.append(path)
            }
            return union(alternatives)
        case .substring:
            return nil
        }
    }
}
