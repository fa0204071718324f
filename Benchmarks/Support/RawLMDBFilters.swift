import CLMDB
import Foundation
import LMDB

/// The filter floor: what the Filters suite's queries cost in LMDB with the store's own
/// layout and no decoding, through plain C calls. Each query is one read transaction
/// (`mdb_txn_begin`, like the lookup floor, without the wrapper's reader pool).
///
/// - Postings (`index.<field>`, `DUPSORT | DUPFIXED`, 8-byte big-endian ids in ascending
///   order) are read a page at a time with `MDB_GET_MULTIPLE` / `MDB_NEXT_MULTIPLE`; two are
///   intersected by merging.
/// - A record is `mdb_get` from `records` by its 8-byte id and touched (first and last
///   byte), never decoded. The one exception is the compound filter's `points > n`, which
///   the postings cannot answer: the floor reads that one field from the record's bytes
///   (``RawRecordField``), skipping the fields before it.
/// - Ordered reads walk `index.points` backwards (`MDB_LAST`, `MDB_PREV`); grouped counts
///   walk the keys of a posting index (`MDB_NEXT_NODUP`) with `mdb_cursor_count`.
///
/// It runs on the CustomerStore fixture's own environment handle: the same file, the same
/// key layout, the same page cache.
public struct RawLMDBFilters: Sendable {
    /// Records read by a query, with their first and last bytes summed so the reads cannot
    /// be optimised away.
    public struct Rows: Sendable {
        /// The ids, in the query's order.
        public var ids: [UInt64] = []
        public var touch = 0
    }

    /// One key of a posting index and its number of ids.
    public struct Group: Equatable, Sendable {
        /// The index key as stored (folded: `ha noi`); `nil` for the customers with no key.
        public var key: [UInt8]?
        public var count: Int

        public init(key: [UInt8]?, count: Int) {
            self.key = key
            self.count = count
        }
    }

    let environment: Environment
    let records: MDB_dbi
    /// `index.segment`: folded segment -> ids.
    public let segments: MDB_dbi
    /// `index.province`: folded province -> ids.
    public let provinces: MDB_dbi
    /// `index.points`: order-preserving 8-byte points -> ids.
    public let points: MDB_dbi

    /// Opens the databases of the store in `environment` (which must stay open).
    public init(environment: Environment) throws {
        self.environment = environment
        records = try environment.openDatabase("records", create: false).dbi
        segments = try environment.openDatabase("index.segment", kind: FixedDuplicates.self, create: false).dbi
        provinces = try environment.openDatabase("index.province", kind: FixedDuplicates.self, create: false).dbi
        points = try environment.openDatabase("index.points", kind: FixedDuplicates.self, create: false).dbi
    }

    // MARK: Queries

    /// Every customer under `key` in `index` (a segment scan): the posting, then each
    /// record, in id order.
    public func scan(_ key: [UInt8], in index: MDB_dbi) throws -> Rows {
        try reading { txn in
            var rows = Rows()
            try Self.posting(key, in: index, txn, into: &rows.ids)
            for id in rows.ids { rows.touch &+= try touchRecord(id, txn) }
            return rows
        }
    }

    /// The first `limit` customers in id order under both `segment` and `province` whose
    /// points are above `minimumPoints`: the two postings merged, each common id's record
    /// read and its points field checked in the bytes, until `limit` match.
    public func firstMatches(segment: [UInt8], province: [UInt8], pointsAbove minimumPoints: Int64,
                             limit: Int) throws -> Rows {
        try reading { txn in
            var inSegment: [UInt64] = []
            var inProvince: [UInt64] = []
            try Self.posting(segment, in: segments, txn, into: &inSegment)
            try Self.posting(province, in: provinces, txn, into: &inProvince)
            var rows = Rows()
            var i = 0
            var j = 0
            while i < inSegment.count, j < inProvince.count, rows.ids.count < limit {
                let a = inSegment[i]
                let b = inProvince[j]
                if a < b { i += 1; continue }
                if b < a { j += 1; continue }
                i += 1
                j += 1
                let read = try withRecord(a, txn) { bytes -> (points: Int64, touch: Int) in
                    guard let points = RawRecordField.signed(RawRecordField.points, in: bytes) else {
                        throw LMDBError(code: MDB_CORRUPTED, operation: "read points", detail: "record \(a)")
                    }
                    return (points, Int(bytes[0]) &+ Int(bytes[bytes.count - 1]))
                }
                guard let read else {
                    throw LMDBError(code: MDB_NOTFOUND, operation: "mdb_get records", detail: "record \(a)")
                }
                guard read.points > minimumPoints else { continue }
                rows.ids.append(a)
                rows.touch &+= read.touch
            }
            return rows
        }
    }

