import CustomerStore
import Foundation
import Testing

/// Decodes `bytes` as the record of customer `id`, from a buffer of exactly that size.
func decodeRecord(_ bytes: [UInt8], id: UInt64 = 7) -> Result<Customer, RecordDecodingError> {
    bytes.withUnsafeBytes { buffer in
        Result { () throws(RecordDecodingError) -> Customer in try CustomerRecord.decode(buffer, id: id) }
    }
}

/// The error decoding `bytes` gives, or `nil` (and a recorded issue) when it decodes.
func decodingError(_ bytes: [UInt8], id: UInt64 = 7, sourceLocation: SourceLocation = #_sourceLocation)
    -> RecordDecodingError?
{
    switch decodeRecord(bytes, id: id) {
    case .success:
        Issue.record("\(bytes) decoded without an error", sourceLocation: sourceLocation)
        return nil
    case .failure(let error):
        return error
    }
}

/// One field: number, one-byte length, payload (for hand-made records with short payloads).
func field(_ number: UInt8, _ payload: [UInt8]) -> [UInt8] {
    precondition(payload.count < 128)
    return [number, UInt8(payload.count)] + payload
}

/// One field holding UTF-8 text.
func field(_ number: UInt8, _ text: String) -> [UInt8] { field(number, Array(text.utf8)) }

/// The payload of a field of elements: the count, then each element with a one-byte length.
func elements(_ items: [UInt8]...) -> [UInt8] {
    [UInt8(items.count)] + items.flatMap { item -> [UInt8] in
        precondition(item.count < 128)
        return [UInt8(item.count)] + item
    }
}

/// A version-1 record made of `fields` and the end marker.
func record(_ fields: [UInt8]...) -> [UInt8] { [1] + fields.flatMap { $0 } + [0] }

/// Checks that `customer` survives encoding and decoding exactly: the decoded value is equal,
/// its id is the key, the parts that equality ignores (a phone's raw input, an email's display
/// form) are kept, and encoding the decoded value gives the same bytes (strings byte for byte,
/// dates bit for bit).
@discardableResult
func expectRoundTrip(_ customer: Customer, id: UInt64 = 7, sourceLocation: SourceLocation = #_sourceLocation)
    -> [UInt8]
{
    let bytes = CustomerRecord.encode(customer)
    switch decodeRecord(bytes, id: id) {
    case .failure(let error):
        Issue.record("decoding failed: \(error)", sourceLocation: sourceLocation)
    case .success(let decoded):
        var expected = customer
        expected.id = id
        #expect(decoded == expected, sourceLocation: sourceLocation)
        #expect(CustomerRecord.encode(decoded) == bytes, sourceLocation: sourceLocation)
        #expect(decoded.phones.map(\.number.raw) == customer.phones.map(\.number.raw), sourceLocation: sourceLocation)
        #expect(decoded.phones.map(\.number.kind) == customer.phones.map(\.number.kind), sourceLocation: sourceLocation)
        #expect(decoded.phones.map(\.number.countryCode) == customer.phones.map(\.number.countryCode),
                sourceLocation: sourceLocation)
        #expect(decoded.phones.map(\.number.nationalNumber) == customer.phones.map(\.number.nationalNumber),
                sourceLocation: sourceLocation)
        #expect(decoded.emails.map(\.address.display) == customer.emails.map(\.address.display),
                sourceLocation: sourceLocation)
        #expect(decoded.emails.map(\.address.local) == customer.emails.map(\.address.local),
                sourceLocation: sourceLocation)
        #expect(decoded.emails.map(\.address.domain) == customer.emails.map(\.address.domain),
                sourceLocation: sourceLocation)
    }
    return bytes
}

/// Customers for the tests.
enum Fixtures {
    static let created = Date(timeIntervalSinceReferenceDate: 770_000_000.123_456_7)

    /// A customer with every field set to a value that is not its default.
    static func fullCustomer() throws -> Customer {
        Customer(
            fullName: "Nguyễn Văn Đức",
            id: 42,
            code: "KH00000123",
            gender: .male,
            birthDate: CalendarDate(year: 1990, month: 5, day: 17),
            phones: [
                try ContactPhone(parsing: "0912 345 678", isPrimary: true),
                try ContactPhone(parsing: "(028) 3822 1234"),
                try ContactPhone(parsing: "+1 (415) 555-2671"),
                try ContactPhone(parsing: "+84362345678"),
            ],
            emails: [
                try ContactEmail(parsing: "Duc.Nguyen+shop@Công-Ty.VN", isPrimary: true),
                try ContactEmail(parsing: "duc@example.com"),
            ],
            address: Address(raw: "12 Lý Thường Kiệt, Hoàn Kiếm, Hà Nội", street: "12 Lý Thường Kiệt",
                             ward: "Hoàn Kiếm", province: "Hà Nội", country: "VN"),
            occupation: "kỹ sư",
            jobTitle: "trưởng phòng",
            education: "đại học",
            maritalStatus: "đã kết hôn",
            incomeBand: "20-50M",
            segment: "champions",
            tags: ["vip", "hội chợ 2025", "🎉", ""],
            tier: .platinum,
            lifecycle: .loyal,
            preferredChannel: .zalo,
            owner: "lan.tran",
            sources: [SourceReference(system: "pos", externalID: "C-000123"),
                      SourceReference(system: "web-form", externalID: "")],
            points: 52_300,
            totalSpent: 125_000_000,
            orderCount: 37,
            lastPurchaseAt: Date(timeIntervalSinceReferenceDate: 780_000_000.000_000_1),
            lastInteractionAt: Date(timeIntervalSinceReferenceDate: -1.5),
            consent: [
                .marketing: ConsentRecord(granted: true, at: created),
                .profiling: ConsentRecord(granted: false, at: created.addingTimeInterval(0.000_3)),
                .thirdPartySharing: ConsentRecord(granted: false, at: Date(timeIntervalSinceReferenceDate: 0)),
                ConsentPurpose("birthdayGreetings"): ConsentRecord(granted: true, at: .distantFuture),
            ],
            restricted: true,
            attributes: [
                "favouriteStore": .string("Quận 1"),
                "children": .integer(-2),
                "discount": .decimal(0.125),
                "newsletter": .bool(false),
                "firstVisit": .date(.distantPast),
            ],
            createdAt: created,
            updatedAt: created.addingTimeInterval(3600.000_001),
            version: 9,
            mergedInto: 41)
    }
}

/// A small, fast, seeded generator (SplitMix64), so that property tests are repeatable.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
