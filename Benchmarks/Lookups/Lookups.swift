// Lookups of generated customers through the CustomerStore API (full Customer values)
// against the raw LMDB floor: the same environment and key layout through CLMDB, one
// mdb_get per step, touching the value bytes without decoding. Same data, same run.
import Benchmark
import CLMDB
import CustomerStore
import Foundation
import LMDB

/// Customers in the store (`CSTORE_BENCH_N`, default 100,000).
let customerCount = ProcessInfo.processInfo.environment["CSTORE_BENCH_N"].flatMap(Int.init) ?? 100_000

/// The generated store and the lookup keys, built once per benchmark process.
final class Fixture: Sendable {
    let directory: String
    let store: CustomerStore
    /// 1,000 customers spread over the store, in the order lookups visit them.
    let sample: [Customer]
    let records: PlainDatabase
    let codes: PlainDatabase
    let phones: PlainDatabase
    let emails: PlainDatabase

    init() throws {
        directory = NSTemporaryDirectory() + "lookups-bench-\(getpid())"
        var options = CustomerStore.Options()
        options.environment.noSync = true
        let store = try CustomerStore(path: directory, options: options)
        self.store = store
        let generator = CustomerGenerator(seed: 42, codes: true)
        try store.insertMany(generator.customers(count: customerCount))
        sample = try (0..<1000).map { n in
            let index = (n &* 7919) % customerCount
            guard let customer = try store.get(code: generator.customer(at: index).code) else {
                fatalError("generated customer \(index) is missing")
            }
            return customer
        }
        let env = store.environment
        records = try env.openDatabase("records", create: false)
        codes = try env.openDatabase("index.code", create: false)
        phones = try env.openDatabase("index.phone", create: false)
        emails = try env.openDatabase("index.email", create: false)
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }
}

let fixture: Fixture = {
    do { return try Fixture() } catch { fatalError("cannot build the benchmark store: \(error)") }
}()

/// The floor: one read transaction, a get in the unique index, a get of the record, touching
/// its first and last bytes.
func rawLookup(_ key: [UInt8], in index: MDB_dbi) -> Int {
    var txn: OpaquePointer?
    precondition(mdb_txn_begin(fixture.store.environment.handle, nil, UInt32(MDB_RDONLY), &txn) == 0)
    defer { mdb_txn_abort(txn) }
    return key.withUnsafeBytes { bytes in
        var k = MDB_val(mv_size: bytes.count, mv_data: UnsafeMutableRawPointer(mutating: bytes.baseAddress))
        var id = MDB_val()
        guard mdb_get(txn, index, &k, &id) == 0 else { return 0 }
        var record = MDB_val()
        guard mdb_get(txn, fixture.records.dbi, &id, &record) == 0 else { return 0 }
        let bytes = record.mv_data.assumingMemoryBound(to: UInt8.self)
        return Int(bytes[0]) &+ Int(bytes[record.mv_size - 1]) &+ 1
    }
}

/// Runs `lookup` over the sample and checks every customer was found.
func measure(_ benchmark: Benchmark, _ lookup: (Customer) throws -> Bool) throws {
    let sample = fixture.sample
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
        var found = 0
        for customer in sample where try lookup(customer) { found += 1 }
        precondition(found == sample.count, "every lookup finds its customer")
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        scalingFactor: .one,
        maxDuration: .seconds(3)
    )

    Benchmark("Lookup 1,000 by code: CustomerStore") { benchmark in
        try measure(benchmark) { c in try fixture.store.get(code: c.code)?.id == c.id }
    }
    Benchmark("Lookup 1,000 by code: raw LMDB") { benchmark in
        try measure(benchmark) { c in rawLookup(Array(c.code.utf8), in: fixture.codes.dbi) != 0 }
    }
    Benchmark("Lookup 1,000 by phone: CustomerStore") { benchmark in
        try measure(benchmark) { c in try fixture.store.get(phone: c.phones[0].number.e164)?.id == c.id }
    }
    Benchmark("Lookup 1,000 by phone: raw LMDB") { benchmark in
        try measure(benchmark) { c in rawLookup(Array(c.phones[0].number.e164.utf8), in: fixture.phones.dbi) != 0 }
    }
    Benchmark("Lookup 1,000 by raw-format phone: CustomerStore") { benchmark in
        let formatted = Dictionary(uniqueKeysWithValues: fixture.sample.map { ($0.id, $0.phones[0].number.nationalFormat ?? "") })
        try measure(benchmark) { c in try fixture.store.get(phone: formatted[c.id]!)?.id == c.id }
    }
    Benchmark("Lookup 1,000 by email: CustomerStore") { benchmark in
        try measure(benchmark) { c in
            guard let email = c.emails.first else { return true }
            return try fixture.store.get(email: email.address.normalized)?.id == c.id
        }
    }
    Benchmark("Lookup 1,000 by email: raw LMDB") { benchmark in
        try measure(benchmark) { c in
            guard let email = c.emails.first else { return true }
            return rawLookup(Array(email.address.normalized.utf8), in: fixture.emails.dbi) != 0
        }
    }
}
