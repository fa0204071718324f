import ArgumentParser
import CustomerStore
import Foundation

/// `cstore demo`: the main job. Builds a store of generated customers and shows what it
/// answers and how fast: lookups by phone in the formats people type, by email and code,
/// filters with their plans, grouped counts.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build a store of generated customers and run a showcase of lookups, filters and counts.")

    @Option(help: "How many customers to generate.") var customers: Int = 200_000
    @Option(help: "The seed of the generated customers.") var seed: UInt64 = 1
    @Option(name: .customLong("db"), help: ArgumentHelp(
        "Where to build the store (default: a new temporary directory); it must not exist yet.", valueName: "path"))
    var path: String?

    func validate() throws {
        guard customers >= 1 else { throw ValidationError("--customers must be at least 1") }
        if let path, FileManager.default.fileExists(atPath: path) {
            throw ValidationError("\(path) exists already; the demo builds a new store")
        }
    }

    func run() throws {
        let location = path ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("cstore-demo-\(ProcessInfo.processInfo.processIdentifier)").path
        let store = try CustomerStore(path: location)
        let generator = CustomerGenerator(seed: seed, codes: true)

        section("Building \(customers.formatted()) generated customers")
        let build = try Timed.once { try store.insertMany(generator.customers(count: customers)) }
        print("\(build.value.formatted()) customers with 22 indexes in \(build.text) (\(Int(Double(build.value) / build.seconds).formatted()) a second)")

        let sample = try require(store.get(id: UInt64(customers / 2 + 1)))
        try lookups(of: sample, in: store)
        try filters(in: store)
        try groups(in: store)

        section("Keep going")
        print("The store is at \(location). Try:")
        print("  cstore query --db \(location) \"name CONTAINS 'van duc' ORDER BY points DESC LIMIT 5\"")
        print("  cstore group --db \(location) province \"tier = 'gold'\"")
    }

    /// The sample customer found by its phone in several spellings, its email and its code.
    private func lookups(of customer: Customer, in store: CustomerStore) throws {
        section("Lookups (each timed over 1,000 calls)")
        let national = customer.phones[0].number.nationalNumber
        let spaced = "0\(national.prefix(3)) \(national.dropFirst(3).prefix(3)) \(national.dropFirst(6))"
        for phone in [spaced, "+84 \(national)", "84\(national)", "(0\(national.prefix(3))) \(national.dropFirst(3))"] {
            try show("phone \(quoted(phone))", Timed.average { try store.get(phone: phone) })
        }
        if let email = customer.emails.first?.address.normalized {
            try show("email \(quoted("  " + email.uppercased()))", Timed.average { try store.get(email: "  " + email.uppercased()) })
        }
        try show("code \(quoted(customer.code.lowercased()))", Timed.average { try store.get(code: customer.code.lowercased()) })
    }

    private func show(_ what: String, _ found: Timed<Customer?>) {
        let result = found.value.map { "\($0.code) \($0.fullName)" } ?? "not found"
        print("\(what) -> \(result)  (\(found.text))")
    }

    /// A few questions a marketer asks, with their plans.
    private func filters(in store: CustomerStore) throws {
        section("Filters")
        let cutoff = CustomerGenerator.defaultNow.addingTimeInterval(-90 * 86_400)
        let day = cutoff.formatted(Date.ISO8601FormatStyle().year().month().day())
        for text in [
            "segment = 'loyal' AND province = 'Hà Nội' AND points > 50000 ORDER BY points DESC LIMIT 5",
            "tier IN ('gold', 'platinum', 'diamond') AND last_purchase < \(day) ORDER BY total_spent DESC LIMIT 5",
            "name PREFIX 'nguyen van' AND birthday BETWEEN 11-01 AND 11-30 LIMIT 5",
        ] {
            let query = try CustomerQuery(parsing: text)
            let found = try Timed.once { try store.query(query) }
            print("\n\(text)  (\(found.value.count) rows in \(found.text))")
            print(CustomerTable(found.value).render(width: Console.width()), terminator: "")
            print(try store.explain(query).description.split(separator: "\n").map { "  | " + $0 }.joined(separator: "\n"))
        }
        let vip = try Timed.average(times: 100) { try store.count(where: QueryField.tags == "vip") }
        print("\ncount tags = 'vip': \(vip.value.formatted())  (\(vip.text))")
    }

    private func groups(in store: CustomerStore) throws {
        for field in [QueryField.segment, .tier] {
            let groups = try Timed.average(times: 100) { try store.groupCount(by: field) }
            section("Customers per \(field) (\(groups.text))")
            print(GroupTable.render(groups.value, of: field), terminator: "")
        }
    }

    private func section(_ title: String) { print("\n== \(title)") }

    private func quoted(_ text: String) -> String { "'\(text)'" }
}

/// A result with the time it took, per call when averaged.
struct Timed<Value> {
    let value: Value
    let seconds: Double

    /// The time, in the unit that reads best.
    var text: String {
        if seconds < 0.001 { return String(format: "%.1f µs", seconds * 1_000_000) }
        if seconds < 1 { return String(format: "%.1f ms", seconds * 1000) }
        return String(format: "%.2f s", seconds)
    }

    static func once(_ body: () throws -> Value) rethrows -> Timed {
        let start = ContinuousClock.now
        let value = try body()
        return Timed(value: value, seconds: (ContinuousClock.now - start).seconds)
    }

    /// `body` run `times` times, with the average time of one run.
    static func average(times: Int = 1000, _ body: () throws -> Value) rethrows -> Timed {
        let start = ContinuousClock.now
        var value = try body()
        for _ in 1..<times { value = try body() }
        return Timed(value: value, seconds: (ContinuousClock.now - start).seconds / Double(times))
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

/// The value, or a failure naming what was missing.
private func require<T>(_ value: T?) throws -> T {
    guard let value else { throw Failure(.storeError, "the demo store lost a customer it had just stored") }
    return value
}
