import Foundation

/// JSON for applications: every property under its own name; optional values that are `nil`
/// are left out, and missing keys take the defaults of ``Customer``'s initialiser (only
/// `fullName` is required). Tags are written sorted, so equal customers give equal JSON with a
/// sorted-keys encoder.
///
/// ```swift
/// let json = try JSONEncoder().encode(customer)
/// let back = try JSONDecoder().decode(Customer.self, from: json)
/// let minimal = try JSONDecoder().decode(Customer.self, from: Data(#"{"fullName":"Lan"}"#.utf8))
/// ```
extension Customer: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, code, fullName, gender, birthDate, phones, emails, address
        case occupation, jobTitle, education, maritalStatus, incomeBand
        case segment, tags, tier, lifecycle, preferredChannel, owner, sources
        case points, totalSpent, orderCount, lastPurchaseAt, lastInteractionAt
        case consent, restricted, attributes, createdAt, updatedAt, version, mergedInto
    }

    /// Decodes a customer; only `fullName` is required. Phones and emails are normalised
    /// again (see ``ContactPhone`` and ``ContactEmail``).
    ///
    /// - Throws: `DecodingError` for a missing name, a value of the wrong type, an unknown
    ///   enum value, or a phone or email that does not normalise.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func value<T: Decodable>(_ key: CodingKeys, _ fallback: T) throws -> T {
            try c.decodeIfPresent(T.self, forKey: key) ?? fallback
        }
        func optional<T: Decodable>(_ key: CodingKeys) throws -> T? {
            try c.decodeIfPresent(T.self, forKey: key)
        }
        let createdAt: Date? = try optional(.createdAt)
        self.init(
            fullName: try c.decode(String.self, forKey: .fullName),
            id: try value(.id, 0),
            code: try value(.code, ""),
            gender: try value(.gender, .unknown),
            birthDate: try optional(.birthDate),
            phones: try value(.phones, []),
            emails: try value(.emails, []),
            address: try value(.address, Address()),
            occupation: try optional(.occupation),
            jobTitle: try optional(.jobTitle),
            education: try optional(.education),
            maritalStatus: try optional(.maritalStatus),
            incomeBand: try optional(.incomeBand),
            segment: try optional(.segment),
            tags: try value(.tags, []),
            tier: try optional(.tier),
            lifecycle: try value(.lifecycle, .lead),
            preferredChannel: try optional(.preferredChannel),
            owner: try optional(.owner),
            sources: try value(.sources, []),
            points: try value(.points, 0),
            totalSpent: try value(.totalSpent, 0),
            orderCount: try value(.orderCount, 0),
            lastPurchaseAt: try optional(.lastPurchaseAt),
            lastInteractionAt: try optional(.lastInteractionAt),
            consent: try value(.consent, [:]),
            restricted: try value(.restricted, false),
            attributes: try value(.attributes, [:]),
            createdAt: createdAt,
            updatedAt: try optional(.updatedAt),
            version: try value(.version, 0),
            mergedInto: try optional(.mergedInto))
    }

    /// Encodes every property; `nil` optionals are left out, tags are sorted.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(code, forKey: .code)
        try c.encode(fullName, forKey: .fullName)
        try c.encode(gender, forKey: .gender)
        try c.encodeIfPresent(birthDate, forKey: .birthDate)
        try c.encode(phones, forKey: .phones)
        try c.encode(emails, forKey: .emails)
        try c.encode(address, forKey: .address)
        try c.encodeIfPresent(occupation, forKey: .occupation)
        try c.encodeIfPresent(jobTitle, forKey: .jobTitle)
        try c.encodeIfPresent(education, forKey: .education)
        try c.encodeIfPresent(maritalStatus, forKey: .maritalStatus)
        try c.encodeIfPresent(incomeBand, forKey: .incomeBand)
        try c.encodeIfPresent(segment, forKey: .segment)
        try c.encode(tags.sorted(), forKey: .tags)
        try c.encodeIfPresent(tier, forKey: .tier)
        try c.encode(lifecycle, forKey: .lifecycle)
        try c.encodeIfPresent(preferredChannel, forKey: .preferredChannel)
        try c.encodeIfPresent(owner, forKey: .owner)
        try c.encode(sources, forKey: .sources)
        try c.encode(points, forKey: .points)
        try c.encode(totalSpent, forKey: .totalSpent)
        try c.encode(orderCount, forKey: .orderCount)
        try c.encodeIfPresent(lastPurchaseAt, forKey: .lastPurchaseAt)
        try c.encodeIfPresent(lastInteractionAt, forKey: .lastInteractionAt)
        try c.encode(consent, forKey: .consent)
        try c.encode(restricted, forKey: .restricted)
        try c.encode(attributes, forKey: .attributes)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(updatedAt, forKey: .updatedAt)
        try c.encode(version, forKey: .version)
        try c.encodeIfPresent(mergedInto, forKey: .mergedInto)
    }
}
