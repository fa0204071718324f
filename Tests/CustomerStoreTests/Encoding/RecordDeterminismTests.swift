import CustomerStore
import Foundation
import Testing

@Suite("Customer records: deterministic bytes")
struct RecordDeterminismTests {
    @Test func encodingTwiceGivesTheSameBytes() throws {
        let customer = try Fixtures.fullCustomer()
        #expect(CustomerRecord.encode(customer) == CustomerRecord.encode(customer))
        let copy = try Fixtures.fullCustomer()
        #expect(CustomerRecord.encode(copy) == CustomerRecord.encode(customer))
    }

    @Test func theOrderOfTagsAndDictionaryEntriesDoesNotMatter() {
        let names = (0..<200).map { "nhãn \($0) \(["Đ", "a", "🎉", "Z", "ễ"][$0 % 5])" }
        var generator = SeededGenerator(seed: 11)
        var forward = Customer(fullName: "A", createdAt: Fixtures.created)
        var shuffled = forward
        for name in names {
            forward.tags.insert(name)
            forward.attributes[name] = .integer(Int64(name.utf8.count))
            forward.consent[ConsentPurpose(name)] = ConsentRecord(granted: true, at: Fixtures.created)
        }
        // Different insertion orders and capacities give different iteration orders.
        shuffled.tags.reserveCapacity(5_000)
        shuffled.attributes.reserveCapacity(5_000)
        shuffled.consent.reserveCapacity(5_000)
        for name in names.shuffled(using: &generator) {
            shuffled.tags.insert(name)
            shuffled.attributes[name] = .integer(Int64(name.utf8.count))
            shuffled.consent[ConsentPurpose(name)] = ConsentRecord(granted: true, at: Fixtures.created)
        }
        #expect(Array(forward.tags) != Array(shuffled.tags))
        #expect(CustomerRecord.encode(forward) == CustomerRecord.encode(shuffled))
    }

    @Test func theExactBytesOfASmallRecord() throws {
        // Freezes format version 1: a change here breaks stored records.
        let customer = Customer(
            fullName: "Lan", code: "KH1", gender: .female,
            birthDate: CalendarDate(year: 1990, month: 5, day: 17),
            phones: [try ContactPhone(parsing: "0912345678", isPrimary: true)],
            tags: ["b", "a"], points: -3, restricted: true,
            createdAt: Date(timeIntervalSinceReferenceDate: 1), version: 300)
        let expected: [UInt8] = [1]
            + field(1, "KH1")
            + field(2, "Lan")
            + field(3, "female")
            + field(4, [0xC6, 0x0F, 5, 17])                                  // 1990, May, 17
            + field(5, [1, 32]                                               // one phone of 32 bytes
                    + field(1, "+84912345678")
                    + field(2, "0912345678")
                    + field(4, [84])
                    + field(5, [1]))
            + field(14, [2, 1, UInt8(ascii: "a"), 1, UInt8(ascii: "b")])     // sorted
            + field(20, [5])                                                 // zig-zag -3
            + field(26, [1])
            + field(28, [0, 0, 0, 0, 0, 0, 0xF0, 0x3F])                      // 1.0, little-endian
            + field(29, [0, 0, 0, 0, 0, 0, 0xF0, 0x3F])                      // updatedAt = createdAt
            + field(30, [0xAC, 0x02])                                        // 300
            + [0]
        #expect(CustomerRecord.encode(customer) == expected)
    }
}
