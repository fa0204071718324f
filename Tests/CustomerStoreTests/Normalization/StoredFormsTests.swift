import CustomerStore
import Testing

@Suite("Restoring normalised values from storage")
struct StoredFormsTests {
    @Test("a parsed phone number restored from its stored parts is equal in every part",
          arguments: ["0912 345 678", "(028) 3822 1234", "+1 (415) 555-2671", "+44 (0)20 7946 0958"])
    func phoneRoundTrip(raw: String) throws {
        let parsed = try PhoneNumber(raw)
        let restored = try #require(PhoneNumber(storedE164: parsed.e164, raw: parsed.raw,
                                                kind: parsed.kind, countryCode: parsed.countryCode))
        #expect(restored == parsed)
        #expect(restored.raw == raw)
        #expect(restored.kind == parsed.kind)
        #expect(restored.nationalNumber == parsed.nationalNumber)
        #expect(restored.nationalFormat == parsed.nationalFormat)
    }

    @Test("a stored phone number of the wrong shape is refused",
          arguments: [("84912345678", 84), ("+84", 84), ("+8491234x678", 84), ("+85912345678", 84), ("+84912345678", 0)])
    func phoneShape(e164: String, countryCode: Int) {
        #expect(PhoneNumber(storedE164: e164, raw: e164, kind: .mobile, countryCode: countryCode) == nil)
    }

    @Test("a parsed email address restored from its stored forms has the same parts")
    func emailRoundTrip() throws {
        let parsed = try EmailAddress(" Lan.Nguyen+shop@Công-ty.VN ")
        let restored = try #require(EmailAddress(storedNormalized: parsed.normalized, display: parsed.display))
        #expect(restored == parsed)
        #expect(restored.display == "Lan.Nguyen+shop@Công-ty.VN")
        #expect(restored.local == "lan.nguyen+shop")
        #expect(restored.domain == "xn--cng-ty-ixa.vn")
    }

    @Test("a stored email address without exactly one @ between two parts is refused",
          arguments: ["lan", "@shop.vn", "lan@", "lan@a@shop.vn", ""])
    func emailShape(normalized: String) {
        #expect(EmailAddress(storedNormalized: normalized, display: normalized) == nil)
    }
}
