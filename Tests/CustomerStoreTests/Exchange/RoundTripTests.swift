@testable import CustomerStore
import Foundation
import Testing

@Suite struct RoundTripTests {
    /// 500 generated customers, every tenth with attributes of each kind.
    static func sourceStore() throws -> TemporaryStore {
        let temporary = try TemporaryStore()
        let customers = CustomerGenerator(seed: 42, codes: true).customers(count: 500).enumerated().map { index, customer in
            var customer = customer
            if index % 10 == 0 {
                customer.attributes = ["store": .string("Quận \(index % 7)"), "kids": .integer(Int64(index % 4)),
                                       "vip": .bool(index % 20 == 0), "score": .decimal(1.5),
                                       "since": .date(Date(timeIntervalSince1970: 1_600_000_000.25))]
            }
            if index % 25 == 0 { customer.attributes["Sở thích"] = .string("đọc, \"sách\"\nvà nhạc") }
            return customer
        }
        try temporary.store.insertMany(customers)
        return temporary
    }

    @Test(arguments: ["export.csv", "export.jsonl"])
    func exportImportExportIsByteIdentical(name: String) throws {
        let source = try Self.sourceStore()
        let directory = try TemporaryDirectory()
        let first = directory.file("first-" + name)
        #expect(try CustomerExporter(store: source.store).export(to: first) == 500)

        let target = try TemporaryStore()
        let summary = try CustomerImporter(store: target.store).import(files: [first], batchSize: 128)
        #expect(summary.problems.isEmpty, "\(summary.problems.prefix(3))")
        #expect(summary.imported == 500)

        let second = directory.file("second-" + name)
        try CustomerExporter(store: target.store).export(to: second)
        let a = try Data(contentsOf: first), b = try Data(contentsOf: second)
        #expect(a == b)
        if a != b {
            let la = String(decoding: a, as: UTF8.self).split(separator: "\n"), lb = String(decoding: b, as: UTF8.self).split(separator: "\n")
            if let i = zip(la, lb).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
                Issue.record("first difference on line \(i + 1):\n\(la[i])\n\(lb[i])")
            }
        }

        let original = try #require(try source.store.get(code: "KH00000001") ?? allCustomers(source.store).first)
        let copy = try #require(try target.store.get(code: original.code))
        #expect(copy.fullName == original.fullName && copy.phones.map(\.number) == original.phones.map(\.number))
        #expect(ExchangeValues.timestamp(copy.createdAt) == ExchangeValues.timestamp(original.createdAt))
        #expect(ExchangeValues.timestamp(copy.updatedAt) == ExchangeValues.timestamp(original.updatedAt))
    }

    @Test func csvExportHasTheCanonicalHeaderAndAttributeColumns() throws {
        let source = try Self.sourceStore()
        let directory = try TemporaryDirectory()
        try CustomerExporter(store: source.store).export(to: directory.file("a.csv"))
        let header = try directory.read("a.csv").prefix { $0 != "\n" }
        #expect(header == "code,full_name,phones,emails,gender,birth_date,province,address,segment,tier,tags,points,"
            + "total_spent,order_count,last_purchase,last_interaction,created_at,updated_at,owner,channel,lifecycle,"
            + "street,ward,country,occupation,job_title,education,marital_status,income_band,restricted,sources,"
            + "attr.Sở thích,attr.kids,attr.score,attr.since,attr.store,attr.vip")
    }

    @Test func exportFollowsAQuery() throws {
        let source = try Self.sourceStore()
        let directory = try TemporaryDirectory()
        let expected = try source.store.query(CustomerQuery(parsing: "tier = 'gold'")).count
        let written = try CustomerExporter(store: source.store).export(
            to: directory.file("gold.jsonl"), query: CustomerQuery(parsing: "tier = 'gold'"))
        #expect(written == expected && written > 0)
        #expect(try directory.read("gold.jsonl").split(separator: "\n").count == expected)
    }
}
