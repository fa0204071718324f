import LMDB

// Operations that read or clear an index whichever kind of database holds it.

extension ReadableTransaction where Self: ~Copyable {
    /// Statistics of an index's database.
    func statistics(of storage: IndexStorage) throws -> DatabaseStatistics {
        switch storage {
        case .unique(let db): try statistics(of: db)
        case .postings(let db): try statistics(of: db)
        }
    }

    /// Every entry of an index (key, 8-byte id), copied.
    func entries(of storage: IndexStorage) throws -> [(key: [UInt8], value: [UInt8])] {
        switch storage {
        case .unique(let db): try entries(in: db)
        case .postings(let db): try entries(in: db)
        }
    }
}

extension WriteTransaction {
    /// Removes every entry of an index.
    func clear(_ storage: IndexStorage) throws {
        switch storage {
        case .unique(let db): try clear(db)
        case .postings(let db): try clear(db)
        }
    }
}
