import CLMDB
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An open LMDB environment: one memory-mapped file holding named databases.
///
/// Open one `Environment` per path per process and share it; it is safe to use from any
/// thread. Transactions exist only inside ``read(_:)`` and ``write(_:)`` closures:
///
/// ```swift
/// let env = try Environment(path: directory)
/// let names = try env.openDatabase("names", kind: Plain.self)
/// try env.write { txn in
///     try txn.put("Trần Thị Bình", for: "KH000001", in: names)
/// }
/// let name = try env.read { txn in try txn.getString("KH000001", in: names) }
/// ```
///
/// ## Rules LMDB imposes (see `lmdb.h`)
/// - Byte buffers handed to closures point into the map and are valid only inside the
///   transaction (and only until the next write to the same page in a write transaction).
///   Copy what must outlive it.
/// - Keep read transactions short: a long one pins old pages, so the file grows.
/// - One write transaction runs at a time per environment, across all processes; others wait.
/// - Do not open the same environment twice in one process, and do not use it after `fork`.
/// - While a thread holds a transaction it must not wait for another thread that is about
///   to begin one: a pending map resize holds new transactions back until all are closed.
public final class Environment: @unchecked Sendable {
    /// LMDB's `MDB_env` pointer, for calls this wrapper does not cover.
    public let handle: OpaquePointer
    /// The directory (or, with `noSubdirectory`, the file) the environment lives in.
    public let path: String
    /// The options it was opened with.
    public let options: Options

    let gate = TransactionGate()
    /// The map size as of the last open or resize; read without the gate.
    private let currentMapSize = Atomic<Int>(0)
    /// Set when a put, delete or commit of the running write transaction met `MDB_MAP_FULL`,
    /// even if the caller's closure caught and swallowed the error.
    let writeMetMapFull = Atomic<Bool>(false)
    /// `mdb_dbi_open` must not run in two transactions at once.
    private let databaseOpening = Mutex(())
    private let growthCount = Atomic<Int>(0)
    /// Reset read transactions kept for reuse: `mdb_txn_renew` skips the allocation and the
    /// reader-table lock of `mdb_txn_begin`. Each keeps its reader slot.
    private let idleReaders = Mutex<[IdleReader]>([])
    private let idleReaderLimit: Int

    /// Opens (creating if needed) the environment at `path`.
    ///
    /// Creates the directory (mode 0700) unless `options.readOnly` or `options.noSubdirectory`,
    /// and clears reader slots left by dead processes.
    ///
    /// - Throws: ``LMDBError`` from `mdb_env_open`, for example ``LMDBError/noSuchFile`` for a
    ///   read-only open of a missing environment, or ``LMDBError/invalid`` for a file that is
    ///   not an LMDB environment.
    public init(path: String, options: Options = Options()) throws(LMDBError) {
        precondition(options.mapSize > 0 && options.maxMapSize >= options.mapSize,
                     "maxMapSize must be at least mapSize")
        var env: OpaquePointer?
        try check(mdb_env_create(&env), "mdb_env_create")
        guard let env else { throw LMDBError(code: ENOMEM, operation: "mdb_env_create") }
        do throws(LMDBError) {
            try check(mdb_env_set_maxreaders(env, UInt32(options.maxReaders)), "mdb_env_set_maxreaders")
            try check(mdb_env_set_maxdbs(env, MDB_dbi(options.maxDatabases)), "mdb_env_set_maxdbs")
            try check(mdb_env_set_mapsize(env, options.mapSize), "mdb_env_set_mapsize")
            if !options.readOnly && !options.noSubdirectory && mkdir(path, 0o700) != 0 && errno != EEXIST {
                throw LMDBError(code: errno, operation: "mkdir", detail: path)
            }
            let rc = mdb_env_open(env, path, options.flags, mode_t(options.fileMode))
            if rc != MDB_SUCCESS { throw LMDBError(code: rc, operation: "mdb_env_open", detail: path) }
        } catch {
            mdb_env_close(env)
            throw error
        }
        self.handle = env
        self.path = path
        self.options = options
        // Leave most slots to other processes and to concurrency beyond the usual.
        self.idleReaderLimit = min(16, options.maxReaders / 8)
        var deadReaders: Int32 = 0
        mdb_reader_check(env, &deadReaders)
        var info = MDB_envinfo()
        mdb_env_info(env, &info)
        currentMapSize.store(info.me_mapsize, ordering: .relaxed)
    }

