import CustomerStore
import Testing

@Suite("Email addresses")
struct EmailAddressTests {
    struct ValidCase: Sendable, CustomTestStringConvertible {
        let raw: String
        let normalized: String
        let display: String

        init(_ raw: String, _ normalized: String, display: String? = nil) {
            self.raw = raw
            self.normalized = normalized
            self.display = display ?? raw
        }

        var testDescription: String { raw.debugDescription }
    }

    static let valid: [ValidCase] = [
        ValidCase("lan@shop.vn", "lan@shop.vn"),
        ValidCase("a@b.co", "a@b.co"),
        ValidCase("Lan.Nguyen@Shop.VN", "lan.nguyen@shop.vn"),
        ValidCase("  minh@example.com \n", "minh@example.com", display: "minh@example.com"),
        ValidCase("\u{00A0}\tminh@example.com\u{3000}\u{200B}", "minh@example.com", display: "minh@example.com"),
        ValidCase("lan+hoadon@shop.vn", "lan+hoadon@shop.vn"),                       // +tag kept
        ValidCase("Lan.Nguyen+Shop@Gmail.com", "lan.nguyen+shop@gmail.com"),         // Gmail dots and tag kept
        ValidCase("l.a.n@googlemail.com", "l.a.n@googlemail.com"),
        ValidCase("user@công-ty.vn", "user@xn--cng-ty-ixa.vn"),
        ValidCase("User@Công-Ty.VN", "user@xn--cng-ty-ixa.vn"),
        ValidCase("info@bücher.de", "info@xn--bcher-kva.de"),
        ValidCase("info@BÜCHER.DE", "info@xn--bcher-kva.de"),
        ValidCase("user@co\u{302}ng-ty.vn", "user@xn--cng-ty-ixa.vn", display: "user@công-ty.vn"),  // NFD domain
        ValidCase("lienhe@đà-nẵng.vn", "lienhe@xn---nng-zna70au54p.vn"),
        ValidCase("ban@tạp-hóa.com.vn", "ban@xn--tp-ha-3ta6924c.com.vn"),
        ValidCase("contact@việt-nam.vn", "contact@xn--vit-nam-zv4c.vn"),
        ValidCase("user@пример.рф", "user@xn--e1afmkfd.xn--p1ai"),
        ValidCase("user@例え.jp", "user@xn--r8jz45g.jp"),
        ValidCase("nguye\u{302}\u{303}n@shop.vn", "nguyễn@shop.vn", display: "nguyễn@shop.vn"),    // NFD local part
        ValidCase("NGUYỄN@Shop.vn", "nguyễn@shop.vn"),
        ValidCase("o'brien@example.ie", "o'brien@example.ie"),
        ValidCase("a!#$%&'*+/=?^_`{|}~-z@example.com", "a!#$%&'*+/=?^_`{|}~-z@example.com"),
        ValidCase("user@sub.domain.example.co.uk", "user@sub.domain.example.co.uk"),
        ValidCase("user@xn--bcher-kva.de", "user@xn--bcher-kva.de"),                 // already Punycode
        ValidCase("user@123.example.com", "user@123.example.com"),
        ValidCase("x@my-shop-2024.vn", "x@my-shop-2024.vn"),
        ValidCase(String(repeating: "a", count: 64) + "@shop.vn", String(repeating: "a", count: 64) + "@shop.vn"),
    ]

    @Test("Valid addresses and their forms", arguments: valid)
    func acceptsValid(_ test: ValidCase) throws {
        let email = try EmailAddress(test.raw)
        #expect(email.normalized == test.normalized)
        #expect(email.display == test.display)
        #expect(email.local + "@" + email.domain == test.normalized)
        #expect(email.description == test.normalized)
        #expect(email.normalized == email.normalized.lowercased())
    }

    @Test func partsOfAnInternationalAddress() throws {
        let email = try EmailAddress("  Lan.Nguyen+shop@Công-Ty.VN ")
        #expect(email.normalized == "lan.nguyen+shop@xn--cng-ty-ixa.vn")
        #expect(email.display == "Lan.Nguyen+shop@Công-Ty.VN")
        #expect(email.local == "lan.nguyen+shop")
        #expect(email.domain == "xn--cng-ty-ixa.vn")
    }

