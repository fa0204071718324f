@testable import CustomerStore
import Foundation
import LMDB
import Testing

@Suite("verify() finds planted damage and reindex() repairs it")
struct VerifyTests {
    /// Three customers with phones, emails, segments and tags.
    func populated() throws -> TemporaryStore {
        let test = try TemporaryStore()
        for (n, name) in ["Nguyễn Văn An", "Lê Thị Hoa", "Phạm Minh Tuấn"].enumerated() {
            var customer = Customer(fullName: name)
            customer.phones = [try ContactPhone(parsing: "091234567\(n)")]
            customer.emails = [try ContactEmail(parsing: "c\(n)@example.vn")]
            customer.segment = n == 0 ? "VIP" : "new"
            customer.tags = ["khach le"]
            customer.points = Int64(n * 1000)
            try test.store.insert(customer)
        }
        let report = try test.store.verify()
        #expect(report.isClean)
        #expect(report.recordsChecked == 3)
        return test
    }

    func database(_ field: String, _ test: TemporaryStore) throws -> IndexStorage {
        try requireIndex(field, test.store).storage
    }

    func damage(_ test: TemporaryStore, _ body: (inout WriteTransaction) throws -> Void) throws {
        try test.store.environment.write(body)
    }

    func expectRepaired(_ test: TemporaryStore) throws {
        let collisions = try test.store.reindex()
        #expect(collisions.isEmpty)
        #expect(try test.store.verify().isClean)
    }

    @Test func aMissingUniqueEntryIsARecordWithoutEntry() throws {
        let test = try populated()
        guard case .unique(let phones) = try database("phone", test) else { return }
        try damage(test) { txn in try txn.delete("+84912345671", in: phones) }
        #expect(try test.store.verify().problems == [.recordWithoutEntry(index: "phone", key: "+84912345671", id: 2)])
        try expectRepaired(test)
        #expect(try test.store.get(phone: "0912345671")?.id == 2)
    }

    @Test func aMissingPostingIsARecordWithoutEntry() throws {
        let test = try populated()
        guard case .postings(let tags) = try database("tags", test) else { return }
        try damage(test) { txn in try txn.delete("khach le", value: IndexKey.id(3), in: tags) }
        #expect(try test.store.verify().problems == [.recordWithoutEntry(index: "tags", key: "khach le", id: 3)])
        try expectRepaired(test)
    }

    @Test func aPostingForAMissingCustomerIsAnEntryWithoutRecord() throws {
        let test = try populated()
        guard case .postings(let segments) = try database("segment", test) else { return }
        try damage(test) { txn in try txn.put(IndexKey.id(99), for: "vip", in: segments) }
        #expect(try test.store.verify().problems == [.entryWithoutRecord(index: "segment", key: "vip", id: 99)])
        try expectRepaired(test)
    }

    @Test func extraEntriesForExistingCustomersAreStale() throws {
        let test = try populated()
        guard case .postings(let segments) = try database("segment", test),
              case .unique(let phones) = try database("phone", test) else { return }
        try damage(test) { txn in
            try txn.put(IndexKey.id(2), for: "vip", in: segments)
            try txn.put(IndexKey.id(1), for: "+84999999999", in: phones)
        }
        let problems = try test.store.verify().problems
        #expect(Set(problems) == [
            .staleEntry(index: "segment", key: "vip", id: 2),
            .staleEntry(index: "phone", key: "+84999999999", id: 1),
        ])
        try expectRepaired(test)
        #expect(try test.store.get(phone: "+84999999999") == nil)
    }

    @Test func aUniqueEntryNamingAnotherCustomerPointsToTheWrongRecord() throws {
        let test = try populated()
        guard case .unique(let emails) = try database("email", test) else { return }
        try damage(test) { txn in try txn.put(IndexKey.id(1), for: "c2@example.vn", in: emails) }
        #expect(try test.store.verify().problems == [
            .entryPointsToWrongRecord(index: "email", key: "c2@example.vn", pointsTo: 1, belongsTo: 3),
        ])
        try expectRepaired(test)
        #expect(try test.store.get(email: "c2@example.vn")?.id == 3)
    }

    @Test func twoRecordsWithOneUniqueKeyAreDuplicates() throws {
        let test = try populated()
        // Plant a record that bypassed the store: it reuses customer 1's phone.
        var rogue = Customer(fullName: "Rogue Record", code: "ROGUE")
        rogue.phones = [try ContactPhone(parsing: "0912345670")]
        try damage(test) { txn in
            try txn.put(CustomerRecord.encode(rogue), for: IndexKey.id(50), in: test.store.databases.records)
        }
        let problems = try test.store.verify().problems
        #expect(problems.contains(.duplicateUniqueKey(index: "phone", key: "+84912345670", ids: [1, 50])))
        #expect(problems.contains(.recordWithoutEntry(index: "code", key: "ROGUE", id: 50)))
        // Reindex indexes everything it can and reports the collision it cannot resolve.
        let collisions = try test.store.reindex()
        #expect(collisions == [.duplicateUniqueKey(index: "phone", key: "+84912345670", ids: [1, 50])])
        #expect(try test.store.get(code: "ROGUE")?.id == 50)
        #expect(try test.store.get(phone: "0912345670")?.id == 1, "the lowest id keeps the key")
        #expect(try test.store.verify().problems == [.duplicateUniqueKey(index: "phone", key: "+84912345670", ids: [1, 50])])
    }

    @Test func aCorruptRecordIsReportedNotFatal() throws {
        let test = try populated()
        try damage(test) { txn in
            try txn.put([CustomerRecord.formatVersion, 0x02, 0x40, 0x41], for: IndexKey.id(2), in: test.store.databases.records)
        }
        let report = try test.store.verify()
        #expect(report.recordsChecked == 3)
        guard case .corruptRecord(let error) = try #require(report.problems.first) else {
            Issue.record("expected a corrupt record first: \(report.problems)")
            return
        }
        #expect(error.id == 2)
        #expect(report.problems.count == 1, "its index entries are not misreported as orphans: \(report.problems)")
        #expect(throws: CustomerStoreError.self) { try test.store.get(id: 2) }
    }
}
