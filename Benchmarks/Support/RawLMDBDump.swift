import CLMDB
import LMDB

/// Every entry of a CustomerStore environment, grouped by customer, held in memory: the
/// input of the raw LMDB floor for loads (and, filtered to a sample, for deletes).
///
/// The floor writes exactly these bytes with `mdb_put`: the same records, the same index
/// keys, the same database flags, in the same order CustomerStore writes them (customer by
/// customer, ids ascending). What it leaves out is everything CustomerStore does on top:
/// validating and normalising, encoding the record, computing and diffing index keys. That
/// is the floor of a load.
///
/// Entries are packed into one byte array (database number as 2 bytes, key and value lengths
/// as 4 bytes each, the key, the value) instead of one array per entry: a 1,000,000-customer
/// store has some 30,000,000 entries, which as separate arrays would cost more memory and
/// time than the load being measured.
public struct RawLMDBDump: Sendable {
    /// A database of the environment, as the floor recreates and writes it.
    public struct DatabaseInfo: Sendable {
        /// Its name in the main database (`records`, `index.code`, `meta`, ...).
        public let name: String
        /// Its persistent flags (`mdb_dbi_flags`), given again when it is created.
        public let flags: UInt32
        /// The flags CustomerStore writes it with: `MDB_APPEND` for records (ids only grow),
        /// `MDB_NOOVERWRITE` for unique indexes (the duplicate check), none for postings.
        public let putFlags: UInt32
    }

    /// The databases, in the order of the main database (entries refer to them by position).
    public let databases: [DatabaseInfo]
    /// The customers' ids, ascending.
    public let ids: [UInt64]
    /// Every customer's entries, packed, one customer after the other.
    let entries: [UInt8]
    /// Where each customer's entries end in ``entries`` (parallel to ``ids``).
    let ends: [Int]
    /// Entries that belong to no customer (the `meta` counters), written last.
    let trailer: [UInt8]

    /// How many customers the dump holds.
    public var customerCount: Int { ids.count }

    /// The byte range of the customer at `position` in ``entries``.
    func range(of position: Int) -> Range<Int> { (position == 0 ? 0 : ends[position - 1]) ..< ends[position] }

    /// Reads every database of the CustomerStore environment in `directory`; with `only`, just
    /// the entries of those customer ids (and no trailer).
    ///
    /// - Precondition: this process does not have `directory` open already (see
    ///   ``RawEnvironment``).
    public static func read(from directory: String, only: Set<UInt64>? = nil) throws -> RawLMDBDump {
        let env = try RawEnvironment(path: directory, readOnly: true)
        let txn = try env.begin(readOnly: true)
        defer { mdb_txn_abort(txn) }

        // The main (unnamed) database lists the named ones: its keys are their names.
        var main = MDB_dbi()
        try check(mdb_dbi_open(txn, nil, 0, &main), "mdb_dbi_open main")
        var names: [String] = []
        try forEachEntry(txn, main) { key, _ in
            names.append(String(decoding: UnsafeRawBufferPointer(start: key.mv_data, count: key.mv_size), as: UTF8.self))
        }

        var databases: [DatabaseInfo] = []
        var buckets: [UInt64: [UInt8]] = [:]
        var trailer: [UInt8] = []
        for (number, name) in names.enumerated() {
            var dbi = MDB_dbi()
            try check(mdb_dbi_open(txn, name, 0, &dbi), "mdb_dbi_open \(name)")
            var flags: UInt32 = 0
            try check(mdb_dbi_flags(txn, dbi, &flags), "mdb_dbi_flags \(name)")
            let isRecords = name == "records"
            let isIndex = name.hasPrefix("index.")
            let putFlags: UInt32 = if isRecords { UInt32(MDB_APPEND) }
                else if flags & UInt32(MDB_DUPSORT) != 0 { 0 }
                else if isIndex { UInt32(MDB_NOOVERWRITE) }
                else { 0 }
            databases.append(DatabaseInfo(name: name, flags: flags, putFlags: putFlags))

            try forEachEntry(txn, dbi) { key, value in
                // Records are keyed by id; every index entry's value is the id.
                guard isRecords || isIndex else {
                    if only == nil { append(number, key, value, to: &trailer) }
                    return
                }
                guard let id = readID(isRecords ? key : value) else {
                    throw LMDBError(code: MDB_CORRUPTED, operation: "dump", detail: "\(name) entry without an 8-byte id")
                }
                if let only, !only.contains(id) { return }
                append(number, key, value, to: &buckets[id, default: []])
            }
        }

        let ids = buckets.keys.sorted()
        var entries: [UInt8] = []
        entries.reserveCapacity(buckets.values.reduce(0) { $0 + $1.count })
        var ends: [Int] = []
        ends.reserveCapacity(ids.count)
        for id in ids {
            entries += buckets[id]!
            ends.append(entries.count)
        }
        return RawLMDBDump(databases: databases, ids: ids, entries: entries, ends: ends, trailer: trailer)
    }

    /// Calls `body` with every (key, value) of `dbi`, every duplicate included.
    private static func forEachEntry(_ txn: OpaquePointer, _ dbi: MDB_dbi,
                                     _ body: (MDB_val, MDB_val) throws -> Void) throws {
        var cursor: OpaquePointer?
        try check(mdb_cursor_open(txn, dbi, &cursor), "mdb_cursor_open")
        defer { mdb_cursor_close(cursor) }
        var key = MDB_val()
        var value = MDB_val()
        while true {
            let code = mdb_cursor_get(cursor, &key, &value, MDB_NEXT)
            if code == MDB_NOTFOUND { return }
            try check(code, "mdb_cursor_get")
            try body(key, value)
        }
    }

    private static func append(_ database: Int, _ key: MDB_val, _ value: MDB_val, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: UInt16(database).littleEndian) { bytes += $0 }
        withUnsafeBytes(of: UInt32(key.mv_size).littleEndian) { bytes += $0 }
        withUnsafeBytes(of: UInt32(value.mv_size).littleEndian) { bytes += $0 }
        bytes += UnsafeRawBufferPointer(start: key.mv_data, count: key.mv_size)
        bytes += UnsafeRawBufferPointer(start: value.mv_data, count: value.mv_size)
    }

    /// Calls `body` with each packed entry of `range` in `bytes`: its database number, key
    /// and value (pointing into `bytes`).
    @inline(__always)
    static func forEachPacked(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>,
                              _ body: (Int, inout MDB_val, inout MDB_val) throws -> Void) rethrows {
        var offset = range.lowerBound
        while offset < range.upperBound {
            let database = Int(UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt16.self)))
            let keyCount = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 2, as: UInt32.self)))
            let valueCount = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 6, as: UInt32.self)))
            let keyStart = offset + 10
            var key = MDB_val(mv_size: keyCount, mv_data: UnsafeMutableRawPointer(mutating: bytes.baseAddress! + keyStart))
            var value = MDB_val(mv_size: valueCount,
                                mv_data: UnsafeMutableRawPointer(mutating: bytes.baseAddress! + keyStart + keyCount))
            try body(database, &key, &value)
            offset = keyStart + keyCount + valueCount
        }
    }
}