    @Test func displayIsNFCAndKeepsCase() throws {
        let email = try EmailAddress("Nguye\u{302}\u{303}n@Co\u{302}ng-Ty.vn")
        #expect(Array(email.display.unicodeScalars) == Array("Nguyễn@Công-Ty.vn".unicodeScalars))
        #expect(email.normalized == "nguyễn@xn--cng-ty-ixa.vn")
    }

    // MARK: Rejected

    static let longLabel = String(repeating: "a", count: 64)
    static let rejected: [RejectedInput] = [
        RejectedInput("", "it is empty"),
        RejectedInput(" \t ", "it is empty"),
        RejectedInput("lan.shop.vn", "it has no @"),
        RejectedInput("lan(at)shop.vn", "it has no @"),
        RejectedInput("lan@@shop.vn", "it has more than one @"),
        RejectedInput("lan@shop@vn", "it has more than one @"),
        RejectedInput("@shop.vn", "there is nothing before the @"),
        RejectedInput("lan@", "there is nothing after the @"),
        RejectedInput("lan nguyen@shop.vn", "an email address cannot contain spaces or control characters"),
        RejectedInput("lan\u{00A0}nguyen@shop.vn", "cannot contain spaces"),
        RejectedInput("lan@shop\u{200B}.vn", "cannot contain spaces or control characters"),
        RejectedInput(".lan@shop.vn", "the part before the @ starts with a dot"),
        RejectedInput("lan.@shop.vn", "the part before the @ ends with a dot"),
        RejectedInput("lan..nguyen@shop.vn", "the part before the @ has two dots in a row"),
        RejectedInput("lan,nguyen@shop.vn", "\",\" is not allowed before the @"),
        RejectedInput("\"lan\"@shop.vn", "\"\\\"\" is not allowed before the @"),
        RejectedInput("<lan>@shop.vn", "\"<\" is not allowed before the @"),
        RejectedInput(String(repeating: "a", count: 65) + "@shop.vn",
                     "the part before the @ is 65 bytes long, the limit is 64"),
        RejectedInput(String(repeating: "ễ", count: 22) + "@shop.vn",
                     "the part before the @ is 66 bytes long, the limit is 64"),
        RejectedInput("lan@localhost", "the domain \"localhost\" needs at least one dot, as in example.com"),
        RejectedInput("lan@shop..vn", "the domain has an empty part"),
        RejectedInput("lan@.shop.vn", "the domain has an empty part"),
        RejectedInput("lan@shop.vn.", "the domain has an empty part"),
        RejectedInput("lan@-shop.vn", "the domain part \"-shop\" starts or ends with a hyphen"),
        RejectedInput("lan@shop-.vn", "the domain part \"shop-\" starts or ends with a hyphen"),
        RejectedInput("lan@sh_op.vn", "\"_\" is not allowed in a domain"),
        RejectedInput("lan@[192.168.1.1]", "\"[\" is not allowed in a domain"),
        RejectedInput("lan@shop.vn>", "\">\" is not allowed in a domain"),
        RejectedInput("lan@shop★.vn", "\"★\" is not allowed in a domain"),
        RejectedInput("lan@\u{301}shop.vn", "the domain part \"\u{301}shop\" starts with a combining mark"),
        RejectedInput("\u{301}lan@shop.vn", "the part before the @ starts with a combining mark"),
        RejectedInput("lan\u{FF20}shop.vn", "it has no @"),                          // full-width @
        RejectedInput("lan@192.168.1.1", "the last part of the domain, \"1\", cannot be all digits"),
        RejectedInput("lan@xn--zz.vn", "the domain part \"xn--zz\" is not valid Punycode"),
        RejectedInput("lan@\(longLabel).vn", "is longer than 63 characters"),
        RejectedInput("lan@nguyễn-văn-đức-nguyễn-văn-đức-nguyễn-văn-đức-nguyễn-văn-đức.vn",
                     "is longer than 63 characters in its ASCII (Punycode) form"),
        RejectedInput("lan@" + Array(repeating: String(repeating: "a", count: 60), count: 5).joined(separator: "."),
                     "the domain is longer than 254 characters"),
        RejectedInput(String(repeating: "a", count: 64) + "@" + Array(repeating: String(repeating: "b", count: 60),
                                                                      count: 4).joined(separator: ".") + ".vn",
                     "the address is 311 bytes long, the limit is 254"),
    ]

