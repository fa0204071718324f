import Foundation
import LMDB

extension CustomerStore {
    /// Stores a new customer and returns it as stored: with its id, its code (assigned as
    /// `KH` and a zero-padded sequence when empty), version 1 and `updatedAt` set.
    ///
    /// ```swift
    /// let stored = try store.insert(Customer(fullName: "Trần Thị Bình"))
    /// ```
    ///
    /// - Throws: ``CustomerStoreError/duplicate(field:value:heldBy:)`` when its code, a phone, an
    ///   email or a source id belongs to another customer;
    ///   ``CustomerStoreError/invalidField(field:value:reason:)``. Nothing is stored then.
    @discardableResult
    public func insert(_ customer: Customer) throws -> Customer {
        try writing { txn in try insert(customer, now: Date(), &txn) }
    }

    /// Changes a customer with `mutate` and stores the result, with its version raised by one.
    ///
    /// ```swift
    /// try store.update(id: 42, expectedVersion: 3) { customer in
    ///     customer.segment = "VIP"
    ///     customer.points += 1_000
    /// }
    /// ```
    ///
    /// - Parameters:
    ///   - expectedVersion: When given, the update fails with
    ///     ``CustomerStoreError/versionConflict(id:expected:actual:)`` unless the stored customer
    ///     is at this version (someone else changed it since it was read).
    /// - Throws: ``CustomerStoreError/notFound(_:)``, duplicates and invalid fields as for insert,
    ///   or what `mutate` throws. Nothing is stored then.
    @discardableResult
    public func update(id: UInt64, expectedVersion: UInt64? = nil, _ mutate: (inout Customer) throws -> Void) throws -> Customer {
        try writing { txn in try update(id: id, expectedVersion: expectedVersion, now: Date(), mutate, &txn) }
    }

    /// Changes the customer with this code; see ``update(id:expectedVersion:_:)``.
    @discardableResult
    public func update(code: String, expectedVersion: UInt64? = nil, _ mutate: (inout Customer) throws -> Void) throws -> Customer {
        try writing { txn in
            try update(id: try id(ofCode: code, in: txn), expectedVersion: expectedVersion, now: Date(), mutate, &txn)
        }
    }

    /// Stores `customer` under its code: inserts it when no customer has that code, otherwise
    /// replaces that customer's fields with these, keeping its id and `createdAt`, raising its
    /// version and keeping the furthest lifecycle stage of the two. The import path.
    ///
    /// ```swift
    /// let result = try store.upsert(byCode: Customer(fullName: "Lê Thị Hoa", code: "POS-0042"))
    /// result.inserted   // true the first time, false afterwards
    /// ```
    ///
    /// - Throws: ``CustomerStoreError/invalidField(field:value:reason:)`` when the code is empty;
    ///   duplicates and invalid fields as for ``insert(_:)``.
    @discardableResult
    public func upsert(byCode customer: Customer) throws -> UpsertResult {
        try writing { txn in try upsert(byCode: customer, now: Date(), &txn) }
    }

    /// Deletes a customer with every index entry.
    ///
    /// - Throws: ``CustomerStoreError/notFound(_:)`` when there is no such customer.
    public func delete(id: UInt64) throws {
        try writing { txn in try delete(id: id, &txn) }
    }

    /// Deletes the customer with this code (matched trimmed and case-insensitively).
    ///
    /// - Throws: ``CustomerStoreError/notFound(_:)`` when there is no such customer.
    public func delete(code: String) throws {
        try writing { txn in try delete(id: try id(ofCode: code, in: txn), &txn) }
    }

    // MARK: Steps inside a write transaction

    /// `keepingUpdatedAt`: the import path keeps the `updatedAt` a file brought along.
    func insert(_ input: Customer, now: Date, keepingUpdatedAt: Bool = false, _ txn: inout WriteTransaction) throws -> Customer {
        var customer = try validated(input)
        let id = try nextCounter(.nextID, &txn)
        customer.id = id
        if customer.code.isEmpty { customer.code = try assignCode(&txn) }
        customer.version = 1
        if !keepingUpdatedAt { customer.updatedAt = now }
        try IndexMaintenance.apply(old: nil, new: customer, id: id, in: databases, &txn)
        // Ids only grow, so every record appends at the end of the B-tree.
        try txn.put(CustomerRecord.encode(customer), for: IndexKey.id(id), in: databases.records, flags: .append)
        return customer
    }

    func upsert(byCode input: Customer, now: Date, _ txn: inout WriteTransaction) throws -> UpsertResult {
        guard IndexKey.code(input.code) != nil else {
            throw CustomerStoreError.invalidField(field: "code", value: input.code, reason: "an upsert by code needs a code")
        }
        guard let existing = try customer(code: input.code, in: txn) else {
            return UpsertResult(customer: try insert(input, now: now, &txn), inserted: true)
        }
        let replaced = try update(id: existing.id, expectedVersion: nil, now: now, { stored in
            let furthest = max(stored.lifecycle, input.lifecycle)
            stored = input
            stored.lifecycle = furthest
        }, &txn)
        return UpsertResult(customer: replaced, inserted: false)
    }

