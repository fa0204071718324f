import Foundation
import LMDB

/// Many new customers stored in one write transaction, the fast way: records are appended,
/// unique keys (code, phones, emails, sources) are checked and written as each customer
/// comes, and every other index entry is gathered and written sorted when the load ends
/// (see ``PendingPostings``). Exists only inside ``CustomerStore/bulkLoad(pendingIndexBudget:_:)``.
///
/// Row-by-row inserts update 22 indexes at random places; committing every few thousand
/// rows then rewrites most of the index pages each time (46 GB written for a 1.2 GB store
/// of 1,000,000 customers). A load writes each page about once.
///
/// ```swift
/// try store.bulkLoad { load in
///     for customer in customers { try load.insert(customer) }
/// }
/// ```
public struct BulkLoad: ~Copyable {
    let store: CustomerStore
    var transaction: WriteTransaction
    let now: Date
    /// The first id this load assigns; every id from it on is one of the load's customers.
    let firstID: UInt64
    private var nextID: UInt64
    private var nextCode: UInt64?
    /// The gathered entries of every postings index, by position in the store's indexes.
    private var pending: [PendingPostings]
    private let pendingBudget: Int
    private var pendingBytes = 0

    init(store: CustomerStore, transaction: consuming WriteTransaction, firstID: UInt64, now: Date, pendingBudget: Int) {
        self.firstID = firstID
        self.store = store
        self.transaction = transaction
        self.now = now
        self.pendingBudget = pendingBudget
        nextID = firstID
        pending = Array(repeating: PendingPostings(), count: store.databases.indexes.count)
    }

    /// The customers stored so far.
    public var count: Int { Int(nextID - firstID) }

    /// Stores a new customer as ``CustomerStore/insert(_:)`` does and returns it as stored.
    ///
    /// - Throws: ``CustomerStoreError/duplicate(field:value:heldBy:)`` when its code, a phone,
    ///   an email or a source id belongs to a stored customer or an earlier one of this load;
    ///   ``CustomerStoreError/invalidField(field:value:reason:)``. Nothing of this customer is
    ///   stored then, and the load can go on.
    @discardableResult
    public mutating func insert(_ customer: Customer) throws -> Customer {
        switch try insert(customer, keepingUpdatedAt: false) {
        case .stored(let stored):
            return stored
        case .duplicate(let field, let key, let holder):
            let name = try IndexMaintenance.holderName(IndexKey.id(holder), in: store.databases, transaction)
            throw CustomerStoreError.duplicate(field: field, value: IndexMaintenance.display(key), heldBy: name)
        }
    }

    /// What ``insert(_:keepingUpdatedAt:)`` did.
    enum Outcome {
        case stored(Customer)
        /// A unique key of the customer is held by customer `holder`; nothing was stored.
        case duplicate(field: String, key: [UInt8], holder: UInt64)
    }

    /// Stores a new customer, or reports the first unique key another customer holds.
    /// `keepingUpdatedAt` keeps the customer's own `updatedAt` (the import path).
    mutating func insert(_ input: Customer, keepingUpdatedAt: Bool) throws -> Outcome {
        var customer = try store.validated(input)
        let id = nextID
        let codeCounter = nextCode
        customer.id = id
        if customer.code.isEmpty { customer.code = try assignCode() }
        customer.version = 1
        if !keepingUpdatedAt { customer.updatedAt = now }
        let indexes = store.databases.indexes
        let keys = indexes.map { $0.definition.keys(customer) }
        for (index, indexKeys) in zip(indexes, keys) {
            for key in indexKeys { try IndexMaintenance.checkKeySize(key, of: index.definition) }
        }
        let idKey = IndexKey.id(id)
        var written: [(PlainDatabase, [UInt8])] = []
        for (index, indexKeys) in zip(indexes, keys) {
            guard case .unique(let db) = index.storage else { continue }
            for key in indexKeys {
                if let holder = try transaction.putIfAbsent(idKey, for: key, in: db) {
                    for (db, key) in written { try transaction.delete(key, in: db) }
                    nextCode = codeCounter
                    return .duplicate(field: index.definition.field, key: key, holder: OrderedKey.readUInt64(holder) ?? 0)
                }
                written.append((db, key))
            }
        }
        try transaction.put(CustomerRecord.encode(customer), for: idKey, in: store.databases.records, flags: .append)
        for (position, indexKeys) in keys.enumerated() where !indexKeys.isEmpty {
            guard case .postings = indexes[position].storage else { continue }
            let before = pending[position].byteCount
            for key in indexKeys { pending[position].append(key, id: id) }
            pendingBytes += pending[position].byteCount - before
        }
        nextID += 1
        if pendingBytes >= pendingBudget { try writePending() }
        return .stored(customer)
    }

    /// The customer with this id as the load sees it (stored before or by this load), or `nil`.
    public func get(id: UInt64) throws -> Customer? { try store.record(id, in: transaction) }

    /// Writes the gathered postings into their indexes.
    private mutating func writePending() throws {
        for (position, index) in store.databases.indexes.enumerated() {
            guard case .postings(let db) = index.storage else { continue }
            try pending[position].write(to: db, in: transaction)
        }
        pendingBytes = 0
    }

    /// Writes what is gathered and the counters; the load's changes are then complete.
    mutating func finish() throws {
        try writePending()
        try store.setCounter(.nextID, to: nextID, &transaction)
        if let nextCode { try store.setCounter(.nextCode, to: nextCode, &transaction) }
    }

    /// The next free assigned code, counting in memory until the load ends.
    private mutating func assignCode() throws -> String {
        var sequence = try nextCode ?? store.counter(.nextCode, in: transaction)
        while true {
            let code = store.assignedCode(sequence: sequence)
            sequence += 1
            if try !transaction.contains(code, in: store.databases.codes) {
                nextCode = sequence
                return code
            }
        }
    }

    /// Hands the transaction back when the load ends.
    consuming func end() -> WriteTransaction { transaction }
}
