import Foundation

/// Bounds-checked reads from the bytes of a record, for the decoder.
///
/// A reader covers `offset..<end` of the record; a nested reader covers a field's payload or
/// an element. Every read checks that it stays before `end` and throws a
/// ``RecordDecodingError`` that names the record, the byte offset and the field otherwise, so
/// a truncated or corrupt record can never make the decoder read out of bounds.
struct RecordReader {
    private let base: UnsafeRawPointer?
    /// The offset of the next byte to read, from the start of the record.
    private(set) var offset: Int
    /// The offset just past the last byte this reader may read.
    let end: Int
    /// The record's id, for errors.
    let id: UInt64
    /// The top-level field being read, for errors.
    var field: UInt64?
    /// The subfield being read, for errors.
    var subfield: UInt64?

    /// A reader over all of `bytes`.
    init(_ bytes: UnsafeRawBufferPointer, id: UInt64) {
        base = bytes.baseAddress
        offset = 0
        end = bytes.count
        self.id = id
    }

    private init(base: UnsafeRawPointer?, offset: Int, end: Int, id: UInt64, field: UInt64?, subfield: UInt64?) {
        self.base = base
        self.offset = offset
        self.end = end
        self.id = id
        self.field = field
        self.subfield = subfield
    }

    /// Whether every byte has been read.
    @inline(__always)
    var isAtEnd: Bool { offset >= end }

    /// The number of bytes left.
    @inline(__always)
    var remaining: Int { end - offset }

    /// An error at `offset` in the current field and subfield.
    func failure(_ reason: RecordDecodingError.Reason, at offset: Int? = nil) -> RecordDecodingError {
        RecordDecodingError(id: id, offset: offset ?? self.offset, field: field, subfield: subfield, reason: reason)
    }

    // MARK: Primitive reads

    /// One byte.
    @inline(__always)
    mutating func byte() throws(RecordDecodingError) -> UInt8 {
        guard offset < end, let base else { throw failure(.lengthBeyondEnd(length: 1, available: 0)) }
        defer { offset += 1 }
        return base.load(fromByteOffset: offset, as: UInt8.self)
    }

    /// An unsigned LEB128 varint of at most 10 bytes whose value fits in 64 bits.
    @inline(__always)
    mutating func varint() throws(RecordDecodingError) -> UInt64 {
        // The common case: one byte.
        if offset < end, let base {
            let first = base.load(fromByteOffset: offset, as: UInt8.self)
            if first < 0x80 {
                offset += 1
                return UInt64(first)
            }
        }
        return try longVarint()
    }

