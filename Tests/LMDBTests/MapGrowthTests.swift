import LMDB
import Synchronization
import Testing

@Suite("Automatic map growth")
struct MapGrowthTests {
    static let valueSize = 64 << 10

    /// A 64 KiB value whose bytes depend on `n`, so a wrong or torn read is caught.
    static func value(_ n: Int) -> [UInt8] {
        (0..<valueSize).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ n &* 7) }
    }

    @Test func sixtyFourMebibytesGrowAOneMebibyteMapWhileReadersRead() throws {
        let test = try TestEnvironment { $0.mapSize = 1 << 20 }
        let env = test.env
        let db = try env.openDatabase("blobs")
        let total = 1024  // 1,024 x 64 KiB = 64 MiB
        let written = Atomic<Int>(0)
        let done = Atomic<Bool>(false)
        let readsChecked = Atomic<Int>(0)

        try onThreads(4) { thread in
            if thread == 0 {
                defer { done.store(true, ordering: .releasing) }
                for batch in stride(from: 0, to: total, by: 16) {
                    try env.write { txn in
                        for n in batch..<batch + 16 { try txn.put(Self.value(n), for: key(n), in: db) }
                    }
                    written.store(batch + 16, ordering: .releasing)
                }
            } else {
                // Readers check every committed value they can see, over and over.
                while !done.load(ordering: .acquiring) {
                    let visible = written.load(ordering: .acquiring)
                    try env.read { txn throws in
                        for n in stride(from: thread, to: visible, by: 37) {
                            let matches = try txn.withValue(for: key(n), in: db) { stored in
                                stored.count == Self.valueSize && stored.elementsEqual(Self.value(n))
                            }
                            #expect(matches == true, "value \(n)")
                        }
                    }
                    readsChecked.add(1, ordering: .relaxed)
                }
            }
        }
        #expect(env.mapSize >= 64 << 20)
        #expect(env.mapGrowths >= 6)  // 1 MiB doubled at least six times
        #expect(readsChecked.load(ordering: .relaxed) > 0)
        try env.read { txn throws in
            #expect(try txn.statistics(of: db).entries == total)
            for n in 0..<total {
                #expect(try txn.withValue(for: key(n), in: db) { $0.elementsEqual(Self.value(n)) } == true)
            }
        }
    }

    @Test func oneLargeTransactionGrowsTheMapToo() throws {
        let test = try TestEnvironment { $0.mapSize = 1 << 20 }
        let db = try test.env.openDatabase("large")
        var runs = 0
        try test.env.write { txn in
            runs += 1
            for n in 0..<256 { try txn.put(Self.value(n), for: key(n), in: db) }  // 16 MiB
        }
        #expect(runs > 1, "the closure reran after growth")
        #expect(try test.env.read { try $0.statistics(of: db).entries } == 256)
    }

    @Test func reservingTheMapAheadSavesTheRerun() throws {
        let test = try TestEnvironment { $0.mapSize = 1 << 20 }
        let db = try test.env.openDatabase("reserved")
        try test.env.reserveMapSize(40 << 20)
        #expect(test.env.mapSize == 64 << 20, "doubled from 1 MiB until it holds 40 MiB")
        try test.env.reserveMapSize(2 << 20)
        #expect(test.env.mapSize == 64 << 20, "a smaller reservation changes nothing")
        var runs = 0
        try test.env.write { txn in
            runs += 1
            for n in 0..<256 { try txn.put(Self.value(n), for: key(n), in: db) }  // 16 MiB
        }
        #expect(runs == 1)
        #expect(test.env.mapGrowths == 1)
    }

    @Test func theCeilingIsHonouredWithAClearError() throws {
        let test = try TestEnvironment {
            $0.mapSize = 1 << 20
            $0.maxMapSize = 4 << 20
        }
        let db = try test.env.openDatabase("capped")
        try test.env.write { txn in try txn.put("kept", for: "before", in: db) }
        let error = try #require(throws: LMDBError.self) {
            try test.env.write { txn in
                for n in 0..<128 { try txn.put(Self.value(n), for: key(n), in: db) }  // 8 MiB
            }
        }
        #expect(error == .mapFull)
        #expect(error.detail == "the map size ceiling of 4194304 bytes is reached")
        #expect(test.env.mapSize == 4 << 20)
        try test.env.read { txn throws in
            #expect(try txn.getString("before", in: db) == "kept")
            #expect(try txn.statistics(of: db).entries == 1, "nothing of the failed write remains")
        }
        // Writes that fit still succeed after the failure.
        try test.env.write { txn in try txn.put("small", for: "after", in: db) }
        #expect(try test.env.read { try $0.getString("after", in: db) } == "small")
    }

    @Test func aSwallowedMapFullStillGrowsAndReruns() throws {
        let test = try TestEnvironment { $0.mapSize = 1 << 20 }
        let db = try test.env.openDatabase("swallowed")
        var runs = 0
        try test.env.write { txn in
            runs += 1
            do {
                for n in 0..<64 { try txn.put(Self.value(n), for: key(n), in: db) }  // 4 MiB
            } catch {
                // A careless caller ignores the error; the wrapper must not commit a failed txn.
            }
        }
        #expect(runs > 1)
        #expect(try test.env.read { try $0.statistics(of: db).entries } == 64)
    }

    @Test func growthInsideANestedTransactionRerunsTheWhole() throws {
        let test = try TestEnvironment { $0.mapSize = 1 << 20 }
        let db = try test.env.openDatabase("nested-growth")
        try test.env.write { txn in
            try txn.put("parent", for: "p", in: db)
            try txn.nested { child in
                for n in 0..<64 { try child.put(Self.value(n), for: key(n), in: db) }
            }
        }
        try test.env.read { txn throws in
            #expect(try txn.getString("p", in: db) == "parent")
            #expect(try txn.statistics(of: db).entries == 65)
        }
    }

    @Test func aWriteInsideAReadOnTheSameThreadCannotGrowAndSaysWhy() throws {
        let test = try TestEnvironment { $0.mapSize = 1 << 20 }
        let db = try test.env.openDatabase("held")
        let error = try #require(throws: LMDBError.self) {
            try test.env.read { _ in
                try test.env.write { txn in
                    for n in 0..<64 { try txn.put(Self.value(n), for: key(n), in: db) }
                }
            }
        }
        #expect(error == .mapFull)
        #expect(error.detail?.contains("holds another transaction") == true)
    }
}
