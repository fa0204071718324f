import Foundation

/// Appends the parts of a record (varints, fields, nested sequences) to a byte buffer.
///
/// Nested payloads are written in place: one byte is reserved for the length, the payload is
/// written, and the length is patched in, moving the payload up only when the length needs
/// more than one byte (payloads of 128 bytes or more).
struct RecordWriter {
    private(set) var bytes: [UInt8]

    /// A writer that reuses the storage of `buffer`, emptied; `buffer` is left empty.
    init(reusing buffer: inout [UInt8]) {
        buffer.removeAll(keepingCapacity: true)
        bytes = buffer
        buffer = []
    }

    /// Gives the written bytes back, leaving the writer empty.
    mutating func finish() -> [UInt8] {
        defer { bytes = [] }
        return bytes
    }

    // MARK: Raw parts

    @inline(__always)
    mutating func byte(_ value: UInt8) { bytes.append(value) }

    /// Appends `value` as an unsigned LEB128 varint (1 to 10 bytes).
    @inline(__always)
    mutating func varint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// The zig-zag mapping of `value`: 0, -1, 1, -2 ... to 0, 1, 2, 3 ...
    @inline(__always)
    static func zigZag(_ value: Int64) -> UInt64 {
        UInt64(bitPattern: (value &<< 1) ^ (value >> 63))
    }

    /// The number of bytes of `value` as a varint.
    @inline(__always)
    static func varintSize(_ value: UInt64) -> Int {
        (64 - value.leadingZeroBitCount + 6) / 7 + (value == 0 ? 1 : 0)
    }

    /// Appends the UTF-8 bytes of `text`, without a length.
    @inline(__always)
    mutating func utf8(_ text: String) { bytes.append(contentsOf: text.utf8) }

    // MARK: Fields

    /// A field holding UTF-8 text.
    @inline(__always)
    mutating func string(_ field: UInt64, _ text: String) {
        varint(field)
        varint(UInt64(text.utf8.count))
        utf8(text)
    }

    /// A field holding a varint.
    @inline(__always)
    mutating func unsigned(_ field: UInt64, _ value: UInt64) {
        varint(field)
        byte(UInt8(Self.varintSize(value)))
        varint(value)
    }

    /// A field holding a zig-zag varint.
    @inline(__always)
    mutating func signed(_ field: UInt64, _ value: Int64) {
        unsigned(field, Self.zigZag(value))
    }

    /// A field holding 8 bytes: `bits`, little-endian.
    @inline(__always)
    mutating func fixed64(_ field: UInt64, _ bits: UInt64) {
        varint(field)
        byte(8)
        withUnsafeBytes(of: bits.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// A field holding a date: the bit pattern of its `timeIntervalSinceReferenceDate`.
    @inline(__always)
    mutating func date(_ field: UInt64, _ date: Date) {
        fixed64(field, date.timeIntervalSinceReferenceDate.bitPattern)
    }

    /// A field holding a bool (one byte, 0 or 1).
    @inline(__always)
    mutating func bool(_ field: UInt64, _ value: Bool) {
        varint(field)
        byte(1)
        byte(value ? 1 : 0)
    }

    /// A field whose payload `body` writes.
    @inline(__always)
    mutating func nested(_ field: UInt64, _ body: (inout RecordWriter) -> Void) {
        varint(field)
        lengthPrefixed(body)
    }

    /// A varint length, then what `body` writes.
    @inline(__always)
    mutating func lengthPrefixed(_ body: (inout RecordWriter) -> Void) {
        let lengthAt = bytes.count
        bytes.append(0)
        body(&self)
        let length = bytes.count - lengthAt - 1
        if length < 0x80 {
            bytes[lengthAt] = UInt8(length)
        } else {
            patchLongLength(length, at: lengthAt)
        }
    }

    /// Writes a length of 128 or more at `position`, moving what follows up.
    private mutating func patchLongLength(_ length: Int, at position: Int) {
        var value = UInt64(length)
        let size = Self.varintSize(value)
        bytes.insert(contentsOf: repeatElement(0, count: size - 1), at: position + 1)
        for index in position..<(position + size) {
            bytes[index] = UInt8(truncatingIfNeeded: value) | (index < position + size - 1 ? 0x80 : 0)
            value >>= 7
        }
    }
}
