import CLMDB
import CustomerStore
import Foundation
import LMDB

/// The update floor, on a private copy of the fixture opened as a ``RawEnvironment``: per
/// update, one write transaction with `mdb_get` of the code, `mdb_put` of the new record and,
/// for each index whose key changes (segment, points, `updated_at`, the ones CustomerStore
/// changes), `mdb_del` of the old entry and `mdb_put` of the new one.
///
/// The new records and keys are computed before measuring (decoding and encoding with
/// CustomerStore's own format), which is exactly what makes it a floor: it writes the same
/// bytes without working them out.
public final class RawLMDBUpdateFloor {
    private struct Version {
        let record: [UInt8]
        let keys: [[UInt8]]   // segment, points, updated_at
    }

    private struct Target {
        let code: String
        let id: UInt64
        let versions: [Version]     // by parity
        var current: [[UInt8]?]     // the keys stored now, per index
    }

    private let environment: RawEnvironment
    private let codes: MDB_dbi
    private let records: MDB_dbi
    private let indexes: [MDB_dbi]
    private var targets: [Target]

    /// Prepares the updates of `sample` in `environment`.
    public init(environment: RawEnvironment, sample: [Customer], now: Date) throws {
        self.environment = environment
        codes = try environment.openDatabase("index.code")
        let records = try environment.openDatabase("records")
        self.records = records
        indexes = try ["index.segment", "index.points", "index.updated_at"].map { name throws(LMDBError) in
            try environment.openDatabase(name)
        }
        let txn = try environment.begin(readOnly: true)
        defer { mdb_txn_abort(txn) }
        targets = try sample.enumerated().map { position, customer in
            var key = idBytes(customer.id)
            var value = MDB_val()
            let stored = try key.withUnsafeMutableBytes { bytes in
                try withValue(UnsafeRawBufferPointer(bytes)) { k in
                    try check(mdb_get(txn, records, &k, &value), "mdb_get records \(customer.id)")
                    return try CustomerRecord.decode(UnsafeRawBufferPointer(start: value.mv_data, count: value.mv_size),
                                                     id: customer.id)
                }
            }
            func keys(_ c: Customer) -> [[UInt8]?] {
                [c.segment.flatMap(IndexKey.folded), IndexKey.integer(c.points), IndexKey.date(c.updatedAt)]
            }
            let versions = (0..<2).map { parity in
                var changed = stored
                changed.segment = UpdatePlan.segment(parity: parity)
                changed.points = UpdatePlan.points(position: position, parity: parity)
                changed.updatedAt = now.addingTimeInterval(Double(parity + 1))
                changed.version += 1
                return Version(record: CustomerRecord.encode(changed), keys: keys(changed).map { $0! })
            }
            return Target(code: customer.code, id: customer.id, versions: versions, current: keys(stored))
        }
    }

    /// Applies the update of parity `parity` to the sample customer at `position`, in one
    /// transaction. Returns whether it found the customer and each old index entry.
    public func update(position: Int, parity: Int) throws -> Bool {
        let target = targets[position]
        let version = target.versions[parity]
        let txn = try environment.begin(readOnly: false)
        var complete = true
        do {
            var code = target.code
            var idValue = MDB_val()
            let found = try code.withUTF8 { bytes in
                try withValue(UnsafeRawBufferPointer(bytes)) { k in
                    let rc = mdb_get(txn, codes, &k, &idValue)
                    if rc == MDB_NOTFOUND { return false }
                    try check(rc, "mdb_get index.code")
                    return readID(idValue) == target.id
                }
            }
            guard found else { mdb_txn_abort(txn); return false }
            var id = idBytes(target.id)
            try id.withUnsafeMutableBytes { idBuffer in
                let idRaw = UnsafeRawBufferPointer(idBuffer)
                try version.record.withUnsafeBytes { record in
                    try withValue(idRaw) { k in
                        try withValue(record) { v in try check(mdb_put(txn, records, &k, &v, 0), "mdb_put records") }
                    }
                }
                for (index, dbi) in indexes.enumerated() {
                    let new = version.keys[index]
                    if let old = target.current[index] {
                        if old == new { continue }
                        try old.withUnsafeBytes { oldKey in
                            try withValue(oldKey) { k in
                                try withValue(idRaw) { v in
                                    let rc = mdb_del(txn, dbi, &k, &v)
                                    if rc == MDB_NOTFOUND { complete = false } else { try check(rc, "mdb_del") }
                                }
                            }
                        }
                    }
                    try new.withUnsafeBytes { newKey in
                        try withValue(newKey) { k in
                            try withValue(idRaw) { v in try check(mdb_put(txn, dbi, &k, &v, 0), "mdb_put") }
                        }
                    }
                }
            }
        } catch {
            mdb_txn_abort(txn)
            throw error
        }
        // Outside the do: a failed commit has already freed the transaction.
        try check(mdb_txn_commit(txn), "mdb_txn_commit")
        targets[position].current = version.keys
        return complete
    }
}

