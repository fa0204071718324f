import CLMDB
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The shape of one B-tree (`MDB_stat`).
public struct DatabaseStatistics: Sendable, Hashable {
    /// Size of a database page in bytes.
    public let pageSize: Int
    /// Depth of the B-tree.
    public let depth: Int
    /// Number of internal pages.
    public let branchPages: Int
    /// Number of leaf pages.
    public let leafPages: Int
    /// Number of overflow pages (values too large for a leaf).
    public let overflowPages: Int
    /// Number of entries (every value of a duplicate key counts).
    public let entries: Int

    /// Pages in use, times the page size.
    public var bytes: Int { (branchPages + leafPages + overflowPages) * pageSize }

    init(_ stat: MDB_stat) {
        pageSize = Int(stat.ms_psize)
        depth = Int(stat.ms_depth)
        branchPages = stat.ms_branch_pages
        leafPages = stat.ms_leaf_pages
        overflowPages = stat.ms_overflow_pages
        entries = stat.ms_entries
    }
}

/// The state of an environment (`MDB_envinfo`).
public struct EnvironmentInfo: Sendable, Hashable {
    /// Size of the memory map in bytes.
    public let mapSize: Int
    /// The highest page number in use; the data file holds at least `lastPageNumber + 1` pages.
    public let lastPageNumber: Int
    /// The ID of the last committed transaction.
    public let lastTransactionID: Int
    /// Reader slots in the lock file.
    public let maxReaders: Int
    /// Reader slots ever used (live or stale) since the lock file was created.
    public let readersUsed: Int
}

extension Environment {
    /// Statistics of the environment's main database (`mdb_env_stat`).
    public func statistics() throws(LMDBError) -> DatabaseStatistics {
        var stat = MDB_stat()
        try withinGate { () throws(LMDBError) in try check(mdb_env_stat(handle, &stat), "mdb_env_stat") }
        return DatabaseStatistics(stat)
    }

    /// The environment's map size, last page, last transaction and reader slots (`mdb_env_info`).
    public func info() throws(LMDBError) -> EnvironmentInfo {
        var info = MDB_envinfo()
        try withinGate { () throws(LMDBError) in try check(mdb_env_info(handle, &info), "mdb_env_info") }
        return EnvironmentInfo(
            mapSize: info.me_mapsize, lastPageNumber: info.me_last_pgno,
            lastTransactionID: info.me_last_txnid, maxReaders: Int(info.me_maxreaders),
            readersUsed: Int(info.me_numreaders))
    }

    /// The largest key (and `Duplicates` value) the environment accepts, in bytes (511 here).
    public var maxKeySize: Int { Int(mdb_env_get_maxkeysize(handle)) }

    /// Flushes committed data to disk (`mdb_env_sync`). Needed only with `noSync` or
    /// `noMetaSync`; `force` flushes even then.
    public func sync(force: Bool = true) throws(LMDBError) {
        try withinGate { () throws(LMDBError) in try check(mdb_env_sync(handle, force ? 1 : 0), "mdb_env_sync") }
    }

    /// Writes a consistent copy of the live environment into `directory` (created if missing,
    /// and it must hold no environment yet) while others keep reading and writing
    /// (`mdb_env_copy2`). With `compacting`, free pages are left out and pages renumbered,
    /// so the copy is as small as the data.
    ///
    /// ```swift
    /// try env.copy(to: "/backups/customers-2026-11-23", compacting: true)
    /// ```
    public func copy(to directory: String, compacting: Bool = true) throws(LMDBError) {
        if mkdir(directory, 0o700) != 0 && errno != EEXIST {
            throw LMDBError(code: errno, operation: "mkdir", detail: directory)
        }
        let flags = compacting ? UInt32(MDB_CP_COMPACT) : 0
        try withinGate { () throws(LMDBError) in
            let rc = mdb_env_copy2(handle, directory, flags)
            if rc != MDB_SUCCESS { throw LMDBError(code: rc, operation: "mdb_env_copy2", detail: directory) }
        }
    }

    /// Clears reader slots left by processes that died holding a read transaction
    /// (`mdb_reader_check`) and returns how many were cleared. Runs at open and when a read
    /// transaction meets ``LMDBError/readersFull``.
    @discardableResult
    public func checkReaders() throws(LMDBError) -> Int {
        var dead: Int32 = 0
        try check(mdb_reader_check(handle, &dead), "mdb_reader_check")
        return Int(dead)
    }

    /// The reader table as LMDB prints it (`mdb_reader_list`): a header line, then one line per
    /// live slot with the process ID, thread and snapshot transaction ID.
    public func readerList() -> [String] {
        final class Lines { var lines: [String] = [] }
        let lines = Lines()
        _ = withExtendedLifetime(lines) {
            mdb_reader_list(handle, { message, context in
                guard let message, let context else { return 0 }
                let text = String(cString: message).trimmingSuffix("\n")
                Unmanaged<Lines>.fromOpaque(context).takeUnretainedValue().lines.append(text)
                return 0
            }, Unmanaged.passUnretained(lines).toOpaque())
        }
        return lines.lines
    }
}

private extension String {
    func trimmingSuffix(_ suffix: Character) -> String {
        var text = self
        while text.last == suffix { text.removeLast() }
        return text
    }
}
