import CLMDB

/// What every transaction can do: read values, walk cursors, read statistics.
///
/// Both ``ReadTransaction`` and ``WriteTransaction`` conform, so a function that only reads
/// can serve both:
///
/// ```swift
/// func name(of id: [UInt8], in txn: borrowing some ReadableTransaction & ~Copyable) throws -> String? {
///     try txn.getString(id, in: names)
/// }
/// ```
///
/// Transactions are non-copyable and exist only inside the closures of
/// ``Environment/read(_:)`` and ``Environment/write(_:)``, so none can outlive its scope.
public protocol ReadableTransaction: ~Copyable {
    /// LMDB's `MDB_txn` pointer, for calls this wrapper does not cover. Do not end it.
    var handle: OpaquePointer { get }
}

/// A read-only snapshot. It offers gets, cursors and walks; it cannot write.
public struct ReadTransaction: ~Copyable, ReadableTransaction {
    /// LMDB's `MDB_txn` pointer, for calls this wrapper does not cover. Do not end it.
    public let handle: OpaquePointer

    init(handle: OpaquePointer) {
        self.handle = handle
    }
}

/// A write transaction: everything a ``ReadTransaction`` offers plus puts, deletes and
/// nested transactions. Only one runs at a time per environment.
public struct WriteTransaction: ~Copyable, ReadableTransaction {
    /// LMDB's `MDB_txn` pointer, for calls this wrapper does not cover. Do not end it.
    public let handle: OpaquePointer
    let environment: Environment

    init(handle: OpaquePointer, environment: Environment) {
        self.handle = handle
        self.environment = environment
    }

    /// Checks the code of a call that writes, remembering map-full for the growth loop.
    @inline(__always)
    func checkWrite(_ code: Int32, _ operation: StaticString) throws(LMDBError) {
        if code == MDB_MAP_FULL { environment.writeMetMapFull.store(true, ordering: .relaxed) }
        try check(code, operation)
    }

    /// Runs `body` in a child transaction: its changes join this transaction when `body`
    /// returns and are discarded when it throws, while this transaction goes on.
    ///
    /// ```swift
    /// try env.write { txn in
    ///     try txn.put("a", for: "1", in: db)
    ///     try? txn.nested { child in
    ///         try child.put("b", for: "2", in: db)
    ///         throw Rejected()          // "2" is discarded, "1" stays
    ///     }
    /// }
    /// ```
    ///
    /// The parent cannot be used inside `body`; the compiler enforces this.
    public mutating func nested<R>(_ body: (inout WriteTransaction) throws -> R) throws -> R {
        var child: OpaquePointer?
        try checkWrite(mdb_txn_begin(environment.handle, handle, 0, &child), "mdb_txn_begin")
        guard let child else { preconditionFailure("mdb_txn_begin succeeded without a transaction") }
        var txn = WriteTransaction(handle: child, environment: environment)
        let result: R
        do {
            result = try body(&txn)
        } catch {
            mdb_txn_abort(child)
            throw error
        }
        try checkWrite(mdb_txn_commit(child), "mdb_txn_commit")
        return result
    }
}

/// Flags of ``WriteTransaction/put(_:for:in:flags:)``.
public struct PutFlags: OptionSet, Sendable, Hashable {
    /// The `mdb_put` flag bits.
    public let rawValue: UInt32
    /// Flags from raw `mdb_put` bits.
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Fail with ``LMDBError/keyExists`` if the key is present (`MDB_NOOVERWRITE`).
    public static let noOverwrite = PutFlags(rawValue: UInt32(MDB_NOOVERWRITE))
    /// In a duplicate database, fail with ``LMDBError/keyExists`` if this exact key and value
    /// pair is present (`MDB_NODUPDATA`).
    public static let noDuplicateData = PutFlags(rawValue: UInt32(MDB_NODUPDATA))
    /// Append at the end: the key must sort after every key present (`MDB_APPEND`).
    /// The fast path for bulk loads of sorted keys.
    public static let append = PutFlags(rawValue: UInt32(MDB_APPEND))
    /// In a duplicate database, append the value after the key's existing values
    /// (`MDB_APPENDDUP`).
    public static let appendDuplicate = PutFlags(rawValue: UInt32(MDB_APPENDDUP))
}
