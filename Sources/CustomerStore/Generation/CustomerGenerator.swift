import Foundation

/// Makes realistic, deterministic Vietnamese customers for benchmarks, demos and load tests.
///
/// Every customer is a pure function of the generator's ``seed`` and the customer's index, so
/// any customer can be made again on its own, in any order or in parallel, and two runs with the
/// same seed give the same data. Each index draws from its own SplitMix64 stream; nothing is
/// shared or mutated.
///
/// What comes out:
/// - Names in family, middle, given order with diacritics, family names skewed as in Vietnam
///   (Nguyễn about 38%), the middle and given names fitting the ``Customer/gender``.
/// - A first mobile number for everyone and a second for about 20%, unique by construction
///   for indexes below 10,000,000 (the seven subscriber digits are a permutation of the index;
///   first and second numbers use disjoint prefixes). About 70% have an email address, unique
///   because it ends in the index.
/// - Provinces skewed toward TP Hồ Chí Minh and Hà Nội, segments, tiers (mostly `member`),
///   lifecycle stages and aggregates that fit the order count, tags, owners, consent, dates
///   within the five years before ``now``.
///
/// Codes are left empty for the store to assign, unless `codes` is set.
///
/// ```swift
/// let generator = CustomerGenerator(seed: 42)
/// let first = generator.customer(at: 0)                  // the same on every run
/// try store.insertMany(generator.customers(count: 100_000))
/// ```
public struct CustomerGenerator: Sendable {
    /// The default reference date, 2026-11-23 00:00 UTC.
    public static let defaultNow = Date(timeIntervalSince1970: 1_795_392_000)

    /// The number of customers whose phone numbers are guaranteed unique (indexes
    /// `0 ..< phoneUniquenessLimit`).
    public static let phoneUniquenessLimit = 10_000_000

    /// The seed all customers derive from.
    public let seed: UInt64
    /// The reference "now": creation dates fall in the five years before it, and no date is
    /// after it.
    public let now: Date
    /// Whether customers get a code (`KH` and the index + 1 in eight digits) instead of an
    /// empty one for the store to assign.
    public let codes: Bool

    private let nowSeconds: Int64
    private let nowYear: Int
    private let phoneOffset: Int
    private let secondPhoneOffset: Int

    /// A generator of the customers of `seed`, dated relative to `now`.
    ///
    /// ```swift
    /// let generator = CustomerGenerator(seed: 7, now: CustomerGenerator.defaultNow, codes: true)
    /// generator.customer(at: 0).code  // "KH00000001"
    /// ```
    public init(seed: UInt64 = 1, now: Date = CustomerGenerator.defaultNow, codes: Bool = false) {
        self.seed = seed
        self.now = now
        self.codes = codes
        nowSeconds = Int64(now.timeIntervalSince1970.rounded(.down))
        nowYear = Self.civilYear(secondsSince1970: nowSeconds)
        phoneOffset = Int(splitMix64(seed ^ 0x5048_4F4E_4531) % UInt64(Self.subscriberSpace))
        secondPhoneOffset = Int(splitMix64(seed ^ 0x5048_4F4E_4532) % UInt64(Self.subscriberSpace))
    }

    /// The lazily made customers `startingAt ..< startingAt + count`; each equals
    /// ``customer(at:)`` for its index.
    ///
    /// ```swift
    /// for customer in CustomerGenerator().customers(count: 10, startingAt: 500) {
    ///     print(customer.fullName)
    /// }
    /// ```
    public func customers(count: Int, startingAt: Int = 0) -> some Sequence<Customer> {
        precondition(count >= 0 && startingAt >= 0, "count and startingAt must not be negative")
        return (startingAt ..< startingAt + count).lazy.map { self.customer(at: $0) }
    }

