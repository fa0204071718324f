import ArgumentParser
import CustomerStore
import Foundation

/// The `--db` option every command shares, and opening the store it names.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp(
        "The store directory (default: $CSTORE_DB, else ./customers.cstore).", valueName: "path"))
    var path: String?

    /// The store directory: `--db`, else `$CSTORE_DB`, else `./customers.cstore`.
    var resolvedPath: String {
        if let path { return path }
        if let path = ProcessInfo.processInfo.environment["CSTORE_DB"], !path.isEmpty { return path }
        return "./customers.cstore"
    }

    /// Opens the store. Only `init` may create one (`create`): elsewhere a mistyped path
    /// must fail rather than silently make an empty store.
    ///
    /// - Throws: ``Failure`` with exit code 4 when there is no store or it cannot be opened.
    func open(create: Bool = false) throws -> CustomerStore {
        let path = resolvedPath
        if !create && !FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent("data.mdb")) {
            throw Failure(.storeError, "no store at \(path) (create one with `cstore init --db \(path)`)")
        }
        do {
            return try CustomerStore(path: path)
        } catch let error as CustomerStoreError {
            throw Failure(.storeError, "cannot open the store at \(path): \(error)")
        }
    }
}

/// How customers are printed.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    /// Aligned columns fitted to the terminal, for people.
    case table
    /// JSON Lines: one customer per line in `Customer`'s Codable form, for machines.
    case json
    /// CSV with the canonical English headers, as `export` writes and `import` reads.
    case csv
}

/// The `--format` option of commands that print customers.
struct FormatOptions: ParsableArguments {
    @Option(help: "Output format: table, json (JSON Lines) or csv.")
    var format: OutputFormat = .table

    /// Prints `customers` in the chosen format.
    func print(_ customers: [Customer]) throws {
        switch format {
        case .table: Swift.print(CustomerTable(customers).render(width: Console.width()), terminator: "")
        case .json: try JSONLines.print(customers)
        case .csv: try CustomerExporter.write(customers, to: FileHandle.standardOutput, format: .csv)
        }
    }
}

/// Parses a query, reporting its errors with the column (exit code 2).
func parseQuery(_ text: String) throws -> CustomerQuery {
    try CustomerQuery(parsing: text)
}

/// The filter of an expression given to `count` or `group`: a query without `ORDER BY` or
/// `LIMIT`, since those would change nothing or mislead.
func parseFilter(_ text: String?) throws -> CustomerPredicate? {
    guard let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
    let query = try CustomerQuery(parsing: text)
    if !query.order.isEmpty || query.limit != nil {
        throw Failure(.usage, "a filter takes no ORDER BY or LIMIT: \(text)")
    }
    return query.filter
}
