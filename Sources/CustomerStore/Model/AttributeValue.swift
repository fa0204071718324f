import Foundation

/// The value of a custom field that a business adds to its customers
/// (``Customer/attributes``).
///
/// In JSON a value is an object with one key naming its kind:
/// `{"string":"Hà Nội"}`, `{"integer":3}`, `{"decimal":1.5}`, `{"bool":true}`, `{"date":...}`
/// (the date in the coder's date strategy).
///
/// ```swift
/// customer.attributes["favouriteStore"] = .string("Quận 1")
/// customer.attributes["children"] = .integer(2)
/// customer.attributes["vip"] = .bool(true)
/// if case .integer(let children)? = customer.attributes["children"] { print(children) }
/// ```
public enum AttributeValue: Sendable, Hashable, Codable {
    /// Text.
    case string(String)
    /// A whole number.
    case integer(Int64)
    /// A number with a fraction.
    case decimal(Double)
    /// Yes or no.
    case bool(Bool)
    /// An instant.
    case date(Date)

    private enum CodingKeys: String, CodingKey {
        case string, integer, decimal, bool, date
    }

    /// Decodes an object with exactly one key naming the kind of value.
    ///
    /// - Throws: `DecodingError.dataCorrupted` when the object has no kind key or more than one.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard container.allKeys.count == 1, let key = container.allKeys.first else {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: decoder.codingPath,
                debugDescription: """
                    an attribute value is an object with exactly one of the keys string, integer, \
                    decimal, bool or date
                    """))
        }
        switch key {
        case .string: self = .string(try container.decode(String.self, forKey: key))
        case .integer: self = .integer(try container.decode(Int64.self, forKey: key))
        case .decimal: self = .decimal(try container.decode(Double.self, forKey: key))
        case .bool: self = .bool(try container.decode(Bool.self, forKey: key))
        case .date: self = .date(try container.decode(Date.self, forKey: key))
        }
    }

    /// Encodes an object with one key naming the kind of value.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .string(let value): try container.encode(value, forKey: .string)
        case .integer(let value): try container.encode(value, forKey: .integer)
        case .decimal(let value): try container.encode(value, forKey: .decimal)
        case .bool(let value): try container.encode(value, forKey: .bool)
        case .date(let value): try container.encode(value, forKey: .date)
        }
    }
}
