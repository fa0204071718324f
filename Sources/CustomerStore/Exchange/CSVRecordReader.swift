import CSV
import Foundation

/// Streams the records of a CSV file with the physical line each starts on, on top of
/// CSV.swift's `CSVReader` (RFC 4180 quoting, embedded delimiters, quotes and newlines).
///
/// The delimiter (`,`, `;` or tab) is the most frequent of the three outside quotes in the
/// header line. A UTF-8 BOM is skipped. Lines: the header is line 1; a record starts on the
/// line after the previous record's last line, which is its first line plus the newlines
/// inside its fields. Blank lines are skipped (and counted).
///
/// Speed: CSV.swift reads an `InputStream` one byte at a time through several layers, but a
/// `String` through its scalar iterator, several times faster. So the file is read in chunks
/// of about `chunkSize` bytes (1 MiB) that end where a record ends (a line break outside quotes),
/// and each chunk is parsed by its own `CSVReader(string:)`. The chunk ends are found by
/// following the quotes: a field that starts with `"` runs to the `"` before a delimiter, a
/// line break or the end. A file that does not keep to that (a stray `"` inside a field) or
/// that is not valid UTF-8 is read from that chunk on through `CSVReader(stream:)`, exactly
/// as before. Memory stays flat: one chunk at a time.
final class CSVRecordReader {
    let file: String
    private(set) var header: [String] = []
    let delimiter: Unicode.Scalar
    let totalBytes: Int64
    /// The bytes read so far, estimated from the fields' lengths (CSVReader does not tell).
    private(set) var bytesRead: Int64 = 0
    /// The bytes a chunk holds at least (unless the file ends first).
    let chunkSize: Int

    private let url: URL
    private let handle: FileHandle
    private var reader: CSVReader?
    /// Reading through a stream from some offset on (after a chunk that cannot be split).
    private var streaming = false
    private var nextLine = 1
    /// The records read so far, blank or not.
    private var rowsRead = 0

    // The chunker: bytes read but not yet parsed, and how far the quote scan got.
    private var pending: [UInt8] = []
    private var pendingOffset: Int64 = 0
    private var scanned = 0
    private var quoted = false
    private var fieldStart = true
    private var lastBreak = 0
    private var atEnd = false
    /// A line break seen inside quotes by the scan (it may be past the current chunk).
    private var quotedBreak = false
    /// Whether the current reader's records may hold line breaks (to count for the lines).
    private var breaksInFields = true
    private let delimiterByte: UInt8

    init(url: URL, chunkSize: Int = 1 << 20) throws {
        precondition(chunkSize > 0, "chunkSize must be positive")
        self.url = url
        self.chunkSize = chunkSize
        file = url.lastPathComponent
        totalBytes = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.int64Value ?? 0
        delimiter = try Self.detectDelimiter(url)
        delimiterByte = UInt8(delimiter.value)
        handle = try FileHandle(forReadingFrom: url)
        var first: [String]?
        do {
            first = try nextRow()
        } catch let problem as ImportProblem {
            throw problem
        } catch {
            throw ImportProblem(file: file, line: 1, reason: "cannot be read as CSV (\(error))")
        }
        guard var headerRow = first else {
            throw ImportProblem(file: url.lastPathComponent, line: 1, reason: "is empty: no header")
        }
        if let cell = headerRow.first, cell.hasPrefix("\u{FEFF}") { headerRow[0] = String(cell.dropFirst()) }
        header = headerRow
        nextLine = 2 + Self.newlines(in: headerRow)
        bytesRead = Self.length(of: headerRow) + 3
    }

    deinit { try? handle.close() }

    /// The next non-blank record and its first line, or `nil` at the end.
    func next() throws -> (line: Int, cells: [String])? {
        while let row = try nextRow() {
            let line = nextLine
            nextLine += breaksInFields ? 1 + Self.newlines(in: row) : 1
            bytesRead = min(bytesRead + Self.length(of: row), totalBytes)
            if row.count == 1, row[0].isEmpty { continue }
            return (line, row)
        }
        bytesRead = totalBytes
        return nil
    }