    @Test("Rejected addresses say what and why", arguments: rejected)
    func rejectsWithReason(_ test: RejectedInput) {
        let error = #expect(throws: NormalizationError.self) { try EmailAddress(test.raw) }
        #expect(error?.field == .email)
        #expect(error?.input == test.raw)
        #expect(error?.reason.contains(test.reason) == true, "reason: \(error?.reason ?? "none")")
    }

    @Test func addressAtTheLengthLimit() throws {
        // 64 + 1 + 189 = 254 bytes: accepted; one more label character is one too many.
        let local = String(repeating: "a", count: 64)
        let domain = [String(repeating: "b", count: 63), String(repeating: "c", count: 63),
                      String(repeating: "d", count: 58), "vn"].joined(separator: ".")
        #expect(domain.utf8.count == 189)
        #expect(try EmailAddress(local + "@" + domain).normalized.utf8.count == 254)
        let longer = domain.replacing("." + String(repeating: "d", count: 58) + ".",
                                      with: "." + String(repeating: "d", count: 59) + ".")
        let error = #expect(throws: NormalizationError.self) { try EmailAddress(local + "@" + longer) }
        #expect(error?.reason == "the address is 255 bytes long, the limit is 254")
    }

    @Test func errorDescriptionQuotesTheInput() {
        let error = #expect(throws: NormalizationError.self) { try EmailAddress("lan@@shop.vn") }
        #expect(error?.description == "invalid email \"lan@@shop.vn\": it has more than one @")
    }

    // MARK: Gmail hint

    @Test("Gmail canonical form is a hint only", arguments: [
        ("Lan.Nguyen+shop@gmail.com", "lannguyen@gmail.com"),
        ("l.a.n@googlemail.com", "lan@gmail.com"),
        ("LAN@GMAIL.COM", "lan@gmail.com"),
        ("lan+a+b@gmail.com", "lan@gmail.com"),
    ])
    func gmailCanonical(raw: String, canonical: String) throws {
        let email = try EmailAddress(raw)
        #expect(email.gmailCanonical == canonical)
        #expect(email.normalized == raw.lowercased())           // the key keeps dots and tags
    }

    @Test("No Gmail hint for other domains or an empty mailbox", arguments: [
        "lan.nguyen@shop.vn", "lan@gmail.com.vn", "lan@mail.gmail.com", "+tag@gmail.com",
    ])
    func noGmailCanonical(_ raw: String) throws {
        #expect(try EmailAddress(raw).gmailCanonical == nil)
    }

    @Test func gmailDotsAndTagsStayInTheKey() throws {
        let dotted = try EmailAddress("lan.nguyen@gmail.com")
        let plain = try EmailAddress("lannguyen@gmail.com")
        let tagged = try EmailAddress("lannguyen+shop@gmail.com")
        #expect(dotted != plain)
        #expect(tagged != plain)
        #expect(Set([dotted, plain, tagged]).count == 3)
        #expect(Set([dotted, plain, tagged].map(\.gmailCanonical)) == ["lannguyen@gmail.com"])
    }

    // MARK: Identity

    @Test func equalityAndHashUseTheNormalizedForm() throws {
        let a = try EmailAddress("Lan@Shop.VN")
        let b = try EmailAddress(" lan@shop.vn ")
        #expect(a == b)
        #expect(a.display != b.display)
        #expect(Set([a, b]).count == 1)
        #expect(try EmailAddress("user@công-ty.vn") == (try EmailAddress("USER@xn--cng-ty-ixa.vn")))
    }
}
