extension CustomerStore {
    /// Inserts many customers quickly: `transactionSize` of them per write transaction (each
    /// committed whole), with ids appended in order.
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
            try write { batch in
                for (offset, customer) in chunk.enumerated() {
                    do {
                        try batch.insert(customer)
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
}
