import LMDB

extension CustomerStore {
    /// The number of customers matching `filter` (all customers when `nil`), from the
    /// postings alone when the indexes answer the filter exactly, else by reading candidates.
    ///
    /// ```swift
    /// let vipInHanoi = try store.count(where: QueryField.tags == "vip" && QueryField.province == "Hà Nội")
    /// ```
    public func count(where filter: CustomerPredicate?) throws -> Int {
        if let counted = try countFromPostings(where: filter) { return counted }
        var count = 0
        _ = try run(CustomerQuery(filter: filter), limit: nil, after: nil) { _, _ in
            count += 1
            return true
        }
        return count
    }

    /// The count when the indexes answer `filter` exactly, without reading a record; `nil`
    /// when records must be read.
    func countFromPostings(where filter: CustomerPredicate?) throws -> Int? {
        let compiled = try CompiledQuery(CustomerQuery(filter: filter))
        return try reading { txn in
            let plan = try planner.plan(compiled, limit: nil, txn)
            guard compiled.filter != nil else { return plan.total }
            guard let access = plan.access, !plan.needsResidual else { return nil }
            if case .indexRange(let indexed, let ranges) = access.kind, ranges.count == 1, KeyText.isPoint(ranges[0]),
               case .postings(let db) = indexed.index.storage, case .included(let key) = ranges[0].lower {
                return try txn.duplicateCount(of: key, in: db)
            }
            return try CandidateReader(databases: databases).ids(access, txn).count
        }
    }

    /// How many customers matching `filter` hold each value of `field`, largest group first
    /// (ties by value), with the customers holding no value as a last group whose value is
    /// `nil`. For `tags` a customer counts once per tag; for the other fields the counts add
    /// up to ``count(where:)``.
    ///
    /// ```swift
    /// for group in try store.groupCount(by: .province, where: QueryField.segment == "loyal") {
    ///     print(group.value ?? "(none)", group.count)
    /// }
    /// ```
    ///
    /// - Throws: ``QueryError/unsupported(field:reason:)`` for fields other than
    ///   ``QueryField/groupable``.
    public func groupCount(by field: QueryField, where filter: CustomerPredicate? = nil) throws -> [GroupCount] {
        guard QueryField.groupable.contains(field), let indexed = catalog.fields[field],
              case .postings(let db) = indexed.index.storage
        else {
            throw QueryError.unsupported(field: field.name, reason: """
                grouping applies to \(QueryField.groupable.map(\.name).joined(separator: ", "))
                """)
        }
        let matching = try matchingIDs(filter)
        return try reading { txn in
            var groups: [(key: [UInt8], count: Int, first: UInt64)] = []
            var covered = Set<UInt64>()
            try txn.withCursor(db) { cursor in
                var found = try cursor.first()
                while found {
                    let key = Array(cursor.key)
                    if matching == nil && !field.isMultiValued {
                        // Every holder counts: the posting's stored length is the count.
                        groups.append((key, try cursor.duplicateCount(), Self.id(cursor.value, at: 0)))
                    } else {
                        var count = 0
                        var first: UInt64?
                        var more = try cursor.firstDuplicateBlock()
                        while more {
                            for offset in stride(from: 0, to: cursor.value.count - 7, by: 8) {
                                let id = Self.id(cursor.value, at: offset)
                                guard matching.map({ SortedIDs.contains($0, id) }) ?? true else { continue }
                                count += 1
                                first = first ?? id
                                if field.isMultiValued { covered.insert(id) }
                            }
                            more = try cursor.nextDuplicateBlock()
                        }
                        if let first { groups.append((key, count, first)) }
                    }
                    found = try cursor.nextKey()
                }
            }

            var result = try groups.map { group in
                GroupCount(value: try displayValue(of: field, key: group.key, holder: group.first, txn), count: group.count)
            }
            let total = try matching?.count ?? txn.statistics(of: databases.records).entries
            let withValue = field.isMultiValued ? covered.count : groups.reduce(0) { $0 + $1.count }
            if total > withValue { result.append(GroupCount(value: nil, count: total - withValue)) }
            return result.sorted { a, b in
                if a.count != b.count { return a.count > b.count }
                guard let left = a.value else { return false }
                guard let right = b.value else { return true }
                return left < right
            }
        }
    }

    /// The id stored as 8 big-endian bytes at `offset` (see ``IndexKey/id(_:)``).
    private static func id(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> UInt64 {
        UInt64(bigEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// The ids matching `filter` in ascending order, or `nil` for every customer.
    private func matchingIDs(_ filter: CustomerPredicate?) throws -> [UInt64]? {
        guard let filter else { return nil }
        let compiled = try CompiledQuery(CustomerQuery(filter: filter))
        let exact: [UInt64]? = try reading { txn in
            let plan = try planner.plan(compiled, limit: nil, txn)
            guard let access = plan.access, !plan.needsResidual else { return nil }
            return try CandidateReader(databases: databases).ids(access, txn)
        }
        if let exact { return exact }
        var ids: [UInt64] = []
        _ = try run(CustomerQuery(filter: filter), limit: nil, after: nil) { customer, _ in
            ids.append(customer.id)
            return true
        }
        return ids
    }

    /// A group's value as customers hold it (`Hà Nội` for the key `ha noi`), read from one
    /// customer of the group.
    private func displayValue(of field: QueryField, key: [UInt8], holder: UInt64,
                              _ txn: borrowing ReadTransaction) throws -> String {
        let folded = String(decoding: key, as: UTF8.self)
        guard let customer = try record(holder, in: txn) else { return folded }
        return switch field {
        case .segment: customer.segment ?? folded
        case .province: customer.address.province
        case .owner: customer.owner ?? folded
        case .tags: customer.tags.filter { IndexKey.folded($0) == key }.min() ?? folded
        default: folded
        }
    }
}
