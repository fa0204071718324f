@testable import CustomerStore
import Foundation
import Testing

@Suite("Generated customers")
struct GeneratedCustomerTests {
    static let sampleSize = 50_000
    /// One sample shared by the uniqueness and distribution tests.
    static let sample: [Customer] = Array(CustomerGenerator(seed: 1).customers(count: sampleSize))

    @Test func theSameSeedAndIndexGiveTheSameCustomer() {
        let a = CustomerGenerator(seed: 9)
        let b = CustomerGenerator(seed: 9)
        for index in [0, 1, 2, 17, 999, 123_456, 9_999_999, 42_000_000] {
            #expect(a.customer(at: index) == b.customer(at: index))
        }
    }

    @Test func differentSeedsGiveDifferentCustomers() {
        let a = CustomerGenerator(seed: 1)
        let b = CustomerGenerator(seed: 2)
        let differing = (0 ..< 100).filter { a.customer(at: $0) != b.customer(at: $0) }
        #expect(differing.count == 100)
        let differentNames = (0 ..< 100).filter { a.customer(at: $0).fullName != b.customer(at: $0).fullName }
        #expect(differentNames.count > 50)
    }

    @Test func theSequenceMatchesSingleCustomers() {
        let generator = CustomerGenerator(seed: 5)
        let sequence = Array(generator.customers(count: 300, startingAt: 1_000))
        #expect(sequence.count == 300)
        for (offset, customer) in sequence.enumerated() {
            #expect(customer == generator.customer(at: 1_000 + offset))
        }
    }

    @Test func theClockDoesNotMatterOnlyTheReferenceDate() {
        let now = CustomerGenerator.defaultNow
        let customer = CustomerGenerator(seed: 1, now: now).customer(at: 3)
        #expect(customer.createdAt <= now && customer.updatedAt <= now)
        #expect(customer.createdAt >= now.addingTimeInterval(-5 * 365 * 86_400))
        #expect(CustomerGenerator.civilYear(secondsSince1970: 1_795_392_000) == 2026)
        #expect(CustomerGenerator.civilYear(secondsSince1970: 0) == 1970)
        #expect(CustomerGenerator.civilYear(secondsSince1970: 951_782_400) == 2000)  // 2000-02-29
    }

    @Test func codesAreOptional() {
        #expect(CustomerGenerator().customer(at: 0).code == "")
        #expect(CustomerGenerator(codes: true).customer(at: 0).code == "KH00000001")
        #expect(CustomerGenerator(codes: true).customer(at: 122).code == "KH00000123")
    }

    @Test func phonesAndEmailsAreValidAndUnique() throws {
        var phones: Set<String> = []
        var emails: Set<String> = []
        var phoneCount = 0
        var emailCount = 0
        for customer in Self.sample {
            #expect(!customer.phones.isEmpty)
            for phone in customer.phones {
                phoneCount += 1
                phones.insert(phone.number.e164)
                #expect(phone.number.kind == .mobile)
                #expect(try PhoneNumber(phone.number.raw).e164 == phone.number.e164)
            }
            for email in customer.emails {
                emailCount += 1
                emails.insert(email.address.normalized)
                #expect(try EmailAddress(email.address.display).normalized == email.address.normalized)
            }
        }
        #expect(phones.count == phoneCount)
        #expect(emails.count == emailCount)
    }

    @Test func phonesStayUniqueAcrossTheWholeGuaranteedRange() {
        // A spread over the first block of 10^7 indexes, and indexes of later blocks that
        // share their subscriber digits with indexes of the first.
        let generator = CustomerGenerator(seed: 3)
        var seen: Set<String> = []
        var total = 0
        for index in stride(from: 0, to: CustomerGenerator.phoneUniquenessLimit, by: 99_991) {
            for phone in generator.customer(at: index).phones {
                total += 1
                seen.insert(phone.number.e164)
            }
        }
        for index in [10_000_000, 20_000_000, 10_000_001, 10_099_991] {
            for phone in generator.customer(at: index).phones {
                total += 1
                seen.insert(phone.number.e164)
            }
        }
        #expect(seen.count == total)
    }

    @Test(arguments: [false, true])
    func subscriberDigitsArePermutations(second: Bool) {
        var seen = [Bool](repeating: false, count: CustomerGenerator.phoneUniquenessLimit)
        var distinct = 0
        for value in 0 ..< CustomerGenerator.phoneUniquenessLimit {
            let image = CustomerGenerator.permute(value, offset: 1_234_567, second: second)
            if !seen[image] {
                seen[image] = true
                distinct += 1
            }
        }
        #expect(distinct == CustomerGenerator.phoneUniquenessLimit)
    }

    @Test func distributionsLookVietnamese() {
        let count = Double(Self.sample.count)
        let nguyen = Self.sample.filter { $0.fullName.hasPrefix("Nguyễn ") }.count
        #expect((0.30 ... 0.45).contains(Double(nguyen) / count))

        let bigCities = Self.sample.filter { ["Hà Nội", "TP Hồ Chí Minh"].contains($0.address.province) }.count
        #expect(Double(bigCities) / count > 0.30)

        let twoPhones = Self.sample.filter { $0.phones.count == 2 }.count
        #expect((0.17 ... 0.23).contains(Double(twoPhones) / count))

        let withEmail = Self.sample.filter { !$0.emails.isEmpty }.count
        #expect((0.65 ... 0.75).contains(Double(withEmail) / count))

        let withBirthDate = Self.sample.filter { $0.birthDate != nil }.count
        #expect((0.75 ... 0.85).contains(Double(withBirthDate) / count))

        let consenting = Self.sample.filter { $0.consent[.marketing]?.granted == true }.count
        #expect((0.55 ... 0.65).contains(Double(consenting) / count))

        let members = Self.sample.filter { $0.tier == .member }.count
        let diamonds = Self.sample.filter { $0.tier == .diamond }.count
        #expect(members > 10 * diamonds)
    }

    @Test func namesFitGenderAndDatesAreOrdered() {
        for customer in Self.sample.prefix(10_000) {
            let words = customer.fullName.split(separator: " ")
            #expect(words.count == 3)
            if words.contains("Văn") { #expect(customer.gender == .male) }
            if words.contains("Thị") { #expect(customer.gender == .female) }
            #expect(customer.points >= 0 && customer.points <= 200_000)
            #expect(customer.tags.count <= 4)
            #expect((customer.orderCount == 0) == (customer.totalSpent == 0))
            #expect((customer.orderCount == 0) == (customer.lastPurchaseAt == nil))
            if let last = customer.lastPurchaseAt {
                #expect(last >= customer.createdAt && last <= CustomerGenerator.defaultNow)
            }
            if let last = customer.lastInteractionAt {
                #expect(last >= customer.createdAt && last <= CustomerGenerator.defaultNow)
            }
            #expect(customer.updatedAt >= customer.createdAt)
        }
    }

    @Test func generatedCustomersLoadIntoAStore() throws {
        let temporary = try TemporaryStore()
        let inserted = try temporary.store.insertMany(CustomerGenerator(seed: 11).customers(count: 2_000))
        #expect(inserted == 2_000)
        #expect(try temporary.store.verify().isClean)
        let probe = CustomerGenerator(seed: 11).customer(at: 1_234)
        let found = try temporary.store.get(phone: probe.phones[0].number.e164)
        #expect(found?.fullName == probe.fullName)
    }
}
