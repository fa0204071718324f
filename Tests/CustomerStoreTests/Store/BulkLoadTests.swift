@testable import CustomerStore
import Foundation
import LMDB
import Testing

@Suite("Bulk loads build the indexes sorted, in one transaction")
struct BulkLoadTests {
    func customer(_ n: Int, phone: Int? = nil, email: String? = nil) throws -> Customer {
        var customer = Customer(fullName: "Khách \(n)")
        customer.phones = [try ContactPhone(parsing: String(format: "09%08d", phone ?? n))]
        if let email { customer.emails = [try ContactEmail(parsing: email)] }
        customer.segment = ["loyal", "new", "at risk"][n % 3]
        customer.points = Int64(n % 7 * 1000)
        return customer
    }

    /// Every record of the store, encoded, in id order.
    func records(_ store: CustomerStore) throws -> [[UInt8]] {
        try store.environment.read { txn in try txn.entries(in: store.databases.records).map(\.value) }
    }

    @Test(arguments: [256 << 20, 16 << 10])
    func aLoadStoresWhatInsertsOneByOneStore(pendingIndexBudget: Int) throws {
        let generated = Array(CustomerGenerator(seed: 5).customers(count: 2_500))
        let oneByOne = try TemporaryStore()
        let loaded = try TemporaryStore()
        // Both stores start with the same 500 customers, so the load also writes into keys
        // and pages that exist (and, with the small budget, writes its entries many times).
        for test in [oneByOne, loaded] {
            try test.store.write { batch in
                for customer in generated[..<500] { try batch.insert(customer, keepingUpdatedAt: true) }
            }
        }
        try oneByOne.store.write { batch in
            for customer in generated[500...] { try batch.insert(customer, keepingUpdatedAt: true) }
        }
        let count = try loaded.store.bulkLoad(pendingIndexBudget: pendingIndexBudget) { load in
            for customer in generated[500...] {
                guard case .stored = try load.insert(customer, keepingUpdatedAt: true) else {
                    Issue.record("a generated customer was refused")
                    return load.count
                }
            }
            return load.count
        }
        #expect(count == 2_000)
        #expect(try loaded.allIndexEntries() == oneByOne.allIndexEntries())
        #expect(try records(loaded.store) == records(oneByOne.store))
        let report = try loaded.store.verify()
        #expect(report.isClean, "\(report.problems.prefix(3))")
        #expect(report.recordsChecked == 2_500)
        // The counters went on: the next customer gets the next id and code.
        let next = try loaded.store.insert(Customer(fullName: "Sau cùng"))
        #expect(next.id == 2_501)
        #expect(try oneByOne.store.insert(Customer(fullName: "Sau cùng")).code == next.code)
    }

    @Test func aDuplicateRefusesOnlyItsCustomerAndLeavesNothingOfIt() throws {
        let test = try TemporaryStore()
        let stored = try test.store.insert(try customer(1, email: "an@example.com"))
        try test.store.bulkLoad { load in
            let first = try load.insert(try customer(2, email: "binh@example.com"))
            // A phone of this load, then an email of the stored customer: each refused whole.
            #expect(throws: CustomerStoreError.duplicate(field: "phone", value: "+84900000002", heldBy: first.code)) {
                try load.insert(try customer(3, phone: 2, email: "chi@example.com"))
            }
            #expect(throws: CustomerStoreError.duplicate(field: "email", value: "an@example.com", heldBy: stored.code)) {
                try load.insert(try customer(4, email: "an@example.com"))
            }
            // The refused customers' keys and id are free again.
            let third = try load.insert(try customer(3, email: "chi@example.com"))
            #expect(third.id == first.id + 1)
            #expect(third.code == "KH00000003")
            #expect(load.count == 2)
        }
        #expect(try test.store.count() == 3)
        #expect(try test.store.get(email: "chi@example.com")?.fullName == "Khách 3")
        #expect(try test.store.get(phone: "0900000004") == nil)
        #expect(try test.postings("segment", Array("loyal".utf8)).count == 1, "only customer 3 of the load is loyal")
        #expect(try test.store.verify().isClean)
    }

    @Test func aKeyTooLongIsRefusedBeforeAnythingIsWritten() throws {
        let test = try TemporaryStore()
        try test.store.bulkLoad { load in
            var tooLong = try customer(1)
            tooLong.tags = ["vip", String(repeating: "a", count: 600)]
            #expect(throws: CustomerStoreError.self) { try load.insert(tooLong) }
            try load.insert(try customer(2))
        }
        #expect(try test.store.count() == 1)
        #expect(try test.store.get(phone: "0900000001") == nil)
        #expect(try test.postings("tags", Array("vip".utf8)) == [])
        #expect(try test.store.verify().isClean)
    }

    @Test func aLoadThatThrowsStoresNothing() throws {
        struct Stop: Error {}
        let test = try TemporaryStore()
        try test.store.insert(try customer(1))
        let before = try test.allIndexEntries()
        #expect(throws: Stop.self) {
            try test.store.bulkLoad(pendingIndexBudget: 1 << 10) { load in
                for n in 2..<200 { try load.insert(try customer(n)) }
                throw Stop()
            }
        }
        #expect(try test.store.count() == 1)
        #expect(try test.allIndexEntries() == before)
        #expect(try test.store.insert(try customer(2)).id == 2, "no id was used up")
    }

    @Test func assignedCodesSkipCodesTakenInTheLoad() throws {
        let test = try TemporaryStore()
        try test.store.bulkLoad { load in
            var taken = try customer(1)
            taken.code = "KH00000002"
            try load.insert(taken)
            #expect(try load.insert(try customer(2)).code == "KH00000001")
            #expect(try load.insert(try customer(3)).code == "KH00000003")
        }
        #expect(try test.store.insert(try customer(4)).code == "KH00000004")
    }
}
