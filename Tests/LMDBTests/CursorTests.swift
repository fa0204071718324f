import LMDB
import Testing

@Suite("Cursors, ranges, prefixes and duplicates")
struct CursorTests {
    /// Keys 10, 20, ..., 100 (big-endian) with the value "v<n>".
    func tenKeys() throws -> (TestEnvironment, PlainDatabase) {
        let test = try TestEnvironment()
        let db = try test.env.openDatabase("tens")
        try test.env.write { txn in
            for n in stride(from: 10, through: 100, by: 10) { try txn.put("v\(n)", for: key(n), in: db) }
        }
        return (test, db)
    }

    func numbers(_ test: TestEnvironment, _ db: PlainDatabase, _ range: KeyRange, reverse: Bool = false) throws -> [Int] {
        try test.env.read { txn throws in
            try txn.entries(in: db, range: range, reverse: reverse).map { entry in
                Int(entry.key.withUnsafeBytes { UInt32(bigEndian: $0.loadUnaligned(as: UInt32.self)) })
            }
        }
    }

    @Test func rangesForwardAndBackward() throws {
        let (test, db) = try tenKeys()
        #expect(try numbers(test, db, .all) == [10, 20, 30, 40, 50, 60, 70, 80, 90, 100])
        #expect(try numbers(test, db, .all, reverse: true) == [100, 90, 80, 70, 60, 50, 40, 30, 20, 10])
        #expect(try numbers(test, db, KeyRange(from: key(20), to: key(50))) == [20, 30, 40])
        #expect(try numbers(test, db, KeyRange(from: key(20), to: key(50)), reverse: true) == [40, 30, 20])
        #expect(try numbers(test, db, KeyRange(from: key(20), through: key(50))) == [20, 30, 40, 50])
        #expect(try numbers(test, db, KeyRange(from: key(20), through: key(50)), reverse: true) == [50, 40, 30, 20])
        // Bounds between stored keys.
        #expect(try numbers(test, db, KeyRange(from: key(15), to: key(45))) == [20, 30, 40])
        #expect(try numbers(test, db, KeyRange(from: key(15), to: key(45)), reverse: true) == [40, 30, 20])
        #expect(try numbers(test, db, .after(key(80))) == [90, 100])
        #expect(try numbers(test, db, .after(key(80)), reverse: true) == [100, 90])
        #expect(try numbers(test, db, .before(key(30))) == [10, 20])
        #expect(try numbers(test, db, .before(key(30)), reverse: true) == [20, 10])
        #expect(try numbers(test, db, .through(key(30)), reverse: true) == [30, 20, 10])
        #expect(try numbers(test, db, .from(key(95))) == [100])
    }

    @Test func firstAndLastKeysAreIncluded() throws {
        let (test, db) = try tenKeys()
        #expect(try numbers(test, db, KeyRange(from: key(10), through: key(10))) == [10])
        #expect(try numbers(test, db, KeyRange(from: key(100), through: key(100)), reverse: true) == [100])
        #expect(try numbers(test, db, .from(key(0)), reverse: true).first == 100)
        #expect(try numbers(test, db, .through(key(1000)), reverse: true).first == 100)
        #expect(try numbers(test, db, .from(key(0))).first == 10)
    }

    @Test func emptyRangesYieldNothing() throws {
        let (test, db) = try tenKeys()
        for reverse in [false, true] {
            #expect(try numbers(test, db, KeyRange(from: key(21), to: key(29)), reverse: reverse) == [])
            #expect(try numbers(test, db, KeyRange(from: key(50), to: key(50)), reverse: reverse) == [])
            #expect(try numbers(test, db, .after(key(100)), reverse: reverse) == [])
            #expect(try numbers(test, db, .before(key(10)), reverse: reverse) == [])
            #expect(try numbers(test, db, KeyRange(from: key(60), to: key(20)), reverse: reverse) == [])
        }
        let empty = try test.env.openDatabase("empty")
        #expect(try numbers(test, empty, .all) == [])
        #expect(try numbers(test, empty, .all, reverse: true) == [])
    }

