import CustomerStore

/// Customers as aligned columns for people: code, name, phone, email, province, segment,
/// tier and points, fitted to a width by truncating the widest text columns with `…`.
struct CustomerTable {
    /// One column: its header, how a customer shows in it, and whether it may be cut.
    struct Column: Sendable {
        let header: String
        let value: @Sendable (Customer) -> String
        /// Numbers align right and are never cut.
        var numeric = false
        /// The narrowest the column gets when space runs out (never below its header);
        /// 0 for a column that is never cut.
        var minimum = 0
    }

    /// The columns, in order.
    static let columns: [Column] = [
        Column(header: "CODE", value: { $0.code }),
        Column(header: "NAME", value: { $0.fullName }, minimum: 8),
        Column(header: "PHONE", value: { primaryPhone($0) }),
        Column(header: "EMAIL", value: { primaryEmail($0) }, minimum: 8),
        Column(header: "PROVINCE", value: { $0.address.province }, minimum: 6),
        Column(header: "SEGMENT", value: { $0.segment ?? "" }, minimum: 6),
        Column(header: "TIER", value: { $0.tier?.rawValue ?? "" }),
        Column(header: "POINTS", value: { String($0.points) }, numeric: true),
    ]

    /// The gap between columns.
    static let gap = "  "

    let rows: [[String]]

    init(_ customers: [Customer]) {
        rows = customers.map { customer in Self.columns.map { $0.value(customer) } }
    }

    /// The table with a header line, each line at most `width` columns when the columns'
    /// minimums allow it; every line ends in a newline.
    func render(width: Int) -> String {
        let columns = Self.columns
        var widths = columns.indices.map { index in
            rows.reduce(DisplayWidth.of(columns[index].header)) { max($0, DisplayWidth.of($1[index])) }
        }
        // Shrink the widest column that may shrink, one column at a time, until it fits.
        var total: Int { widths.reduce(0, +) + Self.gap.count * (columns.count - 1) }
        while total > width {
            let candidates = columns.indices.filter { index in
                let column = columns[index]
                return column.minimum > 0 && widths[index] > max(column.minimum, DisplayWidth.of(column.header))
            }
            guard let widest = candidates.max(by: { widths[$0] < widths[$1] }) else { break }
            widths[widest] -= 1
        }
        func line(_ cells: [String]) -> String {
            var parts = cells.indices.map { index in
                let cell = DisplayWidth.truncate(cells[index], to: widths[index])
                return DisplayWidth.pad(cell, to: widths[index], leading: columns[index].numeric)
            }
            // No trailing spaces after the last cell.
            if let last = parts.indices.last, !columns[last].numeric {
                parts[last] = String(parts[last].reversed().drop(while: { $0 == " " }).reversed())
            }
            return parts.joined(separator: Self.gap) + "\n"
        }
        return line(columns.map(\.header)) + rows.map(line).joined()
    }

    /// The primary phone (else the first) in E.164.
    static func primaryPhone(_ customer: Customer) -> String {
        (customer.phones.first(where: \.isPrimary) ?? customer.phones.first)?.number.e164 ?? ""
    }

    /// The primary email (else the first) as the customer wrote it.
    static func primaryEmail(_ customer: Customer) -> String {
        (customer.emails.first(where: \.isPrimary) ?? customer.emails.first)?.address.display ?? ""
    }
}
