import Foundation

extension CustomerStore {
    /// Inserts many customers quickly: `transactionSize` of them per bulk load (see
    /// ``bulkLoad(pendingIndexBudget:_:)``), each committed whole, with ids in order.
    ///
    /// ```swift
    /// let stored = try store.insertMany(generatedCustomers)
    /// ```
    ///
    /// - Returns: How many customers were stored.
    /// - Throws: ``CustomerStoreError/rejectedItem(position:stored:reason:)`` naming the first
    ///   rejected item; its transaction is discarded whole, earlier transactions are kept.
    @discardableResult
    public func insertMany(_ customers: some Sequence<Customer>, transactionSize: Int = 10_000) throws -> Int {
        precondition(transactionSize > 0, "transactionSize must be positive")
        var stored = 0
        var chunk: [Customer] = []
        chunk.reserveCapacity(transactionSize)
        func flush() throws {
            try bulkLoad { load in
                for (offset, customer) in chunk.enumerated() {
                    do {
                        try load.insert(customer)
                    } catch {
                        throw CustomerStoreError.rejectedItem(
                            position: stored + offset, stored: stored, reason: CustomerStoreError.from(error))
                    }
                }
            }
            stored += chunk.count
            chunk.removeAll(keepingCapacity: true)
        }
        for customer in customers {
            chunk.append(customer)
            if chunk.count == transactionSize { try flush() }
        }
        if !chunk.isEmpty { try flush() }
        return stored
    }

    /// Runs `body` as one bulk load in one write transaction: every customer it inserts is
    /// stored when it returns, and none when it throws. The fast way to store many customers
    /// at once; other writers wait until it ends, readers go on seeing the store as it was.
    ///
    /// `pendingIndexBudget` caps the memory of the gathered index entries (32 bytes each,
    /// about 30 per customer): when it fills they are written and gathering starts again.
    /// If the map must grow, `body` runs again from the start, so keep side effects outside
    /// it, or reserve room first with ``Environment/reserveMapSize(_:)``.
    ///
    /// ```swift
    /// let stored = try store.bulkLoad { load in
    ///     for customer in customers { try load.insert(customer) }
    ///     return load.count
    /// }
    /// ```
    public func bulkLoad<R>(pendingIndexBudget: Int = 256 << 20, _ body: (inout BulkLoad) throws -> R) throws -> R {
        try writing { txn in
            let firstID = try counter(.nextID, in: txn)
            var load = BulkLoad(store: self, transaction: txn, firstID: firstID, now: Date(), pendingBudget: pendingIndexBudget)
            do {
                let result = try body(&load)
                try load.finish()
                txn = load.end()
                return result
            } catch {
                txn = load.end()
                throw error
            }
        }
    }
}
