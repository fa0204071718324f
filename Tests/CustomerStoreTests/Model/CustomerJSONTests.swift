import CustomerStore
import Foundation
import Testing

@Suite("Customer JSON")
struct CustomerJSONTests {
    func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }

    @Test func aFullCustomerRoundTrips() throws {
        let customer = try Fixtures.fullCustomer()
        let data = try JSONEncoder().encode(customer)
        let back = try JSONDecoder().decode(Customer.self, from: data)
        #expect(back == customer)
        #expect(back.phones.map(\.number.raw) == customer.phones.map(\.number.raw))
        #expect(back.emails.map(\.address.display) == customer.emails.map(\.address.display))
        #expect(try json(back) == json(customer))
    }

    @Test func randomCustomersRoundTrip() throws {
        var generator = SeededGenerator(seed: 5)
        for _ in 0..<100 {
            var customer = RandomCustomers.make(using: &generator)
            // JSON has no infinities or NaN.
            customer.attributes = customer.attributes.filter {
                if case .decimal(let value) = $0.value { return value.isFinite }
                return true
            }
            let back = try JSONDecoder().decode(Customer.self, from: JSONEncoder().encode(customer))
            #expect(back == customer)
        }
    }

    @Test func phonesEmailsAndAttributesAreReadable() throws {
        let phone = try ContactPhone(parsing: "0912 345 678", isPrimary: true)
        #expect(try json(phone) == #"{"number":"+84912345678","primary":true,"raw":"0912 345 678"}"#)
        let email = try ContactEmail(parsing: "Lan@Shop.vn")
        #expect(try json(email) == #"{"address":"lan@shop.vn","display":"Lan@Shop.vn","primary":false}"#)
        #expect(try json(AttributeValue.integer(3)) == #"{"integer":3}"#)
        #expect(try json(AttributeValue.string("Quận 1")) == #"{"string":"Quận 1"}"#)
        let consent: [ConsentPurpose: ConsentRecord] = [.marketing: ConsentRecord(granted: true, at: Date(timeIntervalSinceReferenceDate: 5))]
        #expect(try json(consent) == #"{"marketing":{"at":5,"granted":true}}"#)
    }

    @Test func aMinimalDocumentTakesTheDefaults() throws {
        let customer = try decode(Customer.self, #"{"fullName":"Lan"}"#)
        #expect(customer.fullName == "Lan")
        #expect(customer.address.country == "VN")
        #expect(customer.lifecycle == .lead)
        #expect(customer.updatedAt == customer.createdAt)

        let phone = try decode(ContactPhone.self, #"{"number":"0912 345 678"}"#)
        #expect(phone.number.e164 == "+84912345678")
        #expect(!phone.isPrimary)
        let address = try decode(Address.self, #"{"province":"Huế"}"#)
        #expect(address == Address(province: "Huế"))
    }

    @Test func aPhoneThatDoesNotNormaliseIsAClearError() throws {
        let document = #"{"fullName":"Lan","phones":[{"number":"0912 34","raw":"0912 34","primary":true}]}"#
        do {
            _ = try decode(Customer.self, document)
            Issue.record("decoded a bad phone")
        } catch DecodingError.dataCorrupted(let context) {
            #expect(context.debugDescription.contains(#"invalid phone "0912 34""#), "\(context.debugDescription)")
            #expect(context.debugDescription.contains("9 digits"), "\(context.debugDescription)")
            #expect(context.codingPath.map(\.stringValue) == ["phones", "Index 0", "raw"])
        }
    }

    @Test func mismatchedOrInvalidContactsAreErrors() throws {
        #expect(throws: DecodingError.self) {
            try decode(ContactPhone.self, #"{"number":"+84912345679","raw":"0912 345 678"}"#)
        }
        #expect(throws: DecodingError.self) { try decode(ContactPhone.self, #"{"primary":true}"#) }
        #expect(throws: DecodingError.self) { try decode(ContactEmail.self, #"{"address":"lan@@shop.vn"}"#) }
        #expect(throws: DecodingError.self) {
            try decode(ContactEmail.self, #"{"address":"lan@shop.vn","display":"minh@shop.vn"}"#)
        }
        #expect(throws: DecodingError.self) { try decode(Customer.self, #"{"code":"KH1"}"#) }
        #expect(throws: DecodingError.self) { try decode(Customer.self, #"{"fullName":"A","gender":"robot"}"#) }
        #expect(throws: DecodingError.self) { try decode(AttributeValue.self, #"{}"#) }
        #expect(throws: DecodingError.self) { try decode(AttributeValue.self, #"{"bool":true,"integer":1}"#) }
    }
}