/// The delete floor, on a private copy of the fixture opened as a ``RawEnvironment``: per
/// delete, one write transaction with `mdb_get` of the code and `mdb_del` of the record and
/// every index entry of the customer. The entries come from a ``RawLMDBDump`` of the sample
/// made before measuring, so the floor does not decode the record to find its index keys;
/// CustomerStore has to.
public final class RawLMDBDeleteFloor {
    private let environment: RawEnvironment
    private let dump: RawLMDBDump
    private let dbis: [MDB_dbi]
    private let codes: MDB_dbi
    private let records: MDB_dbi
    private let positions: [UInt64: Int]

    /// Prepares deleting (and putting back) the customers of `dump` in `environment`.
    public init(environment: RawEnvironment, dump: RawLMDBDump) throws {
        self.environment = environment
        self.dump = dump
        dbis = try dump.databases.map { database throws(LMDBError) in try environment.openDatabase(database.name) }
        codes = try environment.openDatabase("index.code")
        records = try environment.openDatabase("records")
        positions = Dictionary(uniqueKeysWithValues: dump.ids.enumerated().map { ($1, $0) })
    }

    /// Whether the customer `id` has a record.
    public func contains(id: UInt64) throws -> Bool {
        let txn = try environment.begin(readOnly: true)
        defer { mdb_txn_abort(txn) }
        var key = idBytes(id)
        var value = MDB_val()
        return try key.withUnsafeMutableBytes { bytes in
            try withValue(UnsafeRawBufferPointer(bytes)) { k in
                let rc = mdb_get(txn, records, &k, &value)
                if rc == MDB_NOTFOUND { return false }
                try check(rc, "mdb_get records")
                return true
            }
        }
    }

    /// Puts every entry of the customer `id` back, in one transaction.
    public func reinsert(id: UInt64) throws {
        guard let position = positions[id] else { preconditionFailure("customer \(id) is not in the dump") }
        let txn = try environment.begin(readOnly: false)
        do {
            try dump.entries.withUnsafeBytes { bytes in
                try RawLMDBDump.forEachPacked(bytes, dump.range(of: position)) { database, key, value in
                    try check(mdb_put(txn, dbis[database], &key, &value, 0), "mdb_put \(dump.databases[database].name)")
                }
            }
        } catch {
            mdb_txn_abort(txn)
            throw error
        }
        try check(mdb_txn_commit(txn), "mdb_txn_commit")
    }

    /// Deletes the customer with `code`, expected to be `id`. Returns whether the code led to
    /// it and every one of its entries was there to delete.
    public func delete(code: String, id: UInt64) throws -> Bool {
        guard let position = positions[id] else { preconditionFailure("customer \(id) is not in the dump") }
        let txn = try environment.begin(readOnly: false)
        var complete = true
        do {
            var code = code
            var idValue = MDB_val()
            let found = try code.withUTF8 { bytes in
                try withValue(UnsafeRawBufferPointer(bytes)) { k in
                    let rc = mdb_get(txn, codes, &k, &idValue)
                    if rc == MDB_NOTFOUND { return false }
                    try check(rc, "mdb_get index.code")
                    return readID(idValue) == id
                }
            }
            guard found else { mdb_txn_abort(txn); return false }
            try dump.entries.withUnsafeBytes { bytes in
                try RawLMDBDump.forEachPacked(bytes, dump.range(of: position)) { database, key, value in
                    // Postings hold many ids under one key: delete just this one.
                    let duplicates = dump.databases[database].flags & UInt32(MDB_DUPSORT) != 0
                    let rc = duplicates ? mdb_del(txn, dbis[database], &key, &value) : mdb_del(txn, dbis[database], &key, nil)
                    if rc == MDB_NOTFOUND { complete = false } else { try check(rc, "mdb_del \(dump.databases[database].name)") }
                }
            }
        } catch {
            mdb_txn_abort(txn)
            throw error
        }
        try check(mdb_txn_commit(txn), "mdb_txn_commit")
        return complete
    }
}
