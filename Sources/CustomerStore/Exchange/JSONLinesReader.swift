import Foundation

/// Streams the lines of a JSON Lines file with their numbers, in 64 KiB reads: memory stays
/// flat. A UTF-8 BOM and a CR before each LF are dropped; blank lines are skipped (and
/// counted).
final class JSONLinesReader {
    let file: String
    let totalBytes: Int64
    private(set) var bytesRead: Int64 = 0
    private let handle: FileHandle
    private var buffer = Data()
    private var atEnd = false
    private var line = 0

    init(url: URL) throws {
        file = url.lastPathComponent
        handle = try FileHandle(forReadingFrom: url)
        totalBytes = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.int64Value ?? 0
    }

    deinit { try? handle.close() }

    /// The next non-blank line (without its line break) and its number, or `nil` at the end.
    func next() throws -> (line: Int, text: Data)? {
        while true {
            if let newline = buffer.firstIndex(of: 10) {
                var text = buffer[buffer.startIndex..<newline]
                buffer = buffer[(newline + 1)...]
                bytesRead = min(bytesRead + Int64(text.count + 1), totalBytes)
                line += 1
                if line == 1, text.starts(with: [0xEF, 0xBB, 0xBF]) { text = text.dropFirst(3) }
                if text.last == 13 { text = text.dropLast() }
                if text.allSatisfy({ $0 == 32 || $0 == 9 }) { continue }
                return (line, Data(text))
            }
            if atEnd {
                guard !buffer.isEmpty else { return nil }
                buffer.append(10)
                continue
            }
            if let chunk = try handle.read(upToCount: 64 * 1024), !chunk.isEmpty {
                buffer = Data(buffer) + chunk
            } else {
                atEnd = true
            }
        }
    }
}
