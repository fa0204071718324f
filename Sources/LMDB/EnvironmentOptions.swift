import CLMDB

extension Environment {
    /// How an environment is opened.
    ///
    /// The defaults suit an application store: a 1 GiB initial map that grows by doubling up to
    /// 1 TiB, 64 named databases, 510 reader slots and files readable by the owner only.
    /// On 64-bit Linux the map is sparse, so a large map costs address space, not disk.
    ///
    /// ```swift
    /// var options = Environment.Options()
    /// options.mapSize = 64 << 20
    /// options.noSync = true          // bulk load; call `sync(force: true)` at the end
    /// let env = try Environment(path: "/var/lib/app/store", options: options)
    /// ```
    public struct Options: Sendable, Hashable {
        /// The initial map size in bytes (`mdb_env_set_mapsize`). The map grows on demand.
        public var mapSize: Int = 1 << 30
        /// The ceiling for automatic map growth. A write that needs more space than this
        /// throws ``LMDBError/mapFull``.
        public var maxMapSize: Int = 1 << 40
        /// The number of named databases the environment can hold (`mdb_env_set_maxdbs`).
        public var maxDatabases: Int = 64
        /// Reader slots shared by every process using the environment (`mdb_env_set_maxreaders`).
        /// Fixed by the first process that creates the lock file.
        public var maxReaders: Int = 510
        /// Open for reading only (`MDB_RDONLY`); writes throw ``LMDBError/permissionDenied``.
        public var readOnly: Bool = false
        /// Permission bits of the data and lock files (default `0600`, owner only).
        public var fileMode: UInt32 = 0o600
        /// Skip the flush at commit (`MDB_NOSYNC`): fast bulk loads; a system crash may lose
        /// the last transactions (never consistency). Call ``Environment/sync(force:)``.
        public var noSync: Bool = false
        /// Skip the metadata flush at commit (`MDB_NOMETASYNC`): a system crash may lose the
        /// last transaction.
        public var noMetaSync: Bool = false
        /// The path names the data file itself, not a directory (`MDB_NOSUBDIR`).
        public var noSubdirectory: Bool = false
        /// Turn off OS read-ahead (`MDB_NORDAHEAD`), which helps random reads of a
        /// database larger than memory.
        public var noReadAhead: Bool = false

        /// Creates the default options.
        public init() {}

        /// The `mdb_env_open` flags. `MDB_NOTLS` is always set: read transactions are not tied
        /// to threads, so thread pools do not leak reader slots.
        var flags: UInt32 {
            var flags = UInt32(MDB_NOTLS)
            if readOnly { flags |= UInt32(MDB_RDONLY) }
            if noSync { flags |= UInt32(MDB_NOSYNC) }
            if noMetaSync { flags |= UInt32(MDB_NOMETASYNC) }
            if noSubdirectory { flags |= UInt32(MDB_NOSUBDIR) }
            if noReadAhead { flags |= UInt32(MDB_NORDAHEAD) }
            return flags
        }
    }
}
