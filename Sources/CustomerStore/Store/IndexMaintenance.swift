import LMDB

/// Brings every index in line with a record change, in the caller's write transaction.
enum IndexMaintenance {
    /// The longest key LMDB accepts (and the longest sorted duplicate value), as built.
    static let maxKeySize = 511

    /// Applies the difference between `old` and `new` (either may be nil) for customer `id`.
    /// Removals go first, so a customer can move a key between its own fields in one update.
    ///
    /// - Throws: ``CustomerStoreError/duplicate(field:value:heldBy:)`` when a unique key belongs to
    ///   another customer; ``CustomerStoreError/invalidField(field:value:reason:)`` for a key
    ///   longer than LMDB accepts.
    static func apply(
        old: Customer?, new: Customer?, id: UInt64,
        in databases: StoreDatabases, _ txn: inout WriteTransaction
    ) throws {
        let idKey = IndexKey.id(id)
        if old == nil, let new {
            // An insert adds every key: no diff to build.
            for index in databases.indexes {
                for key in index.definition.keys(new) { try add(key, to: index, idKey: idKey, databases, &txn) }
            }
            return
        }
        let diffs = databases.indexes.map { IndexDiff($0.definition, old: old, new: new) }
        for (index, diff) in zip(databases.indexes, diffs) {
            for key in diff.removed {
                switch index.storage {
                case .unique(let db): try txn.delete(key, in: db)
                case .postings(let db): try txn.delete(key, value: idKey, in: db)
                }
            }
        }
        for (index, diff) in zip(databases.indexes, diffs) {
            for key in diff.added { try add(key, to: index, idKey: idKey, databases, &txn) }
        }
    }

    /// Adds one key of customer `idKey`; a unique key held by another customer is an error.
    private static func add(
        _ key: [UInt8], to index: OpenIndex, idKey: [UInt8],
        _ databases: StoreDatabases, _ txn: inout WriteTransaction
    ) throws {
        try checkKeySize(key, of: index.definition)
        switch index.storage {
        case .unique(let db):
            if let holder = try txn.putIfAbsent(idKey, for: key, in: db) {
                throw CustomerStoreError.duplicate(
                    field: index.definition.field, value: display(key),
                    heldBy: try holderName(holder, in: databases, txn))
            }
        case .postings(let db):
            try txn.put(idKey, for: key, in: db)
        }
    }

    /// Indexes a record whose unique keys may collide with others (during a rebuild): every
    /// key is added except colliding unique ones, which are returned as problems.
    static func applySkippingCollisions(
        _ customer: Customer, id: UInt64, in databases: StoreDatabases, _ txn: inout WriteTransaction
    ) throws -> [VerificationProblem] {
        let idKey = IndexKey.id(id)
        var collisions: [VerificationProblem] = []
        for index in databases.indexes {
            for key in index.definition.keys(customer) where key.count <= maxKeySize {
                switch index.storage {
                case .unique(let db):
                    if let holder = try txn.putIfAbsent(idKey, for: key, in: db), let other = OrderedKey.readUInt64(holder), other != id {
                        collisions.append(.duplicateUniqueKey(index: index.definition.field, key: display(key), ids: [other, id].sorted()))
                    }
                case .postings(let db):
                    try txn.put(idKey, for: key, in: db)
                }
            }
        }
        return collisions
    }

    /// Rejects a key LMDB would refuse, naming the field.
    static func checkKeySize(_ key: [UInt8], of index: IndexDefinition) throws {
        if key.count > maxKeySize {
            throw CustomerStoreError.invalidField(
                field: index.field, value: String(display(key).prefix(40)) + "…",
                reason: "it is \(key.count) bytes as an index key; the limit is \(maxKeySize)")
        }
    }

    /// The code of the customer holding a unique key, or its id if the record is unreadable.
    static func holderName(_ holder: [UInt8], in databases: StoreDatabases, _ txn: borrowing WriteTransaction) throws -> String {
        guard let id = OrderedKey.readUInt64(holder) else { return "(unknown)" }
        let code = try txn.withValue(for: holder, in: databases.records) { bytes in
            try? CustomerRecord.decode(bytes, id: id).code
        }
        return (code ?? nil) ?? "id \(id)"
    }

    /// A key as text for messages; the source index's zero separator shown as `:`.
    static func display(_ key: [UInt8]) -> String {
        String(decoding: key.map { $0 == 0 ? UInt8(ascii: ":") : $0 }, as: UTF8.self)
    }
}
