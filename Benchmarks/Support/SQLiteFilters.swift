import CSQLite
import CustomerStore

/// The Filters suite's queries in SQLite, on the suite's copy of the fixture (the baseline's
/// schema plus an index on `points`, see ``SQLiteSchema/filtersIndexes``): prepared once,
/// connection set up as ``SQLiteBaseline``'s (64 MiB page cache, `SQLITE_OPEN_NOMUTEX`, one
/// thread at a time; hence `@unchecked Sendable`). Rows are rebuilt into full `Customer`
/// values the way the baseline's lookups rebuild them.
///
/// Rows come by id where CustomerStore's do (its results without an `ORDER BY` come by id),
/// so the engines return the same customers: `ORDER BY id` costs SQLite no sort on the
/// segment index, whose entries are ordered by rowid within a key.
public final class SQLiteFilters: @unchecked Sendable {
    private let db: OpaquePointer
    private let bySegment: SQLiteStatement
    private let compound: SQLiteStatement
    private let topStatement: SQLiteStatement
    private let countSegmentProvince: SQLiteStatement
    private let countByProvince: SQLiteStatement

    /// Opens the database at `path`, which must exist.
    public init(path: String) throws(SQLiteError) {
        db = try Self.open(path)
        do {
            try Self.execute("PRAGMA cache_size=-65536", on: db)
            let columns = SQLiteSchema.selectColumns
            bySegment = try SQLiteStatement("SELECT \(columns) FROM customers WHERE segment = ?1 ORDER BY id", db: db)
            compound = try SQLiteStatement("""
                SELECT \(columns) FROM customers WHERE segment = ?1 AND province = ?2 AND points > ?3 \
                ORDER BY id LIMIT ?4
                """, db: db)
            topStatement = try SQLiteStatement(
                "SELECT \(columns) FROM customers ORDER BY points DESC, id LIMIT ?1", db: db)
            countSegmentProvince = try SQLiteStatement(
                "SELECT count(*) FROM customers WHERE segment = ?1 AND province = ?2", db: db)
            countByProvince = try SQLiteStatement(
                "SELECT province, count(*) FROM customers GROUP BY province", db: db)
        } catch {
            sqlite3_close_v2(db)
            throw error
        }
    }

    deinit {
        for statement in [bySegment, compound, topStatement, countSegmentProvince, countByProvince] {
            sqlite3_finalize(statement.handle)
        }
        let code = sqlite3_close(db)
        precondition(code == SQLITE_OK, "sqlite3_close: \(String(cString: sqlite3_errstr(code)))")
    }

    // MARK: Queries

    /// `WHERE segment = ?`: every customer of the segment, by id.
    public func customers(segment: String) throws(SQLiteError) -> [Customer] {
        defer { bySegment.reset() }
        try bySegment.bind(1, segment)
        return try rows(bySegment)
    }

    /// `WHERE segment = ? AND province = ? AND points > ? ORDER BY id LIMIT ?`.
    public func customers(segment: String, province: String, pointsAbove minimum: Int64, limit: Int) throws(SQLiteError) -> [Customer] {
        defer { compound.reset() }
        try compound.bind(1, segment)
        try compound.bind(2, province)
        try compound.bind(3, minimum)
        try compound.bind(4, Int64(limit))
        return try rows(compound)
    }

    /// `ORDER BY points DESC, id LIMIT ?`.
    public func topByPoints(_ limit: Int) throws(SQLiteError) -> [Customer] {
        defer { topStatement.reset() }
        try topStatement.bind(1, Int64(limit))
        return try rows(topStatement)
    }

    /// `SELECT count(*) WHERE segment = ? AND province = ?`.
    public func count(segment: String, province: String) throws(SQLiteError) -> Int {
        defer { countSegmentProvince.reset() }
        try countSegmentProvince.bind(1, segment)
        try countSegmentProvince.bind(2, province)
        guard try countSegmentProvince.step() else { throw SQLiteError(corruptColumn: "count(*)", value: "no row") }
        return Int(countSegmentProvince.int64(0))
    }

    /// `SELECT province, count(*) GROUP BY province`, in SQLite's order (by province).
    public func countsByProvince() throws(SQLiteError) -> [(province: String, count: Int)] {
        defer { countByProvince.reset() }
        var groups: [(province: String, count: Int)] = []
        while try countByProvince.step() {
            groups.append((countByProvince.text(0), Int(countByProvince.int64(1))))
        }
        return groups
    }

    private func rows(_ statement: SQLiteStatement) throws(SQLiteError) -> [Customer] {
        var customers: [Customer] = []
        while try statement.step() { customers.append(try SQLiteCustomerRow.read(statement)) }
        return customers
    }

    // MARK: Setup

    /// Adds ``SQLiteSchema/filtersIndexes`` to the database at `path` and checkpoints it.
    static func addFiltersIndexes(at path: String) throws(SQLiteError) {
        let db = try open(path)
        defer { sqlite3_close_v2(db) }
        for index in SQLiteSchema.filtersIndexes { try execute(index, on: db) }
        try check(sqlite3_wal_checkpoint_v2(db, nil, SQLITE_CHECKPOINT_TRUNCATE, nil, nil), db, "wal_checkpoint(TRUNCATE)")
    }

    private static func open(_ path: String) throws(SQLiteError) -> OpaquePointer {
        var handle: OpaquePointer?
        let code = sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil)
        guard code == SQLITE_OK, let handle else {
            let error = SQLiteError(code: code, db: handle, operation: "open \(path)")
            if let handle { sqlite3_close_v2(handle) }
            throw error
        }
        return handle
    }

    private static func execute(_ sql: String, on db: OpaquePointer) throws(SQLiteError) {
        let statement = try SQLiteStatement(sql, db: db)
        defer { sqlite3_finalize(statement.handle) }
        while try statement.step() {}
    }
}
