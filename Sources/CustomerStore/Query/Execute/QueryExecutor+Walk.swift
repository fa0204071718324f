import LMDB

extension QueryExecutor {
    /// Rows in the order of the first sort field, walking its index key by key (ids ascend
    /// within a key, so ties are already by id), then the rows with no value for it.
    func walk(_ indexed: IndexedField, descending: Bool, _ candidates: [UInt64]?,
              _ txn: borrowing ReadTransaction, _ emit: Sink) throws -> Bool {
        let startKey: [UInt8]?? = after.map { $0.keys[0] }
        if startKey != .some(nil) {
            for segment in segments(indexed, descending: descending, from: startKey ?? nil) {
                let finished = try walkSegment(segment, of: indexed, descending: descending, candidates, txn) { group in
                    try emitGroup(group, txn, emit)
                }
                if !finished { return false }
            }
        }
        // Customers with no value for the sort field come last, in the order of the rest.
        var missing = TopRows(order: plan.order, limit: remaining)
        try collect(candidates, into: &missing, txn) { FieldForm.values(of: indexed.field, in: $0).isEmpty }
        for row in missing.sorted() where try !emit(row.customer, row.position) { return false }
        return true
    }

    /// The key ranges to walk, in walk order, starting at the page start's key.
    private func segments(_ indexed: IndexedField, descending: Bool, from start: [UInt8]?) -> [KeyRange] {
        guard let start else { return descending ? indexed.orderedSegments.reversed() : indexed.orderedSegments }
        if let ranked = indexed.rankedKeys {
            // Enumerations: the compare form is the rank; keep the values from the start's on.
            let startRank = Int(start.first ?? 0)
            let ranks = descending ? Array((0...min(startRank, ranked.count - 1)).reversed()) : Array(startRank..<ranked.count)
            return ranks.map { KeyRange(from: ranked[$0], through: ranked[$0]) }
        }
        return [descending ? .through(start) : .from(start)]
    }

    /// Walks one key range, handing each key's matching ids (ascending) to `body`.
    private func walkSegment(_ range: KeyRange, of indexed: IndexedField, descending: Bool, _ candidates: [UInt64]?,
                             _ txn: borrowing ReadTransaction, _ body: ([UInt64]) throws -> Bool) throws -> Bool {
        var group: [UInt64] = []
        var groupKey: [UInt8]?
        var finished = true
        func flush() throws -> Bool {
            defer { group.removeAll(keepingCapacity: true) }
            if descending { group.reverse() }
            return group.isEmpty ? true : try body(group)
        }
        let visit: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) throws -> WalkStep = { key, value in
            if let current = groupKey, !current.elementsEqual(key) {
                guard try flush() else { finished = false; return .stop }
            }
            if groupKey.map({ !$0.elementsEqual(key) }) ?? true { groupKey = Array(key) }
            guard let id = OrderedKey.readUInt64(value) else { return .next }
            if let candidates, !SortedIDs.contains(candidates, id) { return .next }
            group.append(id)
            return .next
        }
        switch indexed.index.storage {
        case .postings(let db): try txn.forEach(in: db, range: range, reverse: descending, visit)
        case .unique(let db): try txn.forEach(in: db, range: range, reverse: descending, visit)
        }
        guard finished else { return false }
        return try flush()
    }

    /// Emits one key's rows: in id order, or sorted by the remaining sort fields.
    private func emitGroup(_ ids: [UInt64], _ txn: borrowing ReadTransaction, _ emit: Sink) throws -> Bool {
        if plan.order.keys.count == 1 {
            for id in ids {
                guard let customer = try row(id, txn) else { continue }
                let position = plan.order.position(of: customer)
                if isAfterPageStart(position), try !emit(customer, position) { return false }
            }
            return true
        }
        var top = TopRows(order: plan.order, limit: remaining)
        for id in ids {
            guard let customer = try row(id, txn) else { continue }
            let position = plan.order.position(of: customer)
            if isAfterPageStart(position) { top.add(customer, at: position) }
        }
        for row in top.sorted() where try !emit(row.customer, row.position) { return false }
        return true
    }
}
