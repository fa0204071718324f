import CSV
import CustomerStore
import Foundation

/// A CSV import into the SQLite baseline, written as an application using SQLite would write
/// it: CSV.swift (the library CustomerStore's importer uses) reads the records, CustomerStore's
/// public ``CustomerRow`` turns each into a `Customer` (the same field checks and phone and
/// email normalisation as the importer), and ``SQLiteBaseline/insertAll(_:)`` inserts them
/// with its prepared statement, all in one transaction.
///
/// What it does not do that `CustomerImporter` does: duplicate checks beyond the table's
/// UNIQUE constraints (code, first phone, first email; a repeat fails the whole import instead
/// of being reported with its line), the listing of every bad row and the rejects file, and
/// reading ahead on a second thread. It keeps 3 indexes besides the UNIQUE ones where
/// CustomerStore keeps 22. It reads the whole file into memory and parses it with
/// `CSVReader(string:)`, which is several times faster than CSV.swift's `InputStream` reader;
/// CustomerStore's importer streams in bounded memory.
public enum SQLiteCSVImport {
    /// Imports the CSV file at `url` (a header naming the columns as `CustomerExporter` writes
    /// them) into `sqlite`; returns the rows inserted. A bad row or a duplicate key throws, and
    /// nothing is stored.
    public static func run(_ url: URL, into sqlite: SQLiteBaseline) throws -> Int {
        let file = url.lastPathComponent
        let reader = try CSVReader(string: try String(contentsOf: url, encoding: .utf8), hasHeaderRow: true)
        guard let header = reader.headerRow else {
            throw ImportProblem(file: file, line: 1, reason: "is empty: no header")
        }
        let mapping = try HeaderMapping(headers: header, file: file)
        // The record's number, not its physical line: enough to name a bad row in an error.
        var record = 1
        return try sqlite.insertAll {
            guard let cells = reader.next() else {
                if let error = reader.error { throw error }
                return nil
            }
            record += 1
            return try CustomerRow(file: file, line: record, cells: cells).customer(mapping)
        }
    }
}
