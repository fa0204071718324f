import LMDB
import Testing

@Suite("Put, get and delete")
struct RoundTripTests {
    @Test func putGetDeleteRoundTrip() throws {
        let test = try TestEnvironment()
        let db = try test.env.openDatabase("names")
        try test.env.write { txn in
            try txn.put("Nguyễn Văn An", for: "KH000001", in: db)
            try txn.put([UInt8](), for: "KH000002", in: db)  // empty value
            try txn.put([0, 255, 7], for: [0, 1], in: db)
        }
        try test.env.read { txn throws in
            #expect(try txn.getString("KH000001", in: db) == "Nguyễn Văn An")
            #expect(try txn.get("KH000002", in: db) == [])
            #expect(try txn.get([0, 1], in: db) == [0, 255, 7])
            #expect(try txn.get("KH000003", in: db) == nil)
            #expect(try txn.contains("KH000002", in: db))
            #expect(try txn.statistics(of: db).entries == 3)
        }
        let deleted = try test.env.write { txn in
            (try txn.delete("KH000001", in: db), try txn.delete("KH000009", in: db))
        }
        #expect(deleted == (true, false))
        try test.env.read { txn throws in
            #expect(try txn.get("KH000001", in: db) == nil)
            #expect(try txn.statistics(of: db).entries == 2)
        }
    }

    @Test func putReplacesAndWithValueReadsInPlace() throws {
        let test = try TestEnvironment()
        let db = try test.env.openDatabase("values")
        try test.env.write { txn in
            try txn.put("old", for: "k", in: db)
            try txn.put("new value", for: "k", in: db)
        }
        let length = try test.env.read { txn in try txn.withValue(for: "k", in: db) { $0.count } }
        #expect(length == 9)
        let missing = try test.env.read { txn in try txn.withValue(for: "x", in: db) { $0.count } }
        #expect(missing == nil)
    }

    @Test func putIfAbsentReturnsTheHolder() throws {
        let test = try TestEnvironment()
        let phones = try test.env.openDatabase("phones")
        let results = try test.env.write { txn in
            (try txn.putIfAbsent("KH1", for: "+84912345678", in: phones),
             try txn.putIfAbsent("KH2", for: "+84912345678", in: phones))
        }
        #expect(results.0 == nil)
        #expect(results.1 == Array("KH1".utf8))
        #expect(try test.env.read { try $0.getString("+84912345678", in: phones) } == "KH1")
    }

    @Test func reserveWritesInPlace() throws {
        let test = try TestEnvironment()
        let db = try test.env.openDatabase("counters")
        try test.env.write { txn in
            try txn.reserve(8, for: "n", in: db) { buffer in
                buffer.storeBytes(of: UInt64(42).bigEndian, as: UInt64.self)
            }
        }
        let bytes = try test.env.read { try $0.get("n", in: db) }
        #expect(bytes == [0, 0, 0, 0, 0, 0, 0, 42])
    }

    @Test func integerKeysSortNumerically() throws {
        let test = try TestEnvironment()
        let db = try test.env.openDatabase("ids", kind: IntegerKeys.self)
        try test.env.write { txn in
            for id: UInt64 in [300, 2, 70_000, 1] {
                try txn.put("v\(id)", for: id, in: db)
            }
            try txn.delete(UInt64(70_000), in: db)
        }
        let keys = try test.env.read { txn throws in
            try txn.entries(in: db).map { entry in entry.key.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) } }
        }
        #expect(keys == [1, 2, 300])
        #expect(try test.env.read { try $0.get(UInt64(300), in: db) } == Array("v300".utf8))
    }

    @Test func clearEmptiesAndDropRemoves() throws {
        let test = try TestEnvironment()
        let db = try test.env.openDatabase("scratch")
        try test.env.write { txn in
            for n in 0..<100 { try txn.put("x", for: key(n), in: db) }
        }
        try test.env.write { txn in try txn.clear(db) }
        #expect(try test.env.read { try $0.statistics(of: db).entries } == 0)
        try test.env.write { txn in try txn.drop(db) }
        #expect(throws: LMDBError.notFound) {
            _ = try test.env.openDatabase("scratch", create: false)
        }
    }

    @Test func databasesReopenAfterTheEnvironmentIsClosed() throws {
        let directory = try TemporaryDirectory()
        let path = directory.subpath("env")
        do {
            let env = try Environment(path: path)
            let db = try env.openDatabase("kept", kind: Duplicates.self)
            try env.write { txn in try txn.put("b", for: "a", in: db) }
        }
        var options = Environment.Options()
        options.readOnly = true
        let env = try Environment(path: path, options: options)
        let db = try env.openDatabase("kept", kind: Duplicates.self)
        #expect(try env.read { try $0.getString("a", in: db) } == "b")
    }
}
