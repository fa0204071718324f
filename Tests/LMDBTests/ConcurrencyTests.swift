import LMDB
import Synchronization
import Testing

@Suite("Concurrent readers and a writer, in threads and processes")
struct ConcurrencyTests {
    /// Ten accounts always sum to 1,000 in every committed state; readers must never see
    /// another sum, however the writer's transfers interleave with their snapshots.
    @Test func readersSeeOnlyCommittedStates() throws {
        let test = try TestEnvironment()
        let env = test.env
        let db = try env.openDatabase("accounts")
        let accounts = 10
        @Sendable func balance(_ bytes: UnsafeRawBufferPointer) -> Int { Int(bytes.loadUnaligned(as: Int64.self)) }
        try env.write { txn in
            for n in 0..<accounts { try txn.put(withUnsafeBytes(of: Int64(100)) { Array($0) }, for: key(n), in: db) }
        }
        let done = Atomic<Bool>(false)
        let snapshots = Atomic<Int>(0)
        try onThreads(5) { thread in
            if thread == 0 {
                defer { done.store(true, ordering: .releasing) }
                var generator = SystemRandomNumberGenerator()
                for _ in 0..<2000 {
                    let from = Int.random(in: 0..<accounts, using: &generator)
                    let to = Int.random(in: 0..<accounts, using: &generator)
                    let amount = Int64.random(in: 1...20, using: &generator)
                    try env.write { txn in
                        let a = try txn.withValue(for: key(from), in: db, balance)!
                        try txn.put(withUnsafeBytes(of: Int64(a) - amount) { Array($0) }, for: key(from), in: db)
                        let b = try txn.withValue(for: key(to), in: db, balance)!
                        try txn.put(withUnsafeBytes(of: Int64(b) + amount) { Array($0) }, for: key(to), in: db)
                    }
                }
            } else {
                while !done.load(ordering: .acquiring) {
                    let sum = try env.read { txn throws in
                        var sum = 0
                        try txn.forEach(in: db) { _, value in
                            sum += balance(value)
                            return .next
                        }
                        return sum
                    }
                    #expect(sum == 1000)
                    snapshots.add(1, ordering: .relaxed)
                }
            }
        }
        #expect(snapshots.load(ordering: .relaxed) > 10)
        #expect(try env.read { txn in try txn.entries(in: db).count } == accounts)
    }

    @Test func anotherProcessSeesEachCommittedStateAndNothingUncommitted() throws {
        let test = try TestEnvironment()
        let db = try test.env.openDatabase("shared")
        try test.env.write { txn in try txn.put("0", for: "state", in: db) }
        let child = try ChildProcess(["watch", test.env.path, "shared", "state"])
        defer { child.finish() }
        #expect(child.readLine() == "ready")
        for state in 1...25 {
            try test.env.write { txn in try txn.put("\(state)", for: "state", in: db) }
            #expect(child.ask("read") == "\(state)")
        }
        // While a write is open and after it aborts, the other process sees the last commit.
        #expect(throws: Rejected.self) {
            try test.env.write { txn in
                try txn.put("uncommitted", for: "state", in: db)
                #expect(child.ask("read") == "25")
                throw Rejected()
            }
        }
        #expect(child.ask("read") == "25")
    }

    @Test func theOtherProcessFollowsAMapThisProcessGrew() throws {
        let test = try TestEnvironment { $0.mapSize = 1 << 20 }
        let db = try test.env.openDatabase("shared")
        try test.env.write { txn in try txn.put("small", for: "state", in: db) }
        let child = try ChildProcess(["watch", test.env.path, "shared", "state"])
        defer { child.finish() }
        #expect(child.readLine() == "ready")
        #expect(child.ask("read") == "small")
        try test.env.write { txn in
            for n in 0..<128 { try txn.put(MapGrowthTests.value(n), for: key(n), in: db) }  // 8 MiB
            try txn.put("large", for: "state", in: db)
        }
        #expect(test.env.mapGrowths > 0)
        #expect(child.ask("read") == "large")
    }

    @Test func readerSlotsOfADeadProcessAreReclaimed() throws {
        let maxReaders = 8
        let test = try TestEnvironment { $0.maxReaders = maxReaders }
        let db = try test.env.openDatabase("readers")
        try test.env.write { txn in try txn.put("v", for: "k", in: db) }

        let holder = try ChildProcess(["hold-readers", test.env.path, "\(maxReaders)"])
        #expect(holder.readLine() == "held \(maxReaders)")
        // Every slot is held by a live process: a read fails with a clear error.
        let error = try #require(throws: LMDBError.self) {
            _ = try test.env.read { try $0.get("k", in: db) }
        }
        #expect(error == .readersFull)
        #expect(error.detail == "all \(maxReaders) reader slots are in use by live transactions")

        holder.kill()
        // The next read meets readers-full, clears the dead process's slots and succeeds.
        #expect(try test.env.read { try $0.getString("k", in: db) } == "v")
        #expect(try test.env.checkReaders() == 0, "the stale slots were already cleared")
        // All slots are usable again.
        func nest(_ depth: Int) throws -> Int {
            depth == maxReaders ? depth : try test.env.read { _ in try nest(depth + 1) }
        }
        #expect(try nest(0) == maxReaders)
    }

    @Test func checkReadersCountsSlotsOfADeadProcess() throws {
        let test = try TestEnvironment { $0.maxReaders = 6 }
        let holder = try ChildProcess(["hold-readers", test.env.path, "6"])
        #expect(holder.readLine() == "held 6")
        #expect(test.env.readerList().count == 7, "a header line and six slots")
        holder.kill()
        #expect(try test.env.checkReaders() == 6)
        #expect(test.env.readerList() == ["(no active readers)"])
    }
}
