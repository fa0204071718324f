@testable import CustomerStore
import Foundation
import Testing

/// The store's query results against a brute-force reference, on random queries.
///
/// Reproduce a failure with the seed it prints:
/// `CSTORE_QUERY_SEED=<seed> swift test --filter QueryDifferentialTests`.
@Suite("Random queries against a brute-force reference")
struct QueryDifferentialTests {
    static let defaultSeed: UInt64 = 20_261_123
    static let customerCount = 5_000
    static let queryCount = 2_000
    /// Mismatches reported before the test stops looking.
    static let maxFailures = 25

    /// `CSTORE_QUERY_SEED` when set (decimal or 0x hex), else the default.
    static var seed: UInt64 {
        guard let text = ProcessInfo.processInfo.environment["CSTORE_QUERY_SEED"]?
            .trimmingCharacters(in: .whitespaces), !text.isEmpty
        else { return defaultSeed }
        if text.lowercased().hasPrefix("0x"), let value = UInt64(text.dropFirst(2), radix: 16) { return value }
        guard let value = UInt64(text) else {
            preconditionFailure("CSTORE_QUERY_SEED must be an unsigned integer, got \(text)")
        }
        return value
    }

    /// Ids, abbreviated for messages.
    static func show(_ ids: [UInt64], limit: Int = 30) -> String {
        let shown = ids.prefix(limit).map(String.init).joined(separator: ", ")
        return "\(ids.count) ids [\(shown)\(ids.count > limit ? ", …" : "")]"
    }

    /// Where two id lists first differ, for messages.
    static func firstDifference(_ expected: [UInt64], _ actual: [UInt64]) -> String {
        let index = zip(expected, actual).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(expected.count, actual.count)
        let missing = Set(expected).subtracting(actual).sorted()
        let extra = Set(actual).subtracting(expected).sorted()
        return "first difference at position \(index); missing \(show(missing, limit: 10)); unexpected \(show(extra, limit: 10))"
    }

    /// The store and its customers, built once for all chunks.
    final class Fixture: Sendable {
        let store: CustomerStore
        let customers: [Customer]
        let path: String

        init(seed: UInt64) throws {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("query-differential-\(UUID().uuidString)").path
            var options = CustomerStore.Options()
            options.environment.noSync = true
            let store = try CustomerStore(path: path, options: options)
            let inserted = try store.insertMany(QueryTestData.customers(seed: seed, count: QueryDifferentialTests.customerCount))
            // A fresh store numbers ids from 1 in insertion order.
            customers = try (1...UInt64(inserted)).compactMap { try store.get(id: $0) }
            self.store = store
        }

        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    static let fixture = Result { try Fixture(seed: seed) }

    /// The queries run in `chunks` parallel tests, each with its own generator seed.
    static let chunks = 4

    @Test(arguments: 0..<chunks)
    func randomQueriesMatchTheReference(chunk: Int) throws {
        let fixture = try Self.fixture.get()
        let store = fixture.store
        let customers = fixture.customers
        try #require(customers.count == Self.customerCount, "seed \(Self.seed)")
        let seed = Self.seed &+ UInt64(chunk)

        let reference = ReferenceEvaluator(customers)
        var generator = RandomQueryGenerator(customers: customers, seed: seed)
        var failures = 0
        var rejected = 0
        var nonEmpty = 0

        for index in 0..<(Self.queryCount / Self.chunks) {
            let query = generator.query()
            let context = "seed \(Self.seed) (CSTORE_QUERY_SEED), chunk \(chunk) (generator seed \(seed)), query #\(index): \(query.description)"
            func fail(_ what: String) {
                failures += 1
                Issue.record(Comment(rawValue: "\(context)\n\(what)"))
            }

            // Rows.
            let expected: Result<[UInt64], ReferenceRejection>
            let expectedCount: Result<Int, ReferenceRejection>
            do {
                let (ids, matching) = try reference.run(query)
                expected = .success(ids)
                expectedCount = .success(matching)
            } catch {
                expected = .failure(error)
                // The filter alone may be fine (a rejected ORDER BY).
                do { expectedCount = .success(try reference.count(where: query.filter)) } catch { expectedCount = .failure(error) }
            }
            let actual: Result<[UInt64], any Error>
            do { actual = .success(try store.query(query).map(\.id)) } catch { actual = .failure(error) }
            switch (expected, actual) {
            case (.success(let want), .success(let got)):
                if !want.isEmpty { nonEmpty += 1 }
                if want != got {
                    fail("""
                        results differ (\(query.order.isEmpty ? "default order: id ascending" : "ordered")):
                          expected \(Self.show(want))
                          actual   \(Self.show(got))
                          \(Self.firstDifference(want, got))
                        """)
                }
            case (.success(let want), .failure(let error)):
                fail("expected \(Self.show(want)), but the store threw: \(error)")
            case (.failure(let rejection), .success(let got)):
                fail("expected a rejection (\(rejection)), but the store returned \(Self.show(got))")
            case (.failure(let rejection), .failure(let error)):
                rejected += 1
                if !rejection.accepts(error) {
                    fail("expected a rejection (\(rejection)), but the store threw another error: \(error)")
                }
            }

            // Counts answered from the postings; the other counts run the same executor as
            // the rows above, so only every eighth is repeated through count(where:).
            let actualCount: Result<Int?, any Error>
            do {
                let fromPostings = try store.countFromPostings(where: query.filter)
                actualCount = .success(fromPostings != nil || index % 8 == 0 ? try store.count(where: query.filter) : nil)
                if let fromPostings, case .success(let counted?) = actualCount, counted != fromPostings {
                    fail("count from postings is \(fromPostings), count(where:) \(counted)")
                }
            } catch {
                actualCount = .failure(error)
            }
            switch (expectedCount, actualCount) {
            case (.success, .success(nil)):
                break
            case (.success(let want), .success(let got?)):
                if want != got { fail("count(where:) is \(got), expected \(want)") }
            case (.success(let want), .failure(let error)):
                fail("count(where:) expected \(want), but the store threw: \(error)")
            case (.failure(let rejection), .success(let got)):
                fail("count(where:) expected a rejection (\(rejection)), but the store returned \(String(describing: got))")
            case (.failure(let rejection), .failure(let error)):
                if !rejection.accepts(error) {
                    fail("count(where:) expected a rejection (\(rejection)), but the store threw another error: \(error)")
                }
            }

            if failures >= Self.maxFailures {
                Issue.record(Comment(rawValue: "seed \(seed): stopping after \(failures) mismatches at query #\(index)"))
                break
            }
        }
        // The generator must keep producing useful queries (see also RandomQueriesTests).
        #expect(nonEmpty > Self.queryCount / Self.chunks / 3, "seed \(seed): only \(nonEmpty) queries matched anything")
        #expect(rejected < Self.queryCount / Self.chunks / 5, "seed \(seed): \(rejected) queries were rejected")
    }
}
