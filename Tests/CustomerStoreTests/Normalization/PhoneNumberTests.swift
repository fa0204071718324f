import CustomerStore
import Testing

/// One input and what it must normalise to.
struct PhoneCase: Sendable, CustomTestStringConvertible {
    let raw: String
    let e164: String
    let kind: PhoneNumber.Kind
    let nationalFormat: String?

    init(_ raw: String, _ e164: String, _ kind: PhoneNumber.Kind = .mobile, national: String? = nil) {
        self.raw = raw
        self.e164 = e164
        self.kind = kind
        self.nationalFormat = national
    }

    var testDescription: String { "\(raw.debugDescription) -> \(e164)" }
}

/// One input that must be rejected, with a part of the reason it must give.
struct RejectedInput: Sendable, CustomTestStringConvertible {
    let raw: String
    let reason: String

    init(_ raw: String, _ reason: String) {
        self.raw = raw
        self.reason = reason
    }

    var testDescription: String { raw.debugDescription }
}

@Suite("Phone numbers")
struct PhoneNumberTests {
    // MARK: Ways of writing one number

    static let writings: [PhoneCase] = [
        PhoneCase("0912 345 678", "+84912345678", national: "0912 345 678"),
        PhoneCase("+84 912 345 678", "+84912345678"),
        PhoneCase("84912345678", "+84912345678"),
        PhoneCase("0084912345678", "+84912345678"),
        PhoneCase("00 84 912 345 678", "+84912345678"),
        PhoneCase("912345678", "+84912345678"),                          // lost its 0 in a spreadsheet
        PhoneCase("0912.345.678", "+84912345678"),
        PhoneCase("0912-345-678", "+84912345678"),
        PhoneCase("(091) 2345 678", "+84912345678"),
        PhoneCase("+84-912-345-678", "+84912345678"),
        PhoneCase("0912\u{00A0}345\u{00A0}678", "+84912345678"),          // non-breaking spaces
        PhoneCase(" 0912\u{2009}345\u{202F}678\t\n", "+84912345678"),     // thin, narrow, tab, newline
        PhoneCase("0912\u{3000}345\u{2007}678", "+84912345678"),          // ideographic, figure space
        PhoneCase("0912\u{2013}345\u{2013}678", "+84912345678"),          // en dashes
        PhoneCase("0912\u{2011}345\u{2212}678", "+84912345678"),          // non-breaking hyphen, minus
        PhoneCase("\u{202A}+84 912 345 678\u{202C}", "+84912345678"),     // bidi marks from a contact card
        PhoneCase("\u{FEFF}0912345678\u{200B}", "+84912345678"),          // BOM, zero-width space
        PhoneCase("+84 (0) 912 345 678", "+84912345678"),                 // trunk 0 in parentheses
        PhoneCase("+840912345678", "+84912345678"),                       // trunk 0 after +84
        PhoneCase("(+84) 912-345-678", "+84912345678"),
    ]

    @Test("One number written in many ways", arguments: writings)
    func oneNumberManyWritings(_ test: PhoneCase) throws {
        let phone = try PhoneNumber(test.raw)
        #expect(phone.e164 == test.e164)
        #expect(phone.kind == .mobile)
        #expect(phone.countryCode == 84)
        #expect(phone.nationalNumber == "912345678")
        #expect(phone.nationalFormat == "0912 345 678")
        #expect(phone.raw == test.raw)
    }

    // MARK: Mobile prefix families

    /// Every mobile prefix in use, two digits after the 0.
    static let mobilePrefixes = [
        "32", "33", "34", "35", "36", "37", "38", "39",                  // Viettel
        "52", "55", "56", "58", "59",                                    // Vietnamobile, Wintel, Gmobile
        "70", "76", "77", "78", "79",                                    // MobiFone
        "81", "82", "83", "84", "85", "86", "87", "88", "89",            // VinaPhone, Viettel, iTel, MobiFone
        "90", "91", "92", "93", "94", "96", "97", "98", "99",
    ]

    @Test("Every mobile prefix in use is accepted", arguments: mobilePrefixes)
    func mobilePrefix(_ prefix: String) throws {
        let phone = try PhoneNumber("0\(prefix)1 234 567")
        #expect(phone.e164 == "+84\(prefix)1234567")
        #expect(phone.kind == .mobile)
        #expect(phone.nationalNumber == "\(prefix)1234567")
        #expect(phone.nationalFormat == "0\(prefix)1 234 567")
        #expect(try PhoneNumber("+84 \(prefix)1 234 567") == phone)
    }

    /// Mobile-looking prefixes that are not allocated (or no longer in service).
    static let unusedMobilePrefixes = [
        "30", "31", "50", "51", "53", "54", "57", "71", "72", "73", "74", "75", "80", "95",
    ]

