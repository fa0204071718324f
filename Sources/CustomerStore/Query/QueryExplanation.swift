/// How a query runs, from ``CustomerStore/explain(_:execute:)``: each step of the plan with
/// the rows the planner estimated and, when the query was executed, the rows it produced.
///
/// ```swift
/// print(try store.explain(CustomerQuery(parsing: "segment = 'loyal' AND province = 'Hà Nội'")))
/// // access: intersection of sorted postings  (estimated 13, actual 11)
/// //   posting province = 'ha noi'  (estimated 80, actual 80)
/// //   posting segment = 'loyal'  (estimated 812, actual 812)
/// // filter: none, the indexes answer it exactly
/// // order: id order
/// // result  (estimated 13, actual 11)
/// ```
public struct QueryExplanation: Sendable, CustomStringConvertible {
    public struct Step: Sendable, Hashable {
        /// 0 for top-level steps, 1 and more for the inputs of an intersection or union.
        public var depth: Int
        /// What the step does (`unique lookup phone '+84912345678'`, `full scan of records`).
        public var operation: String
        public var estimatedRows: Int?
        public var actualRows: Int?
    }

    public var steps: [Step]

    /// The operations, one per step, without the row counts: handy in tests.
    public var operations: [String] { steps.map(\.operation) }

    public var description: String {
        steps.map { step in
            var counts: [String] = []
            if let estimate = step.estimatedRows { counts.append("estimated \(estimate)") }
            if let actual = step.actualRows { counts.append("actual \(actual)") }
            let suffix = counts.isEmpty ? "" : "  (" + counts.joined(separator: ", ") + ")"
            return String(repeating: "  ", count: step.depth) + step.operation + suffix
        }.joined(separator: "\n")
    }

    init(_ plan: QueryPlan) {
        var steps: [Step] = []
        func add(_ path: AccessPath, depth: Int) {
            let prefix = depth == 0 ? "access: " : ""
            steps.append(Step(depth: depth, operation: prefix + path.label, estimatedRows: path.estimate, actualRows: path.actual))
            for child in path.children { add(child, depth: depth + 1) }
        }
        if let access = plan.access {
            add(access, depth: 0)
        } else if case .indexWalk(let indexed, let descending) = plan.ordering {
            steps.append(Step(depth: 0, operation: "access: every customer, in the order of index \(indexed.field) \(descending ? "DESC" : "ASC")",
                              estimatedRows: plan.total, actualRows: plan.executed ? plan.recordsRead : nil))
        } else {
            steps.append(Step(depth: 0, operation: "access: full scan of records", estimatedRows: plan.total,
                              actualRows: plan.executed ? plan.recordsRead : nil))
        }
        if plan.query.query.filter != nil {
            steps.append(plan.residual.map { residual in
                Step(depth: 0, operation: "filter: \(residual.shown) on each record read",
                     actualRows: plan.executed ? plan.rowsMatched : nil)
            } ?? Step(depth: 0, operation: "filter: none, the indexes answer it exactly"))
        }
        let orderText = plan.query.query.order.map(\.description).joined(separator: ", ")
        switch plan.ordering {
        case .ids(let descending):
            steps.append(Step(depth: 0, operation: "order: id order" + (descending ? " DESC" : "")))
        case .indexWalk(let indexed, let descending):
            let rest = plan.query.query.order.count > 1 ? ", then \(orderText) within each value" : ""
            steps.append(Step(depth: 0, operation: "order: ordered walk of index \(indexed.field) \(descending ? "DESC" : "ASC")\(rest)"))
        case .sort:
            let bound = plan.query.query.limit.map { "top-\($0) " } ?? ""
            steps.append(Step(depth: 0, operation: "order: \(bound)sort by \(orderText)"))
        }
        if let limit = plan.query.query.limit {
            steps.append(Step(depth: 0, operation: "limit: \(limit)"))
        }
        steps.append(Step(depth: 0, operation: "result", estimatedRows: min(plan.estimate, plan.query.query.limit ?? .max),
                          actualRows: plan.executed ? plan.rowsReturned : nil))
        self.steps = steps
    }
}
