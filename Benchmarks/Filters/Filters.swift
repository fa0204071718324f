// Filters, ordered reads and counts through the query layer: CustomerStore (public API:
// `query`, `count(where:)`, `groupCount(by:)`, full `Customer` values), the raw LMDB floor
// (the store's postings and records through CLMDB, no decoding; see RawLMDBFilters) and
// SQLite (the baseline's table and indexes plus an index on points, rows rebuilt into full
// `Customer` values), on the same cached fixture.
//
// Each case runs its query once per iteration. The answers are worked out once per process
// from SQLite and confirmed by the raw floor before measuring; every run of every engine is
// then checked against them (same ids in the same order, same counts), so a fast wrong answer
// cannot pass. Case names carry no digits: the report reads the first number of a name as
// the operations per iteration, and each iteration here is one query.
import Benchmark
import BenchmarkSupport
import CustomerStore
import Foundation

/// The three engines on the shared fixture, opened once per benchmark process (each
/// benchmark runs in its own).
final class Engines: Sendable {
    let store: CustomerStore
    let raw: RawLMDBFilters
    let sqlite: SQLiteFilters

    init() throws {
        let fixture = try Fixture.prepare()
        var options = CustomerStore.Options()
        // Queries never write; read-only also guarantees the shared fixture stays as built.
        options.environment.readOnly = true
        store = try CustomerStore(path: fixture.storePath, options: options)
        raw = try RawLMDBFilters(environment: store.environment)
        sqlite = try SQLiteFilters(path: try fixture.filtersSQLitePath())
    }
}

let engines: Engines = {
    do { return try Engines() } catch { fatalError("cannot open the benchmark fixture: \(error)") }
}()

/// The values the queries filter on. About 10.6 % of customers are `loyal` (weight 14 of 112,
/// 85 % have a segment) and about 16 % live in Hà Nội, so at N = 20,000 and up the compound
/// filter has hundreds of matches and its limit is always reached.
enum Filter {
    static let segment = "loyal"
    static let province = "Hà Nội"
    static let minimumPoints: Int64 = 1_000
    static let limit = 20
    static let top = 10

    /// Index keys are folded: `ha noi`.
    static let segmentKey = IndexKey.folded(segment)!
    static let provinceKey = IndexKey.folded(province)!

    static let segmentPredicate = QueryField.segment == .string(segment)
    static let segmentAndProvince = segmentPredicate && QueryField.province == .string(province)
}

/// The answers every engine must give.
struct Expected: Sendable {
    let segment: [UInt64]
    let compound: [UInt64]
    let top: [UInt64]
    let count: Int
    /// Customers per province as customers hold it (`Hà Nội`), `nil` for those with none
    /// (an empty province, which is not indexed).
    let provinces: [String?: Int]
    /// The same groups under their index keys, in key order, then the customers with none,
    /// as the floor reads them.
    let provinceKeys: [RawLMDBFilters.Group]

