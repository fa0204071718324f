import ArgumentParser
import CustomerStore
import Foundation

/// `cstore export`: customers as CSV with the canonical English headers or JSON Lines, in
/// the form `cstore import` reads back.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export customers (all, or those a query matches) as CSV or JSON Lines.")

    @OptionGroup var store: StoreOptions
    @Option(help: "csv or jsonl (default: csv, or from --out's extension).") var format: ImportCommand.FileFormat?
    @Argument(help: "A query choosing the customers, e.g. \"segment = 'loyal' ORDER BY points DESC\".") var query: String?
    @Option(help: "The file to write (default: stdout).") var out: String?

    func run() throws {
        let chosen: ExchangeFormat = switch format {
        case .csv: .csv
        case .jsonl: .jsonLines
        case nil: out.flatMap { ExchangeFormat(detecting: URL(fileURLWithPath: $0)) } ?? .csv
        }
        let customers = try query.map(parseQuery) ?? CustomerQuery()
        let exporter = CustomerExporter(store: try store.open())
        if let out {
            let count = try exporter.export(to: URL(fileURLWithPath: out), format: chosen, query: customers)
            Console.error("\(count) \(count == 1 ? "customer" : "customers") exported to \(out)")
        } else {
            try exporter.export(to: FileHandle.standardOutput, format: chosen, query: customers)
        }
    }
}
