import Foundation
import CustomerStore

/// What every suite reads from the environment, so that all engines of a run see the same
/// data.
public enum BenchmarkSettings {
    /// Customers in the store: `CSTORE_BENCH_N`, 100,000 by default. Keep it small (2,000)
    /// while developing; the published tables use 100,000 and 1,000,000.
    public static let customerCount: Int = {
        guard let text = ProcessInfo.processInfo.environment["CSTORE_BENCH_N"] else { return 100_000 }
        guard let count = Int(text), count >= 1_000 else {
            // The sample spreads 1,000 distinct customers over the store, so fewer cannot work.
            fatalError("CSTORE_BENCH_N must be a whole number of at least 1,000, not \(text)")
        }
        return count
    }()

    /// The longest sampling of one benchmark: `CSTORE_BENCH_MAX_SECONDS` (`make bench-quick`
    /// sets 1), 3 seconds by default. Bulk loads have their own limit.
    public static let maxDuration: Duration = .seconds(
        ProcessInfo.processInfo.environment["CSTORE_BENCH_MAX_SECONDS"].flatMap(Int.init) ?? 3)

    /// The generator seed: fixed, so every run and every engine gets the same customers.
    public static let seed: UInt64 = 42

    /// Where the cached fixtures live: `CSTORE_BENCH_FIXTURES`, or `cstore-bench-fixtures` in
    /// the temporary directory.
    public static let fixturesDirectory: String = {
        if let path = ProcessInfo.processInfo.environment["CSTORE_BENCH_FIXTURES"], !path.isEmpty {
            return path
        }
        return (NSTemporaryDirectory() as NSString).appendingPathComponent("cstore-bench-fixtures")
    }()

    /// The customer generator of the run (codes `KH00000001`, ... so every engine stores the
    /// same code for the same customer).
    public static var generator: CustomerGenerator { CustomerGenerator(seed: seed, codes: true) }

    /// `count` with `,` between thousands (`1,000,000`), as benchmark names write numbers: the
    /// report script reads the first number of a case name as its operations per run.
    public static func grouped(_ count: Int) -> String {
        let digits = Array(String(count))
        var text = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }
}