    /// From SQLite, confirmed by the raw floor.
    init(sqlite: SQLiteFilters, raw: RawLMDBFilters) throws {
        segment = try sqlite.customers(segment: Filter.segment).map(\.id)
        compound = try sqlite.customers(segment: Filter.segment, province: Filter.province,
                                        pointsAbove: Filter.minimumPoints, limit: Filter.limit).map(\.id)
        top = try sqlite.topByPoints(Filter.top).map(\.id)
        count = try sqlite.count(segment: Filter.segment, province: Filter.province)
        var provinces: [String?: Int] = [:]
        var byKey: [[UInt8]: Int] = [:]
        var withNone = 0
        for group in try sqlite.countsByProvince() {
            guard let key = IndexKey.folded(group.province) else {
                withNone += group.count
                continue
            }
            provinces[group.province, default: 0] += group.count
            byKey[key, default: 0] += group.count
        }
        if withNone > 0 { provinces[nil] = withNone }
        self.provinces = provinces
        provinceKeys = byKey.map { RawLMDBFilters.Group(key: $0.key, count: $0.value) }
            .sorted { ($0.key ?? []).lexicographicallyPrecedes($1.key ?? []) }
            + (withNone > 0 ? [RawLMDBFilters.Group(key: nil, count: withNone)] : [])

        precondition(!segment.isEmpty && count > 0 && top.count == Filter.top,
                     "the fixture has customers for every query")
        precondition(compound.count == Filter.limit, "the compound filter reaches its limit of \(Filter.limit)")
        let floorScan = try raw.scan(Filter.segmentKey, in: raw.segments).ids
        let floorCompound = try raw.firstMatches(segment: Filter.segmentKey, province: Filter.provinceKey,
                                                 pointsAbove: Filter.minimumPoints, limit: Filter.limit).ids
        let floorTop = try raw.topByPoints(Filter.top).ids
        let floorCount = try raw.count(segment: Filter.segmentKey, province: Filter.provinceKey)
        let floorGroups = try raw.groupCounts(in: raw.provinces)
        precondition(floorScan == segment, "SQLite and the floor agree on the segment")
        precondition(floorCompound == compound, "SQLite and the floor agree on the compound filter")
        precondition(floorTop == top, "SQLite and the floor agree on the top customers")
        precondition(floorCount == count, "SQLite and the floor agree on the count")
        precondition(floorGroups == provinceKeys, "SQLite and the floor agree on the groups")
    }
}

let expected: Expected = {
    do { return try Expected(sqlite: engines.sqlite, raw: engines.raw) } catch {
        fatalError("cannot work out the expected answers: \(error)")
    }
}()

/// Runs `query` once per iteration and checks every answer with `isRight`.
func measure<Answer>(_ benchmark: Benchmark, _ query: () throws -> Answer, isRight: (Answer) -> Bool) throws {
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
        let answer = try query()
        precondition(isRight(answer), "\(benchmark.name) gave a wrong answer")
        blackHole(answer)
    }
}

/// Whether `customers` are the customers `ids`, in that order.
func same(_ customers: [Customer], _ ids: [UInt64]) -> Bool {
    customers.count == ids.count && zip(customers, ids).allSatisfy { $0.id == $1 }
}

