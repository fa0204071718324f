import Foundation

/// The JSON Lines form of customers: ``Customer``'s `Codable` form with sorted keys, dates as
/// ``ExchangeValues`` timestamps (milliseconds, UTC), one object per line. Export, import and
/// the command line all read and write this one form.
///
/// ```swift
/// let line = try ExchangeJSON.encoder().encode(customer)   // {"code":"KH1",...,"createdAt":"2026-11-23T10:15:00.123Z",...}
/// let back = try ExchangeJSON.decoder().decode(Customer.self, from: line)
/// ```
public enum ExchangeJSON {
    /// Sorted keys, unescaped slashes, timestamps to the millisecond in UTC.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ExchangeValues.timestamp(date))
        }
        return encoder
    }

    /// Reads timestamps with or without fractional seconds.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = ExchangeValues.timestamp(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "\"\(text)\" is not a date and time (ISO 8601)")
            }
            return date
        }
        return decoder
    }

    /// The customer on one line, or the problem naming the line and the key path.
    static func customer(from text: Data, decoder: JSONDecoder, file: String, line: Int)
        -> Result<(customer: Customer, hasUpdatedAt: Bool), ImportProblem>
    {
        do {
            let customer = try decoder.decode(Customer.self, from: text)
            if TextNormalizer.trimmed(customer.fullName).isEmpty {
                return .failure(ImportProblem(file: file, line: line, column: "fullName", reason: "a customer needs a name"))
            }
            return .success((customer, true))
        } catch let error as DecodingError {
            return .failure(problem(error, file: file, line: line))
        } catch {
            return .failure(ImportProblem(file: file, line: line, reason: "is not a customer (\(error))"))
        }
    }

    private static func path(_ codingPath: [any CodingKey]) -> String? {
        guard !codingPath.isEmpty else { return nil }
        var text = ""
        for key in codingPath {
            if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
        }
        return text
    }

    private static func problem(_ error: DecodingError, file: String, line: Int) -> ImportProblem {
        switch error {
        case .keyNotFound(let key, let context):
            let column = path(context.codingPath + [key])
            return ImportProblem(file: file, line: line, column: column, reason: "is missing")
        case .typeMismatch(let type, let context):
            return ImportProblem(file: file, line: line, column: path(context.codingPath),
                                 reason: "has the wrong type (\(type) expected)")
        case .valueNotFound(let type, let context):
            return ImportProblem(file: file, line: line, column: path(context.codingPath),
                                 reason: "is null (\(type) expected)")
        case .dataCorrupted(let context):
            guard let column = path(context.codingPath) else {
                return ImportProblem(file: file, line: line, reason: "is not valid JSON")
            }
            return ImportProblem(file: file, line: line, column: column, reason: context.debugDescription)
        @unknown default:
            return ImportProblem(file: file, line: line, reason: "is not a customer (\(error))")
        }
    }
}
