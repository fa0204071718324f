import CustomerStore
import Foundation
import Testing

/// A corrupt record and the error it must give (for customer 7).
struct CorruptCase: Sendable, CustomTestStringConvertible {
    let name: String
    let bytes: [UInt8]
    let offset: Int
    let field: UInt64?
    let subfield: UInt64?
    let reason: RecordDecodingError.Reason?   // nil: only the kind is checked, by `matches`
    let matches: @Sendable (RecordDecodingError.Reason) -> Bool

    init(_ name: String, _ bytes: [UInt8], offset: Int, field: UInt64? = nil, subfield: UInt64? = nil,
         _ reason: RecordDecodingError.Reason) {
        self.name = name
        self.bytes = bytes
        self.offset = offset
        self.field = field
        self.subfield = subfield
        self.reason = reason
        self.matches = { $0 == reason }
    }

    init(_ name: String, _ bytes: [UInt8], offset: Int, field: UInt64? = nil, subfield: UInt64? = nil,
         invalidValueMentioning text: String) {
        self.name = name
        self.bytes = bytes
        self.offset = offset
        self.field = field
        self.subfield = subfield
        self.reason = nil
        self.matches = { reason in
            if case .invalidValue(let message) = reason { return message.contains(text) }
            return false
        }
    }

    var testDescription: String { name }
}

@Suite("Customer records: truncated and corrupt bytes")
struct RecordCorruptionTests {
    static let e164 = field(1, "+84912345678")

