/// One of a customer's phone numbers and whether it is the primary one.
///
/// In JSON the number is written in its E.164 form with the input it was read from:
/// `{"number":"+84912345678","raw":"0912 345 678","primary":true}`. Decoding reads `raw` (or
/// `number` when `raw` is absent) through ``PhoneNumber`` again, so a JSON document cannot
/// bring in a number that does not normalise.
///
/// ```swift
/// let phone = try ContactPhone(parsing: "0912 345 678", isPrimary: true)
/// phone.number.e164   // "+84912345678"
/// ```
public struct ContactPhone: Sendable, Hashable, Codable {
    /// The number.
    public var number: PhoneNumber
    /// Whether this is the number to call first.
    public var isPrimary: Bool

    /// `number`, primary or not.
    public init(_ number: PhoneNumber, isPrimary: Bool = false) {
        self.number = number
        self.isPrimary = isPrimary
    }

    /// Parses `raw` with ``PhoneNumber/init(_:defaultRegion:)``.
    ///
    /// - Throws: ``NormalizationError`` when `raw` is not a valid phone number.
    public init(parsing raw: String, isPrimary: Bool = false) throws(NormalizationError) {
        self.init(try PhoneNumber(raw), isPrimary: isPrimary)
    }

    private enum CodingKeys: String, CodingKey {
        case number, raw, primary
    }

    /// Decodes `{"number": ..., "raw": ..., "primary": ...}` and checks the number again.
    ///
    /// - Throws: `DecodingError.dataCorrupted` quoting the ``NormalizationError`` when the
    ///   number does not normalise, or when `raw` normalises to another number than `number`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let number = try container.decodeIfPresent(String.self, forKey: .number)
        let raw = try container.decodeIfPresent(String.self, forKey: .raw)
        guard let input = raw ?? number else {
            throw DecodingError.keyNotFound(CodingKeys.number, DecodingError.Context(
                codingPath: decoder.codingPath, debugDescription: "a phone needs a number or a raw input"))
        }
        let key: CodingKeys = raw == nil ? .number : .raw
        let parsed: PhoneNumber
        do {
            parsed = try PhoneNumber(input)
        } catch {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container, debugDescription: error.description)
        }
        if raw != nil, let number, number != parsed.e164 {
            throw DecodingError.dataCorruptedError(
                forKey: .number, in: container,
                debugDescription: """
                    the number "\(number)" does not match its raw input "\(input)", which \
                    normalises to \(parsed.e164)
                    """)
        }
        self.init(parsed, isPrimary: try container.decodeIfPresent(Bool.self, forKey: .primary) ?? false)
    }

    /// Encodes `{"number": <E.164>, "raw": <input>, "primary": <Bool>}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(number.e164, forKey: .number)
        try container.encode(number.raw, forKey: .raw)
        try container.encode(isPrimary, forKey: .primary)
    }
}
