import Foundation

/// Imports customers from CSV or JSON Lines files into a store, streaming: at most two batches
/// of rows in memory, whatever the size of the files. A second thread reads and converts the
/// next batch while one is checked and stored (see ``RowPrefetcher``); rows, problems and the
/// rejects file keep the files' order.
///
/// - ``ImportMode/abort`` (the default) runs two passes: a validation pass over every row of
///   every file (conversion, duplicates within the files, duplicates of stored customers, in
///   one read transaction), then, only when no row is bad, an import pass in write
///   transactions of `batchSize` rows. One long write transaction would keep every dirty page
///   in memory; two passes keep memory flat at the price of reading the files twice. A writer
///   that changes the store between the passes can still make the import pass fail on a
///   duplicate: its batch is discarded, the earlier batches stay.
/// - ``ImportMode/skip`` runs one pass: each batch of `batchSize` rows is checked and the good
///   rows are stored in one write transaction; bad rows go to the rejects file.
///
/// A bad row is one that does not convert (see ``CustomerRow`` and the JSON form of
/// ``Customer``) or repeats the code, a phone, an email or a source of an earlier row (the
/// earlier row is kept) or of a stored customer. Codes, `createdAt` and `updatedAt` come
/// through unchanged; the store assigns ids and versions (and codes to rows without one).
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

    /// Imports `files`; see the type's description.
    ///
    /// - Throws: ``ImportProblem`` for a file that cannot be imported at all (no header, no
    ///   name column, a column twice, unreadable CSV); an error for a format that cannot be
    ///   detected, an unreadable file or a store failure.
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
        var run = ImportRun(importer: self, format: format, totalBytes: totalBytes, progress: progress)
        run.prefetchSize = batchSize
        if let rejects { try run.openRejects(rejects) }
        defer { try? run.rejects?.close() }
        switch mode {
        case .abort:
            try run.validate(files)
            if run.rejected == 0 { try run.importAll(files, batchSize: batchSize) }
        case .skip:
            try run.importGood(files, batchSize: batchSize)
        }
        try run.rejects?.close()
        run.rejects = nil
        return ImportSummary(
            rowsRead: run.rowsRead, imported: run.imported, rejected: run.rejected,
            aborted: mode == .abort && run.rejected > 0, seconds: Date().timeIntervalSince(start),
            problems: run.problems)
    }
}

/// The state of one import.
struct ImportRun {
    let importer: CustomerImporter
    let format: ExchangeFormat
    let totalBytes: Int64
    let progress: ((ImportProgress) -> Void)?
    var rowsRead = 0
    var imported = 0
    var rejected = 0
    var problems: [ImportProblem] = []
    var registry = DuplicateRegistry()
    var rejects: CSVLineWriter?
    var rejectsColumns: [ImportColumn]?
    var rejectsURL: URL?
    private var phaseRows = 0
    private var phaseBytes: Int64 = 0
    /// The bytes of the current file read up to the current row (the reading thread is ahead).
    private var sourceBytes: Int64 = 0
    /// The rows the reading thread hands over at a time: a write batch, so that it reads the
    /// next batch while one is stored.
    var prefetchSize = 10_000

    init(importer: CustomerImporter, format: ExchangeFormat, totalBytes: Int64, progress: ((ImportProgress) -> Void)?) {
        self.importer = importer
        self.format = format
        self.totalBytes = totalBytes
        self.progress = progress
    }

    var store: CustomerStore { importer.store }

    mutating func openRejects(_ url: URL) throws {
        rejects = try CSVLineWriter(url: url)
        rejectsURL = url
    }

    // MARK: Passes

    /// The validation pass of ``ImportMode/abort``: every row checked, nothing written.
    mutating func validate(_ files: [URL]) throws {
        try store.reading { txn in
            for url in files {
                let source = try ImportSource(url: url, format: format)
                let rows = RowPrefetcher(source: source, batchSize: prefetchSize)
                defer { rows.cancel() }
                while let (row, bytes) = try rows.next() {
                    sourceBytes = bytes
                    switch row.result {
                    case .failure(let problem): try reject(row, problem, source)
                    case .success(let converted):
                        let keys = UniqueKey.keys(of: converted.customer, columns: source.keyColumns)
                        if let problem = try DuplicateRegistry.check(
                            keys, file: source.file, line: row.line, registries: [registry],
                            holder: { try store.holder(of: $0, in: txn) })
                        {
                            try reject(row, problem, source)
                        } else {
                            registry.register(keys, line: row.line)
                        }
                    }
                    advance(.validating, source)
                }
                finishFile(.validating, source)
            }
        }
    }

