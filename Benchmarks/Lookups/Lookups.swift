// Lookups by code, phone and email: CustomerStore (public API, full `Customer` values), the
// raw LMDB floor (same environment and key layout through CLMDB, no decoding) and SQLite (one
// table, UNIQUE indexes, full `Customer` rebuilt from the row), on the same cached fixture.
// Every lookup is checked to find the right customer, so a fast wrong answer cannot pass.
import Benchmark
import BenchmarkSupport
import CLMDB
import CustomerStore
import Foundation

/// The three engines on the shared fixture, opened once per benchmark process (each
/// benchmark runs in its own).
final class Engines: Sendable {
    let store: CustomerStore
    let raw: RawLMDBLookups
    let sqlite: SQLiteBaseline

    init() throws {
        let fixture = try Fixture.prepare()
        var options = CustomerStore.Options()
        // Lookups never write; read-only also guarantees the shared fixture stays as built.
        options.environment.readOnly = true
        store = try CustomerStore(path: fixture.storePath, options: options)
        raw = try RawLMDBLookups(environment: store.environment)
        sqlite = try SQLiteBaseline(path: fixture.sqlitePath)
    }
}

let engines: Engines = {
    do { return try Engines() } catch { fatalError("cannot open the benchmark fixture: \(error)") }
}()

/// One lookup case: the key each engine is given for each sample customer, and the id it must
/// find.
struct LookupCase {
    let name: String
    /// The sample customers (1,000).
    let sample: () -> [Customer]
    /// The key CustomerStore gets (the raw-format phone case gives it what a person typed).
    let storeKey: (Customer) -> String
    /// The key the raw floor and SQLite get: the stored form.
    let storedKey: (Customer) -> String
    let storeLookup: (CustomerStore, String) throws -> Customer?
    let rawIndex: (RawLMDBLookups) -> MDB_dbi
    let sqliteLookup: (SQLiteBaseline, String) throws -> Customer?
}

/// Runs `lookup` over `keys` in each iteration and checks every answer is the expected id.
func measure(_ benchmark: Benchmark, _ keys: [(key: String, id: UInt64)], _ lookup: (String) throws -> UInt64?) throws {
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
        for (key, id) in keys {
            let found = try lookup(key)
            precondition(found == id, "lookup of \(key) found \(found.map(String.init) ?? "nothing"), not customer \(id)")
        }
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
        scalingFactor: .one,
        maxDuration: BenchmarkSettings.maxDuration
    )

    let cases = [
        LookupCase(name: "Lookup 1,000 by code", sample: { Sample.customers() },
                   storeKey: \.code, storedKey: \.code,
                   storeLookup: { try $0.get(code: $1) }, rawIndex: \.codes,
                   sqliteLookup: { try $0.customer(code: $1) }),
        LookupCase(name: "Lookup 1,000 by phone", sample: { Sample.customers() },
                   storeKey: { $0.phones[0].number.e164 }, storedKey: { $0.phones[0].number.e164 },
                   storeLookup: { try $0.get(phone: $1) }, rawIndex: \.phones,
                   sqliteLookup: { try $0.customer(phone: $1) }),
        // The same phones as typed (`0912 345 678`): CustomerStore normalises them; the floor
        // and SQLite are handed the E.164 key, which flatters them by the cost of parsing.
        LookupCase(name: "Lookup 1,000 by raw-format phone", sample: { Sample.customers() },
                   storeKey: { $0.phones[0].number.nationalFormat ?? $0.phones[0].number.raw },
                   storedKey: { $0.phones[0].number.e164 },
                   storeLookup: { try $0.get(phone: $1) }, rawIndex: \.phones,
                   sqliteLookup: { try $0.customer(phone: $1) }),
        // 30 % of customers have no email; this sample takes 1,000 that do.
        LookupCase(name: "Lookup 1,000 by email", sample: { Sample.customers { !$0.emails.isEmpty } },
                   storeKey: { $0.emails[0].address.normalized }, storedKey: { $0.emails[0].address.normalized },
                   storeLookup: { try $0.get(email: $1) }, rawIndex: \.emails,
                   sqliteLookup: { try $0.customer(email: $1) }),
    ]

    for lookup in cases {
        Benchmark("\(lookup.name): CustomerStore") { benchmark in
            let keys = lookup.sample().map { (key: lookup.storeKey($0), id: $0.id) }
            let store = engines.store
            try measure(benchmark, keys) { key in
                let customer = try lookup.storeLookup(store, key)
                blackHole(customer)
                return customer?.id
            }
        }
        Benchmark("\(lookup.name): raw LMDB") { benchmark in
            let keys = lookup.sample().map { (key: lookup.storedKey($0), id: $0.id) }
            let raw = engines.raw
            let index = lookup.rawIndex(raw)
            try measure(benchmark, keys) { key in
                let hit = try raw.lookup(key, in: index)
                blackHole(hit?.touch)
                return hit?.id
            }
        }
        Benchmark("\(lookup.name): SQLite") { benchmark in
            let keys = lookup.sample().map { (key: lookup.storedKey($0), id: $0.id) }
            let sqlite = engines.sqlite
            try measure(benchmark, keys) { key in
                let customer = try lookup.sqliteLookup(sqlite, key)
                blackHole(customer)
                return customer?.id
            }
        }
    }
}
