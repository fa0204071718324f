import Foundation

/// One row read from an import file: where it is, what it converted to (or why not), and
/// what to write to the rejects file if it is bad.
struct ImportedRow {
    let line: Int
    let result: Result<(customer: Customer, hasUpdatedAt: Bool), ImportProblem>
    /// The CSV cells as read, or `nil` for JSON Lines.
    let cells: [String]?
    /// The JSON line as read, or `nil` for CSV.
    let text: Data?
}

/// Reads the rows of one file, CSV or JSON Lines, converted to customers.
final class ImportSource {
    let file: String
    let format: ExchangeFormat
    /// The CSV header as written, or `nil` for JSON Lines.
    let header: [String]?
    /// The column each unique key comes from, for problems.
    let keyColumns: (code: String, phones: String, emails: String, sources: String)
    private let csv: CSVRecordReader?
    private let mapping: HeaderMapping?
    private let jsonLines: JSONLinesReader?
    private let decoder: JSONDecoder

    init(url: URL, format: ExchangeFormat) throws {
        file = url.lastPathComponent
        self.format = format
        decoder = ExchangeJSON.decoder()
        switch format {
        case .csv:
            let reader = try CSVRecordReader(url: url)
            let mapping = try HeaderMapping(headers: reader.header, file: file)
            func columnHeader(_ column: ImportColumn) -> String {
                mapping.columns.firstIndex(of: column).map { mapping.headers[$0] } ?? column.canonicalHeader
            }
            csv = reader
            self.mapping = mapping
            header = mapping.headers
            keyColumns = (columnHeader(.code), columnHeader(.phones), columnHeader(.emails), columnHeader(.sources))
            jsonLines = nil
        case .jsonLines:
            jsonLines = try JSONLinesReader(url: url)
            csv = nil
            mapping = nil
            header = nil
            keyColumns = ("code", "phones", "emails", "sources")
        }
    }

    /// What each CSV column holds, or `nil` for JSON Lines.
    var columns: [ImportColumn]? { mapping?.columns }

    var bytesRead: Int64 { csv?.bytesRead ?? jsonLines?.bytesRead ?? 0 }
    var totalBytes: Int64 { csv?.totalBytes ?? jsonLines?.totalBytes ?? 0 }

    func next() throws -> ImportedRow? {
        if let csv, let mapping {
            guard let (line, cells) = try csv.next() else { return nil }
            let row = CustomerRow(file: file, line: line, cells: cells)
            let result: Result<(customer: Customer, hasUpdatedAt: Bool), ImportProblem>
            do { result = .success(try row.converted(mapping)) } catch { result = .failure(error) }
            return ImportedRow(line: line, result: result, cells: cells, text: nil)
        }
        guard let jsonLines, let (line, text) = try jsonLines.next() else { return nil }
        return ImportedRow(line: line, result: ExchangeJSON.customer(from: text, decoder: decoder, file: file, line: line),
                           cells: nil, text: text)
    }
}
