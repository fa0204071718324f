import CLMDB
import Foundation
import LMDB

/// Throws ``LMDBError`` unless `code` is `MDB_SUCCESS`.
@inline(__always)
func check(_ code: Int32, _ operation: @autoclosure () -> String) throws(LMDBError) {
    if code != MDB_SUCCESS { throw LMDBError(code: code, operation: operation()) }
}

/// An LMDB environment opened with plain C calls, for the raw floor's own environments (fresh
/// ones for loads, private copies of the fixture for updates and deletes).
///
/// Never open one on a directory this process already has open through `LMDB.Environment`:
/// LMDB forbids opening an environment twice in one process (closing one would drop the other's
/// locks). The lookup floor therefore borrows the CustomerStore's own handle instead.
public final class RawEnvironment: @unchecked Sendable {
    /// The `MDB_env *`; `@unchecked Sendable` because LMDB environments may be shared
    /// between threads (opened `MDB_NOTLS`), and the benchmarks use one thread.
    public let handle: OpaquePointer
    /// The environment's directory.
    public let path: String

    /// The map reserved up front: address space only (the file grows as pages are written),
    /// large enough that a 1,000,000-customer load never meets `MDB_MAP_FULL`, so the floor
    /// needs no growth logic.
    static let mapSize = 64 << 30

    /// Opens the environment in `path` (creating the directory), `MDB_NOSYNC` like the other
    /// engines in the suites: commits do not fsync.
    public init(path: String, readOnly: Bool = false) throws(LMDBError) {
        var env: OpaquePointer?
        try check(mdb_env_create(&env), "mdb_env_create")
        guard let env else { throw LMDBError(code: ENOMEM, operation: "mdb_env_create") }
        do throws(LMDBError) {
            try check(mdb_env_set_maxdbs(env, 64), "mdb_env_set_maxdbs")
            try check(mdb_env_set_mapsize(env, Self.mapSize), "mdb_env_set_mapsize")
            if !readOnly && mkdir(path, 0o700) != 0 && errno != EEXIST {
                throw LMDBError(code: errno, operation: "mkdir", detail: path)
            }
            let flags = UInt32(MDB_NOTLS) | (readOnly ? UInt32(MDB_RDONLY) : UInt32(MDB_NOSYNC))
            try check(mdb_env_open(env, path, flags, 0o600), "mdb_env_open \(path)")
        } catch {
            mdb_env_close(env)
            throw error
        }
        handle = env
        self.path = path
    }

    deinit { mdb_env_close(handle) }

    /// Begins a transaction; the caller commits or aborts it.
    public func begin(readOnly: Bool) throws(LMDBError) -> OpaquePointer {
        var txn: OpaquePointer?
        try check(mdb_txn_begin(handle, nil, readOnly ? UInt32(MDB_RDONLY) : 0, &txn), "mdb_txn_begin")
        guard let txn else { throw LMDBError(code: ENOMEM, operation: "mdb_txn_begin") }
        return txn
    }

    /// Opens the named database (with `MDB_CREATE` and `flags` when creating) and returns its
    /// handle, kept for the environment's life.
    public func openDatabase(_ name: String, flags: UInt32 = 0, create: Bool = false) throws(LMDBError) -> MDB_dbi {
        let txn = try begin(readOnly: !create)
        var dbi = MDB_dbi()
        let code = mdb_dbi_open(txn, name, flags | (create ? UInt32(MDB_CREATE) : 0), &dbi)
        guard code == MDB_SUCCESS else {
            mdb_txn_abort(txn)
            throw LMDBError(code: code, operation: "mdb_dbi_open", detail: name)
        }
        try check(mdb_txn_commit(txn), "mdb_txn_commit")
        return dbi
    }

    /// The number of entries in `dbi` (`mdb_stat`).
    public func entries(in dbi: MDB_dbi) throws(LMDBError) -> Int {
        let txn = try begin(readOnly: true)
        defer { mdb_txn_abort(txn) }
        var stat = MDB_stat()
        try check(mdb_stat(txn, dbi, &stat), "mdb_stat")
        return stat.ms_entries
    }

    /// The size of `data.mdb` after flushing to disk (`mdb_env_sync`, forced because the
    /// environment is `MDB_NOSYNC`).
    public func dataFileBytes() throws -> Int {
        try check(mdb_env_sync(handle, 1), "mdb_env_sync")
        return try FileUtilities.size(of: (path as NSString).appendingPathComponent("data.mdb"))
    }
}

extension Environment {
    /// The size of this environment's `data.mdb` after flushing it to disk.
    public func dataFileBytes() throws -> Int {
        try sync(force: true)
        return try FileUtilities.size(of: (path as NSString).appendingPathComponent("data.mdb"))
    }
}

/// Calls `body` with an `MDB_val` pointing at `bytes` (valid only inside `body`).
@inline(__always)
func withValue<R>(_ bytes: UnsafeRawBufferPointer, _ body: (inout MDB_val) throws -> R) rethrows -> R {
    var value = MDB_val(mv_size: bytes.count, mv_data: UnsafeMutableRawPointer(mutating: bytes.baseAddress))
    return try body(&value)
}

/// The 8 big-endian bytes of a customer id, the records' key and every index entry's value.
func idBytes(_ id: UInt64) -> [UInt8] {
    withUnsafeBytes(of: id.bigEndian) { Array($0) }
}

/// The id in 8 big-endian bytes.
func readID(_ value: MDB_val) -> UInt64? {
    guard value.mv_size == 8, let data = value.mv_data else { return nil }
    return UInt64(bigEndian: data.loadUnaligned(as: UInt64.self))
}
