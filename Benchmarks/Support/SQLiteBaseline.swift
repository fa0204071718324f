import CSQLite
import CustomerStore
import Foundation

/// SQLite 3 through its C API, set up as an application would for the same job as
/// CustomerStore: the comparison point of every benchmark case.
///
/// - WAL journal with `synchronous=NORMAL`: commits append to the WAL and do not fsync (only
///   checkpoints do), the same durability class as CustomerStore and raw LMDB opened with
///   `noSync` in the suites: none of the three fsyncs per commit.
/// - A 64 MiB page cache instead of the 2 MiB default: LMDB reads straight from the OS page
///   cache through its map, so a tiny private cache would make SQLite re-read index pages
///   from the OS on every lookup and look slower than a tuned application.
/// - Statements are prepared once and reused (`sqlite3_reset` and new bindings).
/// - The connection is opened `SQLITE_OPEN_NOMUTEX` (no per-call mutex), and so is used by
///   one thread at a time, which is how the benchmarks call it; hence `@unchecked Sendable`.
public final class SQLiteBaseline: @unchecked Sendable {
    /// The database file.
    public let path: String
    private let db: OpaquePointer
    private let insertStatement: SQLiteStatement
    private let byCode: SQLiteStatement
    private let byPhone: SQLiteStatement
    private let byEmail: SQLiteStatement
    private let updateStatement: SQLiteStatement
    private let deleteStatement: SQLiteStatement
    private let countStatement: SQLiteStatement
    private let begin: SQLiteStatement
    private let commit: SQLiteStatement
    private let rollback: SQLiteStatement

