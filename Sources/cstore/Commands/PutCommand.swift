import ArgumentParser
import CustomerStore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `cstore put`: inserts customers given as JSON, all in one transaction.
struct PutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "put",
        abstract: "Insert customers from --json or JSON Lines on stdin; print their codes.",
        discussion: """
            Each object is a customer in its JSON form (only fullName is required). All are \
            inserted in one transaction: if one is rejected (exit 3), none is stored.
            """)

    @OptionGroup var store: StoreOptions
    @Option(help: "One customer as a JSON object, instead of JSON Lines on stdin.") var json: String?

    func run() throws {
        if json == nil && isatty(STDIN_FILENO) != 0 {
            throw Failure(.usage, "no customers given: pass --json OBJECT or pipe JSON Lines to stdin")
        }
        let lines = json.map { [$0] } ?? Console.inputLines()
        let decoder = JSONLines.decoder()
        var customers: [(line: Int, customer: Customer)] = []
        for (index, text) in lines.enumerated() where !text.trimmingCharacters(in: .whitespaces).isEmpty {
            do {
                customers.append((index + 1, try decoder.decode(Customer.self, from: Data(text.utf8))))
            } catch let error as DecodingError {
                throw Failure(.dataError, "line \(index + 1): invalid customer JSON: \(Failure.describe(error))")
            }
        }
        guard !customers.isEmpty else { throw Failure(.usage, "no customers given (use --json or JSON Lines on stdin)") }
        let opened = try store.open()
        let codes = try opened.write { batch in
            try customers.map { item in
                do {
                    return try batch.insert(item.customer).code
                } catch let error as CustomerStoreError {
                    throw Failure(Failure.code(of: error), "line \(item.line): \(error); nothing was stored")
                }
            }
        }
        codes.forEach { print($0) }
    }
}