    /// The `limit` customers with the most points (ties by id ascending): `index.points`
    /// walked from its last entry backwards, finishing the last key's ties, then each record.
    public func topByPoints(_ limit: Int) throws -> Rows {
        try reading { txn in
            var entries: [(key: UInt64, id: UInt64)] = []
            entries.reserveCapacity(limit + 1)
            try Self.withCursor(points, txn) { cursor in
                var key = MDB_val()
                var value = MDB_val()
                var code = mdb_cursor_get(cursor, &key, &value, MDB_LAST)
                while code == MDB_SUCCESS {
                    guard let pointsKey = readID(key), let id = readID(value) else {
                        throw LMDBError(code: MDB_CORRUPTED, operation: "read index.points")
                    }
                    // Keep going past `limit` only for ties with the last key taken.
                    if entries.count >= limit, pointsKey != entries[entries.count - 1].key { break }
                    entries.append((pointsKey, id))
                    code = mdb_cursor_get(cursor, &key, &value, MDB_PREV)
                }
                if code != MDB_SUCCESS && code != MDB_NOTFOUND { try check(code, "mdb_cursor_get MDB_PREV") }
            }
            // Backwards, ties come with the largest id first; the order wants the smallest.
            entries.sort { $0.key != $1.key ? $0.key > $1.key : $0.id < $1.id }
            var rows = Rows()
            for entry in entries.prefix(limit) {
                rows.ids.append(entry.id)
                rows.touch &+= try touchRecord(entry.id, txn)
            }
            return rows
        }
    }

    /// The number of customers under both `segment` and `province`: the two postings read
    /// and merged, counting common ids.
    public func count(segment: [UInt8], province: [UInt8]) throws -> Int {
        try reading { txn in
            var inSegment: [UInt64] = []
            var inProvince: [UInt64] = []
            try Self.posting(segment, in: segments, txn, into: &inSegment)
            try Self.posting(province, in: provinces, txn, into: &inProvince)
            var count = 0
            var i = 0
            var j = 0
            while i < inSegment.count, j < inProvince.count {
                let a = inSegment[i]
                let b = inProvince[j]
                if a <= b { i += 1 }
                if b <= a { j += 1 }
                if a == b { count += 1 }
            }
            return count
        }
    }

    /// Each key of `index` with its number of ids, in key order, then (when there are any)
    /// the customers under no key: the records' count (`mdb_stat`) less the ids counted. For
    /// single-valued fields only (a customer under several keys would be counted twice).
    public func groupCounts(in index: MDB_dbi) throws -> [Group] {
        try reading { txn in
            var groups: [Group] = []
            var counted = 0
            try Self.withCursor(index, txn) { cursor in
                var key = MDB_val()
                var value = MDB_val()
                var code = mdb_cursor_get(cursor, &key, &value, MDB_FIRST)
                while code == MDB_SUCCESS {
                    var count = 0
                    try check(mdb_cursor_count(cursor, &count), "mdb_cursor_count")
                    let bytes = UnsafeRawBufferPointer(start: key.mv_data, count: key.mv_size)
                    groups.append(Group(key: Array(bytes), count: count))
                    counted += count
                    code = mdb_cursor_get(cursor, &key, &value, MDB_NEXT_NODUP)
                }
                if code != MDB_NOTFOUND { try check(code, "mdb_cursor_get MDB_NEXT_NODUP") }
            }
            var stat = MDB_stat()
            try check(mdb_stat(txn, records, &stat), "mdb_stat records")
            if stat.ms_entries > counted { groups.append(Group(key: nil, count: stat.ms_entries - counted)) }
            return groups
        }
    }

