import Foundation
import Testing

@Suite("cstore backup")
struct BackupCommandTests {
    @Test(arguments: [false, true])
    func aBackupHoldsTheSameCustomers(compact: Bool) throws {
        let scratch = try Scratch()
        try scratch.seeded(200)
        // Deletes leave free pages, which a compacting copy leaves out.
        let codes = (1...100).map { String(format: "KH%08d", $0) }
        #expect(try scratch.run(["delete"] + codes).status == 0)
        let destination = scratch.directory.appendingPathComponent("copy").path
        let result = try scratch.run(["backup", destination] + (compact ? ["--compact"] : []))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("backup of 100 customers at \(destination): "))
        #expect(try runCStore(["count", "--db", destination]).stdout == "100\n")
        #expect(try runCStore(["verify", "--db", destination]).status == 0)
        let original = try scratch.run(["export"]).stdout
        #expect(try runCStore(["export", "--db", destination]).stdout == original)
        let size = { (path: String) in
            try FileManager.default.attributesOfItem(atPath: path + "/data.mdb")[.size] as? Int ?? 0
        }
        if compact { #expect(try size(destination) < size(scratch.db)) }
    }

    @Test func anExistingStoreIsNotOverwritten() throws {
        let scratch = try Scratch()
        try scratch.seeded(5)
        let result = try scratch.run(["backup", scratch.db])
        #expect(result.status == 2)
        #expect(result.stderr.contains("already holds a store; choose a new directory"))
    }
}