    @Test("Mobile prefixes not in use are rejected", arguments: unusedMobilePrefixes)
    func unusedMobilePrefix(_ prefix: String) {
        let raw = "0\(prefix)1234567"
        let error = #expect(throws: NormalizationError.self) { try PhoneNumber(raw) }
        #expect(error?.field == .phone)
        #expect(error?.input == raw)
        #expect(error?.reason == "0\(prefix) is not a Vietnamese mobile prefix")
    }

    static let lostLeadingZero: [PhoneCase] = [
        PhoneCase("387654321", "+84387654321"),
        PhoneCase("562223333", "+84562223333"),
        PhoneCase("701234567", "+84701234567"),
        PhoneCase("868 888 888", "+84868888888"),
        PhoneCase("987.654.321", "+84987654321"),
        PhoneCase("843216549", "+84843216549"),                           // 9 digits: 084, not +84
    ]

    @Test("Nine digits starting with 3, 5, 7, 8 or 9 are a mobile that lost its 0", arguments: lostLeadingZero)
    func lostLeadingZeroIsRestored(_ test: PhoneCase) throws {
        let phone = try PhoneNumber(test.raw)
        #expect(phone.e164 == test.e164)
        #expect(phone.kind == .mobile)
    }

    // MARK: Old 11-digit mobile numbers

    /// Every renumbered prefix (three digits after the 0) and its replacement.
    static let renumbered: [(old: String, new: String)] = [
        ("162", "32"), ("163", "33"), ("164", "34"), ("165", "35"),
        ("166", "36"), ("167", "37"), ("168", "38"), ("169", "39"),
        ("120", "70"), ("121", "79"), ("122", "77"), ("126", "76"), ("128", "78"),
        ("123", "83"), ("124", "84"), ("125", "85"), ("127", "81"), ("129", "82"),
        ("186", "56"), ("188", "58"),
        ("199", "59"),
    ]

    /// How an old number can be written, `%` standing for its three-digit prefix.
    static let oldForms = ["0% 234 5678", "+84 % 234 5678", "84%2345678", "0084%2345678", "+84 (0)%-234-5678"]

    @Test("Old 01xx mobile numbers are renumbered, keeping the last 7 digits",
          arguments: renumbered, oldForms)
    func renumberedMobile(_ prefixes: (old: String, new: String), form: String) throws {
        let raw = form.replacing("%", with: prefixes.old)
        let phone = try PhoneNumber(raw)
        #expect(phone.e164 == "+84\(prefixes.new)2345678")
        #expect(phone.kind == .mobile)
        #expect(phone.nationalFormat == "0\(prefixes.new)2 345 678")
        #expect(phone.raw == raw)
    }

    @Test func renumberedExampleFromTheDomainNotes() throws {
        let phone = try PhoneNumber("01662 345 678")
        #expect(phone.e164 == "+84362345678")
        #expect(phone == (try PhoneNumber("0362 345 678")))
    }

    // MARK: Fixed lines

    static let fixedLines: [PhoneCase] = [
        PhoneCase("(028) 3822 1234", "+842838221234", .fixedLine, national: "028 3822 1234"),        // TP HCM
        PhoneCase("024 3825 7777", "+842438257777", .fixedLine, national: "024 3825 7777"),          // Hà Nội
        PhoneCase("0236 382 1234", "+842363821234", .fixedLine, national: "0236 382 1234"),          // Đà Nẵng
        PhoneCase("0225.384.2345", "+842253842345", .fixedLine, national: "0225 384 2345"),          // Hải Phòng
        PhoneCase("(0292) 382-0123", "+842923820123", .fixedLine, national: "0292 382 0123"),        // Cần Thơ
        PhoneCase("0203 365 1234", "+842033651234", .fixedLine, national: "0203 365 1234"),          // Quảng Ninh
        PhoneCase("0234 382 2222", "+842343822222", .fixedLine, national: "0234 382 2222"),          // Huế
        PhoneCase("0258 352 1111", "+842583521111", .fixedLine, national: "0258 352 1111"),          // Khánh Hòa
        PhoneCase("0263 382 2000", "+842633822000", .fixedLine, national: "0263 382 2000"),          // Lâm Đồng
        PhoneCase("0299 361 2345", "+842993612345", .fixedLine, national: "0299 361 2345"),          // Sóc Trăng
        PhoneCase("+84 28 3822 1234", "+842838221234", .fixedLine, national: "028 3822 1234"),
        PhoneCase("842838221234", "+842838221234", .fixedLine, national: "028 3822 1234"),
        PhoneCase("+84 (0)24 3825 7777", "+842438257777", .fixedLine, national: "024 3825 7777"),
        PhoneCase("0084 236 382 1234", "+842363821234", .fixedLine, national: "0236 382 1234"),
    ]