    func delete(id: UInt64, _ txn: inout WriteTransaction) throws {
        guard let old = try record(id, in: txn) else { throw CustomerStoreError.notFound("id \(id)") }
        try IndexMaintenance.apply(old: old, new: nil, id: id, in: databases, &txn)
        try txn.delete(IndexKey.id(id), in: databases.records)
    }

    func update(
        id: UInt64, expectedVersion: UInt64?, now: Date,
        _ mutate: (inout Customer) throws -> Void, _ txn: inout WriteTransaction
    ) throws -> Customer {
        guard let old = try record(id, in: txn) else { throw CustomerStoreError.notFound("id \(id)") }
        if let expectedVersion, expectedVersion != old.version {
            throw CustomerStoreError.versionConflict(id: id, expected: expectedVersion, actual: old.version)
        }
        var changed = old
        try mutate(&changed)
        var customer = try validated(changed)
        if customer.lifecycle < old.lifecycle {
            throw CustomerStoreError.invalidField(
                field: "lifecycle", value: customer.lifecycle.rawValue,
                reason: "a lifecycle moves forward only; this customer is already \(old.lifecycle.rawValue)")
        }
        customer.id = id
        if customer.code.isEmpty { customer.code = old.code }
        customer.createdAt = old.createdAt
        customer.version = old.version + 1
        customer.updatedAt = now
        try IndexMaintenance.apply(old: old, new: customer, id: id, in: databases, &txn)
        try txn.put(CustomerRecord.encode(customer), for: IndexKey.id(id), in: databases.records)
        return customer
    }

    func id(ofCode code: String, in txn: borrowing some ReadableTransaction & ~Copyable) throws -> UInt64 {
        guard let key = IndexKey.code(code),
              let id = try txn.withValue(for: key, in: databases.codes, { OrderedKey.readUInt64($0) }) ?? nil
        else { throw CustomerStoreError.notFound("code \(code)") }
        return id
    }

    /// The customer in its stored form: all text in NFC (LMDB compares bytes, and NFD input
    /// from some keyboards must equal NFC input), the name trimmed, the code trimmed and
    /// uppercase; rejects a customer without a name.
    func validated(_ input: Customer) throws -> Customer {
        var customer = input
        let nfc = TextNormalizer.nfc
        customer.segment = input.segment.map(nfc)
        customer.owner = input.owner.map(nfc)
        customer.tags = Set(input.tags.map(nfc))
        customer.occupation = input.occupation.map(nfc)
        customer.jobTitle = input.jobTitle.map(nfc)
        customer.education = input.education.map(nfc)
        customer.maritalStatus = input.maritalStatus.map(nfc)
        customer.incomeBand = input.incomeBand.map(nfc)
        customer.address = Address(
            raw: nfc(input.address.raw), street: nfc(input.address.street), ward: nfc(input.address.ward),
            province: nfc(input.address.province), country: nfc(input.address.country))
        customer.sources = input.sources.map { SourceReference(system: nfc($0.system), externalID: nfc($0.externalID)) }
        customer.fullName = nfc(String(TextNormalizer.trimmed(input.fullName)))
        if customer.fullName.isEmpty {
            throw CustomerStoreError.invalidField(field: "fullName", value: input.fullName, reason: "a customer needs a name")
        }
        customer.code = IndexKey.code(input.code).map { String(decoding: $0, as: UTF8.self) } ?? ""
        return customer
    }

    /// Reads and advances a counter in `meta` (starting at 1).
    private func nextCounter(_ name: Counter, _ txn: inout WriteTransaction) throws -> UInt64 {
        let value = try counter(name, in: txn)
        try setCounter(name, to: value + 1, &txn)
        return value
    }

    /// The counters in `meta`: the next customer id and the next sequence of assigned codes.
    enum Counter: String {
        case nextID = "next-id"
        case nextCode = "next-code"
    }

    /// A counter's value (1 before its first use).
    func counter(_ name: Counter, in txn: borrowing WriteTransaction) throws -> UInt64 {
        let stored = try txn.withValue(for: name.rawValue, in: databases.meta) { OrderedKey.readUInt64($0) }
        return (stored ?? nil) ?? 1
    }

    func setCounter(_ name: Counter, to value: UInt64, _ txn: inout WriteTransaction) throws {
        try txn.put(IndexKey.id(value), for: name.rawValue, in: databases.meta)
    }

    /// The next free code `KH00000001`, `KH00000002`, ...; skips codes a customer brought along.
    private func assignCode(_ txn: inout WriteTransaction) throws -> String {
        while true {
            let code = assignedCode(sequence: try nextCounter(.nextCode, &txn))
            if try !txn.contains(code, in: databases.codes) { return code }
        }
    }

    /// The code assigned for a sequence number: the prefix and the zero-padded number.
    func assignedCode(sequence: UInt64) -> String {
        let digits = String(sequence)
        return options.codePrefix + String(repeating: "0", count: max(0, options.codeDigits - digits.count)) + digits
    }
}

/// What ``CustomerStore/upsert(byCode:)`` did.
public struct UpsertResult: Sendable, Hashable {
    /// The customer as stored.
    public let customer: Customer
    /// Whether it was inserted (`true`) or replaced an existing customer with its code.
    public let inserted: Bool
}
