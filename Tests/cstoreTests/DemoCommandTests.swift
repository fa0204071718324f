import Foundation
import Testing

@Suite("cstore demo")
struct DemoCommandTests {
    @Test func buildsAStoreShowsTheShowcaseAndLeavesTheStoreToQuery() throws {
        let scratch = try Scratch()
        let result = try runCStore(["demo", "--customers", "1500", "--db", scratch.db])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("1,500 customers with 22 indexes in ") })
        // Every spelling of the sample's phone, its email and its code find the same customer.
        let lookups = lines.filter { $0.hasPrefix("phone '") || $0.hasPrefix("email '") || $0.hasPrefix("code '") }
        #expect(lookups.count == 6)
        let found = Set(lookups.compactMap { $0.split(separator: " -> ").last?.split(separator: " ").first })
        #expect(found == ["KH00000751"], "\(lookups)")
        #expect(result.stdout.contains("  | access: intersection of sorted postings"))
        #expect(result.stdout.contains("== Customers per segment"))
        #expect(lines.contains("The store is at \(scratch.db). Try:"))
        #expect(try runCStore(["count", "--db", scratch.db]).stdout == "1500\n")
    }

    @Test func refusesToOverwriteAnExistingPath() throws {
        let scratch = try Scratch()
        let result = try runCStore(["demo", "--customers", "10", "--db", scratch.directory.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("exists already; the demo builds a new store"))
    }
}
