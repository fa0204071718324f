import CSQLite

/// A failed SQLite call: its result code, what `sqlite3_errmsg` said, and which operation.
public struct SQLiteError: Error, CustomStringConvertible {
    /// The (extended) result code.
    public let code: Int32
    /// The connection's error message at the time of the failure.
    public let message: String
    /// What was being done, such as `prepare INSERT INTO customers ...` or `step`.
    public let operation: String

    /// The error of `code` on `db`, with `sqlite3_errmsg` read at once, before another call
    /// replaces it.
    init(code: Int32, db: OpaquePointer?, operation: String) {
        self.code = code
        self.message = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code))
        self.operation = operation
    }

    /// A row whose stored text does not decode into a customer field.
    init(corruptColumn column: String, value: String) {
        self.code = SQLITE_MISMATCH
        self.message = "column \(column) holds \"\(value)\", which is not a valid value"
        self.operation = "read customer"
    }

    public var description: String { "SQLite \(operation): \(message) (code \(code))" }
}

/// Throws unless `code` is `SQLITE_OK`.
@inline(__always)
func check(_ code: Int32, _ db: OpaquePointer?, _ operation: @autoclosure () -> String) throws(SQLiteError) {
    if code != SQLITE_OK { throw SQLiteError(code: code, db: db, operation: operation()) }
}
