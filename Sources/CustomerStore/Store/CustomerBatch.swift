import Foundation
import LMDB

/// Several store operations in one write transaction: all of them are stored, or none.
///
/// Reads through the batch see its own earlier writes. Exists only inside
/// ``CustomerStore/write(_:)``.
///
/// ```swift
/// try store.write { batch in
///     let an = try batch.insert(Customer(fullName: "Nguyễn Văn An"))
///     try batch.update(id: an.id) { $0.points = 500 }
///     try batch.delete(id: 17)
/// }
/// ```
public struct CustomerBatch: ~Copyable {
    let store: CustomerStore
    var transaction: WriteTransaction
    /// One clock reading for the whole batch: every change in it carries the same `updatedAt`.
    let now: Date

    /// Stores a new customer; see ``CustomerStore/insert(_:)``.
    @discardableResult
    public mutating func insert(_ customer: Customer) throws -> Customer {
        try store.insert(customer, now: now, &transaction)
    }

    /// Stores a new customer as ``insert(_:)`` does; with `keepingUpdatedAt` its own
    /// `updatedAt` stays (the import path: a re-imported export keeps its timestamps).
    @discardableResult
    mutating func insert(_ customer: Customer, keepingUpdatedAt: Bool) throws -> Customer {
        try store.insert(customer, now: now, keepingUpdatedAt: keepingUpdatedAt, &transaction)
    }

    /// Changes a customer; see ``CustomerStore/update(id:expectedVersion:_:)``.
    @discardableResult
    public mutating func update(id: UInt64, expectedVersion: UInt64? = nil, _ mutate: (inout Customer) throws -> Void) throws -> Customer {
        try store.update(id: id, expectedVersion: expectedVersion, now: now, mutate, &transaction)
    }

    /// Changes the customer with this code; see ``CustomerStore/update(code:expectedVersion:_:)``.
    @discardableResult
    public mutating func update(code: String, expectedVersion: UInt64? = nil, _ mutate: (inout Customer) throws -> Void) throws -> Customer {
        let id = try store.id(ofCode: code, in: transaction)
        return try store.update(id: id, expectedVersion: expectedVersion, now: now, mutate, &transaction)
    }

    /// Inserts or replaces by code; see ``CustomerStore/upsert(byCode:)``.
    @discardableResult
    public mutating func upsert(byCode customer: Customer) throws -> UpsertResult {
        try store.upsert(byCode: customer, now: now, &transaction)
    }

    /// Deletes a customer; see ``CustomerStore/delete(id:)``.
    public mutating func delete(id: UInt64) throws {
        try store.delete(id: id, &transaction)
    }

    /// The customer with this id as the batch sees it, or `nil`.
    public func get(id: UInt64) throws -> Customer? { try store.record(id, in: transaction) }
    /// The customer with this code as the batch sees it, or `nil`.
    public func get(code: String) throws -> Customer? { try store.customer(code: code, in: transaction) }
    /// The customer owning this phone number (any format) as the batch sees it, or `nil`.
    public func get(phone: String) throws -> Customer? { try store.customer(phone: phone, in: transaction) }
    /// The customer owning this email address as the batch sees it, or `nil`.
    public func get(email: String) throws -> Customer? { try store.customer(email: email, in: transaction) }

    /// Hands the transaction back when the batch ends.
    consuming func finish() -> WriteTransaction { transaction }
}

extension CustomerStore {
    /// Runs `body` as one atomic batch: every operation in it is stored when it returns, and
    /// none when it throws (the first error of an operation aborts the whole batch).
    ///
    /// If the map must grow, `body` runs again from the start, so keep side effects outside it.
    ///
    /// ```swift
    /// let ids = try store.write { batch in
    ///     try rows.map { try batch.insert($0).id }
    /// }
    /// ```
    public func write<R>(_ body: (inout CustomerBatch) throws -> R) throws -> R {
        try writing { txn in
            var batch = CustomerBatch(store: self, transaction: txn, now: Date())
            do {
                let result = try body(&batch)
                txn = batch.finish()
                return result
            } catch {
                txn = batch.finish()
                throw error
            }
        }
    }
}
