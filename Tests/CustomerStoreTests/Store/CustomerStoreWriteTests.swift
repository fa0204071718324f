@testable import CustomerStore
import Foundation
import LMDB
import Testing

@Suite("Insert, look up, update and delete customers")
struct CustomerStoreWriteTests {
    static func an(_ name: String, phone: String? = nil, email: String? = nil, code: String = "") throws -> Customer {
        Customer(
            fullName: name, code: code,
            phones: try phone.map { [try ContactPhone(parsing: $0, isPrimary: true)] } ?? [],
            emails: try email.map { [try ContactEmail(parsing: $0, isPrimary: true)] } ?? [])
    }

    @Test func insertAssignsIdsAndCodesAndSkipsCodesTaken() throws {
        let test = try TemporaryStore()
        let first = try test.store.insert(try Self.an("Nguyễn Văn An"))
        let brought = try test.store.insert(try Self.an("Lê Thị Hoa", code: "kh00000002"))
        let third = try test.store.insert(try Self.an("Phạm Minh Tuấn"))
        #expect([first.id, brought.id, third.id] == [1, 2, 3])
        #expect(first.code == "KH00000001")
        #expect(brought.code == "KH00000002", "a given code is kept, in its normal form")
        #expect(third.code == "KH00000003", "the sequence skips the code a customer brought")
        #expect(first.version == 1)
        #expect(try test.store.count() == 3)
    }

    @Test func lookupsAcceptEveryFormat() throws {
        let test = try TemporaryStore()
        let stored = try test.store.insert(try Self.an("Nguyễn Văn An", phone: "0912 345 678", email: "An.Nguyen@Example.vn"))
        for phone in ["0912 345 678", "+84 912 345 678", "84912345678", "0084912345678", "912345678", "0912.345.678"] {
            #expect(try test.store.get(phone: phone)?.id == stored.id, "\(phone)")
        }
        #expect(try test.store.get(email: "  an.nguyen@EXAMPLE.VN ")?.id == stored.id)
        #expect(try test.store.get(code: " kh00000001")?.id == stored.id)
        #expect(try test.store.get(id: stored.id) == stored)
        #expect(try test.store.get(phone: "0987 654 321") == nil)
        #expect(try test.store.get(id: 99) == nil)
        let error = try #require(throws: CustomerStoreError.self) { try test.store.get(phone: "12ab") }
        guard case .invalidField(let field, let value, _) = error else { Issue.record("\(error)"); return }
        #expect(field == "phone" && value == "12ab")
    }

    @Test func aDuplicatePhoneIsRefusedAndNothingOfTheInsertRemains() throws {
        let test = try TemporaryStore()
        try test.store.insert(try Self.an("Nguyễn Văn An", phone: "0912 345 678"))
        let before = try test.allIndexEntries()
        var second = try Self.an("Trần Văn Bình", phone: "+84 912 345 678", email: "binh@example.vn")
        second.segment = "VIP"
        let error = try #require(throws: CustomerStoreError.self) { try test.store.insert(second) }
        #expect(error == .duplicate(field: "phone", value: "+84912345678", heldBy: "KH00000001"))
        #expect(error.description == "duplicate phone \"+84912345678\": it already belongs to customer KH00000001")
        #expect(try test.store.count() == 1)
        #expect(try test.store.get(email: "binh@example.vn") == nil)
        #expect(try test.allIndexEntries() == before, "no index entry of the failed insert remains")
        // The next insert still gets the next id and code.
        let next = try test.store.insert(try Self.an("Trần Văn Bình", email: "binh@example.vn"))
        #expect(next.id == 2 && next.code == "KH00000002")
    }

