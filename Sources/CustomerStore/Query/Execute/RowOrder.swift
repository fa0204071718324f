/// Where a row sits in a query's order: its sort values in compare form (`nil` when it has
/// none) and its id, which breaks ties. Page tokens carry one.
struct RowPosition: Hashable, Sendable {
    var keys: [[UInt8]?]
    var id: UInt64
}

/// A query's order: its sort keys, customers without a value last in either direction, then
/// `id` ascending.
struct RowOrder: Sendable {
    let keys: [SortKey]

    func position(of customer: Customer) -> RowPosition {
        RowPosition(keys: keys.map { FieldForm.values(of: $0.field, in: customer).first }, id: customer.id)
    }

    /// Whether `a` comes before `b`.
    func precedes(_ a: RowPosition, _ b: RowPosition) -> Bool {
        for (index, key) in keys.enumerated() {
            let order = Self.compare(a.keys[index], b.keys[index], descending: key.descending)
            if order != 0 { return order < 0 }
        }
        return a.id < b.id
    }

    /// Three-way comparison of one sort value, missing values last.
    static func compare(_ a: [UInt8]?, _ b: [UInt8]?, descending: Bool) -> Int {
        switch (a, b) {
        case (nil, nil): return 0
        case (nil, _): return 1
        case (_, nil): return -1
        case (let a?, let b?):
            if a == b { return 0 }
            let less = a.lexicographicallyPrecedes(b)
            return (less != descending) ? -1 : 1
        }
    }
}

/// The first `limit` rows in order, keeping at most twice that many while rows arrive.
struct TopRows {
    let order: RowOrder
    let limit: Int?
    private(set) var rows: [(position: RowPosition, customer: Customer)] = []

    init(order: RowOrder, limit: Int?) {
        self.order = order
        self.limit = limit
    }

    mutating func add(_ customer: Customer, at position: RowPosition) {
        rows.append((position, customer))
        if let limit, rows.count >= max(2 * limit, 64) { trim(to: limit) }
    }

    /// The rows in order, at most `limit`.
    mutating func sorted() -> [(position: RowPosition, customer: Customer)] {
        trim(to: limit ?? rows.count)
        return rows
    }

    private mutating func trim(to count: Int) {
        let order = self.order
        rows.sort { order.precedes($0.position, $1.position) }
        if rows.count > count { rows.removeLast(rows.count - count) }
    }
}