    private mutating func longVarint() throws(RecordDecodingError) -> UInt64 {
        let start = offset
        var value: UInt64 = 0
        var shift: UInt64 = 0
        var position = offset
        while true {
            guard position < end, let base else { throw failure(.truncatedVarint, at: start) }
            let byte = base.load(fromByteOffset: position, as: UInt8.self)
            position += 1
            if shift == 63, byte > 1 { throw failure(.overlongVarint, at: start) }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        offset = position
        return value
    }

    /// A varint that is a length of bytes still available; the length is checked, not read.
    @inline(__always)
    mutating func length() throws(RecordDecodingError) -> Int {
        let start = offset
        let value = try varint()
        guard value <= UInt64(remaining) else {
            throw failure(.lengthBeyondEnd(length: value, available: remaining), at: start)
        }
        return Int(value)
    }

    /// A reader over the next `length` bytes (already checked by ``length()``), which this
    /// reader then skips.
    @inline(__always)
    mutating func slice(_ length: Int) -> RecordReader {
        let slice = RecordReader(base: base, offset: offset, end: offset + length, id: id,
                                 field: field, subfield: subfield)
        offset += length
        return slice
    }

    /// Throws when bytes are left.
    @inline(__always)
    func expectEnd() throws(RecordDecodingError) {
        if offset != end { throw failure(.trailingBytes(count: end - offset)) }
    }

    // MARK: Payloads (a reader over a whole payload reads it to its end)

    /// The rest of the bytes as UTF-8 text.
    ///
    /// `String(decoding:as:)` has a fast, non-generic path for a typed buffer of bytes (a raw
    /// buffer takes a slow transcoding path, and `String(validating:as:)` is not specialised),
    /// but it repairs invalid UTF-8 instead of failing. ASCII needs no repair; otherwise the
    /// repaired text is valid UTF-8 and the input was not, so the input was valid exactly when
    /// the text has the same bytes.
    @inline(__always)
    mutating func string() throws(RecordDecodingError) -> String {
        let count = remaining
        guard count > 0, let base else { return "" }
        let start = base + offset
        let bytes = UnsafeBufferPointer(start: start.assumingMemoryBound(to: UInt8.self), count: count)
        let text = String(decoding: bytes, as: UTF8.self)
        guard Self.isASCII(start, count) || Self.hasBytes(text, start, count) else {
            throw failure(.invalidUTF8)
        }
        offset = end
        return text
    }

    /// Whether the `count` bytes at `start` are all ASCII, read eight at a time.
    @inline(__always)
    private static func isASCII(_ start: UnsafeRawPointer, _ count: Int) -> Bool {
        var high: UInt64 = 0
        var index = 0
        while index + 8 <= count {
            high |= start.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            index += 8
        }
        while index < count {
            high |= UInt64(start.load(fromByteOffset: index, as: UInt8.self))
            index += 1
        }
        return high & 0x8080_8080_8080_8080 == 0
    }

    /// Whether the UTF-8 bytes of `text` are the `count` bytes at `start`.
    private static func hasBytes(_ text: String, _ start: UnsafeRawPointer, _ count: Int) -> Bool {
        guard text.utf8.count == count else { return false }
        return text.utf8.withContiguousStorageIfAvailable { own in
            memcmp(own.baseAddress!, start, count) == 0
        } ?? text.utf8.elementsEqual(UnsafeRawBufferPointer(start: start, count: count))
    }

    /// The rest of the bytes as the raw value of `type`, matched against its cases' bytes
    /// without building a `String` first (these fields are read on every lookup).
    @inline(__always)
    mutating func enumValue<Value: RawRepresentable & CaseIterable>(_ type: Value.Type) throws(RecordDecodingError) -> Value
        where Value.RawValue == String
    {
        let count = remaining
        if let base {
            let start = base + offset
            for candidate in Value.allCases {
                var name = candidate.rawValue
                let matches = name.withUTF8 { own in
                    own.count == count && memcmp(own.baseAddress!, start, count) == 0
                }
                if matches {
                    offset = end
                    return candidate
                }
            }
        }
        return try anyEnumValue(type)
    }

    /// The rest of the bytes as the raw value of `type`.
    /// The slow path of ``enumValue(_:)``: decodes the text, which fails with the value named.
    private mutating func anyEnumValue<Value: RawRepresentable>(_ type: Value.Type) throws(RecordDecodingError) -> Value
        where Value.RawValue == String
    {
        let start = offset
        let raw = try string()
        guard let value = Value(rawValue: raw) else {
            throw failure(.invalidEnumValue(type: "\(Value.self)", value: raw), at: start)
        }
        return value
    }

    /// The rest of the bytes as one varint.
    @inline(__always)
    mutating func unsignedValue() throws(RecordDecodingError) -> UInt64 {
        let value = try varint()
        try expectEnd()
        return value
    }

    /// The rest of the bytes as one zig-zag varint.
    @inline(__always)
    mutating func signedValue() throws(RecordDecodingError) -> Int64 {
        let raw = try unsignedValue()
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    /// The rest of the bytes as 8 little-endian bytes.
    @inline(__always)
    mutating func fixed64() throws(RecordDecodingError) -> UInt64 {
        guard remaining == 8, let base else {
            throw failure(.wrongPayloadLength(expected: 8, actual: remaining))
        }
        defer { offset = end }
        return UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// The rest of the bytes as a bool: one byte, 0 or 1.
    @inline(__always)
    mutating func boolValue() throws(RecordDecodingError) -> Bool {
        guard remaining == 1 else { throw failure(.wrongPayloadLength(expected: 1, actual: remaining)) }
        switch try byte() {
        case 0: return false
        case 1: return true
        case let other: throw failure(.invalidValue("a bool is 0 or 1, not \(other)"), at: offset - 1)
        }
    }

    // MARK: Structure

    /// The header of the next subfield of a structure: its number (0 is not allowed) and a
    /// reader over its payload, whose ``subfield`` is that number.
    @inline(__always)
    mutating func subfieldHeader() throws(RecordDecodingError) -> (number: UInt64, payload: RecordReader) {
        let start = offset
        let number = try varint()
        if number == 0 { throw failure(.reservedFieldNumber, at: start) }
        subfield = number
        defer { subfield = nil }
        let length = try length()
        var payload = slice(length)
        payload.subfield = number
        return (number, payload)
    }

    /// A varint count of elements, checked against the bytes left (each element takes at
    /// least one byte, its length).
    @inline(__always)
    mutating func count() throws(RecordDecodingError) -> Int {
        let start = offset
        let value = try varint()
        guard value <= UInt64(remaining) else {
            throw failure(.countBeyondEnd(count: value, available: remaining), at: start)
        }
        return Int(value)
    }

    /// A reader over the next length-prefixed element.
    @inline(__always)
    mutating func element() throws(RecordDecodingError) -> RecordReader {
        slice(try length())
    }

    /// A counted sequence of elements, each read by `read` from a reader over it.
    @inline(__always)
    mutating func elements<Element>(_ read: (inout RecordReader) throws(RecordDecodingError) -> Element)
        throws(RecordDecodingError) -> [Element]
    {
        let count = try self.count()
        var elements: [Element] = []
        elements.reserveCapacity(count)
        for _ in 0..<count {
            var element = try self.element()
            elements.append(try read(&element))
        }
        return elements
    }

    // MARK: Subfields

    /// Calls `body` with each subfield, up to the end, whose number `Field` knows, and a reader
    /// over its payload. Unknown numbers are skipped, so that records from a newer version still
    /// decode; a known number that comes twice is an error at its header, before its payload is
    /// read.
    @inline(__always)
    mutating func forEachSubfield<Field: RawRepresentable<UInt64>>(
        _ type: Field.Type,
        _ body: (Field, inout RecordReader) throws(RecordDecodingError) -> Void
    ) throws(RecordDecodingError) {
        var seen: UInt64 = 0
        while let (subfield, payload, start) = try nextKnownSubfield(type) {
            var p = payload
            try p.markSeen(subfield.rawValue, in: &seen, headerAt: start)
            try body(subfield, &p)
        }
    }

    /// The next subfield whose number `Field` knows, a reader over its payload and the offset of
    /// its header, skipping unknown numbers; `nil` at the end. For a reader that must make a
    /// check of its own before ``forEachSubfield(_:_:)``'s check for a repeated number.
    @inline(__always)
    mutating func nextKnownSubfield<Field: RawRepresentable<UInt64>>(_: Field.Type)
        throws(RecordDecodingError) -> (Field, RecordReader, headerAt: Int)?
    {
        while !isAtEnd {
            let start = offset
            let (number, payload) = try subfieldHeader()
            if let subfield = Field(rawValue: number) { return (subfield, payload, start) }
        }
        return nil
    }

    /// Adds the known field or subfield `number`, whose header is at `start`, to the numbers
    /// `seen` in its structure, throwing if it is there already. Called on the reader over the
    /// payload, so that the error names the number.
    @inline(__always)
    func markSeen(_ number: UInt64, in seen: inout UInt64, headerAt start: Int) throws(RecordDecodingError) {
        let bit: UInt64 = 1 << number   // every known number is below 64
        if seen & bit != 0 { throw failure(.duplicateField, at: start) }
        seen |= bit
    }

    /// The error for the required subfield `subfield` missing from the element at `start`.
    func missing<Field: RawRepresentable<UInt64>>(_ subfield: Field, elementAt start: Int) -> RecordDecodingError {
        failure(.missingSubfield(subfield.rawValue), at: start)
    }
}
