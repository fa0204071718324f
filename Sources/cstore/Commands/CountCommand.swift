import ArgumentParser
import CustomerStore

/// `cstore count`: how many customers match a filter, from the indexes when they suffice.
struct CountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "count", abstract: "Print the number of customers matching a filter (all without one).")

    @OptionGroup var store: StoreOptions
    @Argument(help: "A filter, e.g. \"tags = 'vip'\".") var filter: String?

    func run() throws {
        let predicate = try parseFilter(filter)
        print(try store.open().count(where: predicate))
    }
}
