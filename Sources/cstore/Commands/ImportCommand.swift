import ArgumentParser
import CustomerStore
import Foundation

/// `cstore import`: CSV or JSON Lines files into the store, all or nothing by default.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import customers from CSV or JSON Lines files.",
        discussion: """
            Headers may be English or Vietnamese (code, họ tên, số điện thoại, email, ...); unknown
            columns become custom attributes. With --on-error abort (the default) nothing is imported
            if any row is bad; with skip the good rows are imported and the bad ones written to --rejects.
            The whole import is one transaction: interrupted, it leaves the store as it was.
            """)

    enum OnError: String, ExpressibleByArgument, CaseIterable {
        case abort, skip
    }

    enum FileFormat: String, ExpressibleByArgument, CaseIterable {
        case csv, jsonl
    }

    @OptionGroup var store: StoreOptions
    @Argument(help: "The files to import.") var files: [String]
    @Option(help: "csv or jsonl (default: from the first file's extension).") var format: FileFormat?
    @Option(name: .customLong("on-error"), help: "abort (import nothing) or skip (import the good rows).")
    var onError: OnError = .abort
    @Option(help: "Where to write the rejected rows as CSV, with their line and reason.") var rejects: String?
    @Option(help: "Rows read ahead and handed to the store at a time.") var batch: Int = 10_000
    @Flag(name: .customLong("no-progress"), help: "No progress bar, even on a terminal.") var noProgress = false

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("name at least one file to import") }
        guard batch > 0 else { throw ValidationError("--batch must be at least 1") }
        for file in files where !FileManager.default.isReadableFile(atPath: file) {
            throw ValidationError("cannot read \(file)")
        }
    }

    func run() throws {
        let importer = CustomerImporter(store: try store.open())
        let progressBar = ProgressBar.make(enabled: !noProgress)
        let summary: ImportSummary
        do {
            summary = try importer.import(
                files: files.map { URL(fileURLWithPath: $0) },
                format: format.map { $0 == .csv ? .csv : .jsonLines },
                mode: onError == .abort ? .abort : .skip,
                batchSize: batch,
                rejects: rejects.map { URL(fileURLWithPath: $0) },
                progress: progressBar.map { bar in { bar.update($0) } })
        } catch let problem as ImportProblem {
            progressBar?.finish()
            throw Failure(.dataError, problem.description)
        }
        progressBar?.finish()
        for problem in summary.problems { Console.error(problem.description) }
        if summary.rejected > summary.problems.count {
            Console.error("... and \(summary.rejected - summary.problems.count) more bad rows")
        }
        Console.error(String(format: "%d rows read, %d imported, %d rejected in %.1f s (%.0f rows/s)%@",
                             summary.rowsRead, summary.imported, summary.rejected, summary.seconds,
                             summary.rowsPerSecond, summary.aborted ? "; nothing imported (--on-error abort)" : ""))
        if summary.aborted { throw ExitCode.dataError }
    }
}
