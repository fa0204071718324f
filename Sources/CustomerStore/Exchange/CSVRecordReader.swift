import CSV
import Foundation

/// Streams the records of a CSV file with the physical line each starts on, on top of
/// CSV.swift's `CSVReader` (RFC 4180 quoting, embedded delimiters, quotes and newlines).
///
/// The delimiter (`,`, `;` or tab) is the most frequent of the three outside quotes in the
/// header line. A UTF-8 BOM is skipped. Lines: the header is line 1; a record starts on the
/// line after the previous record's last line, which is its first line plus the newlines
/// inside its fields. Blank lines are skipped (and counted). Memory stays flat: one record
/// at a time.
final class CSVRecordReader {
    let file: String
    let header: [String]
    let delimiter: Unicode.Scalar
    let totalBytes: Int64
    /// The bytes read so far, estimated from the fields' lengths (CSVReader does not tell).
    private(set) var bytesRead: Int64 = 0
    private let reader: CSVReader
    private var nextLine: Int

    init(url: URL) throws {
        file = url.lastPathComponent
        totalBytes = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.int64Value ?? 0
        delimiter = try Self.detectDelimiter(url)
        guard let stream = InputStream(url: url) else { throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: url.path]) }
        do {
            reader = try CSVReader(stream: stream, hasHeaderRow: false, trimFields: false, delimiter: delimiter)
        } catch {
            throw ImportProblem(file: file, line: 1, reason: "cannot be read as CSV (\(error))")
        }
        guard let first = reader.next() else {
            throw ImportProblem(file: url.lastPathComponent, line: 1, reason: "is empty: no header")
        }
        var headerRow = first
        if let cell = headerRow.first, cell.hasPrefix("\u{FEFF}") { headerRow[0] = String(cell.dropFirst()) }
        header = headerRow
        nextLine = 2 + Self.newlines(in: first)
        bytesRead = Self.length(of: first) + 3
    }

    /// The next non-blank record and its first line, or `nil` at the end.
    func next() throws -> (line: Int, cells: [String])? {
        while let row = reader.next() {
            let line = nextLine
            nextLine += 1 + Self.newlines(in: row)
            bytesRead = min(bytesRead + Self.length(of: row), totalBytes)
            if row.count == 1, row[0].isEmpty { continue }
            return (line, row)
        }
        // On Linux a file stream reports bytes available at its end, and CSV.swift reports the
        // empty read that follows as `cannotReadFile`: that is the end of the file.
        if let error = reader.error, !Self.isEndOfFile(error) {
            throw ImportProblem(file: file, line: nextLine, reason: "cannot be read as CSV (\(error))")
        }
        bytesRead = totalBytes
        return nil
    }

    private static func isEndOfFile(_ error: any Error) -> Bool {
        if case CSVError.cannotReadFile? = error as? CSVError { return true }
        return false
    }

    /// Line breaks inside the fields: LF, CR LF and lone CR each count once.
    static func newlines(in row: [String]) -> Int {
        var count = 0
        for field in row {
            var previous: UInt8 = 0
            for byte in field.utf8 {
                if byte == 10 { if previous != 13 { count += 1 } } else if byte == 13 { count += 1 }
                previous = byte
            }
        }
        return count
    }

    private static func length(of row: [String]) -> Int64 {
        Int64(row.reduce(row.count) { $0 + $1.utf8.count })
    }

    /// The most frequent of `,` `;` and tab outside quotes in the first line; `,` on a tie.
    static func detectDelimiter(_ url: URL) throws -> Unicode.Scalar {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        let sample = try handle.read(upToCount: 64 * 1024) ?? Data()
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, UInt8(ascii: "\t"): 0]
        var quoted = false
        for byte in sample {
            if byte == UInt8(ascii: "\"") { quoted.toggle(); continue }
            if quoted { continue }
            if byte == 10 || byte == 13 { break }
            if counts[byte] != nil { counts[byte]! += 1 }
        }
        let best = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")].max { counts[$0]! < counts[$1]! }!
        return counts[best]! > counts[UInt8(ascii: ",")]! ? Unicode.Scalar(best) : ","
    }
}
