import CLMDB

extension WriteTransaction {
    /// Stores `value` under `key` (`mdb_put`). In a plain database it replaces the old value;
    /// in a duplicate database it adds `value` to the key's set.
    ///
    /// ```swift
    /// try txn.put(id, for: "+84912345678", in: phones, flags: .noOverwrite)
    /// ```
    ///
    /// - Throws: ``LMDBError/keyExists`` under `.noOverwrite` or `.noDuplicateData`;
    ///   ``LMDBError/badValueSize`` for an empty key or one longer than
    ///   ``Environment/maxKeySize``; ``LMDBError/keyExists`` for an `.append` out of order.
    public func put<Kind>(
        _ value: some LMDBBytes, for key: some LMDBBytes, in db: Database<Kind>, flags: PutFlags = []
    ) throws(LMDBError) {
        let rc = withValues(key, value) { keyValue, dataValue in
            mdb_put(handle, db.dbi, &keyValue, &dataValue, flags.rawValue)
        }
        try checkWrite(rc, "mdb_put")
    }

    /// Stores `value` under `key` unless the key is present; then returns the present value
    /// (copied) and changes nothing. One B-tree descent, for unique indexes that must report
    /// who already holds a key.
    ///
    /// ```swift
    /// if let holder = try txn.putIfAbsent(id, for: phone, in: phones) {
    ///     throw Duplicate(phone: phone, heldBy: holder)
    /// }
    /// ```
    public func putIfAbsent<Kind: SingleValueKind>(
        _ value: some LMDBBytes, for key: some LMDBBytes, in db: Database<Kind>
    ) throws(LMDBError) -> [UInt8]? {
        var existing: [UInt8]?
        let rc = withValues(key, value) { keyValue, dataValue in
            let rc = mdb_put(handle, db.dbi, &keyValue, &dataValue, UInt32(MDB_NOOVERWRITE))
            if rc == MDB_KEYEXIST { existing = Array(dataValue.buffer) }
            return rc
        }
        if rc == MDB_KEYEXIST { return existing }
        try checkWrite(rc, "mdb_put")
        return nil
    }

    /// Reserves `count` bytes under `key` and lets `body` fill them in place (`MDB_RESERVE`),
    /// saving a copy when a value is encoded straight into the map.
    ///
    /// ```swift
    /// try txn.reserve(8, for: key, in: db) { buffer in buffer.storeBytes(of: n.bigEndian, as: UInt64.self) }
    /// ```
    public func reserve<Kind: SingleValueKind, R>(
        _ count: Int, for key: some LMDBBytes, in db: Database<Kind>, flags: PutFlags = [],
        _ body: (UnsafeMutableRawBufferPointer) throws -> R
    ) throws -> R {
        var data = MDB_val(mv_size: count, mv_data: nil)
        let rc = key.withLMDBBytes { keyBytes in
            var keyValue = MDB_val(keyBytes)
            return mdb_put(handle, db.dbi, &keyValue, &data, flags.rawValue | UInt32(MDB_RESERVE))
        }
        try checkWrite(rc, "mdb_put")
        return try body(UnsafeMutableRawBufferPointer(start: data.mv_data, count: count))
    }

