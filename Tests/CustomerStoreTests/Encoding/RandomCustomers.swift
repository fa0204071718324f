import CustomerStore
import Foundation

/// Random customers for property tests, from a seeded generator.
enum RandomCustomers {
    /// Pieces of text: ASCII, Vietnamese in NFC and NFD, emoji, other scripts, controls.
    static let pieces = [
        "a", "Z", "0", " ", "-", "Nguyễn", "Trần", "Lê", "Đ", "đ", "Ð", "ư", "ơ", "ễ",
        "e\u{302}\u{303}", "u\u{31B}\u{301}", "\u{301}", "🎉", "👩‍👩‍👧", "🇻🇳", "日本", "한", "ไทย",
        "\u{0}", "\n", "\u{200B}", "\"", "\\", "KH0000", "@", "+84",
    ]

    static let phoneInputs = [
        "0912 345 678", "+84 912 345 678", "84912345678", "(028) 3822 1234", "01662 345 678",
        "0236 382 1234", "+1 (415) 555-2671", "+44 (0)20 7946 0958", "0987.654.321", "912345678",
        "+84362345678", "0 3 8 7 1 2 3 4 5 6",
    ]

    static let emailInputs = [
        "lan@shop.vn", "Lan.Nguyen+Shop@Gmail.com", "user@công-ty.vn", "NGUYỄN@Shop.vn",
        "info@BÜCHER.DE", "o'brien@example.ie", "a@b.co", "user@пример.рф",
    ]

    static func text<G: RandomNumberGenerator>(using g: inout G, maxPieces: Int = 6) -> String {
        let count = Int.random(in: 0...maxPieces, using: &g)
        return (0..<count).map { _ in pieces.randomElement(using: &g)! }.joined()
    }

    static func optionalText<G: RandomNumberGenerator>(using g: inout G) -> String? {
        Bool.random(using: &g) ? text(using: &g) : nil
    }

    static func date<G: RandomNumberGenerator>(using g: inout G) -> Date {
        switch Int.random(in: 0..<6, using: &g) {
        case 0: Date(timeIntervalSinceReferenceDate: 0)
        case 1: Date(timeIntervalSinceReferenceDate: Double.random(in: -1e12...1e12, using: &g))
        case 2: [.distantPast, .distantFuture][Int.random(in: 0...1, using: &g)]
        case 3: Date(timeIntervalSinceReferenceDate: Double(Int32.random(in: .min ... .max, using: &g)))
        default: Date(timeIntervalSinceReferenceDate: Double.random(in: 0...1_000_000_000, using: &g))
        }
    }

    static func int64<G: RandomNumberGenerator>(using g: inout G) -> Int64 {
        switch Int.random(in: 0..<4, using: &g) {
        case 0: 0
        case 1: Int64.random(in: -1_000...1_000, using: &g)
        case 2: [Int64.min, .max, -1, 1][Int.random(in: 0...3, using: &g)]
        default: Int64.random(in: .min ... .max, using: &g)
        }
    }

    static func attribute<G: RandomNumberGenerator>(using g: inout G) -> AttributeValue {
        switch Int.random(in: 0..<5, using: &g) {
        case 0: .string(text(using: &g))
        case 1: .integer(int64(using: &g))
        case 2: .decimal(Double.random(in: -1e9...1e9, using: &g))
        case 3: .bool(Bool.random(using: &g))
        default: .date(date(using: &g))
        }
    }

    static func make<G: RandomNumberGenerator>(using g: inout G) -> Customer {
        func some<T>(_ make: (inout G) -> T) -> T? { Bool.random(using: &g) ? make(&g) : nil }
        func many<T>(_ max: Int, _ make: (inout G) -> T) -> [T] {
            (0..<Int.random(in: 0...max, using: &g)).map { _ in make(&g) }
        }
        let phones = many(4) { g in
            try! ContactPhone(parsing: phoneInputs.randomElement(using: &g)!, isPrimary: Bool.random(using: &g))
        }
        let emails = many(3) { g in
            try! ContactEmail(parsing: emailInputs.randomElement(using: &g)!, isPrimary: Bool.random(using: &g))
        }
        var consent: [ConsentPurpose: ConsentRecord] = [:]
        for _ in 0..<Int.random(in: 0...4, using: &g) {
            let purpose = [ConsentPurpose.marketing, .profiling, .thirdPartySharing, ConsentPurpose(text(using: &g))]
                .randomElement(using: &g)!
            consent[purpose] = ConsentRecord(granted: Bool.random(using: &g), at: date(using: &g))
        }
        var attributes: [String: AttributeValue] = [:]
        for _ in 0..<Int.random(in: 0...6, using: &g) { attributes[text(using: &g)] = attribute(using: &g) }
        let birthDate = some { g in
            CalendarDate(year: Int.random(in: 1...9999, using: &g), month: Int.random(in: 1...12, using: &g),
                         day: Int.random(in: 1...28, using: &g))!
        }
        return Customer(
            fullName: text(using: &g),
            id: UInt64.random(in: 0 ... .max, using: &g),
            code: text(using: &g, maxPieces: 2),
            gender: Gender.allCases.randomElement(using: &g)!,
            birthDate: birthDate,
            phones: phones,
            emails: emails,
            address: Bool.random(using: &g) ? Address() : Address(
                raw: text(using: &g), street: text(using: &g), ward: text(using: &g), province: text(using: &g),
                country: ["VN", "", "US", text(using: &g)].randomElement(using: &g)!),
            occupation: optionalText(using: &g),
            jobTitle: optionalText(using: &g),
            education: optionalText(using: &g),
            maritalStatus: optionalText(using: &g),
            incomeBand: optionalText(using: &g),
            segment: optionalText(using: &g),
            tags: Set(many(8) { g in text(using: &g) }),
            tier: some { g in Tier.allCases.randomElement(using: &g)! },
            lifecycle: Lifecycle.allCases.randomElement(using: &g)!,
            preferredChannel: some { g in Channel.allCases.randomElement(using: &g)! },
            owner: optionalText(using: &g),
            sources: many(3) { g in SourceReference(system: text(using: &g), externalID: text(using: &g)) },
            points: int64(using: &g),
            totalSpent: int64(using: &g),
            orderCount: int64(using: &g),
            lastPurchaseAt: some { g in date(using: &g) },
            lastInteractionAt: some { g in date(using: &g) },
            consent: consent,
            restricted: Bool.random(using: &g),
            attributes: attributes,
            createdAt: date(using: &g),
            updatedAt: date(using: &g),
            version: Bool.random(using: &g) ? UInt64.random(in: 0...10, using: &g) : .random(in: 0 ... .max, using: &g),
            mergedInto: some { g in UInt64.random(in: 0 ... .max, using: &g) })
    }
}