    @Test func duplicateCodesEmailsAndSourcesAreRefused() throws {
        let test = try TemporaryStore()
        var first = try Self.an("A", email: "a@example.vn", code: "VIP-1")
        first.sources = [SourceReference(system: "pos", externalID: "17")]
        try test.store.insert(first)
        #expect(throws: CustomerStoreError.duplicate(field: "code", value: "VIP-1", heldBy: "VIP-1")) {
            try test.store.insert(try Self.an("B", code: "vip-1"))
        }
        #expect(throws: CustomerStoreError.duplicate(field: "email", value: "a@example.vn", heldBy: "VIP-1")) {
            try test.store.insert(try Self.an("B", email: "A@Example.VN"))
        }
        var third = try Self.an("C")
        third.sources = [SourceReference(system: "pos", externalID: "17")]
        #expect(throws: CustomerStoreError.duplicate(field: "source", value: "pos:17", heldBy: "VIP-1")) {
            try test.store.insert(third)
        }
        #expect(try test.store.count() == 1)
    }

    @Test func updatesMaintainIndexesAndVersions() throws {
        let test = try TemporaryStore()
        var input = try Self.an("Nguyễn Văn An", phone: "0912 345 678")
        input.segment = "new"
        input.points = 100
        let stored = try test.store.insert(input)
        let updated = try test.store.update(id: stored.id, expectedVersion: 1) { customer in
            customer.segment = "Loyal"
            customer.points = 60_000
            customer.phones = [try ContactPhone(parsing: "0987 654 321")]
        }
        #expect(updated.version == 2)
        #expect(updated.createdAt == stored.createdAt)
        #expect(try test.store.get(phone: "0912 345 678") == nil)
        #expect(try test.store.get(phone: "0987654321")?.points == 60_000)
        #expect(try test.postings("segment", Array("new".utf8)) == [])
        #expect(try test.postings("segment", Array("loyal".utf8)) == [stored.id])
        #expect(try test.postings("points", IndexKey.integer(100)) == [])
        #expect(try test.postings("points", IndexKey.integer(60_000)) == [stored.id])
        // The old phone is free for someone else now.
        try test.store.insert(try Self.an("Lê Thị Hoa", phone: "0912 345 678"))
    }

    @Test func aStaleVersionIsAConflictAndChangesNothing() throws {
        let test = try TemporaryStore()
        let stored = try test.store.insert(try Self.an("Nguyễn Văn An"))
        try test.store.update(id: stored.id) { $0.points = 10 }
        #expect(throws: CustomerStoreError.versionConflict(id: stored.id, expected: 1, actual: 2)) {
            try test.store.update(id: stored.id, expectedVersion: 1) { $0.points = 99 }
        }
        #expect(try test.store.get(id: stored.id)?.points == 10)
    }

    @Test func updateRefusesWhatWouldBreakTheRules() throws {
        let test = try TemporaryStore()
        var input = try Self.an("Nguyễn Văn An")
        input.lifecycle = .repeat
        let stored = try test.store.insert(input)
        try test.store.insert(try Self.an("Lê Thị Hoa", phone: "0912 345 678"))
        #expect(throws: CustomerStoreError.invalidField(
            field: "lifecycle", value: "lead", reason: "a lifecycle moves forward only; this customer is already repeat")) {
            try test.store.update(id: stored.id) { $0.lifecycle = .lead }
        }
        #expect(throws: CustomerStoreError.duplicate(field: "phone", value: "+84912345678", heldBy: "KH00000002")) {
            try test.store.update(code: stored.code) { $0.phones = [try ContactPhone(parsing: "0912345678")] }
        }
        #expect(throws: CustomerStoreError.notFound("id 77")) { try test.store.update(id: 77) { _ in } }
        #expect(throws: CustomerStoreError.notFound("code KH404")) { try test.store.update(code: "KH404") { _ in } }
        #expect(try test.store.get(id: stored.id)?.version == 1)
    }

    @Test func invalidInputIsRefusedWithTheField() throws {
        let test = try TemporaryStore()
        #expect(throws: CustomerStoreError.invalidField(field: "fullName", value: "  ", reason: "a customer needs a name")) {
            try test.store.insert(Customer(fullName: "  "))
        }
        var longTag = try Self.an("An")
        longTag.tags = [String(repeating: "x", count: 600)]
        let error = try #require(throws: CustomerStoreError.self) { try test.store.insert(longTag) }
        guard case .invalidField(let field, _, let reason) = error else { Issue.record("\(error)"); return }
        #expect(field == "tags")
        #expect(reason == "it is 600 bytes as an index key; the limit is 511")
        #expect(try test.store.count() == 0)
    }

    @Test func deleteRemovesTheRecordAndEveryIndexEntry() throws {
        let test = try TemporaryStore()
        let keep = try test.store.insert(try Self.an("Lê Thị Hoa", phone: "0987 654 321"))
        let keptEntries = try test.allIndexEntries()
        var input = try Self.an("Nguyễn Văn An", phone: "0912 345 678", email: "an@example.vn")
        input.tags = ["vip"]
        input.birthDate = CalendarDate(year: 1990, month: 5, day: 1)
        let gone = try test.store.insert(input)
        try test.store.delete(id: gone.id)
        #expect(try test.store.get(id: gone.id) == nil)
        #expect(try test.store.get(phone: "0912 345 678") == nil)
        #expect(try test.allIndexEntries() == keptEntries, "only the kept customer's entries remain")
        #expect(throws: CustomerStoreError.notFound("id \(gone.id)")) { try test.store.delete(id: gone.id) }
        #expect(try test.store.get(id: keep.id)?.fullName == "Lê Thị Hoa")
        // Its unique keys are free again.
        try test.store.insert(try Self.an("Someone Else", phone: "0912 345 678", email: "an@example.vn"))
    }

    @Test func deleteByCodeMatchesLikeLookups() throws {
        let test = try TemporaryStore()
        try test.store.insert(try Self.an("Nguyễn Văn An", phone: "0912 345 678"))
        #expect(throws: CustomerStoreError.notFound("code KH404")) { try test.store.delete(code: "KH404") }
        try test.store.delete(code: " kh00000001 ")
        #expect(try test.store.count() == 0)
        #expect(try test.store.get(phone: "0912 345 678") == nil)
        #expect(try test.store.verify().isClean)
    }

    @Test func customersPersistAcrossReopening() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("store-reopen-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let stored: Customer
        do {
            let store = try CustomerStore(path: directory)
            stored = try store.insert(try Self.an("Nguyễn Văn An", phone: "0912 345 678"))
        }
        let reopened = try CustomerStore(path: directory)
        #expect(try reopened.get(phone: "0912345678") == stored)
        #expect(try reopened.insert(try Self.an("Lê Thị Hoa")).id == 2, "counters persist too")
    }
}

