/// The columns of an import file's header, each read as an ``ImportColumn``.
///
/// Phones, emails and tags may appear in several columns (their values add up); any other
/// column twice is a problem.
///
/// ```swift
/// let mapping = try HeaderMapping(headers: ["Mã KH", "Họ tên", "SĐT"], file: "a.csv")
/// mapping.columns   // [.code, .fullName, .phones]
/// ```
public struct HeaderMapping: Sendable, Hashable {
    /// The headers as written (a BOM removed from the first).
    public let headers: [String]
    /// What each column holds, in the file's order.
    public let columns: [ImportColumn]

    /// Maps `headers`.
    ///
    /// - Throws: ``ImportProblem`` (line 1) when there is no name column or a column other
    ///   than phones, emails and tags appears twice.
    public init(headers: [String], file: String) throws(ImportProblem) {
        var headers = headers
        if let first = headers.first, first.hasPrefix("\u{FEFF}") { headers[0] = String(first.dropFirst()) }
        self.headers = headers
        columns = headers.map(ImportColumn.init(header:))
        var seen: [ImportColumn: String] = [:]
        for (header, column) in zip(headers, columns) {
            switch column {
            case .phones, .emails, .tags, .ignored: continue
            default:
                if let earlier = seen[column] {
                    throw ImportProblem(file: file, line: 1, column: header,
                                        reason: "names the same field as column \(earlier)")
                }
                seen[column] = header
            }
        }
        guard columns.contains(.fullName) else {
            throw ImportProblem(file: file, line: 1,
                                reason: "the header has no name column (full_name, name, họ tên, họ và tên)")
        }
    }
}
