import CustomerStore
import Foundation
import Testing

@Suite("Customer records: fields from newer versions")
struct RecordCompatibilityTests {
    /// Inserts `extra` after the format-version byte and before the end marker of `bytes`.
    func inserting(_ extra: [UInt8], into bytes: [UInt8], atStart: Bool) -> [UInt8] {
        atStart ? [bytes[0]] + extra + bytes[1...] : bytes.dropLast() + extra + [0]
    }

    @Test func unknownTopLevelFieldsAreSkipped() throws {
        let customer = try Fixtures.fullCustomer()
        let bytes = CustomerRecord.encode(customer)
        let unknown: [[UInt8]] = [
            field(32, "a field from the future"),
            field(63, []),
            field(64, [0xFF, 0xFF, 0xFF]),
            [0x80, 0x01, 2, 0xC3, 0x28],                                           // field 128, invalid UTF-8 inside
            [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01, 1, 0xAB], // field UInt64.max
            [100, 0x81, 0x01] + Array(repeating: 7, count: 129),                   // a two-byte length
        ]
        for extra in unknown {
            for atStart in [true, false] {
                let decoded = try decodeRecord(inserting(extra, into: bytes, atStart: atStart), id: 42).get()
                #expect(decoded == customer)
                #expect(CustomerRecord.encode(decoded) == bytes)
            }
        }
    }

    @Test func unknownSubfieldsOfStructuresAreSkipped() throws {
        let phone = try decodeRecord(record(
            field(5, elements(field(9, "extension 12") + field(1, "+84912345678") + field(4, [84])))
        )).get().phones.first
        #expect(phone?.number.e164 == "+84912345678")
        #expect(phone?.number.raw == "+84912345678")

        let email = try decodeRecord(record(
            field(6, elements(field(1, "lan@shop.vn") + field(7, [1, 2, 3])))
        )).get().emails.first
        #expect(email?.address.normalized == "lan@shop.vn")

        let address = try decodeRecord(record(field(7, field(4, "Huế") + field(6, "postcode 530000")))).get().address
        #expect(address == Address(province: "Huế"))

        let sources = try decodeRecord(record(field(19, elements(field(1, "pos") + field(3, [9, 9]))))).get().sources
        #expect(sources == [SourceReference(system: "pos", externalID: "")])

        let consent = try decodeRecord(record(field(25, elements(field(1, "marketing") + field(4, [1]))))).get().consent
        #expect(consent == [.marketing: ConsentRecord(granted: false, at: Date(timeIntervalSinceReferenceDate: 0))])

        let attributes = try decodeRecord(record(field(27, elements(field(1, "x") + field(9, [0]) + field(5, [1])))))
            .get().attributes
        #expect(attributes == ["x": .bool(true)])
    }

    @Test func fieldsMayComeInAnyOrder() throws {
        let decoded = try decodeRecord(record(field(20, [5]), field(2, "Lan"), field(1, "KH1"))).get()
        #expect(decoded.fullName == "Lan")
        #expect(decoded.code == "KH1")
        #expect(decoded.points == -3)
    }

    @Test func missingFieldsTakeTheirDefaults() throws {
        let decoded = try decodeRecord([1, 0], id: 5).get()
        #expect(decoded == Customer(fullName: "", id: 5, createdAt: Date(timeIntervalSinceReferenceDate: 0)))
        #expect(decoded.address.country == "VN")
        #expect(decoded.lifecycle == .lead)
        #expect(decoded.gender == .unknown)
    }
}
