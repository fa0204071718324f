import Foundation
import LMDB
import Synchronization
import Testing

@Suite("Hot backup, statistics and sync")
struct BackupAndStatisticsTests {
    /// Each write sets all 200 keys and "generation" to one number, so a consistent copy holds
    /// a single generation throughout.
    @Test func aCompactingCopyOfALiveEnvironmentHoldsOneCommittedState() throws {
        let test = try TestEnvironment()
        let env = test.env
        let db = try env.openDatabase("generations")
        let padding = [UInt8](repeating: 7, count: 2000)
        try env.write { txn in
            for n in 0..<2000 { try txn.put(padding, for: key(n, prefix: "junk"), in: db) }
        }
        try env.write { txn in
            for n in 0..<2000 { try txn.delete(key(n, prefix: "junk"), in: db) }
        }
        let copyPath = test.directory.subpath("copy")
        let copying = Atomic<Bool>(true)
        let generationsWritten = Atomic<Int>(0)
        try onThreads(2) { thread in
            if thread == 0 {
                var generation = 0
                repeat {
                    generation += 1
                    try env.write { txn in
                        for n in 0..<200 { try txn.put("\(generation)", for: key(n), in: db) }
                        try txn.put("\(generation)", for: "generation", in: db)
                    }
                } while copying.load(ordering: .acquiring) || generation < 3
                generationsWritten.store(generation, ordering: .relaxed)
            } else {
                defer { copying.store(false, ordering: .releasing) }
                while (try env.read { try $0.get("generation", in: db) }) == nil {}
                try env.copy(to: copyPath, compacting: true)
            }
        }
        let copy = try Environment(path: copyPath)
        let copied = try copy.openDatabase("generations", create: false)
        try copy.read { txn throws in
            let generation = try #require(try txn.getString("generation", in: copied))
            let values = try txn.entries(in: copied).filter { $0.key.count == 4 }
            #expect(values.count == 200)
            #expect(values.allSatisfy { String(decoding: $0.value, as: UTF8.self) == generation })
            #expect(Int(generation)! <= generationsWritten.load(ordering: .relaxed))
            #expect(try txn.statistics(of: copied).entries == 201)
        }
        let original = try FileManager.default.attributesOfItem(atPath: env.path + "/data.mdb")[.size] as! Int
        let compacted = try FileManager.default.attributesOfItem(atPath: copyPath + "/data.mdb")[.size] as! Int
        #expect(compacted < original / 2, "compaction leaves out the freed pages")
    }

    @Test func statisticsAndInfoDescribeTheEnvironment() throws {
        let test = try TestEnvironment { $0.mapSize = 8 << 20 }
        let db = try test.env.openDatabase("stats")
        try test.env.write { txn in
            for n in 0..<5000 { try txn.put("value \(n)", for: key(n), in: db) }
        }
        let stats = try test.env.read { try $0.statistics(of: db) }
        #expect(stats.entries == 5000)
        #expect(stats.pageSize == 4096)
        #expect(stats.depth >= 2)
        #expect(stats.leafPages > 10)
        #expect(stats.bytes == (stats.branchPages + stats.leafPages + stats.overflowPages) * stats.pageSize)
        #expect(try test.env.statistics().entries == 1, "the main database lists one named database")
        let info = try test.env.info()
        #expect(info.mapSize == 8 << 20)
        #expect(info.maxReaders == 510)
        #expect(info.lastPageNumber > stats.leafPages)
    }

    @Test func noSyncWritesBecomeDurableWithSync() throws {
        let directory = try TemporaryDirectory()
        let path = directory.subpath("env")
        do {
            var options = Environment.Options()
            options.noSync = true
            options.noMetaSync = true
            let env = try Environment(path: path, options: options)
            let db = try env.openDatabase("bulk")
            try env.write { txn in try txn.put("v", for: "k", in: db) }
            try env.sync(force: true)
        }
        var options = Environment.Options()
        options.readOnly = true
        let reopened = try Environment(path: path, options: options)
        let readDB = try reopened.openDatabase("bulk", create: false)
        #expect(try reopened.read { try $0.getString("k", in: readDB) } == "v")
    }
}
