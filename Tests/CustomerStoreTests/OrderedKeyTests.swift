import CustomerStore
import Testing

@Suite("Order-preserving keys")
struct OrderedKeyTests {
    static let signed: [Int64] = [.min, .min + 1, -1_000_000, -256, -1, 0, 1, 255, 256, 50_000, .max - 1, .max]
    static let unsigned: [UInt64] = [0, 1, 255, 256, 65_535, 1 << 32, 1 << 63, .max]

    func encoded(_ value: Int64) -> [UInt8] {
        var key: [UInt8] = []
        OrderedKey.append(value, to: &key)
        return key
    }

    func encoded(_ value: UInt64) -> [UInt8] {
        var key: [UInt8] = []
        OrderedKey.append(value, to: &key)
        return key
    }

    @Test func signedValuesSortLikeTheirBytes() {
        for (a, b) in zip(Self.signed, Self.signed.dropFirst()) {
            #expect(encoded(a).lexicographicallyPrecedes(encoded(b)), "\(a) < \(b)")
        }
    }

    @Test func unsignedValuesSortLikeTheirBytes() {
        for (a, b) in zip(Self.unsigned, Self.unsigned.dropFirst()) {
            #expect(encoded(a).lexicographicallyPrecedes(encoded(b)), "\(a) < \(b)")
        }
    }

    @Test func valuesRoundTrip() {
        for value in Self.signed {
            #expect(OrderedKey.readInt64(encoded(value)) == value)
        }
        for value in Self.unsigned {
            #expect(OrderedKey.readUInt64(encoded(value)) == value)
        }
        #expect(encoded(Int64(0)) == [0x80, 0, 0, 0, 0, 0, 0, 0])
    }

    @Test func compoundKeysReadAtAnOffsetAndShortInputIsRejected() {
        var key: [UInt8] = []
        OrderedKey.append(Int64(-7), to: &key)
        OrderedKey.append(UInt64(99), to: &key)
        #expect(OrderedKey.readInt64(key, at: 0) == -7)
        #expect(OrderedKey.readUInt64(key, at: 8) == 99)
        #expect(OrderedKey.readUInt64(key, at: 9) == nil)
        #expect(OrderedKey.readUInt64([1, 2, 3]) == nil)
        #expect(OrderedKey.readUInt64(key.dropFirst(8)) == 99, "slices read from their own start")
    }
}