    static let cases: [CorruptCase] = [
        CorruptCase("empty", [], offset: 0, .emptyRecord),
        CorruptCase("format version 2", [2, 0], offset: 0, .unknownFormatVersion(2)),
        CorruptCase("format version 0", [0], offset: 0, .unknownFormatVersion(0)),
        CorruptCase("no end marker", [1], offset: 1, .missingEndMarker),
        CorruptCase("bytes after the end marker", [1, 0, 0, 9], offset: 2, .trailingBytes(count: 2)),
        CorruptCase("field number varint of 11 bytes",
                    [1] + Array(repeating: 0xFF, count: 10) + [0x01, 0], offset: 1, .overlongVarint),
        CorruptCase("varint over 64 bits", record(field(20, Array(repeating: 0xFF, count: 9) + [0x02])),
                    offset: 3, field: 20, .overlongVarint),
        CorruptCase("field number varint cut short", [1, 0x80], offset: 1, .truncatedVarint),
        CorruptCase("length varint cut short", [1, 2, 0x80], offset: 2, field: 2, .truncatedVarint),
        CorruptCase("value varint cut short", record(field(20, [0x80])), offset: 3, field: 20, .truncatedVarint),
        CorruptCase("length past the end", [1, 2, 50, 76, 0], offset: 2, field: 2,
                    .lengthBeyondEnd(length: 50, available: 2)),
        CorruptCase("huge length", [1, 2] + Array(repeating: 0xFF, count: 9) + [0x01, 0], offset: 2, field: 2,
                    .lengthBeyondEnd(length: .max, available: 1)),
        CorruptCase("invalid UTF-8", record(field(2, [0xC3, 0x28])), offset: 3, field: 2, .invalidUTF8),
        CorruptCase("overlong UTF-8", record(field(1, [0xC0, 0x80])), offset: 3, field: 1, .invalidUTF8),
        CorruptCase("UTF-8 surrogate", record(field(18, [0xED, 0xA0, 0x80])), offset: 3, field: 18, .invalidUTF8),
        CorruptCase("UTF-8 cut short", record(field(13, [0x61, 0xE1, 0xBB])), offset: 3, field: 13, .invalidUTF8),
        CorruptCase("invalid UTF-8 in a phone", record(field(5, elements(field(1, [0xFF]) + field(4, [84])))),
                    offset: 7, field: 5, subfield: 1, .invalidUTF8),
        CorruptCase("unknown gender", record(field(3, "robot")), offset: 3, field: 3,
                    .invalidEnumValue(type: "Gender", value: "robot")),
        CorruptCase("lifecycle in the wrong case", record(field(16, "Loyal")), offset: 3, field: 16,
                    .invalidEnumValue(type: "Lifecycle", value: "Loyal")),
        CorruptCase("unknown tier", record(field(15, "bronze")), offset: 3, field: 15,
                    .invalidEnumValue(type: "Tier", value: "bronze")),
        CorruptCase("unknown channel", record(field(17, "")), offset: 3, field: 17,
                    .invalidEnumValue(type: "Channel", value: "")),
        CorruptCase("unknown phone kind", record(field(5, elements(e164 + field(3, "satellite") + field(4, [84])))),
                    offset: 21, field: 5, subfield: 3, .invalidEnumValue(type: "Kind", value: "satellite")),
        CorruptCase("date of 4 bytes", record(field(28, [0, 0, 0, 0])), offset: 3, field: 28,
                    .wrongPayloadLength(expected: 8, actual: 4)),
        CorruptCase("decimal of 9 bytes",
                    record(field(27, elements(field(1, "x") + field(4, [1, 2, 3, 4, 5, 6, 7, 8, 9])))),
                    offset: 10, field: 27, subfield: 4, .wrongPayloadLength(expected: 8, actual: 9)),
        CorruptCase("bool 2", record(field(26, [2])), offset: 3, field: 26, invalidValueMentioning: "0 or 1"),
        CorruptCase("empty bool", record(field(26, [])), offset: 3, field: 26,
                    .wrongPayloadLength(expected: 1, actual: 0)),
        CorruptCase("30 February", record(field(4, [0xE7, 0x0F, 2, 30])), offset: 3, field: 4,
                    invalidValueMentioning: "2023-2-30"),
        CorruptCase("year 10000", record(field(4, [0x90, 0x4E, 1, 1])), offset: 3, field: 4,
                    invalidValueMentioning: "10000-1-1"),
        CorruptCase("birth date without a day", record(field(4, [0xE7, 0x0F, 2])), offset: 5, field: 4,
                    .wrongPayloadLength(expected: 2, actual: 1)),
        CorruptCase("more elements than bytes", record(field(14, [5])), offset: 3, field: 14,
                    .countBeyondEnd(count: 5, available: 0)),
        CorruptCase("bytes after the last element", record(field(14, [1, 1, 97, 9])), offset: 6, field: 14,
                    .trailingBytes(count: 1)),
        CorruptCase("element past the field", record(field(14, [1, 5, 97])), offset: 4, field: 14,
                    .lengthBeyondEnd(length: 5, available: 1)),
        CorruptCase("bytes after a number", record(field(20, [1, 2])), offset: 4, field: 20, .trailingBytes(count: 1)),
        CorruptCase("a field twice", record(field(2, "A"), field(2, "B")), offset: 4, field: 2, .duplicateField),
        CorruptCase("the last field twice", record(field(31, [1]), field(31, [1])), offset: 4, field: 31,
                    .duplicateField),
        CorruptCase("a tag twice", record(field(14, elements([97], [97]))), offset: 7, field: 14,
                    .duplicateKey("a")),
        CorruptCase("a consent purpose twice",
                    record(field(25, elements(field(1, "p"), field(1, "p")))), offset: 9, field: 25,
                    .duplicateKey("p")),
        CorruptCase("an attribute twice",
                    record(field(27, elements(field(1, "x") + field(5, [1]), field(1, "x") + field(5, [0])))),
                    offset: 12, field: 27, .duplicateKey("x")),
        CorruptCase("a phone subfield twice", record(field(5, elements(e164 + e164 + field(4, [84])))),
                    offset: 19, field: 5, subfield: 1, .duplicateField),
        CorruptCase("a phone without its number", record(field(5, elements(field(4, [84])))), offset: 5, field: 5,
                    .missingSubfield(1)),
        CorruptCase("a phone without its country code", record(field(5, elements(e164))), offset: 5, field: 5,
                    .missingSubfield(4)),
        CorruptCase("a phone whose number lacks its country code",
                    record(field(5, elements(e164 + field(4, [1])))), offset: 5, field: 5,
                    invalidValueMentioning: "country code 1"),
        CorruptCase("a phone number that is only the country code",
                    record(field(5, elements(field(1, "+84") + field(4, [84])))), offset: 5, field: 5,
                    invalidValueMentioning: "\"+84\""),
        CorruptCase("an email without its address", record(field(6, elements(field(2, "Lan@Shop.vn")))),
                    offset: 5, field: 6, .missingSubfield(1)),
        CorruptCase("an email without @", record(field(6, elements(field(1, "lan.shop.vn")))), offset: 5, field: 6,
                    invalidValueMentioning: "exactly one @"),
        CorruptCase("an email with two @", record(field(6, elements(field(1, "a@b@c.vn")))), offset: 5, field: 6,
                    invalidValueMentioning: "exactly one @"),
        CorruptCase("subfield 0", record(field(7, field(0, []))), offset: 3, field: 7, .reservedFieldNumber),
        CorruptCase("subfield length past the element", record(field(7, [4, 9, 65])), offset: 4, field: 7,
                    subfield: 4, .lengthBeyondEnd(length: 9, available: 1)),
        CorruptCase("a consent without its purpose", record(field(25, elements(field(2, [1])))), offset: 5,
                    field: 25, .missingSubfield(1)),
        CorruptCase("an attribute without a name", record(field(27, elements(field(5, [1])))), offset: 5,
                    field: 27, .missingSubfield(1)),
        CorruptCase("an attribute without a value", record(field(27, elements(field(1, "x")))), offset: 5,
                    field: 27, invalidValueMentioning: "no value"),
        CorruptCase("an attribute with two values",
                    record(field(27, elements(field(1, "x") + field(5, [1]) + field(3, [2])))), offset: 11,
                    field: 27, subfield: 3, invalidValueMentioning: "more than one value"),
    ]

