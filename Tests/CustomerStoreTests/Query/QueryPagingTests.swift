@testable import CustomerStore
import Foundation
import Testing

@Suite struct QueryPagingTests {
    static let queries = [
        "",
        "segment = 'loyal'",
        "ORDER BY points DESC",
        "tier IN ('gold', 'diamond') ORDER BY last_purchase DESC, name",
        "province = 'Hà Nội' ORDER BY segment, points DESC",
        "points > 1000 ORDER BY birthday",
        "NOT (tags = 'vip') ORDER BY tier DESC LIMIT 40",
        "name CONTAINS 'thi' ORDER BY id DESC LIMIT 23",
    ]

    /// Every page of `query` concatenated.
    private func allPages(_ query: CustomerQuery, in store: CustomerStore, size: Int,
                          between: (Int) throws -> Void = { _ in }) throws -> [UInt64] {
        var ids: [UInt64] = []
        var token: PageToken?
        var pages = 0
        repeat {
            let page = try store.page(query, size: size, after: token)
            #expect(page.customers.count <= size)
            #expect(page.next == nil || page.customers.count == size)
            ids += page.customers.map(\.id)
            token = page.next
            pages += 1
            try between(pages)
        } while token != nil
        return ids
    }

    @Test(arguments: queries)
    func pagesOfSevenEqualTheWholeResult(text: String) throws {
        let store = try QueryFixture.get().store
        let query = try CustomerQuery(parsing: text)
        let whole = try store.query(query).map(\.id)
        let paged = try allPages(query, in: store, size: 7)
        #expect(paged == whole)
        #expect(Set(paged).count == paged.count)
    }

    @Test(arguments: queries)
    func writesOutsideTheResultBetweenPagesChangeNothing(text: String) throws {
        let temporary = try TemporaryStore()
        let store = temporary.store
        let generator = CustomerGenerator(seed: 5, codes: true)
        _ = try store.insertMany(generator.customers(count: 400))
        let query = try CustomerQuery(parsing: text)
        let whole = try store.query(query)
        let wholeIDs = Set(whole.map(\.id))
        let outside = try store.query(CustomerQuery()).filter { !wholeIDs.contains($0.id) }.map(\.id)
        var next = 400
        let paged = try allPages(query, in: store, size: 7) { page in
            // A new customer the query does not match (one that does is removed again), and
            // an edit of a customer outside the result.
            var extra = generator.customer(at: next)
            next += 1
            extra.attributes["outside"] = .bool(true)
            let inserted = try store.insert(extra)
            if try CompiledQuery(query).matches(inserted) { try store.delete(id: inserted.id) }
            if page - 1 < outside.count {
                _ = try store.update(id: outside[page - 1]) { $0.attributes["touched"] = .integer(Int64(page)) }
            }
        }
        #expect(paged == whole.map(\.id), "\(text)")
    }

    @Test func aLimitSpansPages() throws {
        let store = try QueryFixture.get().store
        let query = try CustomerQuery(parsing: "ORDER BY total_spent DESC LIMIT 30")
        let first = try store.page(query, size: 20)
        let second = try store.page(query, size: 20, after: first.next)
        #expect(first.customers.count == 20)
        #expect(second.customers.count == 10)
        #expect(second.next == nil)
        #expect((first.customers + second.customers).map(\.id) == (try store.query(query)).map(\.id))
    }

    @Test func aTokenOnlyResumesItsOwnQuery() throws {
        let store = try QueryFixture.get().store
        let page = try store.page(CustomerQuery(parsing: "ORDER BY points"), size: 5)
        let token = try #require(page.next)
        #expect(throws: QueryError.invalidPageToken("it belongs to another query")) {
            try store.page(CustomerQuery(parsing: "ORDER BY points DESC"), size: 5, after: token)
        }
        #expect(throws: QueryError.invalidPageToken("not a page token")) {
            try store.page(CustomerQuery(parsing: "ORDER BY points"), size: 5, after: PageToken("%%%"))
        }
    }
}
