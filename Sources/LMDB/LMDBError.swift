import CLMDB
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An error returned by LMDB, with the operation that failed.
///
/// `LMDBError` wraps LMDB's raw return code. Errors compare equal by code only, so a
/// caller can match them against the named statics regardless of the operation:
///
/// ```swift
/// do {
///     try env.write { txn in try txn.put(value, for: key, in: db, flags: .noOverwrite) }
/// } catch LMDBError.keyExists {
///     print("already stored")
/// }
/// ```
///
/// Codes above zero are system `errno` values (for example `EACCES` on a read-only
/// file); LMDB's own codes are negative.
public struct LMDBError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The raw return code of the C call (`MDB_KEYEXIST`, `MDB_MAP_FULL`, or an `errno`).
    public let code: Int32
    /// The C function or wrapper step that failed, such as `mdb_put`.
    public let operation: String
    /// Extra context the wrapper knows, such as the map size ceiling that was reached.
    public let detail: String?

    /// The slow path of ``check(_:_:)``, kept out of inlined callers.
    @usableFromInline @inline(never)
    init(failed code: Int32, _ operation: StaticString) {
        self.init(code: code, operation: "\(operation)")
    }

    /// Creates an error for a return code.
    public init(code: Int32, operation: String = "", detail: String? = nil) {
        self.code = code
        self.operation = operation
        self.detail = detail
    }

    /// LMDB's description of the code (`mdb_strerror`).
    public var message: String { String(cString: mdb_strerror(code)) }

    /// The operation, LMDB's message and any detail: `mdb_put: MDB_KEYEXIST: Key/data pair already exists`.
    public var description: String {
        var text = operation.isEmpty ? message : "\(operation): \(message)"
        if let detail { text += " (\(detail))" }
        return text
    }

    /// Errors are equal when their codes are, whatever the operation or detail.
    public static func == (lhs: LMDBError, rhs: LMDBError) -> Bool { lhs.code == rhs.code }
    /// Hashes the code only, consistent with `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    /// Matches any error that is an `LMDBError` with the same code, for `catch LMDBError.mapFull`.
    public static func ~= (pattern: LMDBError, value: any Error) -> Bool {
        (value as? LMDBError)?.code == pattern.code
    }
}

extension LMDBError {
    /// `MDB_KEYEXIST`: a put with `.noOverwrite` or `.noDuplicateData` met an existing entry.
    public static let keyExists = LMDBError(code: MDB_KEYEXIST)
    /// `MDB_NOTFOUND`: no matching key or data item.
    public static let notFound = LMDBError(code: MDB_NOTFOUND)
    /// `MDB_PAGE_NOTFOUND`: a requested page was not found, usually corruption.
    public static let pageNotFound = LMDBError(code: MDB_PAGE_NOTFOUND)
    /// `MDB_CORRUPTED`: a located page was of the wrong type.
    public static let corrupted = LMDBError(code: MDB_CORRUPTED)
    /// `MDB_PANIC`: a fatal error earlier in this environment; it must be closed.
    public static let panic = LMDBError(code: MDB_PANIC)
    /// `MDB_VERSION_MISMATCH`: the environment was written by an incompatible LMDB version.
    public static let versionMismatch = LMDBError(code: MDB_VERSION_MISMATCH)
    /// `MDB_INVALID`: the file is not an LMDB data file.
    public static let invalid = LMDBError(code: MDB_INVALID)
    /// `MDB_MAP_FULL`: the map size ceiling was reached (below it the wrapper grows the map).
    public static let mapFull = LMDBError(code: MDB_MAP_FULL)
    /// `MDB_DBS_FULL`: more named databases than `Options.maxDatabases`.
    public static let databasesFull = LMDBError(code: MDB_DBS_FULL)
    /// `MDB_READERS_FULL`: every reader slot is taken, even after stale slots were cleared.
    public static let readersFull = LMDBError(code: MDB_READERS_FULL)
    /// `MDB_TXN_FULL`: the transaction has too many dirty pages; split the work.
    public static let txnFull = LMDBError(code: MDB_TXN_FULL)
    /// `MDB_CURSOR_FULL`: the cursor stack is too deep (internal error).
    public static let cursorFull = LMDBError(code: MDB_CURSOR_FULL)
    /// `MDB_PAGE_FULL`: a page has no more space (internal error).
    public static let pageFull = LMDBError(code: MDB_PAGE_FULL)
    /// `MDB_MAP_RESIZED`: another process grew the map beyond this process's mapping.
    public static let mapResized = LMDBError(code: MDB_MAP_RESIZED)
    /// `MDB_INCOMPATIBLE`: the operation does not fit the database's flags
    /// (for example opening a plain database as a duplicate-sorted one).
    public static let incompatible = LMDBError(code: MDB_INCOMPATIBLE)
    /// `MDB_BAD_RSLOT`: a reader slot was used wrongly.
    public static let badReaderSlot = LMDBError(code: MDB_BAD_RSLOT)
    /// `MDB_BAD_TXN`: the transaction failed earlier and must be aborted.
    public static let badTransaction = LMDBError(code: MDB_BAD_TXN)
    /// `MDB_BAD_VALSIZE`: a key is empty or longer than `Environment.maxKeySize`,
    /// or a duplicate value is too long.
    public static let badValueSize = LMDBError(code: MDB_BAD_VALSIZE)
    /// `MDB_BAD_DBI`: the database handle was closed or changed.
    public static let badDatabase = LMDBError(code: MDB_BAD_DBI)
    /// `EACCES`: the environment or its files may not be written (read-only environment).
    public static let permissionDenied = LMDBError(code: EACCES)
    /// `ENOENT`: the directory or file does not exist.
    public static let noSuchFile = LMDBError(code: ENOENT)
    /// `EINVAL`: an invalid parameter, such as a flag the database does not support.
    public static let invalidArgument = LMDBError(code: EINVAL)
}

/// The one funnel through which every LMDB return code passes.
@inlinable @inline(__always)
func check(_ code: Int32, _ operation: StaticString) throws(LMDBError) {
    if code != MDB_SUCCESS { throw LMDBError(failed: code, operation) }
}
