import CLMDB
import LMDB

extension RawLMDBDump {
    /// The load floor: creates the dump's databases (same flags) in `environment`, a fresh
    /// one, and writes every customer's entries with `mdb_put`, `transactionSize` customers
    /// per transaction, then the trailer. Returns how many customers were written.
    public func load(into environment: RawEnvironment, transactionSize: Int = 10_000) throws -> Int {
        precondition(transactionSize > 0, "transactionSize must be positive")
        let dbis = try databases.map { database throws(LMDBError) in
            try environment.openDatabase(database.name, flags: database.flags, create: true)
        }
        let putFlags = databases.map(\.putFlags)
        try entries.withUnsafeBytes { bytes in
            var position = 0
            while position < ids.count {
                let txn = try environment.begin(readOnly: false)
                do {
                    let end = min(position + transactionSize, ids.count)
                    for customer in position ..< end {
                        try Self.forEachPacked(bytes, range(of: customer)) { database, key, value in
                            try check(mdb_put(txn, dbis[database], &key, &value, putFlags[database]),
                                      "mdb_put \(databases[database].name)")
                        }
                    }
                    if end == ids.count {
                        try trailer.withUnsafeBytes { trailer in
                            try Self.forEachPacked(trailer, 0 ..< trailer.count) { database, key, value in
                                try check(mdb_put(txn, dbis[database], &key, &value, 0), "mdb_put \(databases[database].name)")
                            }
                        }
                    }
                    position = end
                } catch {
                    mdb_txn_abort(txn)
                    throw error
                }
                try check(mdb_txn_commit(txn), "mdb_txn_commit")
            }
        }
        return ids.count
    }
}