    /// The next record as CSV.swift reads it, blank or not.
    private func nextRow() throws -> [String]? {
        while true {
            if let reader {
                if let row = reader.next() { rowsRead += 1; return row }
                if streaming {
                    // On Linux a file stream reports bytes available at its end, and CSV.swift
                    // reports the empty read that follows as `cannotReadFile`: the end of the file.
                    if let error = reader.error, !Self.isEndOfFile(error) {
                        throw ImportProblem(file: file, line: nextLine, reason: "cannot be read as CSV (\(error))")
                    }
                    return nil
                }
            }
            reader = nil
            guard try openNextChunk() else { return nil }
        }
    }

    /// Sets `reader` to the next chunk's reader (or a stream reader for the rest of the file);
    /// `false` at the end.
    private func openNextChunk() throws -> Bool {
        while true {
            scan()
            if scanned < 0 {
                try openStream()
                return true
            }
            let cut = atEnd ? pending.count : lastBreak
            if (atEnd || (cut > 0 && pending.count >= chunkSize)) {
                if cut == 0 { return false }
                guard let text = String(validating: pending[..<cut], as: UTF8.self) else {
                    try openStream()
                    return true
                }
                breaksInFields = quotedBreak
                if scanned == cut { quotedBreak = false }
                pending.removeFirst(cut)
                pendingOffset += Int64(cut)
                scanned -= cut
                lastBreak = 0
                reader = try CSVReader(string: text, hasHeaderRow: false, trimFields: false, delimiter: delimiter)
                return true
            }
            let data = try handle.read(upToCount: chunkSize) ?? Data()
            if data.isEmpty { atEnd = true } else {
                if pendingOffset == 0, pending.isEmpty, data.starts(with: [0xEF, 0xBB, 0xBF]) {
                    pending.append(contentsOf: data.dropFirst(3))
                    pendingOffset = 3
                } else {
                    pending.append(contentsOf: data)
                }
            }
        }
    }

    /// Follows the quotes of `pending` from `scanned` on, noting in `lastBreak` the end of the
    /// last record break outside quotes; sets `scanned` to -1 on a quote CSV.swift would read
    /// otherwise than RFC 4180 (the chunks cannot be cut safely then).
    private func scan() {
        guard scanned >= 0 else { return }
        let quote = UInt8(ascii: "\""), lf: UInt8 = 10, cr: UInt8 = 13, delimiter = delimiterByte
        let count = pending.count
        var i = scanned, quoted = self.quoted, fieldStart = self.fieldStart, lastBreak = self.lastBreak
        var quotedBreak = self.quotedBreak
        pending.withUnsafeBufferPointer { bytes in
            while i < count {
                let byte = bytes[i]
                if quoted {
                    if byte == quote {
                        guard i + 1 < count else {
                            if atEnd { i += 1; quoted = false }
                            return
                        }
                        let next = bytes[i + 1]
                        if next == quote { i += 2; continue }
                        guard next == delimiter || next == lf || next == cr else { i = -1; return }
                        quoted = false
                        fieldStart = false
                    } else if byte == lf || byte == cr {
                        quotedBreak = true
                    }
                    i += 1
                    continue
                }
                switch byte {
                case quote:
                    guard fieldStart else { i = -1; return }
                    quoted = true
                    fieldStart = false
                case lf:
                    fieldStart = true
                    lastBreak = i + 1
                case cr:
                    guard i + 1 < count || atEnd else { return }
                    fieldStart = true
                    if i + 1 == count || bytes[i + 1] != lf { lastBreak = i + 1 }
                case delimiter:
                    fieldStart = true
                default:
                    fieldStart = false
                }
                i += 1
            }
        }
        scanned = i
        self.quoted = quoted
        self.fieldStart = fieldStart
        self.lastBreak = lastBreak
        self.quotedBreak = quotedBreak
    }

    /// Reads the rest of the file through a stream, as CSV.swift reads a file: from its start
    /// (a BOM, and CSV.swift's reading of it, only there), passing over the records already
    /// read, since the chunks end where CSV.swift's records end.
    private func openStream() throws {
        guard let stream = InputStream(url: url) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: url.path])
        }
        pending = []
        streaming = true
        breaksInFields = true
        let reader: CSVReader
        do {
            reader = try CSVReader(stream: stream, hasHeaderRow: false, trimFields: false, delimiter: delimiter)
        } catch {
            throw ImportProblem(file: file, line: nextLine, reason: "cannot be read as CSV (\(error))")
        }
        var passed = 0
        while passed < rowsRead, reader.next() != nil { passed += 1 }
        self.reader = reader
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