    @Test func prefixWalks() throws {
        let test = try TestEnvironment()
        let db = try test.env.openDatabase("codes")
        let stored: [[UInt8]] = [
            Array("KH01".utf8), Array("KH010".utf8), Array("KH019".utf8), Array("KH02".utf8),
            Array("KG99".utf8), [0x4B, 0xFF], [0x4B, 0xFF, 0x01], [0x4C],
        ]
        try test.env.write { txn in for code in stored { try txn.put("x", for: code, in: db) } }
        func walk(_ prefix: [UInt8], reverse: Bool = false) throws -> [[UInt8]] {
            try test.env.read { try $0.entries(in: db, range: .prefix(prefix), reverse: reverse).map(\.key) }
        }
        #expect(try walk(Array("KH01".utf8)) == [Array("KH01".utf8), Array("KH010".utf8), Array("KH019".utf8)])
        #expect(try walk(Array("KH01".utf8), reverse: true) == [Array("KH019".utf8), Array("KH010".utf8), Array("KH01".utf8)])
        #expect(try walk(Array("KH03".utf8)) == [])
        #expect(try walk([0x4B, 0xFF]) == [[0x4B, 0xFF], [0x4B, 0xFF, 0x01]])  // successor is "L"
        #expect(try walk([0x4B, 0xFF], reverse: true) == [[0x4B, 0xFF, 0x01], [0x4B, 0xFF]])
        #expect(try walk([]).count == stored.count)
        try test.env.read { txn throws in
            #expect(try txn.entries(in: db, range: .before([UInt8]())).isEmpty)
            #expect(try txn.entries(in: db, range: .after([UInt8]()), reverse: true).count == stored.count)
        }
    }

    @Test func walksStopWhenAsked() throws {
        let (test, db) = try tenKeys()
        var seen = 0
        try test.env.read { txn throws in
            try txn.forEach(in: db) { _, _ in
                seen += 1
                return seen == 3 ? .stop : .next
            }
        }
        #expect(seen == 3)
        #expect(try test.env.read { try $0.entries(in: db, limit: 4) }.count == 4)
    }

    @Test func cursorMovesAndSeeks() throws {
        let (test, db) = try tenKeys()
        try test.env.read { txn throws in
            try txn.withCursor(db) { cursor throws in
                #expect(try cursor.first())
                #expect(Array(cursor.value) == Array("v10".utf8))
                #expect(try cursor.last())
                #expect(Array(cursor.value) == Array("v100".utf8))
                #expect(try !cursor.next())
                #expect(try cursor.seek(exactly: key(40)))
                #expect(Array(cursor.key) == key(40))
                #expect(try cursor.previous())
                #expect(Array(cursor.key) == key(30))
                #expect(try !cursor.seek(exactly: key(45)))
                #expect(try cursor.seek(atOrAfter: key(45)))
                #expect(Array(cursor.key) == key(50))
                #expect(try !cursor.seek(atOrAfter: key(101)))
            }
        }
    }

    /// Segment postings: three keys with 1, 3 and 5,000 ids (the last spans many pages).
    func postings<Kind: DuplicateKind>(_ kind: Kind.Type) throws -> (TestEnvironment, Database<Kind>) {
        let test = try TestEnvironment()
        let db = try test.env.openDatabase("segments", kind: kind)
        try test.env.write { txn in
            try txn.put(id(7), for: "new", in: db)
            for n in [5, 1, 3] { try txn.put(id(n), for: "at-risk", in: db) }
            for n in (0..<5000).reversed() { try txn.put(id(n * 2), for: "loyal", in: db) }
        }
        return (test, db)
    }

    func id(_ n: Int) -> [UInt8] { withUnsafeBytes(of: UInt64(n).bigEndian) { Array($0) } }

    @Test func duplicatesWalkForwardAndBackwardAndCount() throws {
        for kind in [Duplicates.self, FixedDuplicates.self] as [any DuplicateKind.Type] {
            try checkDuplicates(kind)
        }
    }

    func checkDuplicates<Kind: DuplicateKind>(_ kind: Kind.Type) throws {
        let (test, db) = try postings(kind)
        try test.env.read { txn throws in
            #expect(try txn.duplicates(of: "at-risk", in: db) == [id(1), id(3), id(5)])
            var reversed: [[UInt8]] = []
            try txn.forEachDuplicate(of: "at-risk", in: db, reverse: true) { reversed.append(Array($0)); return .next }
            #expect(reversed == [id(5), id(3), id(1)])
            #expect(try txn.duplicateCount(of: "loyal", in: db) == 5000)
            #expect(try txn.duplicateCount(of: "at-risk", in: db) == 3)
            #expect(try txn.duplicateCount(of: "none", in: db) == 0)
            #expect(try txn.duplicates(of: "none", in: db) == [])
            #expect(try txn.duplicates(of: "loyal", in: db) == (0..<5000).map { id($0 * 2) })
            // Whole-database walks visit every value; reverse starts at the last value.
            let all = try txn.entries(in: db)
            #expect(all.count == 5004)
            #expect(try txn.entries(in: db, reverse: true).map(\.value) == all.map(\.value).reversed())
            // A reverse range ending on a duplicate key starts from its last value.
            let throughLoyal = try txn.entries(in: db, range: .through("loyal"), reverse: true, limit: 2)
            #expect(throughLoyal.map(\.value) == [id(9998), id(9996)])
            // An excluded lower bound skips every value of that key.
            #expect(try txn.entries(in: db, range: .after("at-risk")).first?.key == Array("loyal".utf8))
            try txn.withCursor(db) { cursor throws in
                #expect(try cursor.seek(exactly: "loyal", value: id(4000)))
                #expect(Array(cursor.value) == id(4000))
                #expect(Array(cursor.key) == Array("loyal".utf8))
                #expect(try cursor.seek(exactly: "loyal", valueAtOrAfter: id(4001)))
                #expect(Array(cursor.value) == id(4002))
                #expect(try !cursor.seek(exactly: "loyal", value: id(4001)))
                #expect(try cursor.seek(exactly: "new"))
                #expect(try cursor.duplicateCount() == 1)
                #expect(try !cursor.nextDuplicate())
            }
        }
        try test.env.write { txn throws in
            #expect(try txn.delete("at-risk", value: id(3), in: db))
            #expect(try !txn.delete("at-risk", value: id(4), in: db))
        }
        #expect(try test.env.read { try $0.duplicates(of: "at-risk", in: db) } == [id(1), id(5)])
    }