@Suite("Stored text is NFC")
struct StoredTextTests {
    @Test func decomposedInputIsStoredComposed() throws {
        let test = try TemporaryStore()
        let nfd = "Nguye\u{302}\u{303}n Va\u{306}n A\u{301}nh"
        var input = Customer(fullName: nfd)
        input.segment = "Kha\u{301}ch VIP"
        input.tags = ["Kha\u{301}ch si\u{309}"]
        input.address = Address(province: "Ha\u{300} No\u{323}\u{302}i")
        let stored = try test.store.insert(input)
        let read = try #require(try test.store.get(id: stored.id))
        #expect(Array(read.fullName.utf8) == Array("Nguyễn Văn Ánh".utf8))
        #expect(Array(read.segment!.utf8) == Array("Khách VIP".utf8))
        #expect(read.tags.map { Array($0.utf8) } == [Array("Khách sỉ".utf8)])
        #expect(Array(read.address.province.utf8) == Array("Hà Nội".utf8))
        #expect(try test.postings("province", Array("ha noi".utf8)) == [stored.id])
    }
}

@Suite("Upsert by code")
struct UpsertTests {
    @Test func upsertInsertsThenReplacesKeepingIdentity() throws {
        let test = try TemporaryStore()
        var first = Customer(fullName: "Lê Thị Hoa", code: "pos-0042")
        first.phones = [try ContactPhone(parsing: "0912 345 678")]
        first.lifecycle = .repeat
        first.tags = ["online"]
        let inserted = try test.store.upsert(byCode: first)
        #expect(inserted.inserted)
        #expect(inserted.customer.code == "POS-0042")

        var second = Customer(fullName: "Lê Thị Hoa (đã đổi)", code: " POS-0042 ")
        second.phones = [try ContactPhone(parsing: "0987 654 321")]
        second.lifecycle = .prospect
        let replaced = try test.store.upsert(byCode: second)
        #expect(!replaced.inserted)
        #expect(replaced.customer.id == inserted.customer.id)
        #expect(replaced.customer.createdAt == inserted.customer.createdAt)
        #expect(replaced.customer.version == 2)
        #expect(replaced.customer.lifecycle == .repeat, "the furthest stage is kept")
        #expect(replaced.customer.tags.isEmpty, "fields are replaced, not merged")
        #expect(try test.store.get(phone: "0912 345 678") == nil)
        #expect(try test.store.get(phone: "0987 654 321")?.fullName == "Lê Thị Hoa (đã đổi)")
        #expect(try test.store.count() == 1)
        #expect(try test.store.verify().isClean)
    }

    @Test func upsertNeedsACodeAndRespectsOtherCustomersKeys() throws {
        let test = try TemporaryStore()
        #expect(throws: CustomerStoreError.invalidField(field: "code", value: "  ", reason: "an upsert by code needs a code")) {
            try test.store.upsert(byCode: Customer(fullName: "An", code: "  "))
        }
        var holder = Customer(fullName: "Holder", code: "A")
        holder.emails = [try ContactEmail(parsing: "shared@example.vn")]
        try test.store.insert(holder)
        try test.store.insert(Customer(fullName: "Other", code: "B"))
        var clash = Customer(fullName: "Other", code: "B")
        clash.emails = [try ContactEmail(parsing: "SHARED@example.vn")]
        #expect(throws: CustomerStoreError.duplicate(field: "email", value: "shared@example.vn", heldBy: "A")) {
            try test.store.write { batch in try batch.upsert(byCode: clash) }
        }
        #expect(try test.store.get(code: "B")?.emails.isEmpty == true)
    }
}
