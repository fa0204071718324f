@testable import CustomerStore
import Foundation

/// One store of generated customers shared by the query tests of a test run (building it
/// for every test would dominate their time); tests that write use their own store.
final class QueryFixture: Sendable {
    static let customerCount = 3_000
    static let shared: Result<QueryFixture, any Error> = Result { try QueryFixture() }

    let store: CustomerStore
    /// Every stored customer, by id.
    let customers: [Customer]

    private init() throws {
        let path = Self.path
        try? FileManager.default.removeItem(atPath: path)
        let store = try CustomerStore(path: path)
        _ = try store.insertMany(CustomerGenerator(seed: 11, codes: true).customers(count: Self.customerCount))
        customers = try (1...UInt64(Self.customerCount)).compactMap { try store.get(id: $0) }
        self.store = store
        atexit { try? FileManager.default.removeItem(atPath: QueryFixture.path) }
    }

    static func get() throws -> QueryFixture { try shared.get() }

    /// The store's directory, one per test process (an `atexit` handler cannot capture it).
    private static var path: String {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("query-tests-\(ProcessInfo.processInfo.processIdentifier)").path
    }
}
