import ArgumentParser
import CustomerStore
import Foundation

/// `cstore generate`: synthetic customers for demos and load tests, as JSON Lines that
/// `cstore put` reads back.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Print synthetic customers as JSON Lines (the same for the same seed).")

    /// The output forms: JSON Lines for `put`, CSV for `import`.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jsonl, csv
    }

    @Option(help: "How many customers.") var customers: Int
    @Option(help: "The seed; the same seed gives the same customers.") var seed: UInt64 = 1
    @Option(help: "Output format: jsonl or csv.") var format: Format = .jsonl

    func validate() throws {
        if customers < 0 { throw ValidationError("--customers must not be negative") }
    }

    func run() throws {
        let generator = CustomerGenerator(seed: seed, codes: true)
        switch format {
        case .jsonl:
            try JSONLines.print(generator.customers(count: customers))
        case .csv:
            // Generated customers carry no attributes, so the columns are known up front
            // and the rows stream.
            try CustomerExporter.write(generator.customers(count: customers), attributeNames: [],
                                       to: FileHandle.standardOutput, format: .csv)
        }
    }
}