    // MARK: Parts

    /// Runs `body` in a new read transaction, aborted afterwards.
    private func reading<R>(_ body: (OpaquePointer) throws -> R) throws -> R {
        var txn: OpaquePointer?
        try check(mdb_txn_begin(environment.handle, nil, UInt32(MDB_RDONLY), &txn), "mdb_txn_begin")
        guard let txn else { throw LMDBError(code: ENOMEM, operation: "mdb_txn_begin") }
        defer { mdb_txn_abort(txn) }
        return try body(txn)
    }

    private static func withCursor<R>(_ dbi: MDB_dbi, _ txn: OpaquePointer, _ body: (OpaquePointer) throws -> R) throws -> R {
        var cursor: OpaquePointer?
        try check(mdb_cursor_open(txn, dbi, &cursor), "mdb_cursor_open")
        guard let cursor else { throw LMDBError(code: ENOMEM, operation: "mdb_cursor_open") }
        defer { mdb_cursor_close(cursor) }
        return try body(cursor)
    }

    /// Appends the ids under `key` in the posting index `dbi`, ascending, a page at a time.
    private static func posting(_ key: [UInt8], in dbi: MDB_dbi, _ txn: OpaquePointer, into ids: inout [UInt64]) throws {
        try withCursor(dbi, txn) { cursor in
            try key.withUnsafeBytes { keyBytes in
                try withValue(keyBytes) { k in
                    var value = MDB_val()
                    var code = mdb_cursor_get(cursor, &k, &value, MDB_SET_KEY)
                    if code == MDB_NOTFOUND { return }
                    try check(code, "mdb_cursor_get MDB_SET_KEY")
                    code = mdb_cursor_get(cursor, &k, &value, MDB_GET_MULTIPLE)
                    while code == MDB_SUCCESS {
                        let block = UnsafeRawBufferPointer(start: value.mv_data, count: value.mv_size)
                        for offset in stride(from: 0, to: block.count - 7, by: 8) {
                            ids.append(UInt64(bigEndian: block.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
                        }
                        code = mdb_cursor_get(cursor, &k, &value, MDB_NEXT_MULTIPLE)
                    }
                    if code != MDB_NOTFOUND { try check(code, "mdb_cursor_get MDB_NEXT_MULTIPLE") }
                }
            }
        }
    }

    /// Calls `body` with the bytes of record `id`; `nil` when there is no such record.
    private func withRecord<R>(_ id: UInt64, _ txn: OpaquePointer, _ body: (UnsafeRawBufferPointer) throws -> R) throws -> R? {
        var key = id.bigEndian
        return try withUnsafeMutableBytes(of: &key) { keyBytes in
            var k = MDB_val(mv_size: 8, mv_data: keyBytes.baseAddress)
            var record = MDB_val()
            let code = mdb_get(txn, records, &k, &record)
            if code == MDB_NOTFOUND { return nil }
            try check(code, "mdb_get records")
            return try body(UnsafeRawBufferPointer(start: record.mv_data, count: record.mv_size))
        }
    }

    /// Reads record `id` and returns its first and last bytes, summed.
    private func touchRecord(_ id: UInt64, _ txn: OpaquePointer) throws -> Int {
        let touch = try withRecord(id, txn) { bytes in
            bytes.isEmpty ? 0 : Int(bytes[0]) &+ Int(bytes[bytes.count - 1])
        }
        guard let touch else { throw LMDBError(code: MDB_NOTFOUND, operation: "mdb_get records", detail: "record \(id)") }
        return touch
    }
}