    /// Adds many same-size values to `key` in one call (`mdb_cursor_put` with `MDB_MULTIPLE`):
    /// `values` holds them back to back, `valueSize` bytes each, in ascending order. With
    /// `.appendDuplicate` they must sort after the key's present values, and LMDB fills the
    /// key's pages completely; with `.append` as well the key must sort after every key present.
    ///
    /// ```swift
    /// // ids 7 and 9 as big-endian 8-byte values, after the segment's present ids
    /// let ids: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 7, 0, 0, 0, 0, 0, 0, 0, 9]
    /// try ids.withUnsafeBytes { try txn.putMultiple($0, valueSize: 8, for: "loyal", in: segments, flags: .appendDuplicate) }
    /// ```
    ///
    /// - Throws: ``LMDBError/keyExists`` for values or a key out of the order the flags promise.
    public func putMultiple(
        _ values: UnsafeRawBufferPointer, valueSize: Int, for key: some LMDBBytes,
        in db: FixedDuplicateDatabase, flags: PutFlags = []
    ) throws(LMDBError) {
        precondition(valueSize > 0 && !values.isEmpty && values.count % valueSize == 0,
                     "values must hold whole values of valueSize bytes")
        var cursorHandle: OpaquePointer?
        try checkWrite(mdb_cursor_open(handle, db.dbi, &cursorHandle), "mdb_cursor_open")
        defer { mdb_cursor_close(cursorHandle) }
        // MDB_MULTIPLE takes two MDB_vals: the first value and its size, then the count.
        var data = (MDB_val(mv_size: valueSize, mv_data: UnsafeMutableRawPointer(mutating: values.baseAddress)),
                    MDB_val(mv_size: values.count / valueSize, mv_data: nil))
        let rc = key.withLMDBBytes { keyBytes in
            var keyValue = MDB_val(keyBytes)
            return withUnsafeMutableBytes(of: &data) { pair in
                mdb_cursor_put(cursorHandle, &keyValue, pair.baseAddress!.assumingMemoryBound(to: MDB_val.self),
                               flags.rawValue | UInt32(MDB_MULTIPLE))
            }
        }
        try checkWrite(rc, "mdb_cursor_put")
    }

    /// Deletes `key` and, in a duplicate database, all its values. Returns whether it existed.
    @discardableResult
    public func delete<Kind>(_ key: some LMDBBytes, in db: Database<Kind>) throws(LMDBError) -> Bool {
        let rc = key.withLMDBBytes { keyBytes in
            var keyValue = MDB_val(keyBytes)
            return mdb_del(handle, db.dbi, &keyValue, nil)
        }
        if rc == MDB_NOTFOUND { return false }
        try checkWrite(rc, "mdb_del")
        return true
    }

    /// Deletes one value of a key in a duplicate database. Returns whether the pair existed.
    @discardableResult
    public func delete<Kind: DuplicateKind>(
        _ key: some LMDBBytes, value: some LMDBBytes, in db: Database<Kind>
    ) throws(LMDBError) -> Bool {
        let rc = withValues(key, value) { keyValue, dataValue in
            mdb_del(handle, db.dbi, &keyValue, &dataValue)
        }
        if rc == MDB_NOTFOUND { return false }
        try checkWrite(rc, "mdb_del")
        return true
    }

    /// Stores `value` under an integer key.
    public func put(_ value: some LMDBBytes, for key: UInt64, in db: IntegerKeyDatabase, flags: PutFlags = []) throws(LMDBError) {
        var key = key
        try withUnsafeBytes(of: &key) { (bytes) throws(LMDBError) in try put(value, for: bytes, in: db, flags: flags) }
    }

    /// Deletes an integer key. Returns whether it existed.
    @discardableResult
    public func delete(_ key: UInt64, in db: IntegerKeyDatabase) throws(LMDBError) -> Bool {
        var key = key
        return try withUnsafeBytes(of: &key) { (bytes) throws(LMDBError) in try delete(bytes, in: db) }
    }

    /// Removes every entry of the database, keeping it open (`mdb_drop` with `del = 0`).
    public func clear<Kind>(_ db: Database<Kind>) throws(LMDBError) {
        try checkWrite(mdb_drop(handle, db.dbi, 0), "mdb_drop")
    }

    /// Deletes the database from the environment and closes its handle
    /// (`mdb_drop` with `del = 1`). Do not use `db` afterwards.
    public func drop<Kind>(_ db: Database<Kind>) throws(LMDBError) {
        try checkWrite(mdb_drop(handle, db.dbi, 1), "mdb_drop")
    }
}