    deinit {
        for idle in idleReaders.withLock({ $0 }) { mdb_txn_abort(idle.txn) }
        mdb_env_close(handle)
    }

    // MARK: Databases

    /// Opens a database by name, creating it when `create` is true and the environment is
    /// writable. Open each database once and keep the handle.
    ///
    /// ```swift
    /// let tags = try env.openDatabase("tags", kind: FixedDuplicates.self)
    /// ```
    ///
    /// - Parameters:
    ///   - name: The database name, or `nil` for the main database (which also lists the
    ///     names of the others, so prefer named databases).
    ///   - kind: The database's shape; it must match the flags it was created with.
    ///   - create: Create the database if it does not exist.
    /// - Throws: ``LMDBError/notFound`` if it does not exist and `create` is false,
    ///   ``LMDBError/incompatible`` if it exists with another kind,
    ///   ``LMDBError/databasesFull`` beyond `maxDatabases`.
    /// - Precondition: The calling thread holds no transaction of this environment.
    public func openDatabase<Kind: DatabaseKind>(
        _ name: String?, kind: Kind.Type = Plain.self, create: Bool = true
    ) throws -> Database<Kind> {
        precondition(gate.threadDepth == 0, "openDatabase must not be called inside a transaction")
        return try databaseOpening.withLock { _ in
            let flags = Kind.flags | (create && !options.readOnly ? UInt32(MDB_CREATE) : 0)
            let open = { (txn: OpaquePointer) throws(LMDBError) -> Database<Kind> in
                var dbi = MDB_dbi()
                let rc = mdb_dbi_open(txn, name, flags, &dbi)
                if rc != MDB_SUCCESS {
                    throw LMDBError(code: rc, operation: "mdb_dbi_open", detail: name ?? "main database")
                }
                // LMDB opens an existing database with its stored flags whatever was asked,
                // so check that the handle's kind tells the truth.
                var stored: UInt32 = 0
                try check(mdb_dbi_flags(txn, dbi, &stored), "mdb_dbi_flags")
                if stored & DatabaseFlags.persistent != Kind.flags {
                    throw LMDBError(code: MDB_INCOMPATIBLE, operation: "mdb_dbi_open",
                                    detail: "\(name ?? "main database") was created as \(DatabaseFlags.describe(stored)), not \(DatabaseFlags.describe(Kind.flags))")
                }
                return Database(name: name, dbi: dbi)
            }
            if options.readOnly || !create {
                // Only a committed read transaction keeps the handles it opened.
                let txn = try beginTransaction(flags: UInt32(MDB_RDONLY))
                defer { gate.leave() }
                let database: Database<Kind>
                do {
                    database = try open(txn)
                } catch {
                    mdb_txn_abort(txn)
                    throw error
                }
                try check(mdb_txn_commit(txn), "mdb_txn_commit")
                return database
            }
            return try write { txn in try open(txn.handle) }
        }
    }

    // MARK: Transactions

    /// Runs `body` in a read-only snapshot transaction; ends it when `body` returns or throws.
    ///
    /// Many read transactions run at once, in any thread, alongside the single writer. The
    /// snapshot sees every transaction committed before it began and nothing later.
    ///
    /// ```swift
    /// let count = try env.read { txn in try txn.statistics(of: customers).entries }
    /// ```
    ///
    /// - Throws: what `body` throws, or ``LMDBError/readersFull`` when every reader slot is
    ///   taken even after stale slots of dead processes were cleared.
    public func read<R>(_ body: (borrowing ReadTransaction) throws -> R) throws -> R {
        let txn = try beginRead()
        defer { endRead(txn) }
        return try body(ReadTransaction(handle: txn))
    }