/// Whether `groups` are the expected customers per province.
func same(_ groups: some Collection<(value: String?, count: Int)>, _ provinces: [String?: Int]) -> Bool {
    groups.count == provinces.count && groups.allSatisfy { provinces[$0.value] == $0.count }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
        scalingFactor: .one,
        maxDuration: BenchmarkSettings.maxDuration
    )

    // MARK: Segment scan

    // Every customer of one segment, materialised: CustomerStore reads the posting and
    // decodes each record; SQLite walks its segment index and rebuilds each row; the floor
    // reads the posting and gets each record's bytes.
    let scan = "Segment scan"
    Benchmark("\(scan): CustomerStore") { benchmark in
        let (store, want) = (engines.store, expected.segment)
        let query = CustomerQuery(filter: Filter.segmentPredicate)
        try measure(benchmark, { try store.query(query) }, isRight: { same($0, want) })
    }
    Benchmark("\(scan): raw LMDB") { benchmark in
        let (raw, want) = (engines.raw, expected.segment)
        try measure(benchmark, { try raw.scan(Filter.segmentKey, in: raw.segments) }, isRight: { $0.ids == want })
    }
    Benchmark("\(scan): SQLite") { benchmark in
        let (sqlite, want) = (engines.sqlite, expected.segment)
        try measure(benchmark, { try sqlite.customers(segment: Filter.segment) }, isRight: { same($0, want) })
    }

    // MARK: Compound filter with a limit

    // segment = 'loyal' AND province = 'Hà Nội' AND points > 1000, the first 20 by id.
    // SQLite has the compound (segment, province, points) index; the floor merges the two
    // postings and reads points from each common record's bytes.
    let compound = "Compound filter with limit"
    Benchmark("\(compound): CustomerStore") { benchmark in
        let (store, want) = (engines.store, expected.compound)
        let query = CustomerQuery(filter: Filter.segmentAndProvince && QueryField.points > .integer(Filter.minimumPoints),
                                  limit: Filter.limit)
        try measure(benchmark, { try store.query(query) }, isRight: { same($0, want) })
    }
    Benchmark("\(compound): raw LMDB") { benchmark in
        let (raw, want) = (engines.raw, expected.compound)
        try measure(benchmark, {
            try raw.firstMatches(segment: Filter.segmentKey, province: Filter.provinceKey,
                                 pointsAbove: Filter.minimumPoints, limit: Filter.limit)
        }, isRight: { $0.ids == want })
    }
    Benchmark("\(compound): SQLite") { benchmark in
        let (sqlite, want) = (engines.sqlite, expected.compound)
        try measure(benchmark, {
            try sqlite.customers(segment: Filter.segment, province: Filter.province,
                                 pointsAbove: Filter.minimumPoints, limit: Filter.limit)
        }, isRight: { same($0, want) })
    }

    // MARK: Ordered top ten

    // ORDER BY points DESC LIMIT 10 (ties by id): each engine walks a points index from its
    // end and reads the ten records.
    let top = "Top ten by points"
    Benchmark("\(top): CustomerStore") { benchmark in
        let (store, want) = (engines.store, expected.top)
        let query = CustomerQuery(order: [.descending(.points)], limit: Filter.top)
        try measure(benchmark, { try store.query(query) }, isRight: { same($0, want) })
    }
    Benchmark("\(top): raw LMDB") { benchmark in
        let (raw, want) = (engines.raw, expected.top)
        try measure(benchmark, { try raw.topByPoints(Filter.top) }, isRight: { $0.ids == want })
    }
    Benchmark("\(top): SQLite") { benchmark in
        let (sqlite, want) = (engines.sqlite, expected.top)
        try measure(benchmark, { try sqlite.topByPoints(Filter.top) }, isRight: { same($0, want) })
    }

    // MARK: Count

    // count(segment = 'loyal' AND province = 'Hà Nội'): CustomerStore and the floor from the
    // postings alone, SQLite from its compound index.
    let count = "Count segment and province"
    Benchmark("\(count): CustomerStore") { benchmark in
        let (store, want) = (engines.store, expected.count)
        try measure(benchmark, { try store.count(where: Filter.segmentAndProvince) }, isRight: { $0 == want })
    }
    Benchmark("\(count): raw LMDB") { benchmark in
        let (raw, want) = (engines.raw, expected.count)
        try measure(benchmark, { try raw.count(segment: Filter.segmentKey, province: Filter.provinceKey) },
                    isRight: { $0 == want })
    }
    Benchmark("\(count): SQLite") { benchmark in
        let (sqlite, want) = (engines.sqlite, expected.count)
        try measure(benchmark, { try sqlite.count(segment: Filter.segment, province: Filter.province) },
                    isRight: { $0 == want })
    }

    // MARK: Grouped count

    // Customers per province: CustomerStore's groupCount, SQLite's GROUP BY on its province
    // index, the floor's walk of index.province keys with mdb_cursor_count.
    let group = "Group count by province"
    Benchmark("\(group): CustomerStore") { benchmark in
        let (store, want) = (engines.store, expected.provinces)
        try measure(benchmark, { try store.groupCount(by: .province) },
                    isRight: { same($0.lazy.map { (value: $0.value, count: $0.count) }, want) })
    }
    Benchmark("\(group): raw LMDB") { benchmark in
        let (raw, want) = (engines.raw, expected.provinceKeys)
        try measure(benchmark, { try raw.groupCounts(in: raw.provinces) }, isRight: { $0 == want })
    }
    Benchmark("\(group): SQLite") { benchmark in
        let (sqlite, want) = (engines.sqlite, expected.provinces)
        try measure(benchmark, { try sqlite.countsByProvince() },
                    isRight: { same($0.lazy.map { (value: $0.province.isEmpty ? nil : $0.province, count: $0.count) }, want) })
    }
}
