import LMDB
import Testing

struct Rejected: Error {}

@Suite("Transactions")
struct TransactionTests {
    @Test func aThrowInsideWriteLeavesNothingBehind() throws {
        let test = try TestEnvironment()
        let db = try test.env.openDatabase("accounts")
        try test.env.write { txn in try txn.put("100", for: "a", in: db) }
        #expect(throws: Rejected.self) {
            try test.env.write { txn in
                try txn.put("0", for: "a", in: db)
                try txn.put("50", for: "b", in: db)
                try txn.delete("a", in: db)
                throw Rejected()
            }
        }
        try test.env.read { txn throws in
            #expect(try txn.getString("a", in: db) == "100")
            #expect(try txn.get("b", in: db) == nil)
            #expect(try txn.statistics(of: db).entries == 1)
        }
    }

    @Test func aCommittedWriteIsVisibleToANewRead() throws {
        let test = try TestEnvironment()
        let db = try test.env.openDatabase("visible")
        let returned = try test.env.write { txn in
            try txn.put("yes", for: "k", in: db)
            return try txn.getString("k", in: db)  // a write sees its own changes
        }
        #expect(returned == "yes")
        #expect(try test.env.read { try $0.getString("k", in: db) } == "yes")
    }

    @Test func aReadKeepsItsSnapshotWhileAWriteCommits() throws {
        let test = try TestEnvironment()
        let db = try test.env.openDatabase("snapshot")
        try test.env.write { txn in try txn.put("1", for: "k", in: db) }
        try test.env.read { txn throws in
            try test.env.write { writer in try writer.put("2", for: "k", in: db) }
            #expect(try txn.getString("k", in: db) == "1")
            #expect(try test.env.read { try $0.getString("k", in: db) } == "2")
        }
    }

    @Test func reusedReadTransactionsSeeNewCommitsAndNewDatabases() throws {
        let test = try TestEnvironment()
        let first = try test.env.openDatabase("first")
        for round in 1...5 {
            try test.env.write { txn in try txn.put("\(round)", for: "k", in: first) }
            #expect(try test.env.read { try $0.getString("k", in: first) } == "\(round)")
        }
        // Several readers at once, so more than one idle transaction is kept and reused.
        try test.env.read { a throws in
            try test.env.read { b throws in
                #expect(try a.getString("k", in: first) == "5")
                #expect(try b.getString("k", in: first) == "5")
            }
        }
        let later = try test.env.openDatabase("later")
        try test.env.write { txn in try txn.put("new", for: "k", in: later) }
        for _ in 0..<3 {
            #expect(try test.env.read { try $0.getString("k", in: later) } == "new")
        }
        let info = try test.env.info()
        #expect(info.readersUsed <= 3, "idle transactions are reused, not piled up")
    }

    @Test func nestedTransactionsCommitIntoAndAbortWithoutTheParent() throws {
        let test = try TestEnvironment()
        let db = try test.env.openDatabase("nested")
        try test.env.write { txn in
            try txn.put("parent", for: "p", in: db)
            try txn.nested { child in try child.put("kept", for: "c1", in: db) }
            #expect(throws: Rejected.self) {
                try txn.nested { child in
                    try child.put("discarded", for: "c2", in: db)
                    try child.delete("p", in: db)
                    throw Rejected()
                }
            }
            #expect(try txn.getString("p", in: db) == "parent")
            #expect(try txn.get("c2", in: db) == nil)
        }
        try test.env.read { txn throws in
            #expect(try txn.getString("c1", in: db) == "kept")
            #expect(try txn.get("c2", in: db) == nil)
            #expect(try txn.getString("p", in: db) == "parent")
        }
        // A child's work is lost with its parent.
        #expect(throws: Rejected.self) {
            try test.env.write { txn in
                try txn.nested { child in try child.put("gone", for: "c3", in: db) }
                throw Rejected()
            }
        }
        #expect(try test.env.read { try $0.get("c3", in: db) } == nil)
    }

    @Test func genericReadersServeBothTransactionKinds() throws {
        let test = try TestEnvironment()
        let db = try test.env.openDatabase("generic")
        func firstValue(_ txn: borrowing some ReadableTransaction & ~Copyable) throws -> String? {
            try txn.entries(in: db, limit: 1).first.map { String(decoding: $0.value, as: UTF8.self) }
        }
        let inWrite = try test.env.write { txn in
            try txn.put("x", for: "a", in: db)
            return try firstValue(txn)
        }
        #expect(inWrite == "x")
        #expect(try test.env.read { try firstValue($0) } == "x")
    }

    @Test func transactionIDsAdvanceWithCommits() throws {
        let test = try TestEnvironment()
        let db = try test.env.openDatabase("ids")
        let before = try test.env.read { $0.id }
        try test.env.write { txn in try txn.put("v", for: "k", in: db) }
        let after = try test.env.read { $0.id }
        #expect(after == before + 1)
        #expect(try test.env.info().lastTransactionID == after)
    }
}

@Suite("Misuse that would hang traps instead")
struct MisuseTests {
    @Test func aWriteInsideAWriteOnTheSameThreadTraps() async {
        await #expect(processExitsWith: .failure) {
            let test = try TestEnvironment()
            try test.env.write { _ in try test.env.write { _ in } }
        }
    }

    @Test func openingADatabaseInsideATransactionTraps() async {
        await #expect(processExitsWith: .failure) {
            let test = try TestEnvironment()
            try test.env.read { _ in _ = try test.env.openDatabase("late") }
        }
    }

    @Test func writesOnOtherThreadsWaitTheirTurnInsteadOfTrapping() throws {
        let test = try TestEnvironment()
        let db = try test.env.openDatabase("turns")
        let env = test.env
        try env.write { txn in
            try txn.put("first", for: "k", in: db)
        }
        try onThreads(4) { thread in
            for n in 0..<50 {
                try env.write { txn in try txn.put("\(thread)", for: key(thread * 100 + n), in: db) }
            }
        }
        #expect(try env.read { try $0.statistics(of: db).entries } == 201)
    }
}
