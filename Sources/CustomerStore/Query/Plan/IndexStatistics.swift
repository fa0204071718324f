import LMDB

/// Row estimates from the indexes: exact for single keys (a posting's length is stored with
/// it), counted for small ranges, and interpolated over the key space for large ones.
enum IndexStatistics {
    /// Distinct keys counted exactly before a range estimate switches to interpolation.
    static let countedKeys = 64

    /// The ids under the keys in `ranges` of a posting index.
    static func entries(in db: FixedDuplicateDatabase, ranges: [KeyRange], _ txn: borrowing ReadTransaction) throws -> Int {
        try ranges.reduce(0) { total, range in
            total + (try entries(in: db, range: range, txn) { try $0.duplicateCount() })
        }
    }

    /// The keys in `ranges` of a unique index (or of the records).
    static func entries(in db: PlainDatabase, ranges: [KeyRange], _ txn: borrowing ReadTransaction) throws -> Int {
        try ranges.reduce(0) { total, range in
            total + (try entries(in: db, range: range, txn) { _ in 1 })
        }
    }

    private static func entries<Kind: DatabaseKind>(
        in db: Database<Kind>, range: KeyRange, _ txn: borrowing ReadTransaction,
        valuesAtKey: (inout Cursor<Kind>) throws -> Int
    ) throws -> Int {
        try txn.withCursor(db) { cursor in
            var found: Bool
            switch range.lower {
            case .unbounded: found = try cursor.first()
            case .included(let key), .excluded(let key): found = try cursor.seek(atOrAfter: key)
            }
            var counted = 0
            var keys = 0
            while found {
                let key = Array(cursor.key)
                guard ValueTest.contains(range, key) else {
                    if case .excluded(let low) = range.lower, key == low {
                        found = try cursor.nextKey()
                        continue
                    }
                    break
                }
                keys += 1
                if keys > countedKeys {
                    return try interpolated(db, range: range, txn)
                }
                counted += try valuesAtKey(&cursor)
                found = try cursor.nextKey()
            }
            return counted
        }
    }

    /// The share of the key space `range` covers, times the entries: keys read as numbers
    /// from their first eight bytes.
    private static func interpolated<Kind: DatabaseKind>(
        _ db: Database<Kind>, range: KeyRange, _ txn: borrowing ReadTransaction
    ) throws -> Int {
        let total = try txn.statistics(of: db).entries
        let bounds = try txn.withCursor(db) { cursor -> (Double, Double)? in
            guard try cursor.first() else { return nil }
            let first = number(Array(cursor.key))
            guard try cursor.last() else { return nil }
            return (first, number(Array(cursor.key)))
        }
        guard let (first, last) = bounds, last > first else { return total }
        let low: Double = switch range.lower {
        case .unbounded: first
        case .included(let key), .excluded(let key): max(first, number(key))
        }
        let high: Double = switch range.upper {
        case .unbounded: last
        case .included(let key), .excluded(let key): min(last, number(key))
        }
        let share = max(0, high - low) / (last - first)
        return max(countedKeys, Int(Double(total) * min(1, share)))
    }

    private static func number(_ key: [UInt8]) -> Double {
        var value: UInt64 = 0
        for index in 0..<8 { value = value << 8 | UInt64(index < key.count ? key[index] : 0) }
        return Double(value)
    }
}