    @Test("Each corruption gives its error", arguments: cases)
    func corruptRecord(_ test: CorruptCase) {
        guard let error = decodingError(test.bytes) else { return }
        #expect(error.id == 7)
        #expect(error.offset == test.offset, "\(error)")
        #expect(error.field == test.field, "\(error)")
        #expect(error.subfield == test.subfield, "\(error)")
        #expect(test.matches(error.reason), "\(error)")
        if let reason = test.reason { #expect(error.reason == reason) }
    }

    @Test func everyTruncationOfAFullRecordThrows() throws {
        let bytes = CustomerRecord.encode(try Fixtures.fullCustomer())
        #expect(bytes.count > 500)
        for length in 0..<bytes.count {
            guard let error = decodingError(Array(bytes.prefix(length)), id: 42) else { continue }
            #expect(error.id == 42)
            #expect(error.offset <= length, "\(length): \(error)")
        }
        #expect(try decodeRecord(bytes, id: 42).get() == Fixtures.fullCustomer())
    }

    @Test func everyTruncationOfRandomRecordsThrows() {
        var generator = SeededGenerator(seed: 2025)
        for _ in 0..<25 {
            let bytes = CustomerRecord.encode(RandomCustomers.make(using: &generator))
            for length in 0..<bytes.count {
                guard let error = decodingError(Array(bytes.prefix(length))) else { break }
                #expect(error.offset <= length)
            }
        }
    }

    @Test func changedBytesNeverCrashTheDecoder() throws {
        let bytes = CustomerRecord.encode(try Fixtures.fullCustomer())
        var decoded = 0
        var failed = 0
        for position in bytes.indices {
            for value: UInt8 in [0x00, 0x01, 0x02, 0x7F, 0x80, 0xFF, bytes[position] ^ 0x01, bytes[position] &+ 1] {
                var changed = bytes
                changed[position] = value
                switch decodeRecord(changed) {
                case .success: decoded += 1
                case .failure(let error):
                    failed += 1
                    #expect(error.offset >= 0 && error.offset <= changed.count)
                }
            }
        }
        #expect(failed > 0)
        #expect(decoded + failed == bytes.count * 8)
    }

    @Test func randomBytesNeverCrashTheDecoder() {
        var generator = SeededGenerator(seed: 99)
        for _ in 0..<20_000 {
            let count = Int.random(in: 0...64, using: &generator)
            var bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            if !bytes.isEmpty, Bool.random(using: &generator) { bytes[0] = 1 }
            if case .failure(let error) = decodeRecord(bytes) {
                #expect(error.offset <= bytes.count)
            }
        }
    }

    @Test func theDescriptionNamesTheRecordTheOffsetTheFieldAndTheProblem() throws {
        let error = RecordDecodingError(id: 42, offset: 17, field: 5, subfield: 1, reason: .invalidUTF8)
        #expect(error.description
                == "customer record 42, byte 17, field 5 (phones), subfield 1 (e164): the text is not valid UTF-8")
        #expect(decodingError(record(field(3, "robot")))?.description
                == "customer record 7, byte 3, field 3 (gender): \"robot\" is not a Gender value")
        #expect(decodingError([2, 0])?.description
                == "customer record 7, byte 0: unknown format version 2 (this reader knows version 1)")
        #expect(RecordDecodingError(id: 1, offset: 2, field: 99, reason: .duplicateField).description
                == "customer record 1, byte 2, field 99: the field appears more than once")
        #expect(RecordDecodingError(id: 1, offset: 2, field: 7, subfield: 4, reason: .invalidUTF8).description
                == "customer record 1, byte 2, field 7 (address), subfield 4 (province): the text is not valid UTF-8")
    }
}
