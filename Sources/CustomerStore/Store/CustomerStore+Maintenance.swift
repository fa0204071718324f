import LMDB

extension CustomerStore {
    /// Writes a consistent copy of the store into `directory` while others keep reading and
    /// writing. With `compacting`, pages freed by earlier writes are left out, so the copy is
    /// as small as the data and holds none of the bytes of erased customers.
    ///
    /// ```swift
    /// try store.backup(to: "/backups/customers-2026-11-23", compacting: true)
    /// ```
    ///
    /// - Throws: ``CustomerStoreError/engine(_:)`` when `directory` already holds a store or
    ///   cannot be written.
    public func backup(to directory: String, compacting: Bool = false) throws {
        do {
            try environment.copy(to: directory, compacting: compacting)
        } catch {
            throw CustomerStoreError.wrap(error)
        }
    }

    /// Checks that every index entry matches the records and every record is fully indexed,
    /// in one read snapshot, and reports each mismatch.
    ///
    /// Each record is decoded once and each of its expected entries looked up. An index whose
    /// entry count then matches the expected count holds nothing else; only an index whose
    /// count differs is walked entry by entry to find the extra entries.
    ///
    /// ```swift
    /// let report = try store.verify()
    /// print(report.isClean ? "clean" : "\(report.problems.count) problems")
    /// ```
    public func verify() throws -> VerificationReport {
        try reading { txn in
            var report = VerificationReport()
            var expectedCounts = Array(repeating: 0, count: databases.indexes.count)
            try txn.forEach(in: databases.records) { key, value in
                guard let id = OrderedKey.readUInt64(key) else { return .next }
                report.recordsChecked += 1
                let customer: Customer
                do throws(RecordDecodingError) {
                    customer = try CustomerRecord.decode(value, id: id)
                } catch {
                    report.problems.append(.corruptRecord(error))
                    return .next
                }
                for (position, index) in databases.indexes.enumerated() {
                    let keys = index.definition.keys(customer)
                    expectedCounts[position] += keys.count
                    for key in keys {
                        report.entriesChecked += 1
                        if let problem = try checkEntry(key, of: id, in: index, txn) {
                            report.problems.append(problem)
                        }
                    }
                }
                return .next
            }
            for (position, index) in databases.indexes.enumerated() {
                let stored = try txn.statistics(of: index.storage).entries
                if stored != expectedCounts[position] {
                    report.problems += try extraEntries(in: index, known: report.problems, txn)
                }
            }
            return report
        }
    }

    /// Rebuilds every index from the records in one write transaction, so readers see either
    /// the old indexes or the new ones. Records whose unique keys collide keep the key for the
    /// lowest id; each collision, and each record that cannot be decoded, is returned.
    ///
    /// ```swift
    /// let collisions = try store.reindex()
    /// ```
    @discardableResult
    public func reindex() throws -> [VerificationProblem] {
        try writing { txn in
            for index in databases.indexes { try txn.clear(index.storage) }
            var collisions: [VerificationProblem] = []
            var records: [(id: UInt64, customer: Customer)] = []
            try txn.forEach(in: databases.records) { key, value in
                guard let id = OrderedKey.readUInt64(key) else { return .next }
                do throws(RecordDecodingError) {
                    records.append((id, try CustomerRecord.decode(value, id: id)))
                } catch {
                    collisions.append(.corruptRecord(error))  // cannot be indexed; reported
                }
                return .next
            }
            for (id, customer) in records {
                do {
                    try IndexMaintenance.apply(old: nil, new: customer, id: id, in: databases, &txn)
                } catch CustomerStoreError.duplicate {
                    // Index this record's keys one by one, skipping the colliding ones.
                    collisions += try IndexMaintenance.applySkippingCollisions(customer, id: id, in: databases, &txn)
                }
            }
            return collisions
        }
    }

    /// The problem with one expected entry of record `id`, if any.
    private func checkEntry(
        _ key: [UInt8], of id: UInt64, in index: OpenIndex, _ txn: borrowing ReadTransaction
    ) throws -> VerificationProblem? {
        let idKey = IndexKey.id(id)
        let field = index.definition.field
        switch index.storage {
        case .postings(let db):
            let present = try txn.withCursor(db) { cursor in try cursor.seek(exactly: key, value: idKey) }
            return present ? nil : .recordWithoutEntry(index: field, key: IndexMaintenance.display(key), id: id)
        case .unique(let db):
            guard let holder = try txn.withValue(for: key, in: db, { OrderedKey.readUInt64($0) }) ?? nil else {
                return .recordWithoutEntry(index: field, key: IndexMaintenance.display(key), id: id)
            }
            if holder == id { return nil }
            let holderHasKey = try record(holder, in: txn).map { index.definition.keys($0).contains(key) } ?? false
            return holderHasKey
                ? .duplicateUniqueKey(index: field, key: IndexMaintenance.display(key), ids: [holder, id].sorted())
                : .entryPointsToWrongRecord(index: field, key: IndexMaintenance.display(key), pointsTo: holder, belongsTo: id)
        }
    }

    /// Entries of `index` that no record accounts for, except those already reported.
    private func extraEntries(
        in index: OpenIndex, known: [VerificationProblem], _ txn: borrowing ReadTransaction
    ) throws -> [VerificationProblem] {
        var problems: [VerificationProblem] = []
        let field = index.definition.field
        for (key, value) in try txn.entries(of: index.storage) {
            guard let id = OrderedKey.readUInt64(value) else { continue }
            let text = IndexMaintenance.display(key)
            let stored: Customer?
            do {
                stored = try record(id, in: txn)
            } catch {
                continue  // the record exists but is corrupt, which is reported already
            }
            guard let customer = stored else {
                problems.append(.entryWithoutRecord(index: field, key: text, id: id))
                continue
            }
            if index.definition.keys(customer).contains(key) { continue }
            let alreadyReported = known.contains { problem in
                if case .entryPointsToWrongRecord(field, text, id, _) = problem { return true }
                return false
            }
            if !alreadyReported { problems.append(.staleEntry(index: field, key: text, id: id)) }
        }
        return problems
    }
}
