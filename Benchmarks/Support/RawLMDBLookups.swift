import CLMDB
import LMDB

/// The lookup floor: what a lookup costs in LMDB with no decoding and no normalising. One read
/// transaction (`mdb_txn_begin`, like a naive C program, without the wrapper's reader pool),
/// `mdb_get` in a unique index (`index.code`, `index.phone`, `index.email`), `mdb_get` of the
/// record, and a touch of its first and last bytes so the page is really read.
///
/// It runs on the CustomerStore fixture's own environment handle: the same file, the same key
/// layout, the same page cache.
public struct RawLMDBLookups: Sendable {
    /// What a lookup found.
    public struct Hit: Sendable {
        /// The customer id the index held.
        public let id: UInt64
        /// The record's first and last bytes, summed, so the read cannot be optimised away.
        public let touch: Int
    }

    let environment: Environment
    let records: MDB_dbi
    /// `index.code`: codes as stored (uppercase; the generator's already are).
    public let codes: MDB_dbi
    /// `index.phone`: E.164 forms.
    public let phones: MDB_dbi
    /// `index.email`: normalised addresses.
    public let emails: MDB_dbi

    /// Opens the databases of the store in `environment` (which must stay open).
    public init(environment: Environment) throws {
        self.environment = environment
        records = try environment.openDatabase("records", create: false).dbi
        codes = try environment.openDatabase("index.code", create: false).dbi
        phones = try environment.openDatabase("index.phone", create: false).dbi
        emails = try environment.openDatabase("index.email", create: false).dbi
    }

    /// Looks `key` up in `index`, then the record it points to; `nil` when either is missing.
    public func lookup(_ key: String, in index: MDB_dbi) throws -> Hit? {
        var txn: OpaquePointer?
        try check(mdb_txn_begin(environment.handle, nil, UInt32(MDB_RDONLY), &txn), "mdb_txn_begin")
        defer { mdb_txn_abort(txn) }
        var key = key
        // withUTF8 gives the string's own bytes (no copy for native strings).
        return try key.withUTF8 { bytes -> Hit? in
            var k = MDB_val(mv_size: bytes.count, mv_data: UnsafeMutableRawPointer(mutating: bytes.baseAddress))
            var id = MDB_val()
            let found = mdb_get(txn, index, &k, &id)
            if found == MDB_NOTFOUND { return nil }
            try check(found, "mdb_get index")
            var record = MDB_val()
            let read = mdb_get(txn, records, &id, &record)
            if read == MDB_NOTFOUND { return nil }
            try check(read, "mdb_get records")
            guard let customerID = readID(id), record.mv_size > 0 else { return nil }
            let bytes = record.mv_data.assumingMemoryBound(to: UInt8.self)
            return Hit(id: customerID, touch: Int(bytes[0]) &+ Int(bytes[record.mv_size - 1]))
        }
    }
}
