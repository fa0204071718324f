/// A postal address: the text as entered and its parts.
///
/// All parts are free text, empty when unknown. ``province`` is what the city index and
/// filters use; ``country`` is an ISO 3166 code and defaults to `VN`.
///
/// ```swift
/// let address = Address(raw: "12 Lý Thường Kiệt, Hoàn Kiếm, Hà Nội",
///                       street: "12 Lý Thường Kiệt", ward: "Hoàn Kiếm", province: "Hà Nội")
/// address.country   // "VN"
/// Address().isEmpty // true
/// ```
public struct Address: Sendable, Hashable, Codable {
    /// The address as entered, in one piece.
    public var raw: String
    /// House number and street.
    public var street: String
    /// Ward or commune (phường, xã).
    public var ward: String
    /// Province or centrally governed city (tỉnh, thành phố).
    public var province: String
    /// The country as an ISO 3166-1 alpha-2 code; `VN` by default.
    public var country: String

    /// The country an address is in when none is given.
    public static let defaultCountry = "VN"

    /// An address with the given parts; every part defaults to empty, the country to `VN`.
    ///
    /// ```swift
    /// let address = Address(province: "Đà Nẵng")
    /// ```
    public init(raw: String = "", street: String = "", ward: String = "", province: String = "",
                country: String = Address.defaultCountry) {
        self.raw = raw
        self.street = street
        self.ward = ward
        self.province = province
        self.country = country
    }

    /// Whether the address says nothing: every part empty and the country the default.
    public var isEmpty: Bool {
        raw.isEmpty && street.isEmpty && ward.isEmpty && province.isEmpty
            && country == Self.defaultCountry
    }

    private enum CodingKeys: String, CodingKey {
        case raw, street, ward, province, country
    }

    /// Decodes an address; missing parts take their defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            raw: try container.decodeIfPresent(String.self, forKey: .raw) ?? "",
            street: try container.decodeIfPresent(String.self, forKey: .street) ?? "",
            ward: try container.decodeIfPresent(String.self, forKey: .ward) ?? "",
            province: try container.decodeIfPresent(String.self, forKey: .province) ?? "",
            country: try container.decodeIfPresent(String.self, forKey: .country) ?? Self.defaultCountry)
    }
}
