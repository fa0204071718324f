/// A purpose a customer may consent to, such as marketing.
///
/// The common purposes are statics; a business adds its own by name. The raw value is stored
/// in records and JSON, and purposes are JSON object keys in ``Customer/consent``.
///
/// ```swift
/// extension ConsentPurpose {
///     static let birthdayGreetings = ConsentPurpose("birthdayGreetings")
/// }
/// customer.consent[.marketing] = ConsentRecord(granted: true, at: .now)
/// customer.consent[.birthdayGreetings] = ConsentRecord(granted: false, at: .now)
/// ```
public struct ConsentPurpose: RawRepresentable, Sendable, Hashable, Codable, CodingKeyRepresentable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    /// The purpose's name.
    public let rawValue: String

    /// Direct marketing: newsletters, offers, campaigns.
    public static let marketing = ConsentPurpose("marketing")
    /// Profiling: segmentation and scoring from the customer's data and behaviour.
    public static let profiling = ConsentPurpose("profiling")
    /// Sharing the customer's data with third parties.
    public static let thirdPartySharing = ConsentPurpose("thirdPartySharing")

    /// The purpose named `rawValue`.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The purpose named `name`.
    public init(_ name: String) { self.rawValue = name }

    /// The purpose named by a string literal.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The purpose's name.
    public var description: String { rawValue }
}
