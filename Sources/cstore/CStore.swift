import ArgumentParser
import CustomerStore

/// `cstore`: the command line over a customer store. Thin by design: parse, call the
/// library, print.
@main
struct CStore: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cstore",
        abstract: "An embedded customer store on LMDB: import, look up, query and export customers.",
        discussion: """
            Commands arrive with the CLI work; today `cstore` reports its version.
            """,
        version: CustomerStoreVersion.current
    )
}
