@testable import CustomerStore
import Foundation
import LMDB

/// A store in a fresh temporary directory, removed when the value is released.
final class TemporaryStore {
    let path: String
    let store: CustomerStore

    init(options: CustomerStore.Options = CustomerStore.Options()) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("store-tests-\(UUID().uuidString)").path
        store = try CustomerStore(path: path, options: options)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// The ids posted under `key` in the multi-value or range index of `field`.
    func postings(_ field: String, _ key: [UInt8]) throws -> [UInt64] {
        let index = try requireIndex(field, store)
        guard case .postings(let db) = index.storage else { return [] }
        return try store.environment.read { txn in
            try txn.duplicates(of: key, in: db).compactMap { OrderedKey.readUInt64($0) }
        }
    }

    /// Every entry of every index, as (field, key, id), for comparing whole states.
    func allIndexEntries() throws -> [String] {
        try store.environment.read { txn in
            var entries: [String] = []
            for index in store.databases.indexes {
                for entry in try txn.entries(of: index.storage) {
                    entries.append("\(index.definition.field) \(entry.key) \(OrderedKey.readUInt64(entry.value)!)")
                }
            }
            return entries
        }
    }
}

struct MissingIndex: Error { let field: String }

func requireIndex(_ field: String, _ store: CustomerStore) throws -> OpenIndex {
    guard let index = store.databases.indexes.first(where: { $0.definition.field == field }) else {
        throw MissingIndex(field: field)
    }
    return index
}