    /// The customer at `index` (≥ 0): always the same for the same seed, reference date and
    /// index.
    ///
    /// ```swift
    /// let customer = CustomerGenerator(seed: 3).customer(at: 12_345)
    /// customer.phones.first?.number.e164   // a unique +849… or +843… number
    /// ```
    public func customer(at index: Int) -> Customer {
        precondition(index >= 0, "customer indexes start at 0")
        var random = ItemRandom(seed: seed, index: index)
        typealias Words = GenerationVocabulary

        // Name and gender.
        let gender: Gender = random.chance(0.52) ? .female : .male
        let family = random.pick(Words.familyNames)
        let middle = random.pick(gender == .female ? Words.femaleMiddleNames : Words.maleMiddleNames)
        let given = random.pick(gender == .female ? Words.femaleGivenNames : Words.maleGivenNames)
        let fullName = "\(family.text) \(middle.text) \(given.text)"

        // Contact.
        var phones = [phone(index: index, second: false, random: &random, isPrimary: true)]
        if random.chance(0.2) {
            phones.append(phone(index: index, second: true, random: &random, isPrimary: false))
        }
        var emails: [ContactEmail] = []
        if random.chance(0.7) {
            emails.append(email(index: index, family: family, middle: middle, given: given, random: &random))
        }
        let address = address(random: &random)

        // Dates and aggregates.
        let fiveYears: Int64 = 5 * 365 * 86_400
        let createdAgo = Int64(Double(fiveYears) * Self.skewed(random.unit(), power: 1.5))
        let created = nowSeconds - createdAgo
        let orderCount: Int64
        if random.chance(0.25) {
            orderCount = 0
        } else if random.chance(0.05) {
            orderCount = Int64(random.within(10...80))
        } else {
            var count: Int64 = 1
            while count < 12 && random.chance(0.55) { count += 1 }
            orderCount = count
        }
        let averageOrder = Int64(random.within(100...2_000)) * 1_000
        let totalSpent = orderCount * averageOrder * Int64(random.within(80...120)) / 100 / 1_000 * 1_000
        var lastPurchase: Int64?
        if orderCount > 0 {
            lastPurchase = created + Int64(Double(createdAgo) * random.unit())
        }
        var lastInteraction: Int64?
        if random.chance(0.65) {
            lastInteraction = created + Int64(Double(createdAgo) * random.unit())
        }
        let updated = max(created, lastPurchase ?? created, lastInteraction ?? created)

        let lifecycle: Lifecycle
        switch orderCount {
        case 0: lifecycle = random.chance(0.6) ? .lead : .prospect
        case 1: lifecycle = .customer
        case 2...4: lifecycle = .repeat
        default: lifecycle = random.chance(0.8) ? .loyal : .repeat
        }
        let tier: Tier? = random.chance(0.75) ? random.pick(Words.tiers) : nil
        let points: Int64 = tier == nil ? 0 : Int64(Self.skewed(random.unit(), power: 3) * 200_000)

        var birthDate: CalendarDate?
        if random.chance(0.8) {
            let year = nowYear - random.within(18...72)
            let month = random.within(1...12)
            let day = random.within(1...CalendarDate.daysIn(month: month, year: year))
            birthDate = CalendarDate(year: year, month: month, day: day)
        }

        // Classification.
        let segment: String? = random.chance(0.85) ? random.pick(Words.segments) : nil
        var tags: Set<String> = []
        let tagCount = Self.tagCounts.element(at: random.below(Self.tagCounts.totalWeight))
        for _ in 0 ..< tagCount * 2 where tags.count < tagCount {
            tags.insert(random.pick(Words.tags))
        }
        let channel: Channel? = random.chance(0.8) ? random.pick(Words.channels) : nil
        let owner: String? = random.chance(0.7) ? random.pick(Words.owners) : nil
        let occupation: String? = random.chance(0.4) ? random.pick(Words.occupations) : nil

        var consent: [ConsentPurpose: ConsentRecord] = [:]
        let consentDraw = random.unit()
        if consentDraw < 0.6 {
            consent[.marketing] = ConsentRecord(granted: true, at: Self.date(created))
        } else if consentDraw < 0.7 {
            consent[.marketing] = ConsentRecord(granted: false, at: Self.date(updated))
        }
        let restricted = random.chance(0.01)
        let sources = random.chance(0.3)
            ? [SourceReference(system: "import", externalID: "KH-" + decimal(index))] : []

        return Customer(
            fullName: fullName,
            code: codes ? "KH" + decimal(index + 1, width: 8) : "",
            gender: gender,
            birthDate: birthDate,
            phones: phones,
            emails: emails,
            address: address,
            occupation: occupation,
            segment: segment,
            tags: tags,
            tier: tier,
            lifecycle: lifecycle,
            preferredChannel: channel,
            owner: owner,
            sources: sources,
            points: points,
            totalSpent: totalSpent,
            orderCount: orderCount,
            lastPurchaseAt: lastPurchase.map(Self.date),
            lastInteractionAt: lastInteraction.map(Self.date),
            consent: consent,
            restricted: restricted,
            createdAt: Self.date(created),
            updatedAt: Self.date(updated))
    }
}

// MARK: - Parts

extension CustomerGenerator {
    /// Seven-digit subscriber numbers.
    private static let subscriberSpace = 10_000_000

    /// How many tags a customer has, 0 to 4, weighted.
    private static let tagCounts = WeightedTable<Int>([(0, 35), (1, 30), (2, 20), (3, 10), (4, 5)])

