@testable import CustomerStore
import Foundation

/// A fresh temporary directory for import and export files, removed when released.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("exchange-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `text` (UTF-8, optionally after a BOM) to `name` and returns its URL.
    @discardableResult
    func write(_ name: String, _ text: String, bom: Bool = false) throws -> URL {
        let file = url.appendingPathComponent(name)
        try ((bom ? Data([0xEF, 0xBB, 0xBF]) : Data()) + Data(text.utf8)).write(to: file)
        return file
    }

    func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    func read(_ name: String) throws -> String { try String(contentsOf: file(name), encoding: .utf8) }
}

/// Imports `text` as `name` into a fresh store and returns both.
func importing(
    _ text: String, name: String = "customers.csv", mode: ImportMode = .abort, bom: Bool = false
) throws -> (TemporaryStore, ImportSummary, TemporaryDirectory) {
    let directory = try TemporaryDirectory()
    let url = try directory.write(name, text, bom: bom)
    let temporary = try TemporaryStore()
    let summary = try CustomerImporter(store: temporary.store).import(
        files: [url], mode: mode, rejects: directory.file("rejects.csv"))
    return (temporary, summary, directory)
}

/// Every customer of `store` in id order.
func allCustomers(_ store: CustomerStore) throws -> [Customer] {
    try store.query(CustomerQuery())
}
