@testable import CustomerStore
import Foundation
import Testing

@Suite("Readers and a writer at once")
struct ConcurrentReadTests {
    /// The writer sets every customer's points and segment to the same generation in one
    /// batch; a reader must always see both fields from one generation, in every customer.
    @Test func readersAlwaysSeeWholeRecords() async throws {
        var options = CustomerStore.Options()
        options.environment.noSync = true
        let test = try TemporaryStore(options: options)
        let store = test.store
        let inserted = try store.insertMany((0..<50).map { n in
            var customer = Customer(fullName: "Khách \(n)")
            customer.phones = [try ContactPhone(parsing: String(format: "09%08d", n))]
            customer.segment = "gen-0"
            return customer
        })
        #expect(inserted == 50)

        let checked = try await withThrowingTaskGroup(of: Int.self) { group in
            group.addTask {
                for generation in 1...300 {
                    try store.write { batch in
                        for id in UInt64(1)...50 {
                            try batch.update(id: id) { customer in
                                customer.points = Int64(generation)
                                customer.segment = "gen-\(generation)"
                            }
                        }
                    }
                }
                return 0
            }
            for reader in 0..<3 {
                group.addTask {
                    var checked = 0
                    for n in 0..<2000 {
                        let customer = n % 2 == 0
                            ? try #require(try store.get(id: UInt64((n + reader) % 50 + 1)))
                            : try #require(try store.get(phone: String(format: "09%08d", (n + reader) % 50)))
                        #expect(customer.segment == "gen-\(customer.points)", "a torn record: \(customer.points) vs \(customer.segment ?? "nil")")
                        #expect(customer.version == UInt64(customer.points) + 1)
                        checked += 1
                    }
                    return checked
                }
            }
            return try await group.reduce(0, +)
        }
        #expect(checked == 6000)
        #expect(try store.get(id: 1)?.points == 300)
        #expect(try store.verify().isClean)
    }
}
