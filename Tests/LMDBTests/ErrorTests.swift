import Foundation
import LMDB
import Testing

@Suite("Errors carry their code, operation and message")
struct ErrorTests {
    @Test func noOverwritePutThrowsKeyExists() throws {
        let test = try TestEnvironment()
        let db = try test.env.openDatabase("unique")
        try test.env.write { txn in try txn.put("1", for: "code", in: db) }
        let error = try #require(throws: LMDBError.self) {
            try test.env.write { txn in try txn.put("2", for: "code", in: db, flags: .noOverwrite) }
        }
        #expect(error == .keyExists)
        #expect(error.operation == "mdb_put")
        #expect(error.description == "mdb_put: MDB_KEYEXIST: Key/data pair already exists")
        #expect(try test.env.read { try $0.getString("code", in: db) } == "1")
    }

    @Test func noDuplicateDataThrowsKeyExists() throws {
        let test = try TestEnvironment()
        let db = try test.env.openDatabase("tags", kind: Duplicates.self)
        try test.env.write { txn in try txn.put("vip", for: "KH1", in: db) }
        #expect(throws: LMDBError.keyExists) {
            try test.env.write { txn in try txn.put("vip", for: "KH1", in: db, flags: .noDuplicateData) }
        }
    }

    @Test func oversizedAndEmptyKeysThrowBadValueSize() throws {
        let test = try TestEnvironment()
        let db = try test.env.openDatabase("keys")
        #expect(test.env.maxKeySize == 511)
        let tooLong = [UInt8](repeating: 65, count: test.env.maxKeySize + 1)
        let error = try #require(throws: LMDBError.self) {
            try test.env.write { txn in try txn.put("v", for: tooLong, in: db) }
        }
        #expect(error == .badValueSize)
        #expect(error.message.contains("MDB_BAD_VALSIZE"))
        #expect(throws: LMDBError.badValueSize) {
            try test.env.write { txn in try txn.put("v", for: [UInt8](), in: db) }
        }
        // The longest allowed key works.
        let longest = [UInt8](repeating: 65, count: test.env.maxKeySize)
        try test.env.write { txn in try txn.put("v", for: longest, in: db) }
        #expect(try test.env.read { try $0.getString(longest, in: db) } == "v")
    }

    @Test func openingWithTheWrongKindThrowsIncompatible() throws {
        let test = try TestEnvironment()
        _ = try test.env.openDatabase("segment", kind: FixedDuplicates.self)
        let error = try #require(throws: LMDBError.self) {
            _ = try test.env.openDatabase("segment", kind: Plain.self)
        }
        #expect(error == .incompatible)
        #expect(error.detail == "segment was created as DUPSORT|DUPFIXED, not plain")
        #expect(throws: LMDBError.incompatible) {
            _ = try test.env.openDatabase("segment", kind: Duplicates.self)
        }
        _ = try test.env.openDatabase("segment", kind: FixedDuplicates.self)  // the right kind opens
    }

    @Test func tooManyDatabasesThrowsDatabasesFull() throws {
        let test = try TestEnvironment { $0.maxDatabases = 2 }
        _ = try test.env.openDatabase("one")
        _ = try test.env.openDatabase("two")
        #expect(throws: LMDBError.databasesFull) { _ = try test.env.openDatabase("three") }
    }

    @Test func readOnlyEnvironmentsRefuseWrites() throws {
        let directory = try TemporaryDirectory()
        let path = directory.subpath("env")
        do {  // LMDB allows one open per environment per process: close the writer first.
            let writer = try Environment(path: path)
            let db = try writer.openDatabase("data")
            try writer.write { txn in try txn.put("v", for: "k", in: db) }
        }
        var options = Environment.Options()
        options.readOnly = true
        let reader = try Environment(path: path, options: options)
        let readerDB = try reader.openDatabase("data")
        #expect(try reader.read { try $0.getString("k", in: readerDB) } == "v")
        #expect(throws: LMDBError.permissionDenied) {
            try reader.write { txn in try txn.put("w", for: "k", in: readerDB) }
        }
    }

    @Test func missingAndForeignFilesAreReported() throws {
        let directory = try TemporaryDirectory()
        var options = Environment.Options()
        options.readOnly = true
        let missing = try #require(throws: LMDBError.self) {
            _ = try Environment(path: directory.subpath("absent"), options: options)
        }
        #expect(missing == .noSuchFile)
        #expect(missing.detail == directory.subpath("absent"))

        let foreign = directory.subpath("foreign")
        try FileManager.default.createDirectory(atPath: foreign, withIntermediateDirectories: true)
        try Data(repeating: 0x5A, count: 16_384).write(to: URL(fileURLWithPath: foreign + "/data.mdb"))
        #expect(throws: LMDBError.invalid) { _ = try Environment(path: foreign) }
    }

    @Test func filesAreOwnerOnlyByDefault() throws {
        let test = try TestEnvironment()
        let attributes = try FileManager.default.attributesOfItem(atPath: test.env.path + "/data.mdb")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test func errorsMatchByCodeInCatchClauses() throws {
        let error: any Error = LMDBError(code: LMDBError.mapFull.code, operation: "mdb_put")
        var matched = false
        do { throw error } catch LMDBError.mapFull { matched = true } catch {}
        #expect(matched)
        #expect(!(LMDBError.keyExists ~= error))
    }
}