    @Test func bulkReadsEqualTheOneByOneWalk() throws {
        let (test, db) = try postings(FixedDuplicates.self)
        try test.env.read { txn throws in
            for segment in ["loyal", "at-risk", "new", "none"] {
                var bulk: [[UInt8]] = []
                var blocks = 0
                try txn.forEachDuplicateBlock(of: segment, in: db) { block, valueSize in
                    #expect(valueSize == 8)
                    #expect(block.count % valueSize == 0)
                    blocks += 1
                    for offset in stride(from: 0, to: block.count, by: valueSize) {
                        bulk.append(Array(block[offset..<offset + valueSize]))
                    }
                    return .next
                }
                #expect(bulk == (try txn.duplicates(of: segment, in: db)), "segment \(segment)")
                if segment == "loyal" { #expect(blocks > 1, "5,000 ids span several pages") }
            }
        }
    }

    @Test func appendFlagsLoadSortedData() throws {
        let test = try TestEnvironment()
        let db = try test.env.openDatabase("appended")
        let postings = try test.env.openDatabase("appended-dups", kind: FixedDuplicates.self)
        try test.env.write { txn in
            for n in 0..<1000 {
                try txn.put("v", for: key(n), in: db, flags: .append)
                try txn.put(key(n), for: "all", in: postings, flags: .appendDuplicate)
            }
        }
        #expect(try test.env.read { try $0.statistics(of: db).entries } == 1000)
        #expect(try test.env.read { try $0.duplicateCount(of: "all", in: postings) } == 1000)
        #expect(throws: LMDBError.keyExists) {
            try test.env.write { txn in try txn.put("v", for: key(5), in: db, flags: .append) }
        }
    }

    @Test func putMultipleAddsARunOfValuesToNewAndPresentKeys() throws {
        let test = try TestEnvironment()
        let db = try test.env.openDatabase("multiple", kind: FixedDuplicates.self)
        func ids(_ numbers: some Sequence<Int>) -> [UInt8] { numbers.flatMap { id($0) } }
        try test.env.write { txn in
            // A new key past the end, then a present key, then a key between two present ones.
            try ids(0..<3000).withUnsafeBytes { try txn.putMultiple($0, valueSize: 8, for: "b", in: db, flags: [.append, .appendDuplicate]) }
            try txn.put(id(1), for: "d", in: db)
            try ids([5, 6, 7]).withUnsafeBytes { try txn.putMultiple($0, valueSize: 8, for: "d", in: db, flags: .appendDuplicate) }
            try ids([9]).withUnsafeBytes { try txn.putMultiple($0, valueSize: 8, for: "c", in: db, flags: .appendDuplicate) }
        }
        try test.env.read { txn throws in
            #expect(try txn.duplicates(of: "b", in: db) == (0..<3000).map { id($0) })
            #expect(try txn.duplicates(of: "c", in: db) == [id(9)])
            #expect(try txn.duplicates(of: "d", in: db) == [id(1), id(5), id(6), id(7)])
            #expect(try txn.statistics(of: db).entries == 3005)
        }
        // Values that do not sort after the present ones, or a key not past the end, are
        // refused under the append flags, and the transaction keeps nothing.
        #expect(throws: LMDBError.keyExists) {
            try test.env.write { txn in
                try ids([2, 3]).withUnsafeBytes { try txn.putMultiple($0, valueSize: 8, for: "d", in: db, flags: .appendDuplicate) }
            }
        }
        #expect(throws: LMDBError.keyExists) {
            try test.env.write { txn in
                try ids([100]).withUnsafeBytes { try txn.putMultiple($0, valueSize: 8, for: "a", in: db, flags: [.append, .appendDuplicate]) }
            }
        }
        #expect(try test.env.read { try $0.statistics(of: db).entries } == 3005)
    }
}
