// The wrapper's cost over raw LMDB: the same lookups through `LMDB` and through `CLMDB`
// directly, on the same environment, in the same run.
import Benchmark
import CLMDB
import Foundation
import LMDB

/// Entries in the benchmark database (`CSTORE_BENCH_N`, default 100,000).
let entryCount = ProcessInfo.processInfo.environment["CSTORE_BENCH_N"].flatMap(Int.init) ?? 100_000

/// 8-byte big-endian keys with 100-byte values, loaded once per process.
final class Fixture: Sendable {
    let directory: String
    let env: Environment
    let db: PlainDatabase

    init() throws {
        directory = NSTemporaryDirectory() + "engine-bench-\(getpid())"
        var options = Environment.Options()
        options.noSync = true
        env = try Environment(path: directory, options: options)
        db = try env.openDatabase("entries")
        let value = [UInt8](repeating: 0x2A, count: 100)
        let db = db
        try env.write { txn in
            for n in 0..<entryCount { try txn.put(value, for: Fixture.key(n), in: db, flags: .append) }
        }
    }

    static func key(_ n: Int) -> [UInt8] { withUnsafeBytes(of: UInt64(n).bigEndian) { Array($0) } }

    deinit { try? FileManager.default.removeItem(atPath: directory) }
}

/// Built on first use in each benchmark process (package-benchmark runs each benchmark in its own).
let fixture: Fixture = {
    do { return try Fixture() } catch { fatalError("cannot build the benchmark data: \(error)") }
}()

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        scalingFactor: .kilo,
        maxDuration: .seconds(ProcessInfo.processInfo.environment["CSTORE_BENCH_MAX_SECONDS"].flatMap(Int.init) ?? 2)
    )

    Benchmark("1,000 gets in one read transaction: LMDB wrapper") { benchmark in
        let keys = (0..<1000).map { Fixture.key(($0 * 7919) % entryCount) }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            var found = 0
            try fixture.env.read { txn in
                for key in keys {
                    found &+= try txn.withValue(for: key, in: fixture.db) { Int($0[0]) } ?? 0
                }
            }
            precondition(found == 0x2A * keys.count, "every key is found")
            blackHole(found)
        }
    }

    Benchmark("1,000 gets in one read transaction: raw C") { benchmark in
        let keys = (0..<1000).map { Fixture.key(($0 * 7919) % entryCount) }
        let dbi = fixture.db.dbi
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            var found = 0
            var txn: OpaquePointer?
            precondition(mdb_txn_begin(fixture.env.handle, nil, UInt32(MDB_RDONLY), &txn) == 0)
            for key in keys {
                key.withUnsafeBytes { bytes in
                    var k = MDB_val(mv_size: bytes.count, mv_data: UnsafeMutableRawPointer(mutating: bytes.baseAddress))
                    var v = MDB_val()
                    if mdb_get(txn, dbi, &k, &v) == 0 { found &+= Int(v.mv_data.load(as: UInt8.self)) }
                }
            }
            mdb_txn_abort(txn)
            precondition(found == 0x2A * keys.count, "every key is found")
            blackHole(found)
        }
    }

    Benchmark("Read transaction per get: LMDB wrapper") { benchmark in
        let key = Fixture.key(entryCount / 2)
        _ = fixture
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            let found = try fixture.env.read { txn in try txn.withValue(for: key, in: fixture.db) { $0.count } }
            precondition(found == 100)
        }
    }

    Benchmark("Read transaction per get: raw C") { benchmark in
        let key = Fixture.key(entryCount / 2)
        let dbi = fixture.db.dbi
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            var txn: OpaquePointer?
            precondition(mdb_txn_begin(fixture.env.handle, nil, UInt32(MDB_RDONLY), &txn) == 0)
            let size = key.withUnsafeBytes { bytes in
                var k = MDB_val(mv_size: bytes.count, mv_data: UnsafeMutableRawPointer(mutating: bytes.baseAddress))
                var v = MDB_val()
                return mdb_get(txn, dbi, &k, &v) == 0 ? v.mv_size : 0
            }
            mdb_txn_abort(txn)
            precondition(size == 100)
        }
    }
}
