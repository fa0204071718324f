import CustomerStore
import Foundation

/// Customers as JSON Lines: one object per line in `Customer`'s Codable form, keys sorted so
/// equal customers print equal lines, dates as ISO-8601 UTC timestamps to the millisecond:
/// the library's exchange form, so `export`, `import`, `get` and `put` agree.
enum JSONLines {
    /// The encoder for one line.
    static func encoder() -> JSONEncoder { ExchangeJSON.encoder() }

    /// The decoder matching ``encoder()``, for `put`.
    static func decoder() -> JSONDecoder { ExchangeJSON.decoder() }

    /// `customer` as one line of JSON, without the newline.
    static func line(_ customer: Customer, encoder: JSONEncoder = encoder()) throws -> String {
        String(decoding: try encoder.encode(customer), as: UTF8.self)
    }

    /// Prints each customer on its own line.
    static func print(_ customers: some Sequence<Customer>) throws {
        let encoder = encoder()
        for customer in customers { Swift.print(try line(customer, encoder: encoder)) }
    }
}
