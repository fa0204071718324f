import Foundation
import LMDB

/// Imports customers from CSV or JSON Lines files into a store, streaming, as one bulk load
/// (see ``CustomerStore/bulkLoad(pendingIndexBudget:_:)``): one write transaction for the
/// whole import, so a crash or a kill part-way leaves the store as it was. A second thread
/// reads and converts the next batch of rows while one is checked and stored (see
/// ``RowPrefetcher``); rows, problems and the rejects file keep the files' order.
///
/// - ``ImportMode/abort`` (the default) stores nothing when any row is bad: every row is still
///   checked, so that all problems are listed, and the transaction is then discarded.
/// - ``ImportMode/skip`` stores the good rows and writes the bad ones to the rejects file.
///
/// A bad row is one that does not convert (see ``CustomerRow`` and the JSON form of
/// ``Customer``), that the store refuses (a key longer than an index takes), or that repeats
/// the code, a phone, an email or a source of an earlier row (the earlier row is kept) or of
/// a stored customer. Codes, `createdAt` and `updatedAt` come through unchanged; the store
/// assigns ids and versions (and codes to rows without one).
///
/// Memory stays bounded whatever the size of the files: two batches of rows, the load's
/// gathered index entries (written when their budget fills), and 8 bytes per stored row to
/// name the line of an earlier duplicate.
///
/// The rejects file takes the bad rows: for CSV with the header of the first file with a bad
/// row plus `line` and `reason` (rows of other files matched by what their columns hold;
/// cells without a match are dropped), which import ignores, so the file can be fixed and
/// imported again; for JSON Lines the bad lines as read (the problems are in the summary).
/// ``ImportMode/abort`` writes its bad rows there too, so they can be fixed before a retry.
///
/// All files of one import have one format: `format`, or the first file's extension.
///
/// ```swift
/// let importer = CustomerImporter(store: store)
/// let summary = try importer.import(files: [URL(fileURLWithPath: "customers.csv")],
///                                   mode: .skip, rejects: URL(fileURLWithPath: "rejects.csv"))
/// print("\(summary.imported) imported, \(summary.rejected) rejected")
/// ```
public struct CustomerImporter: Sendable {
    /// The store to import into.
    public let store: CustomerStore
    /// How many problems a summary lists at most (all bad rows are still counted and written
    /// to the rejects file).
    public var problemLimit: Int

    /// An importer into `store`.
    public init(store: CustomerStore, problemLimit: Int = 100) {
        self.store = store
        self.problemLimit = problemLimit
    }

    /// Imports `files`; see the type's description. `batchSize` rows at a time are read
    /// ahead on the reading thread and handed over.
    ///
    /// - Throws: ``ImportProblem`` for a file that cannot be imported at all (no header, no
    ///   name column, a column twice, unreadable CSV); an error for a format that cannot be
    ///   detected, an unreadable file or a store failure. Nothing is stored then.
    public func `import`(
        files: [URL], format: ExchangeFormat? = nil, mode: ImportMode = .abort, batchSize: Int = 10_000,
        rejects: URL? = nil, progress: ((ImportProgress) -> Void)? = nil
    ) throws -> ImportSummary {
        precondition(batchSize > 0, "batchSize must be positive")
        let start = Date()
        guard let first = files.first else {
            return ImportSummary(rowsRead: 0, imported: 0, rejected: 0, aborted: false, seconds: 0, problems: [])
        }
        guard let format = format ?? ExchangeFormat(detecting: first) else {
            throw ImportProblem(file: first.lastPathComponent, line: 1,
                                reason: "has no known extension (csv, tsv, jsonl, ndjson); name the format")
        }
        let totalBytes = files.reduce(Int64(0)) {
            $0 + ((try? FileManager.default.attributesOfItem(atPath: $1.path)[.size] as? NSNumber)?.int64Value ?? 0)
        }
        try reserveRoom(forFileBytes: totalBytes)
        var run = ImportRun(importer: self, format: format, totalBytes: totalBytes, rejectsURL: rejects,
                            batchSize: batchSize, progress: progress)
        defer { try? run.rejects?.close() }
        var aborted = false
        do {
            try store.bulkLoad { load in
                // The body runs again if the map must grow after all: start afresh each time.
                try run.restart(firstID: load.firstID)
                for url in files { try run.importFile(url, into: &load) }
                if mode == .abort && run.rejected > 0 { throw ImportRun.Aborted() }
                run.reportIndexing()
            }
        } catch is ImportRun.Aborted {
            aborted = true
        }
        try run.rejects?.close()
        run.rejects = nil
        return ImportSummary(
            rowsRead: run.rowsRead, imported: aborted ? 0 : run.imported, rejected: run.rejected,
            aborted: aborted, seconds: Date().timeIntervalSince(start), problems: run.problems)
    }

    /// Grows the map ahead for a file of `bytes`, so the one long transaction does not meet a
    /// full map part-way and run again. A CSV row of about 320 bytes takes about 1,200 in the
    /// store; eight times the file leaves room for pages copied during the load.
    private func reserveRoom(forFileBytes bytes: Int64) throws {
        do {
            let environment = store.environment
            let used = (try environment.info().lastPageNumber + 1) * (try environment.statistics().pageSize)
            try environment.reserveMapSize(used + Int(bytes) * 8)
        } catch {
            throw CustomerStoreError.wrap(error)
        }
    }
}

/// The state of one import.
struct ImportRun {
    /// Thrown out of the load to discard it (``ImportMode/abort`` with bad rows).
    struct Aborted: Error {}

    /// Where a stored row came from, by its position in the load (id minus the first id).
    private struct Origin {
        let file: Int32
        let line: Int32
    }

