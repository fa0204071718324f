import Foundation

/// The byte forms of index keys. Equal values give equal bytes, and for range indexes the
/// bytes sort as the values do; lookups and queries build their keys with the same functions.
public enum IndexKey {
    /// A classification value (segment, tag, owner, province): the search fold, so that
    /// `Hà Nội`, `ha noi` and `HÀ  NỘI` are one key. `nil` when nothing is left after folding.
    public static func folded(_ text: String) -> [UInt8]? {
        let folded = TextNormalizer.searchFold(text)
        return folded.isEmpty ? nil : Array(folded.utf8)
    }

    /// A customer code: trimmed, NFC and uppercase, so `kh000123` finds `KH000123`.
    /// `nil` for an empty code.
    public static func code(_ code: String) -> [UInt8]? {
        let normalized = TextNormalizer.nfc(String(TextNormalizer.trimmed(code))).uppercased()
        return normalized.isEmpty ? nil : Array(normalized.utf8)
    }

    /// A source system and the record's id there, joined by a zero byte (which neither
    /// contains), so `("pos", "1")` and `("pos1", "")` differ.
    public static func source(_ source: SourceReference) -> [UInt8] {
        Array(TextNormalizer.nfc(source.system).utf8) + [0] + Array(TextNormalizer.nfc(source.externalID).utf8)
    }

    /// A signed integer in order-preserving form (8 bytes).
    public static func integer(_ value: Int64) -> [UInt8] {
        var key: [UInt8] = []
        key.reserveCapacity(8)
        OrderedKey.append(value, to: &key)
        return key
    }

    /// A point in time as whole milliseconds since 1970 (rounded down), order-preserving.
    public static func date(_ date: Date) -> [UInt8] {
        integer(Int64((date.timeIntervalSince1970 * 1000).rounded(.down)))
    }

    /// A birthday as month and day (2 bytes), so one walk finds this month's birthdays.
    public static func monthDay(month: Int, day: Int) -> [UInt8] {
        [UInt8(month), UInt8(day)]
    }

    /// A flag as one byte.
    public static func flag(_ value: Bool) -> [UInt8] { [value ? 1 : 0] }

    /// A customer id as the 8 big-endian bytes used for record keys and index values.
    public static func id(_ id: UInt64) -> [UInt8] {
        var key: [UInt8] = []
        key.reserveCapacity(8)
        OrderedKey.append(id, to: &key)
        return key
    }
}
