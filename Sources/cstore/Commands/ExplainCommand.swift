import ArgumentParser
import CustomerStore

/// `cstore explain`: how the planner runs a query, with estimated and actual rows.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "Show the plan of a query, with estimated and actual rows.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The query.") var query: String

    func run() throws {
        let parsed = try parseQuery(query)
        print(try store.open().explain(parsed))
    }
}
