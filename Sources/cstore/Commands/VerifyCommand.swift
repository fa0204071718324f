import ArgumentParser
import CustomerStore

/// `cstore verify`: checks every index entry against the records.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the indexes against the records; exit 3 on any mismatch.")

    @OptionGroup var store: StoreOptions

    func run() throws {
        let report = try store.open().verify()
        print("checked \(report.recordsChecked) records and \(report.entriesChecked) index entries")
        guard report.isClean else {
            report.problems.forEach { print($0) }
            throw Failure(.dataError, "\(report.problems.count) problem(s) found")
        }
        print("clean")
    }
}
