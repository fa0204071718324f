import CustomerStore
import Foundation
import Testing

@Suite("Customer model values")
struct ModelValueTests {
    @Test func lifecycleStagesAreOrdered() {
        #expect(Lifecycle.allCases == [.lead, .prospect, .customer, .repeat, .loyal])
        #expect(Lifecycle.allCases == Lifecycle.allCases.sorted())
        #expect(Lifecycle.lead < .prospect && Lifecycle.repeat < .loyal && !(Lifecycle.loyal < .lead))
        #expect(max(Lifecycle.customer, .prospect) == .customer)
        #expect(Lifecycle.allCases.map(\.rawValue) == ["lead", "prospect", "customer", "repeat", "loyal"])
    }

    @Test func tiersAreOrdered() {
        #expect(Tier.allCases == Tier.allCases.sorted())
        #expect(Tier.member < .diamond)
        #expect(Tier.allCases.map(\.rawValue) == ["member", "silver", "gold", "platinum", "diamond"])
    }

    @Test func channelRawValues() {
        #expect(Channel.allCases.map(\.rawValue) == ["phone", "sms", "zalo", "email", "facebook", "store"])
    }

    @Test func consentPurposes() {
        #expect(ConsentPurpose.marketing.rawValue == "marketing")
        #expect(ConsentPurpose.profiling.rawValue == "profiling")
        #expect(ConsentPurpose.thirdPartySharing.rawValue == "thirdPartySharing")
        let custom: ConsentPurpose = "birthdayGreetings"
        #expect(custom == ConsentPurpose("birthdayGreetings"))
        #expect(custom == ConsentPurpose(rawValue: "birthdayGreetings"))
        #expect(custom.description == "birthdayGreetings")
    }

    @Test func defaults() {
        let before = Date()
        let customer = Customer(fullName: "Phạm Thu Hà")
        #expect(customer.id == 0 && customer.code.isEmpty && customer.version == 0)
        #expect(customer.gender == .unknown && customer.lifecycle == .lead)
        #expect(customer.address == Address() && customer.address.country == "VN" && customer.address.isEmpty)
        #expect(customer.phones.isEmpty && customer.emails.isEmpty && customer.tags.isEmpty)
        #expect(customer.tier == nil && customer.preferredChannel == nil && customer.mergedInto == nil)
        #expect(customer.points == 0 && customer.totalSpent == 0 && customer.orderCount == 0)
        #expect(customer.createdAt >= before && customer.createdAt <= Date())
        #expect(customer.updatedAt == customer.createdAt)
        #expect(!customer.restricted && customer.consent.isEmpty && customer.attributes.isEmpty)
    }

    @Test func addressIsEmptyOnlyWithDefaults() {
        #expect(Address().isEmpty)
        #expect(!Address(country: "").isEmpty)
        #expect(!Address(country: "US").isEmpty)
        #expect(!Address(ward: "Bến Nghé").isEmpty)
    }
}