    /// Runs `body` in a write transaction: commits when it returns, aborts when it throws.
    ///
    /// If the map fills up, the transaction is aborted, the map is grown (at least doubled, up to
    /// `options.maxMapSize`) once no other transaction of this process is open, and `body` runs
    /// again. Keep side effects outside the transaction idempotent.
    ///
    /// ```swift
    /// try env.write { txn in
    ///     try txn.put(record, for: id, in: customers)
    ///     try txn.put(id, for: phone, in: phones, flags: .noOverwrite)
    /// }
    /// ```
    ///
    /// - Throws: what `body` throws (nothing of the transaction is kept), ``LMDBError/mapFull``
    ///   at the ceiling, or ``LMDBError/permissionDenied`` in a read-only environment.
    /// - Precondition: The calling thread is not already inside a `write` of this environment
    ///   (LMDB's writer lock would wait for itself); use ``WriteTransaction/nested(_:)``.
    public func write<R>(_ body: (inout WriteTransaction) throws -> R) throws -> R {
        precondition(!gate.threadHoldsWrite,
                     "write called inside a write transaction on the same thread; use txn.nested { }")
        gate.threadHoldsWrite = true
        defer { gate.threadHoldsWrite = false }
        while true {
            let mapSizeAtStart = currentMapSize.load(ordering: .relaxed)
            let handle = try beginTransaction(flags: 0)
            writeMetMapFull.store(false, ordering: .relaxed)
            var txn = WriteTransaction(handle: handle, environment: self)
            let result: R
            do {
                result = try body(&txn)
            } catch {
                mdb_txn_abort(handle)
                gate.leave()
                if writeMetMapFull.load(ordering: .relaxed) {
                    try growMap(beyond: mapSizeAtStart)
                    continue
                }
                throw error
            }
            if writeMetMapFull.load(ordering: .relaxed) {
                // The closure swallowed a map-full error; the transaction is unusable.
                mdb_txn_abort(handle)
                gate.leave()
                try growMap(beyond: mapSizeAtStart)
                continue
            }
            let rc = mdb_txn_commit(handle)
            gate.leave()
            if rc == MDB_MAP_FULL {
                try growMap(beyond: mapSizeAtStart)
                continue
            }
            try check(rc, "mdb_txn_commit")
            return result
        }
    }

    /// A reset read transaction; only the pool holds it, under its lock.
    private struct IdleReader: @unchecked Sendable {
        let txn: OpaquePointer
    }

    /// Begins a read transaction inside the gate, renewing an idle one when there is one.
    private func beginRead() throws(LMDBError) -> OpaquePointer {
        if let idle = idleReaders.withLock({ $0.popLast() })?.txn {
            gate.enter()
            if mdb_txn_renew(idle) == MDB_SUCCESS { return idle }
            // Renewal failed (the map grew in another process, say): start afresh.
            gate.leave()
            mdb_txn_abort(idle)
        }
        return try beginTransaction(flags: UInt32(MDB_RDONLY))
    }

    /// Ends a read transaction and keeps it for reuse while the pool has room. A read has
    /// nothing to commit; database handles are opened only by ``openDatabase(_:kind:create:)``.
    private func endRead(_ txn: OpaquePointer) {
        mdb_txn_reset(txn)
        gate.leave()
        let kept = idleReaders.withLock { idle in
            guard idle.count < idleReaderLimit else { return false }
            idle.append(IdleReader(txn: txn))
            return true
        }
        if !kept { mdb_txn_abort(txn) }
    }

