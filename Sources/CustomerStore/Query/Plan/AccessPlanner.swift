import LMDB

/// Chooses how to find a filter's candidates from index statistics: a unique lookup, a
/// posting list, an index range, an intersection of postings for `AND`, a union for `OR`,
/// or `nil` when reading every record is cheaper or nothing else applies.
///
/// Costs count ids read from indexes as 1 and records read and decoded as
/// ``recordCost``, which measures about fifty times slower.
struct AccessPlanner {
    static let recordCost = 50
    /// Looking one id up in a posting (a B-tree descent), in ids read.
    static let probeCost = 4

    let catalog: IndexCatalog
    let databases: StoreDatabases
    /// Customers in the store.
    let total: Int

    /// The chosen path (`nil` for a full scan) and what must still be checked on each record
    /// read: nothing when the path is exact, and for a top-level `AND` only the operands the
    /// path did not answer exactly.
    struct Access {
        let path: AccessPath?
        let residual: (filter: CompiledFilter, shown: CustomerPredicate)?
    }

    func access(for filter: CompiledFilter, shown predicate: CustomerPredicate,
                _ txn: borrowing ReadTransaction) throws -> Access {
        let whole = (filter, predicate)
        guard case .and(let operands) = filter, case .and(let shownOperands) = predicate,
              operands.count == shownOperands.count
        else {
            guard let path = try candidatePath(filter, txn), cost(path) < total * Self.recordCost else {
                return Access(path: nil, residual: whole)
            }
            return Access(path: path, residual: path.exact ? nil : whole)
        }
        var options: [(operand: Int, path: AccessPath)] = []
        for (index, operand) in operands.enumerated() {
            if let path = try candidatePath(operand, txn) { options.append((index, path)) }
        }
        let (chosen, estimate) = choose(options.map(\.path))
        guard !chosen.isEmpty else { return Access(path: nil, residual: whole) }
        let path = chosen.count == 1 ? chosen[0] : AccessPath(
            .intersection(chosen), estimate: estimate, idsRead: chosen.reduce(0) { $0 + $1.idsRead },
            exact: chosen.count == operands.count && chosen.allSatisfy(\.exact))
        guard cost(path) < total * Self.recordCost else { return Access(path: nil, residual: whole) }
        let answered = Set(options.filter { option in
            option.path.exact && chosen.contains { $0 === option.path }
        }.map(\.operand))
        let rest = operands.indices.filter { !answered.contains($0) }
        switch rest.count {
        case 0: return Access(path: path, residual: nil)
        case 1: return Access(path: path, residual: (operands[rest[0]], shownOperands[rest[0]]))
        default: return Access(path: path, residual: (.and(rest.map { operands[$0] }), .and(rest.map { shownOperands[$0] })))
        }
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
        let (chosen, estimate) = choose(options)
        guard let first = chosen.first else { return nil }
        let exact = coversAll && chosen.count == options.count && chosen.allSatisfy(\.exact)
        if chosen.count == 1 {
            return exact == first.exact ? first : AccessPath(first.kind, estimate: first.estimate, idsRead: first.idsRead, exact: exact)
        }
        return AccessPath(.intersection(chosen), estimate: estimate,
                          idsRead: chosen.reduce(0) { $0 + $1.idsRead }, exact: exact)
    }

    /// The paths worth intersecting, most selective first, and the estimated rows left.
    private func choose(_ options: [AccessPath]) -> (chosen: [AccessPath], estimate: Int) {
        let sorted = options.sorted { $0.estimate < $1.estimate }
        guard let first = sorted.first else { return ([], 0) }
        var chosen = [first]
        var estimate = Double(first.estimate)
        for option in sorted.dropFirst() {
            let narrowed = estimate * Double(option.estimate) / Double(max(total, 1))
            // A long posting is probed per remaining candidate rather than read.
            let probing = option.postingKey == nil ? Double.infinity : estimate * Double(Self.probeCost)
            guard min(Double(option.idsRead), probing) < (estimate - narrowed) * Double(Self.recordCost) else { continue }
            chosen.append(option)
            estimate = narrowed
        }
        return (chosen, Int(estimate.rounded(.up)))
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
