@testable import CustomerStore
import Foundation
import Testing

@Suite("Batches and bulk loads are atomic")
struct BatchTests {
    func customer(_ n: Int) throws -> Customer {
        var customer = Customer(fullName: "Khách \(n)")
        customer.phones = [try ContactPhone(parsing: String(format: "09%08d", n))]
        customer.segment = n % 2 == 0 ? "even" : "odd"
        return customer
    }

    @Test func aBatchStoresEverythingAndReadsItsOwnWrites() throws {
        let test = try TemporaryStore()
        let gone = try test.store.insert(try customer(0))
        let result = try test.store.write { batch in
            let first = try batch.insert(try customer(1))
            try batch.update(id: first.id) { $0.points = 700 }
            let seen = try batch.get(phone: "0900000001")?.points
            try batch.delete(id: gone.id)
            let deletedSeen = try batch.get(id: gone.id)
            return (seen, deletedSeen)
        }
        #expect(result.0 == 700)
        #expect(result.1 == nil)
        #expect(try test.store.count() == 1)
        #expect(try test.store.get(phone: "0900000001")?.version == 2)
        #expect(try test.store.verify().isClean)
    }

    @Test func aConflictInsideABatchLeavesTheStoreUnchanged() throws {
        let test = try TemporaryStore()
        try test.store.insert(try customer(5))
        let before = try test.allIndexEntries()
        #expect(throws: CustomerStoreError.duplicate(field: "phone", value: "+84900000005", heldBy: "KH00000001")) {
            try test.store.write { batch in
                try batch.insert(try customer(6))
                try batch.update(code: "KH00000001") { $0.points = 1 }
                try batch.insert(try customer(5))
            }
        }
        #expect(try test.store.count() == 1)
        #expect(try test.store.get(phone: "0900000006") == nil)
        #expect(try test.store.get(code: "KH00000001")?.points == 0)
        #expect(try test.allIndexEntries() == before)
        #expect(try test.store.verify().isClean)
    }

    @Test func insertManyLoadsInTransactionsAndNamesTheRejectedItem() throws {
        let test = try TemporaryStore()
        #expect(try test.store.insertMany((0..<2500).map(customer), transactionSize: 1000) == 2500)
        #expect(try test.store.count() == 2500)
        #expect(try test.postings("segment", Array("even".utf8)).count == 1250)

        var rows = try (2500..<5000).map(customer)
        rows[1700].phones = rows[3].phones  // item 1700 repeats a phone of item 3 of this load
        let error = try #require(throws: CustomerStoreError.self) {
            try test.store.insertMany(rows, transactionSize: 1000)
        }
        #expect(error == .rejectedItem(
            position: 1700, stored: 1000,
            reason: .duplicate(field: "phone", value: "+84900002503", heldBy: "KH00002504")))
        #expect(try test.store.count() == 3500, "the first 1,000 of the second load are kept whole")
        let report = try test.store.verify()
        #expect(report.isClean)
        #expect(report.recordsChecked == 3500)
    }
}
