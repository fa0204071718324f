import LMDB

/// Reads an access path's candidates as ascending ids, recording actual counts on each node
/// for `explain`.
struct CandidateReader {
    let databases: StoreDatabases

    func ids(_ path: AccessPath, _ txn: borrowing ReadTransaction) throws -> [UInt64] {
        let ids: [UInt64]
        switch path.kind {
        case .uniqueLookup(let indexed, let keys):
            guard case .unique(let db) = indexed.index.storage else { preconditionFailure("unique lookup on postings") }
            var found: [UInt64] = []
            for key in keys {
                if let id = try txn.withValue(for: key, in: db, { OrderedKey.readUInt64($0) }) ?? nil { found.append(id) }
            }
            ids = SortedIDs.normalized(found)
        case .indexRange(let indexed, let ranges):
            ids = try rangeIDs(indexed.index.storage, ranges, txn)
        case .nameToken(let index, let token, let exact):
            let range = exact ? KeyRange(from: Array(token.utf8), through: Array(token.utf8)) : KeyRange.prefix(Array(token.utf8))
            ids = try rangeIDs(index.storage, [range], txn)
        case .idRange(let ranges):
            var found: [UInt64] = []
            for range in ranges {
                try txn.forEach(in: databases.records, range: range) { key, _ in
                    if let id = OrderedKey.readUInt64(key) { found.append(id) }
                    return .next
                }
            }
            ids = ranges.count > 1 ? SortedIDs.normalized(found) : found
        case .intersection(let paths):
            var result: [UInt64]?
            for child in paths.sorted(by: { $0.estimate < $1.estimate }) {
                if let current = result, let probed = try probe(current, in: child, txn) {
                    result = probed
                    continue
                }
                let childIDs = try self.ids(child, txn)
                result = result.map { SortedIDs.intersection($0, childIDs) } ?? childIDs
            }
            ids = result ?? []
        case .union(let paths):
            ids = try paths.reduce([]) { SortedIDs.union($0, try self.ids($1, txn)) }
        }
        path.actual = ids.count
        return ids
    }

    /// A posting many times longer than the ids left is cheaper to probe id by id (one
    /// B-tree descent each) than to read: the ids of `current` found in `path`'s posting, or
    /// `nil` when `path` is not one posting or reading it is cheaper.
    private func probe(_ current: [UInt64], in path: AccessPath, _ txn: borrowing ReadTransaction) throws -> [UInt64]? {
        guard let (db, key) = path.postingKey, current.count * AccessPlanner.probeCost < path.estimate else { return nil }
        let kept = try txn.withCursor(db) { cursor in
            try current.filter { id in try cursor.seek(exactly: key, value: IndexKey.id(id)) }
        }
        path.actual = kept.count
        path.probed = true
        return kept
    }

    /// The ids under every key in `ranges`: a single key's posting is already sorted and read
    /// in blocks; several keys are merged.
    private func rangeIDs(_ storage: IndexStorage, _ ranges: [KeyRange], _ txn: borrowing ReadTransaction) throws -> [UInt64] {
        var found: [UInt64] = []
        switch storage {
        case .postings(let db) where ranges.count == 1 && KeyText.isPoint(ranges[0]):
            guard case .included(let key) = ranges[0].lower else { return [] }
            try txn.forEachDuplicateBlock(of: key, in: db) { block, size in
                // Ids are 8 big-endian bytes (see IndexKey.id).
                for offset in stride(from: 0, to: block.count - size + 1, by: size) {
                    found.append(UInt64(bigEndian: block.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
                }
                return .next
            }
            return found
        case .postings(let db):
            for range in ranges {
                try txn.forEach(in: db, range: range) { _, value in
                    if let id = OrderedKey.readUInt64(value) { found.append(id) }
                    return .next
                }
            }
        case .unique(let db):
            for range in ranges {
                try txn.forEach(in: db, range: range) { _, value in
                    if let id = OrderedKey.readUInt64(value) { found.append(id) }
                    return .next
                }
            }
        }
        return SortedIDs.normalized(found)
    }
}