    @Test("Fixed lines of several provinces", arguments: fixedLines)
    func fixedLine(_ test: PhoneCase) throws {
        let phone = try PhoneNumber(test.raw)
        #expect(phone.e164 == test.e164)
        #expect(phone.kind == .fixedLine)
        #expect(phone.countryCode == 84)
        #expect(phone.nationalNumber == String(test.e164.dropFirst(3)))
        #expect(phone.nationalFormat == test.nationalFormat)
    }

    // MARK: Other countries

    struct ForeignCase: Sendable, CustomTestStringConvertible {
        let raw: String
        let e164: String
        let countryCode: Int
        let national: String

        init(_ raw: String, _ e164: String, _ countryCode: Int, _ national: String) {
            (self.raw, self.e164, self.countryCode, self.national) = (raw, e164, countryCode, national)
        }

        var testDescription: String { raw.debugDescription }
    }

    static let foreign: [ForeignCase] = [
        ForeignCase("+1 (415) 555-2671", "+14155552671", 1, "4155552671"),      // US
        ForeignCase("001 212 555 0100", "+12125550100", 1, "2125550100"),       // US via 00
        ForeignCase("+44 20 7946 0958", "+442079460958", 44, "2079460958"),     // UK
        ForeignCase("+44 (0)20 7946 0958", "+442079460958", 44, "2079460958"),  // UK, trunk (0)
        ForeignCase("0044 7700 900123", "+447700900123", 44, "7700900123"),     // UK mobile
        ForeignCase("+65 6123 4567", "+6561234567", 65, "61234567"),            // Singapore
        ForeignCase("+81 3-1234-5678", "+81312345678", 81, "312345678"),        // Japan
        ForeignCase("+81 90 1234 5678", "+819012345678", 81, "9012345678"),     // Japan mobile
        ForeignCase("+49 30 123456", "+4930123456", 49, "30123456"),            // Germany
        ForeignCase("+33 1 42 68 53 00", "+33142685300", 33, "142685300"),      // France
        ForeignCase("+66 2 123 4567", "+6621234567", 66, "21234567"),           // Thailand
        ForeignCase("+82 2-312-3456", "+8223123456", 82, "23123456"),           // Korea
        ForeignCase("+86 138 0013 8000", "+8613800138000", 86, "13800138000"),  // China
        ForeignCase("+61 2 9374 4000", "+61293744000", 61, "293744000"),        // Australia
        ForeignCase("+852 2123 4567", "+85221234567", 852, "21234567"),         // Hong Kong
        ForeignCase("+855 12 345 678", "+85512345678", 855, "12345678"),        // Cambodia
        ForeignCase("+856 20 5551 2345", "+8562055512345", 856, "2055512345"),  // Laos
        ForeignCase("+7 495 123-45-67", "+74951234567", 7, "4951234567"),       // Russia
        ForeignCase("+351 21 123 4567", "+351211234567", 351, "211234567"),     // Portugal
        ForeignCase("+420 601 123 456", "+420601123456", 420, "601123456"),     // Czechia
        ForeignCase("+971 4 123 4567", "+97141234567", 971, "41234567"),        // UAE
        ForeignCase("+20 2 2345 6789", "+20223456789", 20, "223456789"),        // Egypt
    ]

    @Test("Valid E.164 numbers of other countries", arguments: foreign)
    func foreignNumber(_ test: ForeignCase) throws {
        let phone = try PhoneNumber(test.raw)
        #expect(phone.e164 == test.e164)
        #expect(phone.kind == .unknown)
        #expect(phone.countryCode == test.countryCode)
        #expect(phone.nationalNumber == test.national)
        #expect(phone.nationalFormat == nil)
    }

    // MARK: Rejected input

