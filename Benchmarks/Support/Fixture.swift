import CustomerStore
import Foundation

/// The generated data of a run, built once and cached on disk: a CustomerStore environment and
/// an SQLite database holding the same `N` customers of `CustomerGenerator(seed:)`.
///
/// package-benchmark runs every benchmark in its own process, so a fixture built in memory
/// would be rebuilt for each of them (minutes each at 1,000,000 customers). Instead the first
/// process builds `<fixtures>/<N>-<seed>/` and writes its `complete` marker last; later
/// processes find the marker and reuse the files. An exclusive lock (`<N>-<seed>.lock`) keeps
/// two processes from building at once; a directory without the marker is the remains of an
/// interrupted build and is rebuilt.
///
/// The cache is keyed by size and seed only, not by record or schema format: `make bench`
/// wipes the fixtures directory at the start of each run, so a fixture written by older code
/// is never measured. Run the suites by hand after changing a format? Delete it yourself.
///
/// Benchmarks only read the fixture; cases that write work on copies (``copyStore(to:)``,
/// ``copySQLite(to:)``).
public struct Fixture: Sendable {
    /// The fixture's directory.
    public let directory: String
    /// The number of customers.
    public let customerCount: Int

    /// The CustomerStore environment's directory.
    public var storePath: String { (directory as NSString).appendingPathComponent("customerstore") }
    /// The SQLite database file.
    public var sqlitePath: String { (directory as NSString).appendingPathComponent("customers.sqlite") }
    private var markerPath: String { (directory as NSString).appendingPathComponent("complete") }

    /// The fixture of the run's settings, built now if no earlier process built it.
    public static func prepare(customerCount: Int = BenchmarkSettings.customerCount,
                               seed: UInt64 = BenchmarkSettings.seed) throws -> Fixture {
        let root = BenchmarkSettings.fixturesDirectory
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let fixture = Fixture(directory: (root as NSString).appendingPathComponent("\(customerCount)-\(seed)"),
                              customerCount: customerCount)
        try withExclusiveLock(path: fixture.directory + ".lock") {
            if FileManager.default.fileExists(atPath: fixture.markerPath) { return }
            try FileUtilities.remove(fixture.directory)
            try FileManager.default.createDirectory(atPath: fixture.directory, withIntermediateDirectories: true)
            try fixture.build(seed: seed)
            // Last: only a complete fixture has the marker.
            guard FileManager.default.createFile(atPath: fixture.markerPath, contents: Data()) else {
                throw FixtureError.system(operation: "create", path: fixture.markerPath, code: errno)
            }
        }
        return fixture
    }

    /// Loads both engines from the generator, in order, into empty stores, and checks them.
    private func build(seed: UInt64) throws {
        let generator = CustomerGenerator(seed: seed, codes: true)
        let start = Date()
        do {
            // Scoped so the environment is closed (and synced) before another process opens it.
            var options = CustomerStore.Options()
            options.environment.noSync = true
            let store = try CustomerStore(path: storePath, options: options)
            let stored = try store.insertMany(generator.customers(count: customerCount))
            guard stored == customerCount, try store.count() == customerCount else {
                throw FixtureError.inconsistent("CustomerStore holds \(try store.count()) of \(customerCount) customers")
            }
            // The sample relies on ids following generator indexes.
            for index in [0, customerCount - 1] {
                let code = generator.customer(at: index).code
                guard try store.get(code: code)?.id == UInt64(index + 1) else {
                    throw FixtureError.inconsistent("CustomerStore customer \(code) does not have id \(index + 1)")
                }
            }
            try store.environment.sync(force: true)
        }
        do {
            let sqlite = try SQLiteBaseline(path: sqlitePath)
            let rows = generator.customers(count: customerCount).lazy.enumerated().map { index, customer in
                var customer = customer
                customer.id = UInt64(index + 1)
                return customer
            }
            let inserted = try sqlite.bulkLoad(rows)
            guard inserted == customerCount, try sqlite.count() == customerCount else {
                throw FixtureError.inconsistent("SQLite holds \(try sqlite.count()) of \(customerCount) customers")
            }
            // Every field must survive the row encoding, or SQLite would be measured doing less.
            for customer in Sample.customers(customerCount: customerCount) {
                guard let row = try sqlite.customer(code: customer.code), row == customer else {
                    throw FixtureError.inconsistent("SQLite does not give back customer \(customer.code) as inserted")
                }
            }
            try sqlite.checkpoint()
        }
        let seconds = Date().timeIntervalSince(start)
        FileHandle.standardError.write(Data("built the benchmark fixture \(directory) in \(Int(seconds)) s\n".utf8))
    }

    /// Copies the CustomerStore environment to `directory` (a new path), for cases that write.
    public func copyStore(to directory: String) throws {
        try FileUtilities.copy(storePath, to: directory)
        // The lock file belongs to the original's readers; the copy starts with its own.
        try FileUtilities.remove((directory as NSString).appendingPathComponent("lock.mdb"))
    }

    /// Copies the SQLite database to `path` (a new file), for cases that write. The fixture was
    /// checkpointed when built and each reader's close checkpoints again, so the main file is
    /// the whole database.
    public func copySQLite(to path: String) throws {
        try FileUtilities.copy(sqlitePath, to: path)
        let wal = sqlitePath + "-wal"
        if FileManager.default.fileExists(atPath: wal) { try FileUtilities.copy(wal, to: path + "-wal") }
    }
}
