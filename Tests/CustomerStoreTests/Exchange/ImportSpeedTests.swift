@testable import CustomerStore
import Foundation
import Testing

/// A rough speed measurement, run only with `EXCHANGE_SPEED_ROWS=100000` (for example) set.
@Suite struct ImportSpeedTests {
    static let rows = Int(ProcessInfo.processInfo.environment["EXCHANGE_SPEED_ROWS"] ?? "") ?? 0

    @Test(.enabled(if: rows > 0)) func importSpeed() throws {
        let source = try TemporaryStore()
        try source.store.insertMany(CustomerGenerator(seed: 7, codes: true).customers(count: Self.rows))
        let directory = try TemporaryDirectory()
        let file = directory.file("speed.csv")
        var clock = Date()
        try CustomerExporter(store: source.store).export(to: file)
        let exportSeconds = Date().timeIntervalSince(clock)
        for mode in [ImportMode.abort, .skip] {
            let target = try TemporaryStore()
            clock = Date()
            let summary = try CustomerImporter(store: target.store).import(files: [file], mode: mode)
            #expect(summary.imported == Self.rows)
            print("import \(mode) of \(Self.rows) CSV rows: \(String(format: "%.1f", summary.seconds)) s, "
                  + "\(Int(summary.rowsPerSecond)) rows/s; export \(Int(Double(Self.rows) / exportSeconds)) rows/s")
        }
    }
}