    static let rejected: [RejectedInput] = [
        RejectedInput("0912 34", "a Vietnamese mobile number has 9 digits after the leading 0, this has 5"),
        RejectedInput("0912 345 6789", "a Vietnamese mobile number has 9 digits after the leading 0, this has 10"),
        RejectedInput("+84 912 345 67", "a Vietnamese mobile number has 9 digits after the country code 84, this has 8"),
        RejectedInput("0912abc678", "letters are not allowed in a phone number (found \"a\")"),
        RejectedInput("0912 345 678 ext 12", "letters are not allowed in a phone number (found \"e\")"),
        RejectedInput("O912345678", "letters are not allowed in a phone number (found \"O\")"),
        RejectedInput("0912#345678", "\"#\" is not allowed in a phone number"),
        RejectedInput("0912/345/678", "\"/\" is not allowed in a phone number"),
        RejectedInput("0912 345 ６78", "only the digits 0-9 are allowed (found \"６\")"),
        RejectedInput("٠٩١٢٣٤٥٦٧٨", "only the digits 0-9 are allowed (found \"٠\")"),
        RejectedInput("", "it has no digits"),
        RejectedInput("  - . ( ) ", "it has no digits"),
        RejectedInput("+", "it has no digits"),
        RejectedInput("++84912345678", "it has more than one +"),
        RejectedInput("0912+345678", "a + may only come before the first digit"),
        RejectedInput("00", "there are no digits after the international prefix 00"),
        RejectedInput("+84", "there are no digits after the country code 84"),
        RejectedInput("0", "there are no digits after the leading 0"),
        RejectedInput("0130 123 4567", "0130 is not a mobile prefix"),
        RejectedInput("0170 123 4567", "0170 is not a mobile prefix"),
        RejectedInput("01662 345 67", "an old 11-digit mobile number (01xx) has 10 digits after the leading 0, this has 9"),
        RejectedInput("028 3822 123", "a Vietnamese fixed-line number has 10 digits after the leading 0, this has 9"),
        RejectedInput("0236 382 12345", "a Vietnamese fixed-line number has 10 digits after the leading 0, this has 11"),
        RejectedInput("0217 123 4567", "0217 is not a Vietnamese area code"),
        RejectedInput("0200 123 4567", "0200 is not a Vietnamese area code"),
        RejectedInput("04 3825 7777", "not 4 (Hà Nội's old area code 04 has been 024 since 2017)"),
        RejectedInput("0612 345 678", "not 6 (the old area codes 06x became 02xx in 2017)"),
        RejectedInput("12345", "this has 5 digits"),
        RejectedInput("2838221234", "or a 9-digit mobile number starting with 3, 5, 7, 8 or 9; this has 10 digits"),
        RejectedInput("8491234567", "84 followed by 9 or 10 digits"),
        RejectedInput("123456789", "this has 9 digits"),
        RejectedInput("+0912345678", "a country code never starts with 0"),
        RejectedInput("000 912 345 678", "a country code never starts with 0"),
        RejectedInput("+44 20 79", "an international number has 8 to 15 digits after the +, this has 6"),
        RejectedInput("+44 2079 4609 5812 34", "an international number has 8 to 15 digits after the +, this has 16"),
        RejectedInput("0044 2079", "8 to 15 digits after the international prefix 00, this has 6"),
        RejectedInput("+1 415 555 267", "a North American (+1) number has 10 digits after the country code, this has 9"),
        RejectedInput("+28 1234 5678", "no country calling code starts with +28"),
        RejectedInput("+89 1234 5678", "no country calling code starts with +89"),
        RejectedInput("+84 951 234 567", "095 is not a Vietnamese mobile prefix"),
    ]

    @Test("Rejected input says what and why", arguments: rejected)
    func rejectsWithReason(_ test: RejectedInput) {
        let error = #expect(throws: NormalizationError.self) { try PhoneNumber(test.raw) }
        #expect(error?.field == .phone)
        #expect(error?.input == test.raw)
        #expect(error?.reason.contains(test.reason) == true, "reason: \(error?.reason ?? "none")")
    }

    @Test func errorDescriptionQuotesTheInput() {
        let error = #expect(throws: NormalizationError.self) { try PhoneNumber("0912 34") }
        #expect(error?.description == """
            invalid phone "0912 34": a Vietnamese mobile number has 9 digits after the leading 0, this has 5
            """)
    }

    // MARK: Identity

    @Test func equalityAndHashUseTheE164FormOnly() throws {
        let written = try ["0912 345 678", "+84 912 345 678", "84912345678", "912345678"].map { try PhoneNumber($0) }
        #expect(Set(written).count == 1)
        #expect(written[0] == written[3])
        #expect(written[0].raw != written[3].raw)
        #expect(written[0] != (try PhoneNumber("0912 345 679")))
        #expect(written[0].description == "+84912345678")
    }

    @Test func defaultRegionIsVietnam() throws {
        #expect(PhoneNumber.Region.vietnam.countryCode == 84)
        #expect(try PhoneNumber("0912345678", defaultRegion: .vietnam) == (try PhoneNumber("0912345678")))
    }

    @Test func kindsAreDistinguished() throws {
        #expect(try PhoneNumber("0912345678").kind == .mobile)
        #expect(try PhoneNumber("02838221234").kind == .fixedLine)
        #expect(try PhoneNumber("+6561234567").kind == .unknown)
    }
}
