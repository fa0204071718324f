import CSQLite

/// A prepared statement: binding, stepping and reading columns, with every result code
/// checked. The connection that prepared it finalizes it (``SQLiteBaseline`` keeps its
/// statements for its whole life, so each is compiled once).
struct SQLiteStatement {
    let handle: OpaquePointer
    let db: OpaquePointer
    let sql: String

    /// Compiles `sql` on `db`.
    init(_ sql: String, db: OpaquePointer) throws(SQLiteError) {
        var statement: OpaquePointer?
        try check(sqlite3_prepare_v3(db, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil),
                  db, "prepare \(sql)")
        guard let statement else { throw SQLiteError(code: SQLITE_MISUSE, db: db, operation: "prepare (empty) \(sql)") }
        self.handle = statement
        self.db = db
        self.sql = sql
    }

    // MARK: Binding (parameters count from 1)

    /// SQLite copies the text at bind time, since Swift's buffer lives only for the call.
    private static var transient: sqlite3_destructor_type { unsafeBitCast(-1, to: sqlite3_destructor_type.self) }

    func bind(_ index: Int32, _ text: String?) throws(SQLiteError) {
        guard var text else { return try bindNull(index) }
        let code = text.withUTF8 { bytes -> Int32 in
            // A nil pointer would bind NULL, so the empty string gets a real (empty) one.
            guard let base = bytes.baseAddress else { return sqlite3_bind_text(handle, index, "", 0, nil) }
            return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { chars in
                sqlite3_bind_text(handle, index, chars, Int32(bytes.count), Self.transient)
            }
        }
        try check(code, db, "bind text \(index) of \(sql)")
    }

    func bind(_ index: Int32, _ value: Int64?) throws(SQLiteError) {
        guard let value else { return try bindNull(index) }
        try check(sqlite3_bind_int64(handle, index, value), db, "bind integer \(index) of \(sql)")
    }

    func bind(_ index: Int32, _ value: Double?) throws(SQLiteError) {
        guard let value else { return try bindNull(index) }
        try check(sqlite3_bind_double(handle, index, value), db, "bind real \(index) of \(sql)")
    }

    func bindNull(_ index: Int32) throws(SQLiteError) {
        try check(sqlite3_bind_null(handle, index), db, "bind null \(index) of \(sql)")
    }

    // MARK: Running

    /// Steps once: `true` with a row to read, `false` when the statement is done.
    func step() throws(SQLiteError) -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code: throw SQLiteError(code: code, db: db, operation: "step \(sql)")
        }
    }

    /// Runs a statement that returns no rows.
    func run() throws(SQLiteError) {
        if try step() { throw SQLiteError(code: SQLITE_MISUSE, db: db, operation: "unexpected row from \(sql)") }
    }

    /// Makes the statement ready to bind and run again. `sqlite3_reset` repeats the error of
    /// the last step, which ``step()`` has already thrown, so its result is not a new failure
    /// and is not checked here.
    func reset() {
        _ = sqlite3_reset(handle)
    }

    // MARK: Columns (count from 0)

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    func optionalInt64(_ column: Int32) -> Int64? { isNull(column) ? nil : int64(column) }

    func optionalDouble(_ column: Int32) -> Double? { isNull(column) ? nil : sqlite3_column_double(handle, column) }

    /// The column's UTF-8 bytes, valid until the next step or reset; `nil` for NULL.
    func bytes(_ column: Int32) -> UnsafeBufferPointer<UInt8>? {
        // Read the pointer before the length, as the SQLite documentation asks.
        guard let text = sqlite3_column_text(handle, column) else { return nil }
        return UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, column)))
    }

    func optionalText(_ column: Int32) -> String? {
        bytes(column).map { String(decoding: $0, as: UTF8.self) }
    }

    func text(_ column: Int32) -> String { optionalText(column) ?? "" }
}
