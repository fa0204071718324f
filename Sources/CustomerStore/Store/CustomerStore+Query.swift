import LMDB

extension CustomerStore {
    /// The customers matching `query`, in its order, at most its limit.
    ///
    /// ```swift
    /// let top = try store.query(CustomerQuery(parsing: "tier = 'gold' ORDER BY points DESC LIMIT 10"))
    /// ```
    public func query(_ query: CustomerQuery) throws -> [Customer] {
        var customers: [Customer] = []
        try forEach(query) { customers.append($0); return true }
        return customers
    }

    /// The customers matching a query written in the query language.
    public func query(_ text: String) throws -> [Customer] {
        try query(CustomerQuery(parsing: text))
    }

    /// Calls `body` with each result in order, decoding each record only when it is reached;
    /// return `false` to stop early.
    ///
    /// ```swift
    /// try store.forEach(CustomerQuery(filter: QueryField.tags == "vip")) { customer in
    ///     send(customer)
    ///     return true
    /// }
    /// ```
    public func forEach(_ query: CustomerQuery, _ body: (Customer) throws -> Bool) throws {
        _ = try run(query, limit: query.limit, after: nil) { customer, _ in try body(customer) }
    }

    /// At most `size` results starting after `token` (from the start when `nil`). Each page
    /// starts after the last row of the previous one, so customers written between pages
    /// neither repeat nor skip the rows that did not change.
    public func page(_ query: CustomerQuery, size: Int, after token: PageToken? = nil) throws -> QueryPage {
        precondition(size > 0, "a page holds at least one customer")
        let start = try token.map { try PageTokenCodec.decode($0, for: query) }
        let returned = start?.returned ?? 0
        let remaining = query.limit.map { max(0, $0 - returned) } ?? .max
        let wanted = min(size, remaining)
        // One row more than the page tells whether another page follows, unless the
        // query's limit ends with this page.
        let reading = wanted < remaining ? wanted + 1 : wanted
        var rows: [(customer: Customer, position: RowPosition)] = []
        if wanted > 0 {
            _ = try run(query, limit: reading, after: start?.position) { customer, position in
                rows.append((customer, position))
                return true
            }
        }
        var next: PageToken?
        if rows.count > wanted {
            rows.removeLast()
            next = PageTokenCodec.encode(.init(position: rows[rows.count - 1].position, returned: returned + wanted), for: query)
        }
        return QueryPage(customers: rows.map(\.customer), next: next)
    }

    /// The plan of `query` with estimated rows, and after running it (when `execute`), the
    /// rows each step produced.
    ///
    /// ```swift
    /// print(try store.explain(CustomerQuery(parsing: "phone = '0912 345 678'")))
    /// // access: unique lookup phone '+84912345678'  (estimated 1, actual 1)
    /// // ...
    /// ```
    public func explain(_ query: CustomerQuery, execute: Bool = true) throws -> QueryExplanation {
        let plan = try reading { txn in
            let plan = try planner.plan(CompiledQuery(query), limit: query.limit, txn)
            if execute { try Self.execute(plan, databases, limit: query.limit, after: nil, txn) { _, _ in true } }
            return plan
        }
        return QueryExplanation(plan)
    }

    // MARK: Running

    var planner: QueryPlanner { QueryPlanner(catalog: catalog, databases: databases) }

    /// Plans and runs `query` in one read transaction, handing at most `limit` rows after
    /// `after` to `sink`.
    func run(_ query: CustomerQuery, limit: Int?, after: RowPosition?,
             _ sink: (Customer, RowPosition) throws -> Bool) throws -> QueryPlan {
        let compiled = try CompiledQuery(query)
        return try reading { txn in
            let plan = try planner.plan(compiled, limit: limit, txn)
            try Self.execute(plan, databases, limit: limit, after: after, txn, sink)
            return plan
        }
    }

    private static func execute(_ plan: QueryPlan, _ databases: StoreDatabases, limit: Int?, after: RowPosition?,
                                _ txn: borrowing ReadTransaction, _ sink: (Customer, RowPosition) throws -> Bool) throws {
        guard limit.map({ $0 > 0 }) ?? true else { return }
        var emitted = 0
        try QueryExecutor(plan: plan, databases: databases, after: after, limit: limit).run(txn) { customer, position in
            emitted += 1
            return try sink(customer, position) && emitted < (limit ?? .max)
        }
    }
}