    /// Begins a top-level transaction inside the gate, recovering from a map another process
    /// grew and from reader slots held by dead processes.
    private func beginTransaction(flags: UInt32) throws(LMDBError) -> OpaquePointer {
        var clearedStaleReaders = false
        while true {
            gate.enter()
            var txn: OpaquePointer?
            let rc = mdb_txn_begin(handle, nil, flags, &txn)
            if rc == MDB_SUCCESS, let txn { return txn }
            gate.leave()
            switch rc {
            case MDB_MAP_RESIZED:
                try adoptMapSizeOfOtherProcess()
            case MDB_READERS_FULL where !clearedStaleReaders:
                clearedStaleReaders = true
                if try checkReaders() == 0 {
                    throw LMDBError(code: rc, operation: "mdb_txn_begin",
                                    detail: "all \(options.maxReaders) reader slots are in use by live transactions")
                }
            default:
                throw LMDBError(code: rc, operation: "mdb_txn_begin")
            }
        }
    }

    // MARK: Map size

    /// The current size of the memory map in bytes.
    public var mapSize: Int { currentMapSize.load(ordering: .relaxed) }

    /// How many times this process grew the map.
    public var mapGrowths: Int { growthCount.load(ordering: .relaxed) }

    /// Grows the map after a write met `MDB_MAP_FULL` with `observed` as its map size.
    private func growMap(beyond observed: Int) throws(LMDBError) {
        try resizeMap { (current) throws(LMDBError) -> Int? in
            if current > observed { return nil }  // another writer grew it meanwhile
            guard current < options.maxMapSize else {
                throw LMDBError(code: MDB_MAP_FULL, operation: "map growth",
                                detail: "the map size ceiling of \(options.maxMapSize) bytes is reached")
            }
            return min(current * 2, options.maxMapSize)
        }
    }

    /// Grows the map now to hold at least `bytes` (doubling, up to `options.maxMapSize`), so that
    /// a long write transaction does not meet `MDB_MAP_FULL` part-way and run again. Does
    /// nothing when the map is already that large. Call it outside transactions.
    ///
    /// ```swift
    /// let used = (try env.info().lastPageNumber + 1) * (try env.statistics().pageSize)
    /// try env.reserveMapSize(used + expectedBytes)
    /// ```
    public func reserveMapSize(_ bytes: Int) throws(LMDBError) {
        try resizeMap { (current) throws(LMDBError) -> Int? in
            guard current < bytes else { return nil }
            var target = current
            while target < bytes && target < options.maxMapSize { target *= 2 }
            return min(target, options.maxMapSize)
        }
    }

    /// Sets the map size `target` picks from the current one (`nil`: leave it), once no
    /// transaction of this process is open.
    private func resizeMap(_ target: (Int) throws(LMDBError) -> Int?) throws(LMDBError) {
        if gate.threadDepth > 0 {
            throw LMDBError(code: MDB_MAP_FULL, operation: "map growth",
                            detail: "this thread holds another transaction of the environment, so the map cannot be resized now")
        }
        try gate.exclusive { () throws(LMDBError) in
            guard let size = try target(currentMapSize.load(ordering: .relaxed)) else { return }
            try check(mdb_env_set_mapsize(handle, size), "mdb_env_set_mapsize")
            refreshMapSize()
            growthCount.add(1, ordering: .relaxed)
        }
    }

    /// Maps the size another process grew the environment to.
    private func adoptMapSizeOfOtherProcess() throws(LMDBError) {
        if gate.threadDepth > 0 {
            throw LMDBError(code: MDB_MAP_RESIZED, operation: "mdb_txn_begin",
                            detail: "another process grew the map while this thread holds a transaction")
        }
        try gate.exclusive { () throws(LMDBError) in
            try check(mdb_env_set_mapsize(handle, 0), "mdb_env_set_mapsize")
            refreshMapSize()
        }
    }

    private func refreshMapSize() {
        var info = MDB_envinfo()
        mdb_env_info(handle, &info)
        currentMapSize.store(info.me_mapsize, ordering: .relaxed)
    }

    /// Runs `body` as if it were a transaction, so that no resize remaps the file under it.
    func withinGate<R, E: Error>(_ body: () throws(E) -> R) throws(E) -> R {
        gate.enter()
        defer { gate.leave() }
        return try body()
    }
}
