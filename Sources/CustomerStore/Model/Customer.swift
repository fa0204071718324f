import Foundation

/// A customer: who they are, how to reach them, where they came from, what they bought and
/// what they agreed to.
///
/// A plain value: changing a copy changes nothing in the store until it is written back. The
/// store assigns ``id`` (0 until then) and, when it is empty, ``code``; ``version`` counts the
/// writes, for optimistic concurrency. Money is in whole đồng.
///
/// `Codable` is for exchanging customers with applications as JSON (missing keys take their
/// defaults); the store keeps records in its own binary form (``CustomerRecord``).
///
/// ```swift
/// var customer = Customer(
///     fullName: "Nguyễn Văn Đức",
///     gender: .male,
///     birthDate: CalendarDate(year: 1990, month: 5, day: 17),
///     phones: [try ContactPhone(parsing: "0912 345 678", isPrimary: true)],
///     address: Address(province: "Hà Nội"))
/// customer.tags.insert("vip")
/// customer.lifecycle = max(customer.lifecycle, .customer)
/// customer.consent[.marketing] = ConsentRecord(granted: true, at: .now)
/// ```
public struct Customer: Sendable, Hashable {
    // MARK: Identity

    /// The internal id, the record's key; 0 for a customer not yet stored. Never reused.
    public var id: UInt64
    /// The business-facing customer code, such as `KH00000123`; unique. Empty until assigned.
    public var code: String
    /// The full name as entered, in Vietnamese order (family, middle, given names).
    public var fullName: String
    /// Gender; ``Gender/unknown`` by default.
    public var gender: Gender
    /// The day of birth, if known.
    public var birthDate: CalendarDate?

    // MARK: Contact

    /// Phone numbers, in the customer's order; each is unique across the store.
    public var phones: [ContactPhone]
    /// Email addresses, in the customer's order; each is unique across the store.
    public var emails: [ContactEmail]
    /// The postal address.
    public var address: Address

    // MARK: Demographics (optional, income is sensitive)

    /// Occupation, such as `teacher`.
    public var occupation: String?
    /// Job title, such as `head of accounting`.
    public var jobTitle: String?
    /// Highest education.
    public var education: String?
    /// Marital status.
    public var maritalStatus: String?
    /// An income band, such as `10-20M`; sensitive data.
    public var incomeBand: String?

    // MARK: Classification

    /// The primary classification, such as an RFM segment (`champions`) or `VIP`.
    public var segment: String?
    /// Free labels.
    public var tags: Set<String>
    /// The loyalty tier, if the customer is in the programme.
    public var tier: Tier?
    /// How far the customer has come; moves forward only. ``Lifecycle/lead`` by default.
    public var lifecycle: Lifecycle
    /// The channel the customer prefers to be contacted by.
    public var preferredChannel: Channel?
    /// The staff member who cares for this customer.
    public var owner: String?
    /// The systems this record came from, with the record's id in each.
    public var sources: [SourceReference]

    // MARK: Aggregates

    /// The loyalty points balance (a cache of the points ledger).
    public var points: Int64
    /// The sum of the customer's orders, in đồng.
    public var totalSpent: Int64
    /// The number of orders.
    public var orderCount: Int64
    /// When the customer last bought.
    public var lastPurchaseAt: Date?
    /// When the business last interacted with the customer (call, message, meeting ...).
    public var lastInteractionAt: Date?

    // MARK: Privacy

    /// The customer's consent, per purpose.
    public var consent: [ConsentPurpose: ConsentRecord]
    /// Whether the customer restricted the processing of their data; marketing queries leave
    /// restricted customers out by default.
    public var restricted: Bool

    // MARK: Custom fields

    /// The custom fields the business adds, by name.
    public var attributes: [String: AttributeValue]

    // MARK: Bookkeeping

    /// When the customer was created.
    public var createdAt: Date
    /// When the customer was last changed.
    public var updatedAt: Date
    /// The number of writes of this record, checked on update (optimistic concurrency).
    public var version: UInt64
    /// For a record merged into another: the id of the surviving customer.
    public var mergedInto: UInt64?

    /// A customer with the given values; everything but the name has a default: no contact
    /// details, empty collections, zero aggregates, ``Gender/unknown``, ``Lifecycle/lead``, an
    /// ``Address`` in `VN`. `createdAt` defaults to now and `updatedAt` to `createdAt`.
    ///
    /// ```swift
    /// let lead = Customer(fullName: "Phạm Thu Hà", tags: ["hội chợ 2025"], owner: "lan")
    /// ```
    public init(
        fullName: String,
        id: UInt64 = 0,
        code: String = "",
        gender: Gender = .unknown,
        birthDate: CalendarDate? = nil,
        phones: [ContactPhone] = [],
        emails: [ContactEmail] = [],
        address: Address = Address(),
        occupation: String? = nil,
        jobTitle: String? = nil,
        education: String? = nil,
        maritalStatus: String? = nil,
        incomeBand: String? = nil,
        segment: String? = nil,
        tags: Set<String> = [],
        tier: Tier? = nil,
        lifecycle: Lifecycle = .lead,
        preferredChannel: Channel? = nil,
        owner: String? = nil,
        sources: [SourceReference] = [],
        points: Int64 = 0,
        totalSpent: Int64 = 0,
        orderCount: Int64 = 0,
        lastPurchaseAt: Date? = nil,
        lastInteractionAt: Date? = nil,
        consent: [ConsentPurpose: ConsentRecord] = [:],
        restricted: Bool = false,
        attributes: [String: AttributeValue] = [:],
        createdAt: Date? = nil,
        updatedAt: Date? = nil,
        version: UInt64 = 0,
        mergedInto: UInt64? = nil
    ) {
        self.id = id
        self.code = code
        self.fullName = fullName
        self.gender = gender
        self.birthDate = birthDate
        self.phones = phones
        self.emails = emails
        self.address = address
        self.occupation = occupation
        self.jobTitle = jobTitle
        self.education = education
        self.maritalStatus = maritalStatus
        self.incomeBand = incomeBand
        self.segment = segment
        self.tags = tags
        self.tier = tier
        self.lifecycle = lifecycle
        self.preferredChannel = preferredChannel
        self.owner = owner
        self.sources = sources
        self.points = points
        self.totalSpent = totalSpent
        self.orderCount = orderCount
        self.lastPurchaseAt = lastPurchaseAt
        self.lastInteractionAt = lastInteractionAt
        self.consent = consent
        self.restricted = restricted
        self.attributes = attributes
        let created = createdAt ?? Date()
        self.createdAt = created
        self.updatedAt = updatedAt ?? created
        self.version = version
        self.mergedInto = mergedInto
    }
}
