import CustomerStore
import Foundation
import Testing

@Suite("Customer records: round trips")
struct RecordRoundTripTests {
    @Test func everyFieldComesBack() throws {
        let customer = try Fixtures.fullCustomer()
        let bytes = expectRoundTrip(customer, id: 42)
        #expect(bytes.first == CustomerRecord.formatVersion)
        #expect(bytes.last == 0)
    }

    @Test func theIdIsTheKeyNotPartOfTheRecord() throws {
        var customer = try Fixtures.fullCustomer()
        let bytes = CustomerRecord.encode(customer)
        customer.id = 999
        #expect(CustomerRecord.encode(customer) == bytes)
        #expect(try decodeRecord(bytes, id: .max).get().id == .max)
        #expect(try decodeRecord(bytes, id: 0).get().id == 0)
    }

    @Test func aCustomerWithOnlyDefaultsIsTwoBytes() {
        let zero = Date(timeIntervalSinceReferenceDate: 0)
        let empty = Customer(fullName: "", createdAt: zero)
        #expect(CustomerRecord.encode(empty) == [1, 0])
        expectRoundTrip(empty)
    }

    @Test func aTypicalCustomerIsCompact() throws {
        let customer = Customer(
            fullName: "Trần Thị Lan", code: "KH00000001",
            phones: [try ContactPhone(parsing: "0912 345 678", isPrimary: true)],
            address: Address(province: "Hà Nội"), createdAt: Fixtures.created)
        let bytes = expectRoundTrip(customer)
        #expect(bytes.count < 128, "\(bytes.count) bytes")
    }

    @Test("Unicode text comes back byte for byte", arguments: [
        "Nguyễn Thị Ánh Tuyết",
        "Nguye\u{302}\u{303}n Va\u{306}n \u{110}u\u{31B}\u{301}c",   // NFD, as some keyboards type it
        "Ðặng",                                                       // U+00D0, the look-alike of Đ
        "👩‍👩‍👧‍👦 🇻🇳 😀",
        "日本語 한국어 ไทย العربية",
        "\u{301}leading combining mark",
        "nul\u{0}inside",
        "",
        String(repeating: "ễ", count: 10_000),
    ])
    func unicodeText(_ text: String) throws {
        let customer = Customer(
            fullName: text, code: text, address: Address(raw: text, street: text, ward: text, province: text, country: text),
            occupation: text, jobTitle: text, education: text, maritalStatus: text, incomeBand: text,
            segment: text, tags: [text], owner: text, sources: [SourceReference(system: text, externalID: text)],
            consent: [ConsentPurpose(text): ConsentRecord(granted: true, at: Fixtures.created)],
            attributes: [text: .string(text)], createdAt: Fixtures.created)
        expectRoundTrip(customer)
        let decoded = try decodeRecord(CustomerRecord.encode(customer)).get()
        for value in [decoded.fullName, decoded.code, decoded.address.raw, decoded.address.country,
                      decoded.occupation ?? "-", decoded.segment ?? "-", decoded.owner ?? "-",
                      decoded.tags.first ?? "-", decoded.sources.first?.externalID ?? "-",
                      decoded.consent.keys.first?.rawValue ?? "-", decoded.attributes.keys.first ?? "-"] {
            #expect(Array(value.utf8) == Array(text.utf8))
        }
        if case .string(let value)? = decoded.attributes[text] {
            #expect(Array(value.utf8) == Array(text.utf8))
        } else {
            Issue.record("the attribute is missing")
        }
    }

    @Test func emptyStringsAreKeptApartFromMissingOnes() {
        let present = Customer(
            fullName: "Lan", address: Address(country: ""), occupation: "", jobTitle: "", education: "",
            maritalStatus: "", incomeBand: "", segment: "", tags: [""], owner: "",
            sources: [SourceReference(system: "", externalID: "")], attributes: ["": .string("")],
            createdAt: Fixtures.created)
        expectRoundTrip(present)
        let absent = Customer(fullName: "Lan", createdAt: Fixtures.created)
        expectRoundTrip(absent)
        #expect(CustomerRecord.encode(present) != CustomerRecord.encode(absent))
    }

    @Test func everyEnumValue() {
        for gender in Gender.allCases { expectRoundTrip(Customer(fullName: "A", gender: gender)) }
        for tier in Tier.allCases { expectRoundTrip(Customer(fullName: "A", tier: tier)) }
        for stage in Lifecycle.allCases { expectRoundTrip(Customer(fullName: "A", lifecycle: stage)) }
        for channel in Channel.allCases { expectRoundTrip(Customer(fullName: "A", preferredChannel: channel)) }
    }

    @Test func extremeNumbers() {
        for value in [Int64.min, .min + 1, -1, 0, 1, 63, 64, -64, -65, .max - 1, .max] {
            expectRoundTrip(Customer(fullName: "A", points: value, totalSpent: value, orderCount: value,
                                     attributes: ["n": .integer(value)]))
        }
        for value in [UInt64.min, 1, 127, 128, 1 << 63, .max - 1, .max] {
            expectRoundTrip(Customer(fullName: "A", version: value, mergedInto: value))
        }
    }

    @Test func decimalsKeepTheirBits() throws {
        for value in [0.0, -0.0, 0.1, -1e-300, .leastNonzeroMagnitude, .greatestFiniteMagnitude, .infinity,
                      -.infinity, .pi] {
            expectRoundTrip(Customer(fullName: "A", attributes: ["x": .decimal(value)]))
        }
        let nan = Double(bitPattern: 0x7FF8_0000_DEAD_BEEF)
        let customer = Customer(fullName: "A", attributes: ["x": .decimal(nan)])
        let decoded = try decodeRecord(CustomerRecord.encode(customer)).get()
        guard case .decimal(let back)? = decoded.attributes["x"] else {
            Issue.record("no decimal")
            return
        }
        #expect(back.bitPattern == nan.bitPattern)
    }

