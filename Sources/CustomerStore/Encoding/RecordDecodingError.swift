/// Why a stored customer record could not be decoded: which record, where in its bytes, in
/// which field, and what is wrong.
///
/// A record that is truncated or corrupt gives this error; decoding never reads outside the
/// record's bytes and never traps.
///
/// ```swift
/// do {
///     _ = try bytes.withUnsafeBytes { try CustomerRecord.decode($0, id: 42) }
/// } catch let error as RecordDecodingError {
///     print(error.offset, error.field ?? 0, error.reason)
///     print(error)
///     // customer record 42, byte 17, field 5 (phones), subfield 1 (e164): the text is not valid UTF-8
/// }
/// ```
public struct RecordDecodingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong with the bytes.
    ///
    /// ```swift
    /// if error.reason == .truncatedVarint { print("the record was cut short") }
    /// ```
    public enum Reason: Hashable, Sendable, CustomStringConvertible {
        /// The record has no bytes at all.
        case emptyRecord
        /// The first byte names a format version this reader does not know.
        case unknownFormatVersion(UInt8)
        /// A varint runs past the end of its field or record.
        case truncatedVarint
        /// A varint is longer than 10 bytes or its value does not fit in 64 bits.
        case overlongVarint
        /// A length goes past the end of the enclosing field or record.
        case lengthBeyondEnd(length: UInt64, available: Int)
        /// An element count is larger than the bytes left could hold.
        case countBeyondEnd(count: UInt64, available: Int)
        /// The record ends before its end marker: it is truncated.
        case missingEndMarker
        /// Bytes are left over after the end marker, after a field's value or after the last
        /// element of a field.
        case trailingBytes(count: Int)
        /// Field number 0 inside a structure, where it has no meaning.
        case reservedFieldNumber
        /// A field or subfield appears more than once.
        case duplicateField
        /// A text value is not valid UTF-8.
        case invalidUTF8
        /// A stored enum raw value that the type does not have.
        case invalidEnumValue(type: String, value: String)
        /// A fixed-size value has the wrong number of bytes.
        case wrongPayloadLength(expected: Int, actual: Int)
        /// A required subfield is missing.
        case missingSubfield(UInt64)
        /// Two elements of a set or dictionary have the same key.
        case duplicateKey(String)
        /// A value that cannot be, described.
        case invalidValue(String)

        /// The reason in a few words.
        public var description: String {
            switch self {
            case .emptyRecord:
                "the record is empty"
            case .unknownFormatVersion(let version):
                "unknown format version \(version) (this reader knows version \(CustomerRecord.formatVersion))"
            case .truncatedVarint:
                "a varint runs past the end"
            case .overlongVarint:
                "a varint is longer than 10 bytes or does not fit in 64 bits"
            case .lengthBeyondEnd(let length, let available):
                "a length of \(length) bytes goes past the end (\(available) bytes left)"
            case .countBeyondEnd(let count, let available):
                "a count of \(count) elements cannot fit in the \(available) bytes left"
            case .missingEndMarker:
                "the record ends without its end marker (it is truncated)"
            case .trailingBytes(let count):
                "\(count) unexpected bytes after the end"
            case .reservedFieldNumber:
                "field number 0 is not allowed inside a structure"
            case .duplicateField:
                "the field appears more than once"
            case .invalidUTF8:
                "the text is not valid UTF-8"
            case .invalidEnumValue(let type, let value):
                "\"\(NormalizationError.escaped(value))\" is not a \(type) value"
            case .wrongPayloadLength(let expected, let actual):
                "the value has \(actual) bytes instead of \(expected)"
            case .missingSubfield(let number):
                "required subfield \(number) is missing"
            case .duplicateKey(let key):
                "the key \"\(NormalizationError.escaped(key))\" appears more than once"
            case .invalidValue(let message):
                message
            }
        }
    }

    /// The id (the key) of the record.
    public let id: UInt64
    /// The offset, in the record's bytes, of the byte where the problem was found, or of the
    /// start of the value that is wrong.
    public let offset: Int
    /// The number of the top-level field being read, if the problem is inside one.
    public let field: UInt64?
    /// The number of the subfield being read inside ``field``, if any.
    public let subfield: UInt64?
    /// What is wrong.
    public let reason: Reason

    /// An error for record `id` at byte `offset`.
    public init(id: UInt64, offset: Int, field: UInt64? = nil, subfield: UInt64? = nil, reason: Reason) {
        self.id = id
        self.offset = offset
        self.field = field
        self.subfield = subfield
        self.reason = reason
    }

    /// `customer record <id>, byte <offset>, field <n> (<name>), subfield <n> (<name>): <reason>`.
    public var description: String {
        var text = "customer record \(id), byte \(offset)"
        if let field {
            let known = RecordField(rawValue: field)
            text += ", field \(field)" + (known.map { " (\($0))" } ?? "")
            if let subfield {
                text += ", subfield \(subfield)" + (known?.subfieldName(subfield).map { " (\($0))" } ?? "")
            }
        }
        return text + ": \(reason)"
    }
}
