/// The SQLite baseline's schema: one `customers` table with a column per `Customer` field,
/// the nested values (phones, emails, tags, sources, consent, attributes) as text in the
/// simple encoding of ``SQLiteFieldText``, and the indexes an application would create.
enum SQLiteSchema {
    /// The columns in table order; statements select and insert them in this order, so a
    /// column's position here is its parameter (1-based) and result (0-based) index.
    static let columns: [(name: String, type: String)] = [
        ("id", "INTEGER PRIMARY KEY"),
        ("code", "TEXT NOT NULL UNIQUE"),
        ("full_name", "TEXT NOT NULL"),
        ("gender", "TEXT NOT NULL"),
        ("birth_date", "TEXT"),                  // YYYY-MM-DD
        // The first phone's E.164 (the generator and the API make it the primary one), indexed
        // and unique; `phones` holds every phone's details in order, the first without its E.164.
        ("phone", "TEXT UNIQUE"),
        ("phones", "TEXT"),
        // Likewise the first email's normalised address, and every email's details.
        ("email", "TEXT UNIQUE"),
        ("emails", "TEXT"),
        ("address_raw", "TEXT NOT NULL"),
        ("street", "TEXT NOT NULL"),
        ("ward", "TEXT NOT NULL"),
        ("province", "TEXT NOT NULL"),
        ("country", "TEXT NOT NULL"),
        ("occupation", "TEXT"),
        ("job_title", "TEXT"),
        ("education", "TEXT"),
        ("marital_status", "TEXT"),
        ("income_band", "TEXT"),
        ("segment", "TEXT"),
        ("tags", "TEXT"),
        ("tier", "TEXT"),
        ("lifecycle", "TEXT NOT NULL"),
        ("preferred_channel", "TEXT"),
        ("owner", "TEXT"),
        ("sources", "TEXT"),
        ("points", "INTEGER NOT NULL"),
        ("total_spent", "INTEGER NOT NULL"),
        ("order_count", "INTEGER NOT NULL"),
        // Instants are seconds since 2001-01-01 as REAL, `Date`'s own representation, so
        // they round-trip exactly.
        ("last_purchase", "REAL"),
        ("last_interaction", "REAL"),
        ("consent", "TEXT"),
        ("restricted", "INTEGER NOT NULL"),
        ("attributes", "TEXT"),
        ("created_at", "REAL NOT NULL"),
        ("updated_at", "REAL NOT NULL"),
        ("version", "INTEGER NOT NULL"),
        ("merged_into", "INTEGER"),
    ]

    /// The 0-based position of `name` in ``columns``.
    static func column(_ name: String) -> Int32 {
        guard let index = columns.firstIndex(where: { $0.name == name }) else {
            preconditionFailure("no column \(name)")
        }
        return Int32(index)
    }

    static var createTable: String {
        "CREATE TABLE IF NOT EXISTS customers (\n    "
            + columns.map { "\($0.name) \($0.type)" }.joined(separator: ",\n    ") + "\n)"
    }

    /// The secondary indexes beyond the UNIQUE constraints (code, phone, email), which SQLite
    /// backs with indexes of its own. The segment index is a prefix of the compound one and
    /// so redundant for queries; it is kept because applications commonly create both, and it
    /// costs SQLite one more index write per insert and segment change.
    static let createIndexes = [
        "CREATE INDEX IF NOT EXISTS customers_segment ON customers(segment)",
        "CREATE INDEX IF NOT EXISTS customers_province ON customers(province)",
        "CREATE INDEX IF NOT EXISTS customers_segment_province_points ON customers(segment, province, points)",
    ]

    /// The Filters suite's one index beyond ``createIndexes``: its ordered top-10 (`ORDER BY
    /// points DESC LIMIT 10`) would otherwise make SQLite read and sort every row, while
    /// CustomerStore and the raw floor walk their `points` index; an application running that
    /// query would create this index. It lives only in the Filters suite's own copy of the
    /// fixture (``Fixture/filtersSQLitePath()``), so the load and update cases keep the
    /// schema above and their figures stay comparable with earlier runs.
    static let filtersIndexes = [
        "CREATE INDEX IF NOT EXISTS customers_points ON customers(points)",
    ]

    static var selectColumns: String { columns.map(\.name).joined(separator: ", ") }

    static var insert: String {
        "INSERT INTO customers (\(selectColumns)) VALUES ("
            + columns.indices.map { "?\($0 + 1)" }.joined(separator: ", ") + ")"
    }

    static func select(where column: String) -> String {
        "SELECT \(selectColumns) FROM customers WHERE \(column) = ?1"
    }
}
