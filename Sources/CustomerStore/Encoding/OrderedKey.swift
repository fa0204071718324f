/// Order-preserving byte encodings for index keys: the bytes of two encoded values compare
/// (bytewise, as LMDB orders keys) exactly as the values do, so a range of values is one
/// cursor walk over a range of keys.
///
/// ```swift
/// var key: [UInt8] = []
/// OrderedKey.append(Int64(-5), to: &key)   // sorts before 0, which sorts before 5
/// OrderedKey.append(UInt64(42), to: &key)  // compound keys concatenate fixed-width parts
/// ```
public enum OrderedKey {
    /// Appends `value` as 8 big-endian bytes.
    public static func append(_ value: UInt64, to key: inout [UInt8]) {
        withUnsafeBytes(of: value.bigEndian) { key.append(contentsOf: $0) }
    }

    /// Appends `value` as 8 big-endian bytes with the sign bit flipped, so negative values
    /// sort before positive ones.
    public static func append(_ value: Int64, to key: inout [UInt8]) {
        append(UInt64(bitPattern: value) ^ (1 << 63), to: &key)
    }

    /// Reads a `UInt64` written by ``append(_:to:)-(UInt64,_)`` at `offset`.
    public static func readUInt64(_ bytes: some Collection<UInt8>, at offset: Int = 0) -> UInt64? {
        let start = bytes.index(bytes.startIndex, offsetBy: offset, limitedBy: bytes.endIndex) ?? bytes.endIndex
        guard bytes.distance(from: start, to: bytes.endIndex) >= 8 else { return nil }
        return bytes[start...].prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// Reads an `Int64` written by ``append(_:to:)-(Int64,_)`` at `offset`.
    public static func readInt64(_ bytes: some Collection<UInt8>, at offset: Int = 0) -> Int64? {
        readUInt64(bytes, at: offset).map { Int64(bitPattern: $0 ^ (1 << 63)) }
    }
}
