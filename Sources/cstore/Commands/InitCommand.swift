import ArgumentParser
import CustomerStore

/// `cstore init`: creates an empty store, so that other commands never create one by a typo.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create an empty store (exit 4 if it cannot be created).")

    @OptionGroup var store: StoreOptions

    func run() throws {
        let opened = try store.open(create: true)
        print("store at \(store.resolvedPath): \(try opened.count()) customers")
    }
}
