/// Why a phone number, an email address or a text value could not be normalised.
///
/// The error keeps the raw input exactly as it was given and a sentence that says what is
/// wrong with it, so that an import report or a form can show both to the person who typed it.
///
/// ```swift
/// do {
///     _ = try PhoneNumber("0912 34")
/// } catch {
///     print(error.field)        // phone
///     print(error.input)        // 0912 34
///     print(error)
///     // invalid phone "0912 34": a Vietnamese mobile number has 9 digits after the leading 0, this has 5
/// }
/// ```
public struct NormalizationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of value that was being normalised.
    ///
    /// ```swift
    /// let field: NormalizationError.Field = .email
    /// print(field)   // email
    /// ```
    public enum Field: String, Hashable, Sendable, CustomStringConvertible {
        /// A phone number (``PhoneNumber``).
        case phone
        /// An email address (``EmailAddress``).
        case email
        /// Free text such as a name or an address line.
        case text

        /// The field's name as used in messages: `phone`, `email` or `text`.
        public var description: String { rawValue }
    }

    /// The kind of value that was rejected.
    public let field: Field
    /// The rejected input, exactly as it was given (not trimmed, not normalised).
    public let input: String
    /// A sentence saying why the input was rejected, without a trailing full stop, such as
    /// `a Vietnamese mobile number has 9 digits after the leading 0, this has 5`.
    public let reason: String

    /// Creates an error for `input` of kind `field`, rejected because of `reason`.
    public init(field: Field, input: String, reason: String) {
        self.field = field
        self.input = input
        self.reason = reason
    }

    /// `invalid <field> "<input>": <reason>`, with quotes, backslashes and control
    /// characters in the input escaped so that the quoted part is unambiguous.
    public var description: String {
        "invalid \(field) \"\(Self.escaped(input))\": \(reason)"
    }

    /// `text` with `"` and `\` backslash-escaped and control or invisible format characters
    /// written as `\u{...}`.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                switch scalar.properties.generalCategory {
                case .control, .format, .lineSeparator, .paragraphSeparator:
                    result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                default:
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}
