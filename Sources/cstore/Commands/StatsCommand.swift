import ArgumentParser
import CustomerStore
import Foundation
import LMDB

/// `cstore stats`: what the store holds and how full its map is, as LMDB reports it.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show customers, file and map size, entries per database and reader slots.")

    @OptionGroup var store: StoreOptions

    func run() throws {
        let opened = try store.open()
        let environment = opened.environment
        do {
            let info = try environment.info()
            let main = try environment.statistics()
            let pageSize = main.pageSize
            let used = (info.lastPageNumber + 1) * pageSize
            let dataFile = (environment.path as NSString).appendingPathComponent("data.mdb")
            let fileSize = (try? FileManager.default.attributesOfItem(atPath: dataFile)[.size] as? Int) ?? 0
            var lines: [(String, String)] = [
                ("customers", String(try opened.count())),
                ("file size", Self.bytes(fileSize)),
                ("map size", Self.bytes(info.mapSize)),
                ("map used", "\(Self.bytes(used)) (\(Self.percent(used, of: info.mapSize)))"),
                ("page size", String(pageSize)),
                ("last transaction", String(info.lastTransactionID)),
                ("readers", "\(info.readersUsed) of \(info.maxReaders) slots used"),
            ]
            for (name, entries) in try Self.databaseEntries(environment) {
                lines.append(("entries in \(name)", String(entries)))
            }
            let width = lines.map { $0.0.count }.max() ?? 0
            for (label, value) in lines { print(label.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + value) }
        } catch let error as LMDBError {
            throw Failure(.storeError, "storage engine: \(error)")
        }
    }

    /// Each named database of the environment (records, meta, index.*) with its entry count,
    /// read from LMDB's main database so it lists what exists rather than what is expected.
    static func databaseEntries(_ environment: Environment) throws -> [(String, Int)] {
        let main = try environment.openDatabase(nil, kind: Plain.self, create: false)
        let names = try environment.read { txn in
            try txn.entries(in: main).map { String(decoding: $0.key, as: UTF8.self) }
        }
        return try names.map { name in
            let entries: Int
            if let plain = try? environment.openDatabase(name, kind: Plain.self, create: false) {
                entries = try environment.read { txn in try txn.statistics(of: plain).entries }
            } else {
                let postings = try environment.openDatabase(name, kind: FixedDuplicates.self, create: false)
                entries = try environment.read { txn in try txn.statistics(of: postings).entries }
            }
            return (name, entries)
        }
    }

    /// `bytes` in the largest binary unit that keeps it at least 1.
    static func bytes(_ bytes: Int) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024 && unit < units.count - 1 { value /= 1024; unit += 1 }
        return unit == 0 ? "\(bytes) B" : String(format: "%.1f %@", value, units[unit])
    }

    /// `part` as a percentage of `whole` with one decimal.
    static func percent(_ part: Int, of whole: Int) -> String {
        whole == 0 ? "0%" : String(format: "%.1f%%", Double(part) * 100 / Double(whole))
    }
}