    /// The import pass of ``ImportMode/abort``: every row is good, stored in batches.
    mutating func importAll(_ files: [URL], batchSize: Int) throws {
        phaseRows = 0
        phaseBytes = 0
        var chunk: [(customer: Customer, hasUpdatedAt: Bool)] = []
        chunk.reserveCapacity(batchSize)
        func flush() throws {
            try store.write { batch in
                for (customer, keep) in chunk {
                    try batch.insert(customer, keepingUpdatedAt: keep)
                }
            }
            imported += chunk.count
            chunk.removeAll(keepingCapacity: true)
        }
        for url in files {
            let source = try ImportSource(url: url, format: format)
            let rows = RowPrefetcher(source: source, batchSize: prefetchSize)
            defer { rows.cancel() }
            while let (row, bytes) = try rows.next() {
                sourceBytes = bytes
                chunk.append(try row.result.get())
                if chunk.count == batchSize { try flush() }
                advance(.importing, source, countRow: false)
            }
            finishFile(.importing, source)
        }
        if !chunk.isEmpty { try flush() }
    }

    /// The one pass of ``ImportMode/skip``.
    mutating func importGood(_ files: [URL], batchSize: Int) throws {
        var chunk: [ImportedRow] = []
        chunk.reserveCapacity(batchSize)
        for url in files {
            let source = try ImportSource(url: url, format: format)
            let rows = RowPrefetcher(source: source, batchSize: prefetchSize)
            defer { rows.cancel() }
            while let (row, bytes) = try rows.next() {
                sourceBytes = bytes
                chunk.append(row)
                if chunk.count == batchSize { try store(chunk, source); chunk.removeAll(keepingCapacity: true) }
                advance(.importing, source)
            }
            if !chunk.isEmpty { try store(chunk, source); chunk.removeAll(keepingCapacity: true) }
            finishFile(.importing, source)
        }
    }

    /// Stores the good rows of `chunk` in one write transaction. The transaction body may run
    /// again (map growth, or a row the store rejects after the checks), so it only computes
    /// outcomes; problems and the registry change after it commits.
    private mutating func store(_ chunk: [ImportedRow], _ source: ImportSource) throws {
        var failed: [Int: ImportProblem] = [:]
        for (index, row) in chunk.enumerated() {
            if case .failure(let problem) = row.result { failed[index] = problem }
        }
        // The registry moves out while the batch is checked, so that merging the batch's keys
        // afterwards changes the only copy instead of copying millions of keys per batch.
        let registry = self.registry
        self.registry = DuplicateRegistry()
        let (local, outcome) = try storeGood(chunk, source, failed: failed, registry: registry)
        var merged = consume registry
        merged.merge(local)
        self.registry = merged
        for (index, row) in chunk.enumerated() {
            if let problem = outcome[index] { try reject(row, problem, source) } else if case .success = row.result { imported += 1 }
        }
    }

    /// The write transaction of ``store(_:_:)``: stores the rows that pass the checks, retrying
    /// without a row the store refuses; returns the batch's keys and every row's problem.
    private func storeGood(
        _ chunk: [ImportedRow], _ source: ImportSource, failed: [Int: ImportProblem], registry: DuplicateRegistry
    ) throws -> (DuplicateRegistry, [Int: ImportProblem]) {
        var failed = failed
        while true {
            struct RowFailure: Error { let index: Int; let error: any Error }
            do {
                let (local, outcome) = try importer.store.write { batch -> (DuplicateRegistry, [Int: ImportProblem]) in
                    var local = DuplicateRegistry()
                    var found = failed
                    for (index, row) in chunk.enumerated() where failed[index] == nil {
                        guard case .success(let converted) = row.result else { continue }
                        let keys = UniqueKey.keys(of: converted.customer, columns: source.keyColumns)
                        if let problem = try DuplicateRegistry.check(
                            keys, file: source.file, line: row.line, registries: [registry, local],
                            holder: { try batch.holder(of: $0) })
                        {
                            found[index] = problem
                            continue
                        }
                        do {
                            try batch.insert(converted.customer, keepingUpdatedAt: converted.hasUpdatedAt)
                        } catch {
                            throw RowFailure(index: index, error: error)
                        }
                        local.register(keys, line: row.line)
                    }
                    return (local, found)
                }
                return (local, outcome)
            } catch let failure as RowFailure {
                failed[failure.index] = ImportProblem(
                    file: source.file, line: chunk[failure.index].line,
                    reason: "was refused by the store (\(CustomerStoreError.from(failure.error)))")
            }
        }
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

    private mutating func advance(_ phase: ImportProgress.Phase, _ source: ImportSource, countRow: Bool = true) {
        if countRow { rowsRead += 1 }
        phaseRows += 1
        if phaseRows % 1000 == 0 { report(phase, source) }
    }

    private mutating func finishFile(_ phase: ImportProgress.Phase, _ source: ImportSource) {
        phaseBytes += source.totalBytes
        report(phase, source, fileDone: true)
    }

    private func report(_ phase: ImportProgress.Phase, _ source: ImportSource, fileDone: Bool = false) {
        guard let progress else { return }
        progress(ImportProgress(phase: phase, file: source.file, rowsRead: phaseRows,
                                bytesRead: phaseBytes + (fileDone ? 0 : sourceBytes), totalBytes: totalBytes))
    }
}
