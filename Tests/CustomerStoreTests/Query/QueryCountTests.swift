@testable import CustomerStore
import Testing

@Suite struct QueryCountTests {
    let fixture: QueryFixture

    init() throws { fixture = try QueryFixture.get() }

    @Test(arguments: [
        "segment = 'loyal'",
        "segment = 'loyal' AND province = 'Hà Nội'",
        "tags IN ('vip', 'wholesale')",
        "tier = 'gold' OR lifecycle = 'loyal'",
        "points BETWEEN 1000 AND 50000",
        "tier >= 'gold'",
        "last_purchase >= 2025-01-01",
        "name CONTAINS 'nguyen th'",
        "HAS owner",
        "birthday BETWEEN 03-01 AND 03-31",
        "code PREFIX 'kh0000012'",
    ])
    func countsFromPostingsEqualCountedResults(text: String) throws {
        let query = try CustomerQuery(parsing: text)
        let counted = try fixture.store.query(query).count
        let fromPostings = try fixture.store.countFromPostings(where: query.filter)
        #expect(fromPostings == counted, "\(text)")
        #expect(try fixture.store.count(where: query.filter) == counted)
        #expect(counted > 0, "\(text) should match some customers")
    }

    @Test(arguments: ["NOT (points > 10)", "name PREFIX 'tran thi'", "attr.visits > 1", "segment != 'loyal'"])
    func countsThatNeedRecordsStillAreRight(text: String) throws {
        let query = try CustomerQuery(parsing: text)
        #expect(try fixture.store.countFromPostings(where: query.filter) == nil)
        #expect(try fixture.store.count(where: query.filter) == fixture.store.query(query).count)
    }

    @Test func countOfEverything() throws {
        #expect(try fixture.store.count(where: nil) == QueryFixture.customerCount)
    }

    @Test(arguments: [QueryField.segment, .tier, .province, .lifecycle, .owner, .gender])
    func groupedCountsSumToTheTotal(field: QueryField) throws {
        for filter in [nil, QueryField.points > 1000, QueryField.name.contains("thi")] as [CustomerPredicate?] {
            let groups = try fixture.store.groupCount(by: field, where: filter)
            let total = try fixture.store.count(where: filter)
            #expect(groups.reduce(0) { $0 + $1.count } == total, "\(field) \(String(describing: filter))")
            #expect(groups.map(\.count) == groups.map(\.count).sorted(by: >))
            // Each group's count is the count of its value.
            for group in groups.prefix(3) {
                let matchGroup: CustomerPredicate = group.value.map { field == .string($0) } ?? field.isMissing
                let both = filter.map { $0 && matchGroup } ?? matchGroup
                #expect(try fixture.store.count(where: both) == group.count, "\(field) \(group)")
            }
        }
    }

    @Test func tagGroupsCountEachTagOnce() throws {
        let groups = try fixture.store.groupCount(by: .tags)
        let tagged = fixture.customers.reduce(0) { $0 + $1.tags.count }
        let untagged = fixture.customers.filter(\.tags.isEmpty).count
        #expect(groups.filter { $0.value != nil }.reduce(0) { $0 + $1.count } == tagged)
        #expect(groups.first { $0.value == nil }?.count == untagged)
    }

    @Test func groupsShowValuesAsCustomersWriteThem() throws {
        let provinces = try fixture.store.groupCount(by: .province).compactMap(\.value)
        #expect(provinces.contains("Hà Nội"))
        #expect(try fixture.store.groupCount(by: .gender).compactMap(\.value).sorted() == ["female", "male"])
    }

    @Test func groupingAnUnsupportedFieldSaysWhich() throws {
        #expect(throws: QueryError.unsupported(field: "points", reason: "grouping applies to segment, tier, province, tags, lifecycle, owner, gender")) {
            try fixture.store.groupCount(by: .points)
        }
    }
}
