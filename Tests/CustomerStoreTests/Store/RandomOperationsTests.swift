@testable import CustomerStore
import Foundation
import Testing

@Suite("Random operations against an in-memory model")
struct RandomOperationsTests {
    /// Small pools, so that unique conflicts happen often.
    static let phones = (0..<300).map { String(format: "09%08d", $0) }
    static let emails = (0..<300).map { "khach\($0)@example.vn" }
    static let segments = ["vip", "loyal", "new", "at risk"]
    static let tags = ["khach si", "online", "tet", "zalo"]

    func randomContacts(_ g: inout SeededGenerator) throws -> ([ContactPhone], [ContactEmail]) {
        let phones = try (0..<Int.random(in: 0...2, using: &g)).map { _ in
            try ContactPhone(parsing: Self.phones.randomElement(using: &g)!)
        }
        let emails = try (0..<Int.random(in: 0...1, using: &g)).map { _ in
            try ContactEmail(parsing: Self.emails.randomElement(using: &g)!)
        }
        return (phones, emails)
    }

    /// The unique keys a customer would take.
    func uniqueKeys(_ c: Customer) -> Set<String> {
        Set(c.phones.map { "p" + $0.number.e164 } + c.emails.map { "e" + $0.address.normalized })
    }

    @Test func tenThousandOperationsMatchTheModelAndVerifyClean() throws {
        var options = CustomerStore.Options()
        options.environment.noSync = true
        let test = try TemporaryStore(options: options)
        var g = SeededGenerator(seed: 20_261_123)
        var model: [UInt64: Customer] = [:]
        var owners: [String: UInt64] = [:]  // unique key -> id
        var rejected = 0

        func takenByOthers(_ keys: Set<String>, except id: UInt64?) -> Bool {
            keys.contains { key in owners[key].map { $0 != id } ?? false }
        }

        for step in 0..<10_000 {
            let roll = Int.random(in: 0..<10, using: &g)
            if roll < 4 || model.isEmpty {
                var customer = Customer(fullName: "Khách \(step)")
                (customer.phones, customer.emails) = try randomContacts(&g)
                customer.segment = Self.segments.randomElement(using: &g)
                customer.points = Int64.random(in: -1000...100_000, using: &g)
                let keys = uniqueKeys(customer)
                do {
                    let stored = try test.store.insert(customer)
                    #expect(!takenByOthers(keys, except: nil), "step \(step): insert should have been refused")
                    model[stored.id] = stored
                    keys.forEach { owners[$0] = stored.id }
                } catch CustomerStoreError.duplicate {
                    #expect(takenByOthers(keys, except: nil), "step \(step): insert refused without a conflict")
                    rejected += 1
                }
            } else if roll < 8 {
                let id = model.keys.sorted().randomElement(using: &g)!
                let (phones, emails) = try randomContacts(&g)
                let changeContacts = Bool.random(using: &g)
                let segment = Self.segments.randomElement(using: &g)
                let tags = Set(Self.tags.filter { _ in Bool.random(using: &g) })
                let points = Int64.random(in: 0...200_000, using: &g)
                var expected = model[id]!
                if changeContacts { (expected.phones, expected.emails) = (phones, emails) }
                let keys = uniqueKeys(expected)
                do {
                    let stored = try test.store.update(id: id) { c in
                        if changeContacts { (c.phones, c.emails) = (phones, emails) }
                        c.segment = segment
                        c.tags = tags
                        c.points = points
                    }
                    #expect(!takenByOthers(keys, except: id), "step \(step): update should have been refused")
                    uniqueKeys(model[id]!).forEach { owners[$0] = nil }
                    keys.forEach { owners[$0] = id }
                    model[id] = stored
                } catch CustomerStoreError.duplicate {
                    #expect(takenByOthers(keys, except: id), "step \(step): update refused without a conflict")
                    rejected += 1
                }
            } else {
                let id = model.keys.sorted().randomElement(using: &g)!
                try test.store.delete(id: id)
                uniqueKeys(model[id]!).forEach { owners[$0] = nil }
                model[id] = nil
            }
        }

        #expect(rejected > 100, "the pools are small enough to exercise conflicts")
        #expect(try test.store.count() == model.count)
        for (id, customer) in model {
            #expect(try test.store.get(id: id) == customer)
        }
        for (key, id) in owners {
            let found = key.hasPrefix("p")
                ? try test.store.get(phone: String(key.dropFirst()))
                : try test.store.get(email: String(key.dropFirst()))
            #expect(found?.id == id, "\(key)")
        }
        let report = try test.store.verify()
        #expect(report.isClean, "\(report.problems.prefix(5))")
        #expect(report.recordsChecked == model.count)
    }
}
