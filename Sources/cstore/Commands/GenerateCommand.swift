import ArgumentParser
import CustomerStore

/// `cstore generate`: synthetic customers for demos and load tests, as JSON Lines that
/// `cstore put` reads back.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Print synthetic customers as JSON Lines (the same for the same seed).")

    /// The output forms; CSV is to come.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jsonl
    }

    @Option(help: "How many customers.") var customers: Int
    @Option(help: "The seed; the same seed gives the same customers.") var seed: UInt64 = 1
    @Option(help: "Output format: jsonl.") var format: Format = .jsonl

    func validate() throws {
        if customers < 0 { throw ValidationError("--customers must not be negative") }
    }

    func run() throws {
        let generator = CustomerGenerator(seed: seed, codes: true)
        try JSONLines.print(generator.customers(count: customers))
    }
}
