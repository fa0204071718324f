import LMDB

/// How a query runs: where candidates come from, in which order rows are produced, and
/// whether records must be filtered after reading.
final class QueryPlan {
    enum Ordering {
        /// By id, walking the records or the candidate ids.
        case ids(descending: Bool)
        /// Walking the index of the first sort field in order: no sort of the results.
        case indexWalk(IndexedField, descending: Bool)
        /// Every matching row read, then sorted (bounded to the limit when there is one).
        case sort
    }

    let query: CompiledQuery
    let order: RowOrder
    /// `nil`: every record is read.
    let access: AccessPath?
    /// What each record read must still pass (the part of the filter the path does not
    /// answer exactly), and that part as written, for `explain`.
    let residual: (filter: CompiledFilter, shown: CustomerPredicate)?
    let ordering: Ordering
    /// Customers in the store when planned.
    let total: Int
    /// Rows read from the records and decoded, and rows that passed the filter; filled in by
    /// execution.
    var recordsRead = 0
    var rowsMatched = 0
    var rowsReturned = 0
    var executed = false

    init(query: CompiledQuery, access: AccessPlanner.Access, ordering: Ordering, total: Int) {
        self.query = query
        self.order = RowOrder(keys: query.query.order)
        self.access = access.path
        self.residual = access.residual
        self.ordering = ordering
        self.total = total
    }

    /// Whether rows read must still be checked against the filter.
    var needsResidual: Bool { residual != nil }

    /// Whether `customer` passes the residual filter.
    func passesResidual(_ customer: Customer) -> Bool { residual?.filter.matches(customer) ?? true }

    /// Estimated matching rows.
    var estimate: Int {
        guard query.filter != nil else { return total }
        return access?.estimate ?? total
    }
}

/// Plans queries: the access path from ``AccessPlanner``, then the cheaper of walking the
/// first sort field's index and sorting the candidates.
struct QueryPlanner {
    let catalog: IndexCatalog
    let databases: StoreDatabases

    func plan(_ query: CompiledQuery, limit: Int?, _ txn: borrowing ReadTransaction) throws -> QueryPlan {
        let total = try txn.statistics(of: databases.records).entries
        let planner = AccessPlanner(catalog: catalog, databases: databases, total: total)
        let access = try query.filter.map { filter in
            try planner.access(for: filter, shown: query.query.filter ?? .and([]), txn)
        } ?? AccessPlanner.Access(path: nil, residual: nil)
        let ordering = ordering(query, access: access.path, limit: limit, total: total)
        return QueryPlan(query: query, access: access, ordering: ordering, total: total)
    }

    private func ordering(_ query: CompiledQuery, access: AccessPath?, limit: Int?, total: Int) -> QueryPlan.Ordering {
        guard let first = query.query.order.first else { return .ids(descending: false) }
        if first.field == .id { return .ids(descending: first.descending) }
        guard let indexed = catalog.fields[first.field] else { return .sort }
        guard let access else { return .indexWalk(indexed, descending: first.descending) }
        let matches = max(access.estimate, 1)
        let scanned = limit.map { min(total, $0 * total / matches) } ?? total
        let walkCost = access.idsRead + scanned + min(limit ?? matches, matches) * AccessPlanner.recordCost
        let sortCost = access.idsRead + matches * AccessPlanner.recordCost
        return walkCost < sortCost ? .indexWalk(indexed, descending: first.descending) : .sort
    }
}