    @Test func datesComeBackExactly() throws {
        let dates: [Date] = [
            Date(timeIntervalSinceReferenceDate: 0.000_000_1),
            Date(timeIntervalSinceReferenceDate: 123_456_789.123_456_789),
            Date(timeIntervalSinceReferenceDate: -0.0),
            Date(timeIntervalSince1970: 1_751_328_000.999_999),
            .distantPast, .distantFuture,
            Date(timeIntervalSinceReferenceDate: -62_135_769_600),   // year 1
            Date(timeIntervalSinceReferenceDate: 1e15), Date(timeIntervalSinceReferenceDate: -1e15),
            Date(timeIntervalSinceReferenceDate: .greatestFiniteMagnitude),
            Date(timeIntervalSinceReferenceDate: .leastNonzeroMagnitude),
        ]
        for date in dates {
            let customer = Customer(
                fullName: "A", lastPurchaseAt: date, lastInteractionAt: date,
                consent: [.marketing: ConsentRecord(granted: true, at: date)], attributes: ["d": .date(date)],
                createdAt: date, updatedAt: date)
            expectRoundTrip(customer)
            let decoded = try decodeRecord(CustomerRecord.encode(customer)).get()
            let bits = date.timeIntervalSinceReferenceDate.bitPattern
            #expect(decoded.createdAt.timeIntervalSinceReferenceDate.bitPattern == bits)
            #expect(decoded.updatedAt.timeIntervalSinceReferenceDate.bitPattern == bits)
            #expect(decoded.lastPurchaseAt?.timeIntervalSinceReferenceDate.bitPattern == bits)
            #expect(decoded.consent[.marketing]?.at.timeIntervalSinceReferenceDate.bitPattern == bits)
        }
    }

    @Test func birthDates() {
        for (year, month, day) in [(1, 1, 1), (9999, 12, 31), (2000, 2, 29), (1990, 5, 17), (127, 1, 1), (128, 12, 31)] {
            expectRoundTrip(Customer(fullName: "A", birthDate: CalendarDate(year: year, month: month, day: day)))
        }
    }

    @Test func emptyAndLargeCollections() throws {
        expectRoundTrip(Customer(fullName: "A", phones: [], emails: [], tags: [], sources: [], consent: [:],
                                 attributes: [:]))
        var phones: [ContactPhone] = []
        for index in 0..<1_000 {
            phones.append(try ContactPhone(parsing: "09\(10_000_000 + index)", isPrimary: index == 500))
        }
        var emails: [ContactEmail] = []
        for index in 0..<500 {
            emails.append(try ContactEmail(parsing: "Khach.\(index)@Shop\(index % 7).vn", isPrimary: index == 0))
        }
        let tags = Set((0..<5_000).map { "nhãn \($0)" })
        var attributes: [String: AttributeValue] = [:]
        var consent: [ConsentPurpose: ConsentRecord] = [:]
        for index in 0..<2_000 {
            attributes["field\(index)"] = index % 2 == 0 ? .integer(Int64(index)) : .string(String(index))
            consent[ConsentPurpose("purpose\(index)")] = ConsentRecord(granted: index % 3 == 0,
                                                                       at: Date(timeIntervalSinceReferenceDate: Double(index)))
        }
        let sources = (0..<1_000).map { SourceReference(system: "import", externalID: "row-\($0)") }
        let customer = Customer(fullName: "A", phones: phones, emails: emails, tags: tags, sources: sources,
                                consent: consent, attributes: attributes)
        let bytes = expectRoundTrip(customer)
        #expect(bytes.count > 100_000)
    }

    @Test func phonesAndEmailsAreRebuiltWithAllTheirParts() throws {
        let customer = try Fixtures.fullCustomer()
        let decoded = try decodeRecord(CustomerRecord.encode(customer)).get()
        let fixed = decoded.phones[1].number
        #expect(fixed.e164 == "+842838221234")
        #expect(fixed.raw == "(028) 3822 1234")
        #expect(fixed.kind == .fixedLine)
        #expect(fixed.nationalFormat == "028 3822 1234")
        let foreign = decoded.phones[2].number
        #expect(foreign.countryCode == 1)
        #expect(foreign.nationalNumber == "4155552671")
        #expect(foreign.kind == .unknown)
        #expect(decoded.phones[3].number.raw == "+84362345678")
        #expect(decoded.phones.map(\.isPrimary) == [true, false, false, false])
        let email = decoded.emails[0].address
        #expect(email.normalized == "duc.nguyen+shop@xn--cng-ty-ixa.vn")
        #expect(email.display == "Duc.Nguyen+shop@Công-Ty.VN")
        #expect(email.local == "duc.nguyen+shop")
        #expect(email.domain == "xn--cng-ty-ixa.vn")
        #expect(decoded.emails.map(\.isPrimary) == [true, false])
    }

    @Test func encodingIntoABufferReplacesItsContents() throws {
        let customer = try Fixtures.fullCustomer()
        var buffer: [UInt8] = Array(repeating: 0xAA, count: 5_000)
        CustomerRecord.encode(customer, into: &buffer)
        #expect(buffer == CustomerRecord.encode(customer))
        #expect(buffer.capacity >= 5_000)
        CustomerRecord.encode(Customer(fullName: "", createdAt: Date(timeIntervalSinceReferenceDate: 0)), into: &buffer)
        #expect(buffer == [1, 0])
    }
}
