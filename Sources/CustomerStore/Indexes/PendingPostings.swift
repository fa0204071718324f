import Foundation
import LMDB

/// The postings of one index gathered during a bulk load, written sorted when the load ends
/// (or when the load's memory budget fills): each key once, its ids as one run appended with
/// `MDB_MULTIPLE`, and keys past the index's last key appended too, so LMDB fills every page
/// instead of splitting pages at random as row-by-row insertion does.
///
/// Each (key, id) pair takes 32 bytes: the key's first 16 bytes as two big-endian words, so
/// most comparisons are two integer compares, and the bytes beyond 16 kept in `tails`.
struct PendingPostings {
    private struct Entry {
        var head: UInt64
        var second: UInt64
        /// Where the key's bytes after the first 16 start in `tails`.
        var tailOffset: UInt32
        var length: UInt32
        var id: UInt64
    }

    private var entries: [Entry] = []
    private var tails: [UInt8] = []

    var isEmpty: Bool { entries.isEmpty }
    /// The memory the gathered pairs take.
    var byteCount: Int { entries.count * MemoryLayout<Entry>.stride + tails.count }

    /// Adds customer `id`'s `key`. Ids must come in ascending order (as a load assigns them).
    mutating func append(_ key: [UInt8], id: UInt64) {
        let tailOffset = UInt32(tails.count)
        if key.count > 16 { tails.append(contentsOf: key[16...]) }
        entries.append(Entry(head: Self.word(key, from: 0), second: Self.word(key, from: 8),
                             tailOffset: tailOffset, length: UInt32(key.count), id: id))
    }

    /// Writes every gathered key with its ids into `db`, then empties the buffer.
    ///
    /// The ids of a load are larger than every id stored, so each key's run goes after the
    /// ids it already has (`.appendDuplicate`); keys past the index's last key also append.
    mutating func write(to db: FixedDuplicateDatabase, in txn: borrowing WriteTransaction) throws {
        defer { removeAll() }
        guard !entries.isEmpty else { return }
        let lastStored: [UInt8]? = try txn.withCursor(db) { cursor in try cursor.last() ? Array(cursor.key) : nil }
        var pastEnd = lastStored == nil
        try tails.withUnsafeBufferPointer { tails in
            entries.sort { Self.precedes($0, $1, tails) }
            var key: [UInt8] = []
            var ids: [UInt8] = []
            var start = 0
            while start < entries.count {
                var end = start + 1
                while end < entries.count && Self.sameKey(entries[start], entries[end], tails) { end += 1 }
                Self.rebuildKey(entries[start], tails, into: &key)
                ids.removeAll(keepingCapacity: true)
                for entry in entries[start..<end] { OrderedKey.append(entry.id, to: &ids) }
                if !pastEnd, let lastStored, lastStored.lexicographicallyPrecedes(key) { pastEnd = true }
                let flags: PutFlags = pastEnd ? [.append, .appendDuplicate] : .appendDuplicate
                if end - start == 1 {
                    try txn.put(ids, for: key, in: db, flags: flags)
                } else {
                    try ids.withUnsafeBytes { try txn.putMultiple($0, valueSize: 8, for: key, in: db, flags: flags) }
                }
                start = end
            }
        }
    }

    mutating func removeAll() {
        entries = []
        tails = []
    }

    // MARK: Key bytes

    /// Eight bytes of `key` from `offset` as a big-endian word, zero-padded past its end.
    private static func word(_ key: [UInt8], from offset: Int) -> UInt64 {
        var word: UInt64 = 0
        for index in offset..<offset + 8 {
            word = word << 8 | UInt64(index < key.count ? key[index] : 0)
        }
        return word
    }

    /// Key order, then id order. Equal heads with one key of 16 bytes or fewer mean the
    /// shorter key is a prefix of the other (zero padding), so length decides.
    private static func precedes(_ a: Entry, _ b: Entry, _ tails: UnsafeBufferPointer<UInt8>) -> Bool {
        if a.head != b.head { return a.head < b.head }
        if a.second != b.second { return a.second < b.second }
        if a.length > 16 && b.length > 16 {
            let order = compareTails(a, b, tails)
            if order != 0 { return order < 0 }
        }
        if a.length != b.length { return a.length < b.length }
        return a.id < b.id
    }

    private static func sameKey(_ a: Entry, _ b: Entry, _ tails: UnsafeBufferPointer<UInt8>) -> Bool {
        a.head == b.head && a.second == b.second && a.length == b.length
            && (a.length <= 16 || compareTails(a, b, tails) == 0)
    }

    /// `memcmp` of the two keys' bytes after the first 16, over the shorter of them.
    private static func compareTails(_ a: Entry, _ b: Entry, _ tails: UnsafeBufferPointer<UInt8>) -> Int32 {
        let count = Int(min(a.length, b.length)) - 16
        guard let base = tails.baseAddress else { return 0 }
        return memcmp(base + Int(a.tailOffset), base + Int(b.tailOffset), count)
    }

    private static func rebuildKey(_ entry: Entry, _ tails: UnsafeBufferPointer<UInt8>, into key: inout [UInt8]) {
        key.removeAll(keepingCapacity: true)
        let length = Int(entry.length)
        for index in 0..<min(length, 16) {
            let word = index < 8 ? entry.head : entry.second
            key.append(UInt8(truncatingIfNeeded: word >> (56 - 8 * UInt64(index % 8))))
        }
        if length > 16 {
            let start = Int(entry.tailOffset)
            key.append(contentsOf: tails[start..<start + length - 16])
        }
    }
}
