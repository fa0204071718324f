/// Reads one integer field straight from a record's bytes, without decoding the record: what
/// the raw LMDB floor does when a filter needs a value the indexes cannot give it (`points >
/// 1000` on candidates from other postings).
///
/// It relies on the record layout of `CustomerRecord` (format version 1, see
/// `Sources/CustomerStore/Encoding/RecordField.swift`): a version byte, then fields written in
/// ascending field number, each a LEB128 varint field number, a varint payload length and the
/// payload, ending with field number 0; a field holding its default is left out. It skips
/// every field before the wanted one by its length, reading nothing else. The suites check
/// the floor's answers against the other engines', so a changed layout fails loudly.
enum RawRecordField {
    /// `points` in the field table.
    static let points: UInt64 = 20

    /// The zig-zag varint in `field` of the record `bytes`: 0 when the field is left out (its
    /// default), `nil` for bytes that are not a version 1 record.
    static func signed(_ field: UInt64, in bytes: UnsafeRawBufferPointer) -> Int64? {
        guard bytes.count > 1, bytes[0] == 1 else { return nil }
        var offset = 1
        while true {
            guard let number = varint(bytes, &offset) else { return nil }
            // Fields come in ascending order, so past `field` (or at the end) it was left out.
            if number == 0 || number > field { return 0 }
            guard let length = varint(bytes, &offset), length <= UInt64(bytes.count - offset) else { return nil }
            if number == field {
                var payload = offset
                guard let zigZag = varint(bytes, &payload), payload == offset + Int(length) else { return nil }
                return Int64(bitPattern: zigZag >> 1) ^ -Int64(bitPattern: zigZag & 1)
            }
            offset += Int(length)
        }
    }

    /// The unsigned LEB128 varint at `offset`, moving `offset` past it.
    @inline(__always)
    private static func varint(_ bytes: UnsafeRawBufferPointer, _ offset: inout Int) -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count, shift < 64 {
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        return nil
    }
}
