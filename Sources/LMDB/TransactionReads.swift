import CLMDB

extension ReadableTransaction where Self: ~Copyable {
    /// Calls `body` with the value stored under `key`, read in place from the map without a
    /// copy; returns `nil` without calling `body` when the key is absent. In a duplicate
    /// database this is the key's first value.
    ///
    /// ```swift
    /// let length = try txn.withValue(for: "KH000001", in: names) { bytes in bytes.count }
    /// ```
    ///
    /// - Warning: The buffer is valid only inside `body`; do not let it escape.
    @inlinable
    public func withValue<Kind, R>(
        for key: some LMDBBytes, in db: Database<Kind>,
        _ body: (UnsafeRawBufferPointer) throws -> R
    ) throws -> R? {
        var data = MDB_val()
        let rc = key.withLMDBBytes { keyBytes in
            var keyValue = MDB_val(keyBytes)
            return mdb_get(handle, db.dbi, &keyValue, &data)
        }
        if rc == MDB_NOTFOUND { return nil }
        try check(rc, "mdb_get")
        return try body(data.buffer)
    }

    /// The value stored under `key`, copied, or `nil` when absent.
    @inlinable
    public func get<Kind>(_ key: some LMDBBytes, in db: Database<Kind>) throws -> [UInt8]? {
        try withValue(for: key, in: db) { Array($0) }
    }

    /// The value stored under `key` decoded as UTF-8, or `nil` when absent.
    public func getString<Kind>(_ key: some LMDBBytes, in db: Database<Kind>) throws -> String? {
        try withValue(for: key, in: db) { String(decoding: $0, as: UTF8.self) }
    }

    /// Whether `key` is present.
    public func contains<Kind>(_ key: some LMDBBytes, in db: Database<Kind>) throws -> Bool {
        try withValue(for: key, in: db) { _ in true } ?? false
    }

    /// The value stored under an integer key, copied, or `nil` when absent.
    public func get(_ key: UInt64, in db: IntegerKeyDatabase) throws -> [UInt8]? {
        try withUnsafeBytes(of: key) { try get($0, in: db) }
    }

    /// Statistics of one database: entry count, depth, pages (`mdb_stat`).
    public func statistics<Kind>(of db: Database<Kind>) throws(LMDBError) -> DatabaseStatistics {
        var stat = MDB_stat()
        try check(mdb_stat(handle, db.dbi, &stat), "mdb_stat")
        return DatabaseStatistics(stat)
    }

    /// The transaction's ID: the number of the snapshot it reads (`mdb_txn_id`).
    public var id: Int { mdb_txn_id(handle) }

    /// Compares two keys with the database's own order (`mdb_cmp`): negative, zero, positive.
    func compare<Kind>(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer, in db: Database<Kind>) -> Int32 {
        var left = MDB_val(a)
        var right = MDB_val(b)
        return mdb_cmp(handle, db.dbi, &left, &right)
    }
}
