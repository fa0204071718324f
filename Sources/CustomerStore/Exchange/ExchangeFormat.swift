import Foundation

/// The file formats customers are imported from and exported to.
///
/// ```swift
/// ExchangeFormat(detecting: URL(fileURLWithPath: "customers.csv"))    // .csv
/// ExchangeFormat(detecting: URL(fileURLWithPath: "customers.jsonl"))  // .jsonLines
/// ```
public enum ExchangeFormat: String, Sendable, Hashable, CaseIterable {
    /// Comma-, semicolon- or tab-separated values with a header row (RFC 4180 quoting).
    case csv
    /// JSON Lines: one ``Customer`` JSON object per line.
    case jsonLines

    /// The format a file's extension names: `csv`, `tsv` and `txt` are CSV; `jsonl`,
    /// `ndjson` and `json` are JSON Lines. `nil` for anything else.
    ///
    /// ```swift
    /// ExchangeFormat(detecting: URL(fileURLWithPath: "/tmp/a.NDJSON"))  // .jsonLines
    /// ```
    public init?(detecting url: URL) {
        switch url.pathExtension.lowercased() {
        case "csv", "tsv", "txt": self = .csv
        case "jsonl", "ndjson", "json": self = .jsonLines
        default: return nil
        }
    }
}