    let importer: CustomerImporter
    let format: ExchangeFormat
    let totalBytes: Int64
    let rejectsURL: URL?
    /// The rows the reading thread hands over at a time.
    let batchSize: Int
    let progress: ((ImportProgress) -> Void)?
    var rowsRead = 0
    var rejected = 0
    var problems: [ImportProblem] = []
    var rejects: CSVLineWriter?
    var rejectsColumns: [ImportColumn]?
    private var files: [String] = []
    private var origins: [Origin] = []
    private var firstID: UInt64 = 0

    /// The rows stored: each has its origin.
    var imported: Int { origins.count }
    private var doneBytes: Int64 = 0
    /// The bytes of the current file read up to the current row (the reading thread is ahead).
    private var sourceBytes: Int64 = 0

    init(importer: CustomerImporter, format: ExchangeFormat, totalBytes: Int64, rejectsURL: URL?,
         batchSize: Int, progress: ((ImportProgress) -> Void)?) {
        self.importer = importer
        self.format = format
        self.totalBytes = totalBytes
        self.rejectsURL = rejectsURL
        self.batchSize = batchSize
        self.progress = progress
    }

    /// Empties every count and (re)creates the rejects file.
    mutating func restart(firstID: UInt64) throws {
        rowsRead = 0
        rejected = 0
        problems = []
        files = []
        origins = []
        doneBytes = 0
        sourceBytes = 0
        self.firstID = firstID
        rejectsColumns = nil
        try rejects?.close()
        rejects = try rejectsURL.map { try CSVLineWriter(url: $0) }
    }

    /// Reads every row of `url` and stores the good ones in `load`.
    mutating func importFile(_ url: URL, into load: inout BulkLoad) throws {
        let source = try ImportSource(url: url, format: format)
        files.append(source.file)
        let rows = RowPrefetcher(source: source, batchSize: batchSize)
        defer { rows.cancel() }
        while let (row, bytes) = try rows.next() {
            sourceBytes = bytes
            rowsRead += 1
            switch row.result {
            case .failure(let problem):
                try reject(row, problem, source)
            case .success(let converted):
                if let problem = try store(converted, row: row, source, into: &load) {
                    try reject(row, problem, source)
                } else {
                    origins.append(Origin(file: Int32(files.count - 1), line: Int32(clamping: row.line)))
                }
            }
            if rowsRead % 1000 == 0 { report(.importing, source) }
        }
        doneBytes += source.totalBytes
        sourceBytes = 0
        report(.importing, source)
    }

    /// Stores one converted row, or returns why it is bad (nothing of it is stored then).
    private func store(
        _ converted: (customer: Customer, hasUpdatedAt: Bool), row: ImportedRow, _ source: ImportSource,
        into load: inout BulkLoad
    ) throws -> ImportProblem? {
        let keys = UniqueKey.keys(of: converted.customer, columns: source.keyColumns)
        for (position, key) in keys.enumerated() where keys[..<position].contains(where: { $0.field == key.field && $0.bytes == key.bytes }) {
            return ImportProblem(file: source.file, line: row.line, column: key.column, value: key.shown,
                                 reason: "appears twice in the row")
        }
        let outcome: BulkLoad.Outcome
        do {
            outcome = try load.insert(converted.customer, keepingUpdatedAt: converted.hasUpdatedAt)
        } catch let error as CustomerStoreError {
            if case .engine = error { throw error }
            return ImportProblem(file: source.file, line: row.line, reason: "was refused by the store (\(error))")
        }
        guard case .duplicate(let field, let bytes, let holder) = outcome else { return nil }
        let key = keys.first { $0.field == field && $0.bytes == bytes }
        let problem = { (reason: String) in
            ImportProblem(file: source.file, line: row.line, column: key?.column, value: key?.shown, reason: reason)
        }
        guard holder >= firstID, Int(holder - firstID) < origins.count else {
            let code = try load.get(id: holder)?.code ?? "id \(holder)"
            return problem("already belongs to stored customer \(code) (same \(field))")
        }
        let origin = origins[Int(holder - firstID)]
        let place = files[Int(origin.file)] == source.file ? "line \(origin.line)" : "\(files[Int(origin.file)]) line \(origin.line)"
        return problem("duplicates \(place) (same \(field))")
    }

    /// Reports the last step: writing the gathered index entries.
    func reportIndexing() {
        progress?(ImportProgress(phase: .indexing, file: files.last ?? "", rowsRead: rowsRead,
                                 bytesRead: totalBytes, totalBytes: totalBytes))
    }

    // MARK: Problems, rejects, progress

    private mutating func reject(_ row: ImportedRow, _ problem: ImportProblem, _ source: ImportSource) throws {
        rejected += 1
        if problems.count < importer.problemLimit { problems.append(problem) }
        guard let rejects else { return }
        if let text = row.text {
            try rejects.writeLine(text)
            return
        }
        guard let cells = row.cells, let header = source.header, let columns = source.columns else { return }
        if rejectsColumns == nil {
            rejectsColumns = columns
            try rejects.write(header + ["line", "reason"])
        }
        var out = cells
        if let rejectsColumns, rejectsColumns != columns {
            out = rejectsColumns.map { column in
                columns.firstIndex(of: column).flatMap { $0 < cells.count ? cells[$0] : nil } ?? ""
            }
        }
        try rejects.write(out + [String(row.line), problem.description])
    }

    private func report(_ phase: ImportProgress.Phase, _ source: ImportSource) {
        progress?(ImportProgress(phase: phase, file: source.file, rowsRead: rowsRead,
                                 bytesRead: doneBytes + sourceBytes, totalBytes: totalBytes))
    }
}
