import CLMDB

/// A position in a database, moved by seeks and steps (`MDB_cursor`).
///
/// Cursors exist only inside ``ReadableTransaction/withCursor(_:_:)``. Every move returns
/// whether it landed on an entry; then ``key`` and ``value`` read it in place.
///
/// ```swift
/// try txn.withCursor(db) { cursor in
///     var found = try cursor.seek(atOrAfter: "KH0001")
///     while found {
///         print(Array(cursor.key))
///         found = try cursor.next()
///     }
/// }
/// ```
///
/// Duplicate moves exist only for ``DuplicateKind`` databases.
public struct Cursor<Kind: DatabaseKind>: ~Copyable {
    let handle: OpaquePointer
    private var currentKey = MDB_val()
    private var currentValue = MDB_val()

    init(handle: OpaquePointer) {
        self.handle = handle
    }

    /// The key at the cursor, valid until the next move or the end of the transaction.
    public var key: UnsafeRawBufferPointer { currentKey.buffer }
    /// The value at the cursor, valid until the next move or the end of the transaction.
    public var value: UnsafeRawBufferPointer { currentValue.buffer }

    /// Performs one `mdb_cursor_get`; `false` when there is no such entry.
    @inline(__always)
    mutating func move(_ op: MDB_cursor_op) throws(LMDBError) -> Bool {
        let rc = mdb_cursor_get(handle, &currentKey, &currentValue, op)
        if rc == MDB_NOTFOUND { return false }
        try check(rc, "mdb_cursor_get")
        return true
    }

    /// Moves to the first entry.
    public mutating func first() throws(LMDBError) -> Bool { try move(MDB_FIRST) }
    /// Moves to the last entry (the last value of the last key).
    public mutating func last() throws(LMDBError) -> Bool { try move(MDB_LAST) }
    /// Moves to the next entry, including the next value of the same key.
    public mutating func next() throws(LMDBError) -> Bool { try move(MDB_NEXT) }
    /// Moves to the previous entry, including the previous value of the same key.
    public mutating func previous() throws(LMDBError) -> Bool { try move(MDB_PREV) }
    /// Moves to the first value of the next key.
    public mutating func nextKey() throws(LMDBError) -> Bool { try move(MDB_NEXT_NODUP) }
    /// Moves to the last value of the previous key.
    public mutating func previousKey() throws(LMDBError) -> Bool { try move(MDB_PREV_NODUP) }

    /// Moves to `key` exactly (`MDB_SET_KEY`).
    public mutating func seek(exactly key: some LMDBBytes) throws(LMDBError) -> Bool {
        try seek(key, MDB_SET_KEY)
    }

    /// Moves to the first key at or after `key` (`MDB_SET_RANGE`).
    public mutating func seek(atOrAfter key: some LMDBBytes) throws(LMDBError) -> Bool {
        try seek(key, MDB_SET_RANGE)
    }

    private mutating func seek(_ key: some LMDBBytes, _ op: MDB_cursor_op) throws(LMDBError) -> Bool {
        let rc = key.withLMDBBytes { bytes in
            currentKey = MDB_val(bytes)
            return mdb_cursor_get(handle, &currentKey, &currentValue, op)
        }
        if rc == MDB_NOTFOUND { return false }
        try check(rc, "mdb_cursor_get")
        return true
    }
}

extension Cursor where Kind: DuplicateKind {
    /// Moves to the first value of the current key.
    public mutating func firstDuplicate() throws(LMDBError) -> Bool { try move(MDB_FIRST_DUP) }
    /// Moves to the last value of the current key.
    public mutating func lastDuplicate() throws(LMDBError) -> Bool { try move(MDB_LAST_DUP) }
    /// Moves to the next value of the current key; `false` after its last value.
    public mutating func nextDuplicate() throws(LMDBError) -> Bool { try move(MDB_NEXT_DUP) }
    /// Moves to the previous value of the current key; `false` before its first value.
    public mutating func previousDuplicate() throws(LMDBError) -> Bool { try move(MDB_PREV_DUP) }

    /// Moves to the pair `key`, `value` exactly (`MDB_GET_BOTH`).
    public mutating func seek(exactly key: some LMDBBytes, value: some LMDBBytes) throws(LMDBError) -> Bool {
        try seek(key, value, MDB_GET_BOTH)
    }

    /// Moves to `key`'s first value at or after `value` (`MDB_GET_BOTH_RANGE`).
    public mutating func seek(exactly key: some LMDBBytes, valueAtOrAfter value: some LMDBBytes) throws(LMDBError) -> Bool {
        try seek(key, value, MDB_GET_BOTH_RANGE)
    }

    private mutating func seek(_ key: some LMDBBytes, _ value: some LMDBBytes, _ op: MDB_cursor_op) throws(LMDBError) -> Bool {
        let rc = withValues(key, value) { keyValue, dataValue in
            mdb_cursor_get(handle, &keyValue, &dataValue, op)
        }
        if rc == MDB_NOTFOUND { return false }
        try check(rc, "mdb_cursor_get")
        // These ops leave the caller's buffers in key and data; read the stored ones.
        return try move(MDB_GET_CURRENT)
    }

    /// The number of values of the current key (`mdb_cursor_count`).
    public func duplicateCount() throws(LMDBError) -> Int {
        var count = 0
        try check(mdb_cursor_count(handle, &count), "mdb_cursor_count")
        return count
    }
}

extension Cursor where Kind == FixedDuplicates {
    /// Reads up to a page of the current key's values at once (`MDB_GET_MULTIPLE`); ``value``
    /// then holds them back to back. Call after positioning on a key.
    public mutating func firstDuplicateBlock() throws(LMDBError) -> Bool { try move(MDB_GET_MULTIPLE) }
    /// Reads the next page of the current key's values (`MDB_NEXT_MULTIPLE`).
    public mutating func nextDuplicateBlock() throws(LMDBError) -> Bool { try move(MDB_NEXT_MULTIPLE) }
}

extension ReadableTransaction where Self: ~Copyable {
    /// Opens a cursor on `db` for the duration of `body` (`mdb_cursor_open`), then closes it.
    ///
    /// - Warning: ``Cursor/key`` and ``Cursor/value`` buffers are valid only inside `body`.
    public func withCursor<Kind, R>(
        _ db: Database<Kind>, _ body: (inout Cursor<Kind>) throws -> R
    ) throws -> R {
        var cursorHandle: OpaquePointer?
        try check(mdb_cursor_open(handle, db.dbi, &cursorHandle), "mdb_cursor_open")
        guard let cursorHandle else { preconditionFailure("mdb_cursor_open succeeded without a cursor") }
        defer { mdb_cursor_close(cursorHandle) }
        var cursor = Cursor<Kind>(handle: cursorHandle)
        return try body(&cursor)
    }
}