    /// Opens (creating if needed) the database at `path` with the schema of ``SQLiteSchema``.
    public init(path: String) throws(SQLiteError) {
        self.path = path
        var handle: OpaquePointer?
        let code = sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nil)
        guard code == SQLITE_OK, let handle else {
            let error = SQLiteError(code: code, db: handle, operation: "open \(path)")
            // A failed open still allocates a handle, which must be closed.
            if let handle { sqlite3_close_v2(handle) }
            throw error
        }
        db = handle
        do {
            try Self.execute("PRAGMA journal_mode=WAL", expecting: "wal", on: db)
            try Self.execute("PRAGMA synchronous=NORMAL", on: db)
            try Self.execute("PRAGMA cache_size=-65536", on: db)
            try Self.execute(SQLiteSchema.createTable, on: db)
            for index in SQLiteSchema.createIndexes { try Self.execute(index, on: db) }
            insertStatement = try SQLiteStatement(SQLiteSchema.insert, db: db)
            byCode = try SQLiteStatement(SQLiteSchema.select(where: "code"), db: db)
            byPhone = try SQLiteStatement(SQLiteSchema.select(where: "phone"), db: db)
            byEmail = try SQLiteStatement(SQLiteSchema.select(where: "email"), db: db)
            // The same bookkeeping CustomerStore does on every update: a new version and
            // `updatedAt`.
            updateStatement = try SQLiteStatement(
                "UPDATE customers SET segment = ?1, points = ?2, updated_at = ?3, version = version + 1 WHERE code = ?4",
                db: db)
            deleteStatement = try SQLiteStatement("DELETE FROM customers WHERE code = ?1", db: db)
            countStatement = try SQLiteStatement("SELECT count(*) FROM customers", db: db)
            begin = try SQLiteStatement("BEGIN", db: db)
            commit = try SQLiteStatement("COMMIT", db: db)
            rollback = try SQLiteStatement("ROLLBACK", db: db)
        } catch {
            // sqlite3_close_v2 finalizes the statements prepared so far as well.
            sqlite3_close_v2(db)
            throw error
        }
    }

    deinit {
        for statement in [insertStatement, byCode, byPhone, byEmail, updateStatement, deleteStatement,
                          countStatement, begin, commit, rollback] {
            sqlite3_finalize(statement.handle)
        }
        let code = sqlite3_close(db)
        precondition(code == SQLITE_OK, "sqlite3_close: \(String(cString: sqlite3_errstr(code)))")
    }

    /// Runs `sql` once (schema and pragmas), checking a pragma's answer when one is expected.
    private static func execute(_ sql: String, expecting answer: String? = nil, on db: OpaquePointer) throws(SQLiteError) {
        let statement = try SQLiteStatement(sql, db: db)
        defer { sqlite3_finalize(statement.handle) }
        var rows = 0
        while try statement.step() {
            rows += 1
            if let answer, statement.text(0) != answer {
                throw SQLiteError(corruptColumn: sql, value: statement.text(0))
            }
        }
        if answer != nil && rows == 0 { throw SQLiteError(corruptColumn: sql, value: "no answer") }
    }

    // MARK: Writes

    /// Inserts `customers`, `transactionSize` per transaction (BEGIN ... COMMIT), and returns
    /// how many rows were inserted. A failure rolls back the open transaction; earlier ones
    /// stay committed, as with CustomerStore's `insertMany`.
    @discardableResult
    public func bulkLoad(_ customers: some Sequence<Customer>, transactionSize: Int = 10_000) throws(SQLiteError) -> Int {
        precondition(transactionSize > 0, "transactionSize must be positive")
        var inserted = 0
        var inTransaction = 0
        do throws(SQLiteError) {
            for customer in customers {
                if inTransaction == 0 { try runOnce(begin) }
                try insertRow(customer)
                inserted += 1
                inTransaction += 1
                if inTransaction == transactionSize {
                    try runOnce(commit)
                    inTransaction = 0
                }
            }
            if inTransaction > 0 { try runOnce(commit) }
        } catch {
            if sqlite3_get_autocommit(db) == 0 { try runOnce(rollback) }
            throw error
        }
        return inserted
    }

    /// Inserts the customers `next` returns until it returns `nil`, all in one transaction
    /// (BEGIN ... COMMIT), and returns how many rows were inserted. An error thrown by `next`
    /// or by SQLite (a UNIQUE constraint, say) rolls the whole transaction back, so nothing is
    /// stored: all or nothing, as an import into CustomerStore.
    @discardableResult
    public func insertAll(_ next: () throws -> Customer?) throws -> Int {
        var inserted = 0
        try runOnce(begin)
        do {
            while let customer = try next() {
                try insertRow(customer)
                inserted += 1
            }
            try runOnce(commit)
        } catch {
            if sqlite3_get_autocommit(db) == 0 { try runOnce(rollback) }
            throw error
        }
        return inserted
    }

    /// Inserts one customer in its own transaction; returns its rowid.
    @discardableResult
    public func insert(_ customer: Customer) throws(SQLiteError) -> Int64 {
        try insertRow(customer)
        return sqlite3_last_insert_rowid(db)
    }

    private func insertRow(_ customer: Customer) throws(SQLiteError) {
        defer { insertStatement.reset() }
        try SQLiteCustomerRow.bind(customer, to: insertStatement)
        try insertStatement.run()
    }

    /// Sets the segment and points of the customer with `code` (with a new version and
    /// `updated_at`), in one transaction; returns the rows changed (1, or 0 for no such code).
    public func updateSegmentAndPoints(code: String, segment: String?, points: Int64) throws(SQLiteError) -> Int {
        defer { updateStatement.reset() }
        try updateStatement.bind(1, segment)
        try updateStatement.bind(2, points)
        try updateStatement.bind(3, Date().timeIntervalSinceReferenceDate)
        try updateStatement.bind(4, code)
        try updateStatement.run()
        return Int(sqlite3_changes(db))
    }

    /// Deletes the customer with `code` in one transaction; returns the rows deleted.
    public func delete(code: String) throws(SQLiteError) -> Int {
        defer { deleteStatement.reset() }
        try deleteStatement.bind(1, code)
        try deleteStatement.run()
        return Int(sqlite3_changes(db))
    }

    private func runOnce(_ statement: SQLiteStatement) throws(SQLiteError) {
        defer { statement.reset() }
        try statement.run()
    }

    // MARK: Reads

    /// The customer with this code, rebuilt from its row.
    public func customer(code: String) throws(SQLiteError) -> Customer? { try customer(code, using: byCode) }

    /// The customer whose first phone has this E.164 form.
    public func customer(phone e164: String) throws(SQLiteError) -> Customer? { try customer(e164, using: byPhone) }

    /// The customer whose first email has this normalised form.
    public func customer(email normalized: String) throws(SQLiteError) -> Customer? { try customer(normalized, using: byEmail) }

    private func customer(_ key: String, using statement: SQLiteStatement) throws(SQLiteError) -> Customer? {
        // Each lookup is its own implicit read transaction, as each CustomerStore `get` is.
        defer { statement.reset() }
        try statement.bind(1, key)
        guard try statement.step() else { return nil }
        return try SQLiteCustomerRow.read(statement)
    }

    /// The number of customers.
    public func count() throws(SQLiteError) -> Int {
        defer { countStatement.reset() }
        guard try countStatement.step() else { throw SQLiteError(corruptColumn: "count(*)", value: "no row") }
        return Int(countStatement.int64(0))
    }

    // MARK: Files

    /// Moves every WAL frame into the database file and truncates the WAL, so the file
    /// alone is the whole database (for sizes and for copying).
    public func checkpoint() throws(SQLiteError) {
        var logFrames: Int32 = 0
        var checkpointed: Int32 = 0
        try check(sqlite3_wal_checkpoint_v2(db, nil, SQLITE_CHECKPOINT_TRUNCATE, &logFrames, &checkpointed),
                  db, "wal_checkpoint(TRUNCATE)")
    }

    /// The bytes on disk after a checkpoint: the database file and what is left of the WAL.
    public func fileBytes() throws -> Int {
        try checkpoint()
        return try FileUtilities.size(of: path) + FileUtilities.size(of: path + "-wal")
    }
}
