// Writes: bulk loads, CSV imports, single-customer updates and deletes through CustomerStore
// (public API), the raw LMDB floor (the same bytes and key layout through CLMDB, nothing
// computed) and SQLite (one table, prepared statements), on the same generated data.
//
// Durability is the same class for all three: CustomerStore with `noSync`, raw LMDB with
// MDB_NOSYNC, SQLite in WAL mode with synchronous=NORMAL. None of them fsyncs per commit;
// a crash of the machine (not of the process) may lose the last commits of any of them.
//
// Cases that write to existing data work on private copies of the cached fixture, made in
// the benchmark's own process; the shared fixture is never changed.
import Benchmark
import BenchmarkSupport
import CustomerStore
import Foundation

/// Something built on a benchmark's first run and kept for its later runs. Each benchmark
/// runs in its own process and on one thread, so plain mutable state is enough.
final class Lazy<Value> {
    private var value: Value?
    private let make: () throws -> Value

    init(_ make: @escaping () throws -> Value) { self.make = make }

    func get() throws -> Value {
        if let value { return value }
        let made = try make()
        value = made
        return made
    }
}

let customerCount = BenchmarkSettings.customerCount
let fileBytesPerCustomer = BenchmarkMetric.custom("file bytes per customer", polarity: .prefersSmaller, useScalingFactor: false)

/// A store with `noSync`, as every engine in this suite runs without fsync per commit.
func openStore(_ path: String) throws -> CustomerStore {
    var options = CustomerStore.Options()
    options.environment.noSync = true
    return try CustomerStore(path: path, options: options)
}

/// A fresh path for one run's new database, in this process's scratch directory.
func freshPath(_ scratch: String, _ run: Int) throws -> String {
    let path = (scratch as NSString).appendingPathComponent("run-\(run)")
    try FileUtilities.remove(path)
    return path
}

// MARK: Per-case state

/// A writable copy of the fixture for one engine, and the run counter (updates alternate by
/// the run's parity).
final class WriteCopy<Engine> {
    let scratch: String
    let engine: Engine
    var runs = 0

    init(label: String, _ open: (_ fixture: Fixture, _ scratch: String) throws -> Engine) throws {
        let fixture = try Fixture.prepare()
        scratch = try FileUtilities.scratchDirectory(label)
        engine = try open(fixture, scratch)
    }
}

func storeCopy(_ label: String) -> Lazy<WriteCopy<CustomerStore>> {
    Lazy {
        try WriteCopy(label: label) { fixture, scratch in
            let path = (scratch as NSString).appendingPathComponent("customerstore")
            try fixture.copyStore(to: path)
            return try openStore(path)
        }
    }
}

func sqliteCopy(_ label: String) -> Lazy<WriteCopy<SQLiteBaseline>> {
    Lazy {
        try WriteCopy(label: label) { fixture, scratch in
            let path = (scratch as NSString).appendingPathComponent("customers.sqlite")
            try fixture.copySQLite(to: path)
            return try SQLiteBaseline(path: path)
        }
    }
}

/// Removes this process's scratch directories for `labels` after the benchmark's runs.
func cleanup(_ labels: String...) -> Benchmark.BenchmarkTeardownHook {
    { for label in labels { try FileUtilities.remove(FileUtilities.scratchPath(label)) } }
}

/// Writes the CSV file of the N generated customers into this process's scratch directory
/// `label`, through the public exporter (as `cstore generate --format csv` does: generated
/// customers have no attributes, so no attribute columns).
func writeImportCSV(_ label: String) throws -> URL {
    let url = URL(fileURLWithPath: try FileUtilities.scratchDirectory(label)).appendingPathComponent("customers.csv")
    guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
        throw FixtureError.system(operation: "create", path: url.path, code: errno)
    }
    let handle = try FileHandle(forWritingTo: url)
    let written = try CustomerExporter.write(BenchmarkSettings.generator.customers(count: customerCount),
                                             attributeNames: [], to: handle, format: .csv)
    try handle.close()
    precondition(written == customerCount, "the CSV file holds every customer")
    return url
}

