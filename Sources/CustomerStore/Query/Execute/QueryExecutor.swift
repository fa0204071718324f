import LMDB

/// Runs a ``QueryPlan`` inside one read transaction, handing rows to a sink in order and
/// decoding each record only when it is reached, so a sink that stops early stops the reads.
struct QueryExecutor {
    typealias Sink = (Customer, RowPosition) throws -> Bool

    let plan: QueryPlan
    let databases: StoreDatabases
    /// Rows at or before this position are skipped (the previous page's last row).
    let after: RowPosition?
    /// The most rows the sink takes: sorting keeps only that many (a bounded top-k).
    let limit: Int?

    /// The rows still to produce.
    var remaining: Int? { limit.map { max(0, $0 - plan.rowsReturned) } }

    /// Runs the plan; returns `false` when the sink stopped it.
    @discardableResult
    func run(_ txn: borrowing ReadTransaction, _ sink: Sink) throws -> Bool {
        defer { plan.executed = true }
        let candidates = try plan.access.map { try CandidateReader(databases: databases).ids($0, txn) }
        func emit(_ customer: Customer, _ position: RowPosition) throws -> Bool {
            plan.rowsReturned += 1
            return try sink(customer, position)
        }
        switch plan.ordering {
        case .ids(let descending):
            return try byID(candidates, descending: descending, startAfter: after?.id, txn) { customer in
                try emit(customer, plan.order.position(of: customer))
            }
        case .indexWalk(let indexed, let descending):
            return try walk(indexed, descending: descending, candidates, txn, emit)
        case .sort:
            var top = TopRows(order: plan.order, limit: remaining)
            try collect(candidates, into: &top, txn) { _ in true }
            for row in top.sorted() where try !emit(row.customer, row.position) { return false }
            return true
        }
    }

    // MARK: Reading rows

    /// The customer `id` if it passes the filter and comes after the page start.
    func row(_ id: UInt64, _ txn: borrowing ReadTransaction) throws -> Customer? {
        guard let customer = try txn.withValue(for: IndexKey.id(id), in: databases.records, { bytes in
            try CustomerRecord.decode(bytes, id: id)
        }) else { return nil }
        return admit(customer)
    }

    private func admit(_ customer: Customer) -> Customer? {
        plan.recordsRead += 1
        guard plan.passesResidual(customer) else { return nil }
        plan.rowsMatched += 1
        return customer
    }

    func isAfterPageStart(_ position: RowPosition) -> Bool {
        guard let after else { return true }
        return plan.order.precedes(after, position)
    }

    /// Matching rows in id order, starting after the id `startAfter` in that direction.
    private func byID(_ candidates: [UInt64]?, descending: Bool, startAfter: UInt64? = nil,
                      _ txn: borrowing ReadTransaction, _ body: (Customer) throws -> Bool) throws -> Bool {
        if let candidates {
            let ordered: any Sequence<UInt64> = descending ? AnySequence(candidates.reversed()) : AnySequence(candidates)
            for id in ordered {
                if let startAfter, descending ? id >= startAfter : id <= startAfter { continue }
                guard let customer = try row(id, txn) else { continue }
                if try !body(customer) { return false }
            }
            return true
        }
        var range = KeyRange.all
        if let startAfter {
            range = descending ? .before(IndexKey.id(startAfter)) : .after(IndexKey.id(startAfter))
        }
        var finished = true
        try txn.forEach(in: databases.records, range: range, reverse: descending) { key, bytes in
            guard let id = OrderedKey.readUInt64(key) else { return .next }
            guard let customer = admit(try CustomerRecord.decode(bytes, id: id)) else { return .next }
            if try body(customer) { return .next }
            finished = false
            return .stop
        }
        return finished
    }

    /// Adds the matching rows after the page start for which `include` holds to `top`.
    func collect(_ candidates: [UInt64]?, into top: inout TopRows, _ txn: borrowing ReadTransaction,
                         include: (Customer) -> Bool) throws {
        var rows = top
        _ = try byID(candidates, descending: false, txn) { customer in
            let position = plan.order.position(of: customer)
            if include(customer), isAfterPageStart(position) { rows.add(customer, at: position) }
            return true
        }
        top = rows
    }
}