    /// A mobile number of `index`. The seven subscriber digits are a bijection of
    /// `index % 10^7`; the prefix is drawn from the subscriber digits and shifted by
    /// `index / 10^7`, so numbers stay distinct for as many blocks of 10^7 as there are
    /// prefixes. First and second numbers use disjoint prefix lists.
    private func phone(index: Int, second: Bool, random: inout ItemRandom, isPrimary: Bool) -> ContactPhone {
        let prefixes = second ? GenerationVocabulary.secondPhonePrefixes : GenerationVocabulary.primaryPhonePrefixes
        let block = index / Self.subscriberSpace
        let subscriber = Self.permute(index % Self.subscriberSpace, offset: second ? secondPhoneOffset : phoneOffset,
                                      second: second)
        let prefixDraw = Int(splitMix64(seed ^ UInt64(subscriber) ^ (second ? 0xA5A5 : 0)) % UInt64(prefixes.count))
        let prefix = Int(prefixes[(prefixDraw + block) % prefixes.count])

        // National digits "0" + prefix + subscriber, written in one of the usual ways.
        var national: [UInt8] = [UInt8(ascii: "0")]
        national.reserveCapacity(10)
        appendDigits(prefix, width: 2, to: &national)
        appendDigits(subscriber, width: 7, to: &national)
        var raw: [UInt8] = []
        raw.reserveCapacity(16)
        let style = random.below(20)
        switch style {
        case 0 ..< 14:                                    // 0912 345 678
            raw += national[0 ..< 4]; raw.append(0x20)
            raw += national[4 ..< 7]; raw.append(0x20)
            raw += national[7 ..< 10]
        case 14 ..< 17:                                   // 0912345678
            raw = national
        case 17 ..< 19:                                   // +84 912 345 678
            raw = Array("+84 ".utf8)
            raw += national[1 ..< 4]; raw.append(0x20)
            raw += national[4 ..< 7]; raw.append(0x20)
            raw += national[7 ..< 10]
        default:                                          // 0912.345.678
            raw += national[0 ..< 4]; raw.append(UInt8(ascii: "."))
            raw += national[4 ..< 7]; raw.append(UInt8(ascii: "."))
            raw += national[7 ..< 10]
        }
        do {
            return try ContactPhone(parsing: String(decoding: raw, as: UTF8.self), isPrimary: isPrimary)
        } catch {
            preconditionFailure("generated an invalid phone number: \(error)")
        }
    }

    /// A bijection of `0 ..< 10^7`: an affine map, the seven digits reversed, another affine map.
    static func permute(_ value: Int, offset: Int, second: Bool) -> Int {
        let space = subscriberSpace
        var x = (value &* (second ? 4_393_139 : 3_141_593) &+ offset) % space
        var reversed = 0
        for _ in 0 ..< 7 {
            reversed = reversed * 10 + x % 10
            x /= 10
        }
        return (reversed &* (second ? 2_718_283 : 1_618_033) &+ 7_777_777) % space
    }

    /// An email address that ends in `index`, so it is unique: the folded name in one of the
    /// usual shapes, the index, a common domain.
    private func email(index: Int, family: FoldedWord, middle: FoldedWord, given: FoldedWord,
                       random: inout ItemRandom) -> ContactEmail {
        let local: String
        switch random.below(6) {
        case 0: local = given.ascii + family.ascii
        case 1: local = given.ascii + "." + family.ascii
        case 2: local = family.ascii + "." + given.ascii + "."
        case 3: local = family.ascii + middle.ascii + given.ascii
        case 4: local = given.ascii + String(family.ascii.prefix(1)) + String(middle.ascii.prefix(1))
        default: local = given.ascii + "_" + family.ascii
        }
        let domain = random.pick(GenerationVocabulary.emailDomains)
        // Some people type capitals; the normalised key is lowercase either way.
        let display = random.chance(0.1) ? local.capitalized : local
        do {
            return try ContactEmail(parsing: display + decimal(index) + "@" + domain, isPrimary: true)
        } catch {
            preconditionFailure("generated an invalid email address: \(error)")
        }
    }

    /// A postal address: mostly a province, often a ward and a street, and the raw line.
    private func address(random: inout ItemRandom) -> Address {
        guard random.chance(0.92) else { return Address() }
        let province = random.pick(GenerationVocabulary.provinces)
        var ward = ""
        if random.chance(0.75) {
            switch province {
            case "Hà Nội": ward = random.pick(GenerationVocabulary.hanoiWards)
            case "TP Hồ Chí Minh": ward = random.pick(GenerationVocabulary.saigonWards)
            default: ward = random.pick(GenerationVocabulary.commonWards)
            }
        }
        var street = ""
        if !ward.isEmpty && random.chance(0.8) {
            var number = decimal(random.within(1...350))
            if random.chance(0.25) { number += "/" + decimal(random.within(1...60)) }
            street = number + " " + random.pick(GenerationVocabulary.streets)
        }
        let raw = [street, ward, province].filter { !$0.isEmpty }.joined(separator: ", ")
        return Address(raw: raw, street: street, ward: ward, province: province)
    }

    /// `unit` (in `0 ..< 1`) raised to `power`: small values become more likely.
    private static func skewed(_ unit: Double, power: Double) -> Double {
        switch power {
        case 1.5: unit * unit.squareRoot()
        case 2: unit * unit
        case 3: unit * unit * unit
        default: Foundation.pow(unit, power)
        }
    }

    private static func date(_ secondsSince1970: Int64) -> Date {
        Date(timeIntervalSince1970: TimeInterval(secondsSince1970))
    }

    /// The proleptic Gregorian year (UTC) of a moment.
    static func civilYear(secondsSince1970: Int64) -> Int {
        // Howard Hinnant's days-to-civil algorithm.
        let days = Int(secondsSince1970 >= 0 ? secondsSince1970 / 86_400 : (secondsSince1970 - 86_399) / 86_400)
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }
}
