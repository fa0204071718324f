import Foundation

/// Writes CSV records to a file through a 256 KiB buffer: fields joined by `,`, quoted (with
/// `"` doubled) when they hold a comma, a quote, a line break, or leading or trailing spaces;
/// records end with LF.
final class CSVLineWriter {
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    convenience init(url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        self.init(handle: try FileHandle(forWritingTo: url))
    }

    /// A writer to an open file, such as standard output.
    init(handle: FileHandle) {
        self.handle = handle
        buffer.reserveCapacity(1 << 18)
    }

    func write(_ fields: [String]) throws {
        Self.append(record: fields, to: &buffer)
        buffer.append(10)
        if buffer.count >= 1 << 18 { try flush() }
    }

    /// Writes raw bytes and a line feed.
    func writeLine(_ bytes: some Sequence<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        buffer.append(10)
        if buffer.count >= 1 << 18 { try flush() }
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        try flush()
        try handle.close()
    }

    /// Appends `fields` joined by commas, each quoted when it needs to be.
    static func append(record fields: [String], to buffer: inout [UInt8]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: ",")) }
            append(field, to: &buffer)
        }
    }

    static func append(_ field: String, to buffer: inout [UInt8]) {
        let utf8 = field.utf8
        let needsQuotes = utf8.contains { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 || $0 == 59 || $0 == 9 }
            || utf8.first == 32 || utf8.last == 32
        guard needsQuotes else { buffer.append(contentsOf: utf8); return }
        buffer.append(34)
        for byte in utf8 {
            if byte == 34 { buffer.append(34) }
            buffer.append(byte)
        }
        buffer.append(34)
    }
}

/// CSV records as text, quoted the way export writes them, for printing small tables.
///
/// ```swift
/// CSVText.record(["Hà Nội, Việt Nam", "12"])  // "\"Hà Nội, Việt Nam\",12"
/// ```
public enum CSVText {
    /// `fields` as one record, without the line end.
    public static func record(_ fields: [String]) -> String {
        var bytes: [UInt8] = []
        CSVLineWriter.append(record: fields, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
