import ArgumentParser
import CustomerStore

/// `cstore delete`: deletes customers by code, all or nothing.
struct DeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete customers by code; print the deleted codes.",
        discussion: """
            All or nothing, in one transaction: when a code does not exist, nothing is \
            deleted and the command exits 1 naming it.
            """)

    @OptionGroup var store: StoreOptions
    @Argument(help: "The codes of the customers to delete.") var codes: [String]

    func validate() throws {
        if codes.isEmpty { throw ValidationError("give at least one code") }
    }

    func run() throws {
        let opened = try store.open()
        let deleted = try opened.write { batch in
            var deleted: [String] = []
            for code in codes {
                guard let customer = try batch.get(code: code) else {
                    if deleted.contains(code.uppercased()) { continue }  // named twice
                    throw Failure(.notFound, "no customer with code \(code); nothing was deleted")
                }
                try batch.delete(id: customer.id)
                deleted.append(customer.code)
            }
            return deleted
        }
        deleted.forEach { print($0) }
    }
}
