import ArgumentParser
import CustomerStore

/// `cstore`: the command line over a customer store. Thin by design: parse, call the
/// library, print.
///
/// Exit codes: 0 success, 1 not found, 2 usage or query error, 3 data error (rejected data,
/// a verification mismatch), 4 store error (the store cannot be opened or the engine failed).
@main
struct CStore: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cstore",
        abstract: "An embedded customer store on LMDB: import, look up, query and export customers.",
        discussion: """
            Every command takes --db PATH (default: $CSTORE_DB, else ./customers.cstore).
            Exit codes: 0 success, 1 not found, 2 usage or query error, 3 data error,
            4 store error.
            """,
        version: CustomerStoreVersion.current,
        subcommands: [
            InitCommand.self, GetCommand.self, QueryCommand.self, CountCommand.self,
            GroupCommand.self, ExplainCommand.self, PutCommand.self, UpdateCommand.self,
            DeleteCommand.self, StatsCommand.self, VerifyCommand.self, GenerateCommand.self,
            ImportCommand.self, ExportCommand.self, BackupCommand.self, DemoCommand.self,
        ]
    )

    /// Runs the command line, replacing ArgumentParser's own `main` so that every failure
    /// leaves with the documented exit codes: ArgumentParser exits 64 on usage errors, which
    /// `cstore` reports as 2, and library errors become one line on stderr with their code.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if let failure = Failure(mapping: error) {
                Console.error("cstore: " + failure.message)
                exit(withError: failure.code)
            }
            if exitCode(for: error) == .validationFailure {
                Console.error(fullMessage(for: error))
                exit(withError: ExitCode.usage)
            }
            exit(withError: error)
        }
    }
}