/// Whether an import stored the last generated customer with its fields: `lookup` finds it by
/// code with the same name, phones, emails and points.
func importedIntact(_ lookup: (_ code: String) throws -> Customer?) throws -> Bool {
    let expected = BenchmarkSettings.generator.customer(at: customerCount - 1)
    guard let stored = try lookup(expected.code) else { return false }
    return stored.code == expected.code && stored.fullName == expected.fullName
        && stored.phones.map(\.number.e164) == expected.phones.map(\.number.e164)
        && stored.emails.map(\.address.normalized) == expected.emails.map(\.address.normalized)
        && stored.points == expected.points
}

/// Numbers the runs of a benchmark, for naming each run's new database.
final class RunCounter {
    private var count = 0

    func next() -> Int {
        count += 1
        return count
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
        scalingFactor: .one,
        maxDuration: BenchmarkSettings.maxDuration
    )

    // MARK: Bulk load

    // One load of all N customers per run, into a new database; the input is generated before
    // measuring and held in memory (CustomerStore and SQLite: `Customer` values; the floor:
    // the fixture's entries, dumped). Few runs, since at 1,000,000 customers one takes a while.
    let loadConfiguration = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident, fileBytesPerCustomer],
        warmupIterations: 0,
        scalingFactor: .one,
        maxDuration: .seconds(600),
        maxIterations: 3
    )
    let load = "Bulk load \(BenchmarkSettings.grouped(customerCount)) customers"
    let loadInput = Lazy { Array(BenchmarkSettings.generator.customers(count: customerCount)) }
    let loadDump = Lazy { try RawLMDBDump.read(from: try Fixture.prepare().storePath) }
    let loadRuns = RunCounter()

    Benchmark("\(load): CustomerStore", configuration: loadConfiguration, closure: { benchmark in
        let customers = try loadInput.get()
        let path = try freshPath(try FileUtilities.scratchDirectory("load-customerstore"), loadRuns.next())
        benchmark.startMeasurement()
        let store = try openStore(path)
        let stored = try store.insertMany(customers)
        benchmark.stopMeasurement()
        let count = try store.count()
        precondition(stored == customerCount && count == customerCount, "the load stores every customer")
        benchmark.measurement(fileBytesPerCustomer, try store.environment.dataFileBytes() / customerCount)
    }, teardown: cleanup("load-customerstore"))

    Benchmark("\(load): raw LMDB", configuration: loadConfiguration, closure: { benchmark in
        let dump = try loadDump.get()
        precondition(dump.customerCount == customerCount, "the dump holds every customer")
        let path = try freshPath(try FileUtilities.scratchDirectory("load-raw"), loadRuns.next())
        benchmark.startMeasurement()
        let environment = try RawEnvironment(path: path)
        let loaded = try dump.load(into: environment)
        benchmark.stopMeasurement()
        let records = try environment.openDatabase("records")
        let count = try environment.entries(in: records)
        precondition(loaded == customerCount && count == customerCount, "the load writes every record")
        benchmark.measurement(fileBytesPerCustomer, try environment.dataFileBytes() / customerCount)
    }, teardown: cleanup("load-raw"))

    Benchmark("\(load): SQLite", configuration: loadConfiguration, closure: { benchmark in
        let customers = try loadInput.get()
        let path = try freshPath(try FileUtilities.scratchDirectory("load-sqlite"), loadRuns.next())
        try FileUtilities.remove(path + "-wal")
        benchmark.startMeasurement()
        let sqlite = try SQLiteBaseline(path: path)
        let inserted = try sqlite.bulkLoad(customers)
        benchmark.stopMeasurement()
        let count = try sqlite.count()
        precondition(inserted == customerCount && count == customerCount, "the load inserts every row")
        benchmark.measurement(fileBytesPerCustomer, try sqlite.fileBytes() / customerCount)
    }, teardown: cleanup("load-sqlite"))

    // MARK: Import

    // One import of a CSV file of all N customers per run, into a new database. The file is
    // written once per benchmark process, before measuring (``writeImportCSV(_:)``), and read
    // from the page cache by every run. Same configuration as the bulk loads.
    //
    // CustomerStore: `CustomerImporter` in `.abort` mode: CSV.swift parses the records (read
    // ahead on a second thread), every field is checked and normalised, every code, phone,
    // email and source checked for duplicates, 22 indexes maintained, all in one transaction.
    // SQLite: ``SQLiteCSVImport``, the same CSV library and the same public row conversion,
    // inserted with a prepared statement in one transaction; it leaves out the duplicate
    // reporting and the second thread, and maintains 3 indexes besides its UNIQUE ones (see
    // its documentation).
    // No raw LMDB floor: the floor of the writes is the "Bulk load: raw LMDB" case, and a
    // floor that parses CSV would only add CSV.swift's time to it.
    let importCase = "Import \(BenchmarkSettings.grouped(customerCount))-row CSV"
    let importInput = Lazy { try writeImportCSV("import-input") }
    let importRuns = RunCounter()

    Benchmark("\(importCase): CustomerStore", configuration: loadConfiguration, closure: { benchmark in
        let csv = try importInput.get()
        let path = try freshPath(try FileUtilities.scratchDirectory("import-customerstore"), importRuns.next())
        benchmark.startMeasurement()
        let store = try openStore(path)
        let summary = try CustomerImporter(store: store).import(files: [csv], mode: .abort)
        benchmark.stopMeasurement()
        let count = try store.count()
        let intact = try importedIntact { try store.get(code: $0) }
        precondition(summary.imported == customerCount && summary.rejected == 0 && count == customerCount,
                     "the import stores every row: \(summary.problems.first?.description ?? "")")
        precondition(intact, "the import stores the rows' fields")
        benchmark.measurement(fileBytesPerCustomer, try store.environment.dataFileBytes() / customerCount)
    }, teardown: cleanup("import-customerstore", "import-input"))

    Benchmark("\(importCase): SQLite", configuration: loadConfiguration, closure: { benchmark in
        let csv = try importInput.get()
        let path = try freshPath(try FileUtilities.scratchDirectory("import-sqlite"), importRuns.next())
        try FileUtilities.remove(path + "-wal")
        benchmark.startMeasurement()
        let sqlite = try SQLiteBaseline(path: path)
        let inserted = try SQLiteCSVImport.run(csv, into: sqlite)
        benchmark.stopMeasurement()
        let count = try sqlite.count()
        let intact = try importedIntact { try sqlite.customer(code: $0) }
        precondition(inserted == customerCount && count == customerCount, "the import inserts every row")
        precondition(intact, "the import stores the rows' fields")
        benchmark.measurement(fileBytesPerCustomer, try sqlite.fileBytes() / customerCount)
    }, teardown: cleanup("import-sqlite", "import-input"))

    // MARK: Update

    // 1,000 updates, one transaction each, of segment and points; each run alternates the
    // segment, so the segment index entries really move.
    let update = "Update \(BenchmarkSettings.grouped(Sample.size)) segment + points"
    let sample = Lazy { Sample.customers() }

    let storeUpdates = storeCopy("update-customerstore")
    Benchmark("\(update): CustomerStore", closure: { benchmark in
        let copy = try storeUpdates.get()
        let customers = try sample.get()
        let parity = copy.runs % 2
        copy.runs += 1
        let segment = UpdatePlan.segment(parity: parity)
        benchmark.startMeasurement()
        for (position, customer) in customers.enumerated() {
            let points = UpdatePlan.points(position: position, parity: parity)
            let updated = try copy.engine.update(code: customer.code) { stored in
                stored.segment = segment
                stored.points = points
            }
            precondition(updated.id == customer.id && updated.segment == segment && updated.points == points,
                         "the update changed customer \(customer.code)")
        }
    }, teardown: cleanup("update-customerstore"))

    let rawUpdates = Lazy {
        try WriteCopy(label: "update-raw") { fixture, scratch -> RawLMDBUpdateFloor in
            let path = (scratch as NSString).appendingPathComponent("customerstore")
            try fixture.copyStore(to: path)
            return try RawLMDBUpdateFloor(environment: try RawEnvironment(path: path), sample: try sample.get(), now: Date())
        }
    }
    Benchmark("\(update): raw LMDB", closure: { benchmark in
        let copy = try rawUpdates.get()
        let parity = copy.runs % 2
        copy.runs += 1
        benchmark.startMeasurement()
        for position in 0 ..< Sample.size {
            let updated = try copy.engine.update(position: position, parity: parity)
            precondition(updated, "the update found every old entry")
        }
    }, teardown: cleanup("update-raw"))

    let sqliteUpdates = sqliteCopy("update-sqlite")
    Benchmark("\(update): SQLite", closure: { benchmark in
        let copy = try sqliteUpdates.get()
        let customers = try sample.get()
        let parity = copy.runs % 2
        copy.runs += 1
        let segment = UpdatePlan.segment(parity: parity)
        benchmark.startMeasurement()
        for (position, customer) in customers.enumerated() {
            let changed = try copy.engine.updateSegmentAndPoints(
                code: customer.code, segment: segment, points: UpdatePlan.points(position: position, parity: parity))
            precondition(changed == 1, "the update changed customer \(customer.code)")
        }
    }, teardown: cleanup("update-sqlite"))

    // MARK: Delete

    // 1,000 deletes by code, one transaction each. Before measuring, each run puts back the
    // sample customers the previous run deleted.
    let delete = "Delete \(BenchmarkSettings.grouped(Sample.size))"

    let storeDeletes = storeCopy("delete-customerstore")
    Benchmark("\(delete): CustomerStore", closure: { benchmark in
        let store = try storeDeletes.get().engine
        let customers = try sample.get()
        for customer in customers where try store.get(code: customer.code) == nil {
            // Stored again under a new id (ids are never reused), with the same code.
            try store.insert(customer)
        }
        benchmark.startMeasurement()
        var deleted = 0
        for customer in customers {
            try store.delete(code: customer.code)   // throws notFound unless it removed one
            deleted += 1
        }
        benchmark.stopMeasurement()
        let left = try store.get(code: customers[0].code)
        precondition(deleted == customers.count && left == nil, "every sample customer was deleted")
    }, teardown: cleanup("delete-customerstore"))

    let rawDeletes = Lazy {
        try WriteCopy(label: "delete-raw") { fixture, scratch -> RawLMDBDeleteFloor in
            // Dumped from the fixture before the copy is opened: LMDB forbids opening one
            // environment twice in a process.
            let dump = try RawLMDBDump.read(from: fixture.storePath, only: Set(try sample.get().map(\.id)))
            precondition(dump.customerCount == Sample.size, "the dump holds the whole sample")
            let path = (scratch as NSString).appendingPathComponent("customerstore")
            try fixture.copyStore(to: path)
            return try RawLMDBDeleteFloor(environment: try RawEnvironment(path: path), dump: dump)
        }
    }
    Benchmark("\(delete): raw LMDB", closure: { benchmark in
        let floor = try rawDeletes.get().engine
        let customers = try sample.get()
        for customer in customers where try !floor.contains(id: customer.id) {
            try floor.reinsert(id: customer.id)
        }
        benchmark.startMeasurement()
        for customer in customers {
            let deleted = try floor.delete(code: customer.code, id: customer.id)
            precondition(deleted, "the delete removed every entry")
        }
    }, teardown: cleanup("delete-raw"))

    let sqliteDeletes = sqliteCopy("delete-sqlite")
    Benchmark("\(delete): SQLite", closure: { benchmark in
        let sqlite = try sqliteDeletes.get().engine
        let customers = try sample.get()
        for customer in customers where try sqlite.customer(code: customer.code) == nil {
            try sqlite.insert(customer)
        }
        benchmark.startMeasurement()
        for customer in customers {
            let deleted = try sqlite.delete(code: customer.code)
            precondition(deleted == 1, "the delete removed customer \(customer.code)")
        }
    }, teardown: cleanup("delete-sqlite"))
}
