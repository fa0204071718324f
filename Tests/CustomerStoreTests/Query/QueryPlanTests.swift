@testable import CustomerStore
import Testing

@Suite struct QueryPlanTests {
    let fixture: QueryFixture

    init() throws { fixture = try QueryFixture.get() }

    private func explain(_ text: String) throws -> QueryExplanation {
        try fixture.store.explain(CustomerQuery(parsing: text))
    }

    @Test func phoneEmailAndCodeUseOneUniqueLookup() throws {
        let customer = fixture.customers[41]
        let phone = customer.phones[0].number.nationalNumber
        let email = try #require(fixture.customers.first { !$0.emails.isEmpty }).emails[0].address.normalized
        for (text, lookup) in [
            ("phone = '0\(phone)'", "access: unique lookup phone '\(customer.phones[0].number.e164)'"),
            ("email = ' \(email.uppercased())'", "access: unique lookup email '\(email)'"),
            ("code = '\(customer.code.lowercased())'", "access: unique lookup code '\(customer.code)'"),
        ] {
            let explanation = try explain(text)
            #expect(explanation.operations.first == lookup, "\(text)\n\(explanation)")
            #expect(explanation.steps.first?.actualRows == 1)
            #expect(explanation.operations.contains("filter: none, the indexes answer it exactly"))
        }
    }

    @Test func segmentAndProvinceIntersectPostings() throws {
        let explanation = try explain("segment = 'loyal' AND province = 'Hà Nội'")
        #expect(explanation.operations.first == "access: intersection of sorted postings", "\(explanation)")
        #expect(Set(explanation.steps.filter { $0.depth == 1 }.map(\.operation))
                    == ["posting segment = 'loyal'", "posting province = 'ha noi'"])
        let expected = fixture.customers.filter {
            $0.segment == "loyal" && TextNormalizer.searchFold($0.address.province) == "ha noi"
        }
        #expect(!expected.isEmpty)
        #expect(explanation.steps.last?.actualRows == expected.count)
        #expect(try fixture.store.query("segment = 'loyal' AND province = 'Ha Noi'").map(\.id) == expected.map(\.id))
    }

    @Test func orderByPointsWalksTheIndex() throws {
        let explanation = try explain("ORDER BY points DESC LIMIT 10")
        #expect(explanation.operations.contains("order: ordered walk of index points DESC"), "\(explanation)")
        #expect(explanation.operations.first == "access: every customer, in the order of index points DESC")
        let expected = fixture.customers.sorted { ($0.points, $1.id) > ($1.points, $0.id) }.prefix(10)
        #expect(try fixture.store.query("ORDER BY points DESC LIMIT 10").map(\.id) == expected.map(\.id))
        // The walk stops once ten rows are out.
        #expect(try #require(explanation.steps.first?.actualRows) == 10)
    }

    @Test func onlyWhatThePostingsDoNotAnswerIsCheckedOnRecords() throws {
        let text = "segment = 'loyal' AND province = 'Hà Nội' AND (MISSING owner OR NOT (points > 20000))"
        let explanation = try explain(text)
        #expect(explanation.operations.first == "access: intersection of sorted postings", "\(explanation)")
        #expect(explanation.operations.contains("filter: MISSING owner OR NOT points > 20000 on each record read"))
        let expected = fixture.customers.filter {
            $0.segment == "loyal" && TextNormalizer.searchFold($0.address.province) == "ha noi"
                && ($0.owner == nil || $0.points <= 20_000)
        }
        #expect(!expected.isEmpty)
        #expect(try fixture.store.query(text).map(\.id) == expected.map(\.id))
    }

    @Test func aLongPostingIsProbedPerCandidate() throws {
        let text = "birthday = 03-15 AND gender = 'female'"
        let explanation = try explain(text)
        #expect(explanation.operations.contains("posting gender = 'female', probed per candidate"), "\(explanation)")
        let expected = fixture.customers.filter {
            $0.birthDate?.month == 3 && $0.birthDate?.day == 15 && $0.gender == .female
        }
        #expect(!expected.isEmpty)
        #expect(try fixture.store.query(text).map(\.id) == expected.map(\.id))
        #expect(try fixture.store.count(where: CustomerQuery(parsing: text).filter) == expected.count)
    }

    @Test func rangesWalkTheIndexRange() throws {
        let explanation = try explain("points > 150000")
        #expect(explanation.operations.first == "access: index range points > 150000", "\(explanation)")
        let expected = fixture.customers.filter { $0.points > 150_000 }
        #expect(try fixture.store.query("points > 150000").map(\.id) == expected.map(\.id))
    }

    @Test func orOfIndexedBranchesIsAUnion() throws {
        let explanation = try explain("tier = 'diamond' OR tags = 'vip'")
        #expect(explanation.operations.first == "access: union of sorted postings", "\(explanation)")
        #expect(explanation.operations.contains("filter: none, the indexes answer it exactly"))
    }

    @Test func unindexedFiltersScanAndSayWhy() throws {
        let explanation = try explain("attr.visits > 3 OR NOT (points > 10)")
        #expect(explanation.operations.first == "access: full scan of records")
        #expect(explanation.operations.contains("filter: attr.visits > 3 OR NOT points > 10 on each record read"))
        #expect(explanation.steps.first?.actualRows == QueryFixture.customerCount)
    }

    @Test func nameSearchUsesTokenPostings() throws {
        let explanation = try explain("name CONTAINS 'van d'")
        #expect(explanation.operations.first == "access: intersection of sorted postings", "\(explanation)")
        #expect(Set(explanation.steps.filter { $0.depth == 1 }.map(\.operation))
                    == ["posting name token prefix 'van'", "posting name token prefix 'd'"])
    }

    @Test func explainWithoutExecutingHasOnlyEstimates() throws {
        let explanation = try fixture.store.explain(CustomerQuery(parsing: "segment = 'loyal'"), execute: false)
        #expect(explanation.steps.allSatisfy { $0.actualRows == nil })
        #expect(explanation.steps.first?.estimatedRows == fixture.customers.filter { $0.segment == "loyal" }.count)
    }
}
