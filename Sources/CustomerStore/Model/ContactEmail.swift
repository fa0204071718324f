/// One of a customer's email addresses and whether it is the primary one.
///
/// In JSON the address is written in its normalised form with its display form:
/// `{"address":"lan@shop.vn","display":"Lan@Shop.vn","primary":true}`. Decoding reads
/// `display` (or `address` when `display` is absent) through ``EmailAddress`` again, so a JSON
/// document cannot bring in an address that does not normalise.
///
/// ```swift
/// let email = try ContactEmail(parsing: "Lan@Shop.vn", isPrimary: true)
/// email.address.normalized  // "lan@shop.vn"
/// ```
public struct ContactEmail: Sendable, Hashable, Codable {
    /// The address.
    public var address: EmailAddress
    /// Whether this is the address to write to first.
    public var isPrimary: Bool

    /// `address`, primary or not.
    public init(_ address: EmailAddress, isPrimary: Bool = false) {
        self.address = address
        self.isPrimary = isPrimary
    }

    /// Parses `raw` with ``EmailAddress/init(_:)``.
    ///
    /// - Throws: ``NormalizationError`` when `raw` is not a valid email address.
    public init(parsing raw: String, isPrimary: Bool = false) throws(NormalizationError) {
        self.init(try EmailAddress(raw), isPrimary: isPrimary)
    }

    private enum CodingKeys: String, CodingKey {
        case address, display, primary
    }

    /// Decodes `{"address": ..., "display": ..., "primary": ...}` and checks the address again.
    ///
    /// - Throws: `DecodingError.dataCorrupted` quoting the ``NormalizationError`` when the
    ///   address does not normalise, or when `display` normalises to another address than
    ///   `address`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let address = try container.decodeIfPresent(String.self, forKey: .address)
        let display = try container.decodeIfPresent(String.self, forKey: .display)
        guard let input = display ?? address else {
            throw DecodingError.keyNotFound(CodingKeys.address, DecodingError.Context(
                codingPath: decoder.codingPath, debugDescription: "an email needs an address or a display form"))
        }
        let key: CodingKeys = display == nil ? .address : .display
        let parsed: EmailAddress
        do {
            parsed = try EmailAddress(input)
        } catch {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container, debugDescription: error.description)
        }
        if display != nil, let address, address != parsed.normalized {
            throw DecodingError.dataCorruptedError(
                forKey: .address, in: container,
                debugDescription: """
                    the address "\(address)" does not match its display form "\(input)", which \
                    normalises to \(parsed.normalized)
                    """)
        }
        self.init(parsed, isPrimary: try container.decodeIfPresent(Bool.self, forKey: .primary) ?? false)
    }

    /// Encodes `{"address": <normalised>, "display": <display form>, "primary": <Bool>}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(address.normalized, forKey: .address)
        try container.encode(address.display, forKey: .display)
        try container.encode(isPrimary, forKey: .primary)
    }
}
