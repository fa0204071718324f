import LMDB

extension CustomerStore {
    /// The customer with internal id `id`, or `nil`.
    ///
    /// ```swift
    /// let customer = try store.get(id: 42)
    /// ```
    public func get(id: UInt64) throws -> Customer? {
        try reading { txn in try record(id, in: txn) }
    }

    /// The customer with this code, matched trimmed and case-insensitively, or `nil`.
    ///
    /// ```swift
    /// try store.get(code: "kh00000042")   // finds KH00000042
    /// ```
    public func get(code: String) throws -> Customer? {
        try reading { txn in try customer(code: code, in: txn) }
    }

    /// The customer owning this phone number, given in any supported format
    /// (`0912 345 678`, `+84 912 345 678`, `84912345678`, ...), or `nil`.
    ///
    /// - Throws: ``CustomerStoreError/invalidField(field:value:reason:)`` when the input is not a
    ///   phone number.
    public func get(phone: String) throws -> Customer? {
        try reading { txn in try customer(phone: phone, in: txn) }
    }

    /// The customer owning this email address, in any case or Unicode form, or `nil`.
    ///
    /// - Throws: ``CustomerStoreError/invalidField(field:value:reason:)`` when the input is not an
    ///   email address.
    public func get(email: String) throws -> Customer? {
        try reading { txn in try customer(email: email, in: txn) }
    }

    /// The number of customers stored.
    public func count() throws -> Int {
        try reading { txn in try txn.statistics(of: databases.records).entries }
    }

    // MARK: Steps inside a transaction (shared with batches)

    func customer(code: String, in txn: borrowing some ReadableTransaction & ~Copyable) throws -> Customer? {
        guard let key = IndexKey.code(code) else { return nil }
        return try lookup(key, in: databases.codes, txn)
    }

    func customer(phone: String, in txn: borrowing some ReadableTransaction & ~Copyable) throws -> Customer? {
        let number: PhoneNumber
        do { number = try PhoneNumber(phone) } catch { throw CustomerStoreError.wrap(error) }
        return try lookup(Array(number.e164.utf8), in: databases.phones, txn)
    }

    func customer(email: String, in txn: borrowing some ReadableTransaction & ~Copyable) throws -> Customer? {
        let address: EmailAddress
        do { address = try EmailAddress(email) } catch { throw CustomerStoreError.wrap(error) }
        return try lookup(Array(address.normalized.utf8), in: databases.emails, txn)
    }

    /// Resolves a unique key to its customer.
    private func lookup(_ key: [UInt8], in index: PlainDatabase, _ txn: borrowing some ReadableTransaction & ~Copyable) throws -> Customer? {
        guard let id = try txn.withValue(for: key, in: index, { OrderedKey.readUInt64($0) }) ?? nil else {
            return nil
        }
        return try record(id, in: txn)
    }

    /// Decodes the record of `id` in place, or `nil` when there is none.
    func record(_ id: UInt64, in txn: borrowing some ReadableTransaction & ~Copyable) throws -> Customer? {
        try txn.withValue(for: IndexKey.id(id), in: databases.records) { bytes in
            try CustomerRecord.decode(bytes, id: id)
        }
    }
}
