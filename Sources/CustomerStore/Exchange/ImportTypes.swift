/// What an import does with bad rows.
///
/// ```swift
/// let summary = try importer.import(files: [url], mode: .skip, rejects: rejectsURL)
/// ```
public enum ImportMode: Sendable, Hashable {
    /// Import nothing when any row is bad, and list the problems: the default.
    case abort
    /// Import the good rows and write the bad ones to the rejects file.
    case skip
}

/// Where an import is, for a progress bar or an ETA.
///
/// ```swift
/// try importer.import(files: [url]) { progress in
///     print("\(progress.phase) \(Int(progress.fraction * 100))% \(progress.rowsRead) rows")
/// }
/// ```
public struct ImportProgress: Sendable, Hashable {
    /// What the import is doing.
    public enum Phase: String, Sendable, Hashable {
        /// Reading, checking and storing rows.
        case importing
        /// Writing the index entries gathered while storing (the end of a bulk load).
        case indexing
    }

    /// The current phase: ``Phase/importing``, then ``Phase/indexing`` once.
    public let phase: Phase
    /// The file being read.
    public let file: String
    /// The rows read so far, over all files.
    public let rowsRead: Int
    /// The bytes read so far, over all files (estimated within a CSV file).
    public let bytesRead: Int64
    /// The size of all the files.
    public let totalBytes: Int64

    /// `bytesRead / totalBytes`, 0 to 1.
    public var fraction: Double { totalBytes == 0 ? 1 : min(1, Double(bytesRead) / Double(totalBytes)) }
}

/// What an import did.
///
/// ```swift
/// let summary = try importer.import(files: [url])
/// print("\(summary.imported) of \(summary.rowsRead) imported, \(Int(summary.rowsPerSecond)) rows/s")
/// summary.problems.forEach { print($0) }
/// ```
public struct ImportSummary: Sendable, Hashable {
    /// The data rows read (blank lines not counted).
    public let rowsRead: Int
    /// The customers stored (none when ``aborted``).
    public let imported: Int
    /// The bad rows.
    public let rejected: Int
    /// Whether an ``ImportMode/abort`` import stopped because of bad rows (nothing stored).
    public let aborted: Bool
    /// The wall-clock time of the whole import, in seconds.
    public let seconds: Double
    /// The first problems, at most the importer's ``CustomerImporter/problemLimit``.
    public let problems: [ImportProblem]

    /// Rows read per second.
    public var rowsPerSecond: Double { seconds > 0 ? Double(rowsRead) / seconds : 0 }
}
