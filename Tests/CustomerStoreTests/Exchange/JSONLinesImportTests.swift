@testable import CustomerStore
import Foundation
import Testing

@Suite struct JSONLinesImportTests {
    static let lines = #"""
        {"fullName":"An","code":"J1","phones":[{"raw":"0912345678","primary":true}],"createdAt":"2024-01-01T00:00:00.000Z","updatedAt":"2024-02-01T00:00:00.000Z"}

        {"fullName":"Bình","phones":[{"raw":"12"}]}
        {"fullName":"Chi",
        {"code":"J4"}
        {"fullName":"Dũng","gender":"x"}
        {"fullName":"Em","points":"many"}
        {"fullName":"Giang","code":"j1"}
        {"fullName":"  "}
        {"fullName":"Hà","emails":[{"display":"Ha@Shop.vn"}],"attributes":{"kids":{"integer":2}}}
        """#

    @Test func goodAndBadLinesAreNamedByLine() throws {
        let (temporary, summary, _) = try importing(Self.lines, name: "customers.jsonl")
        #expect(summary.aborted && summary.rowsRead == 9 && summary.rejected == 7)
        #expect(try temporary.store.count() == 0)
        let described = summary.problems.map(\.description)
        #expect(described.count == 7)
        #expect(described[0].hasPrefix("customers.jsonl line 3, column phones[0].raw: invalid phone \"12\": "))
        #expect(Array(described.dropFirst()) == [
            "customers.jsonl line 4: is not valid JSON",
            "customers.jsonl line 5, column fullName: is missing",
            "customers.jsonl line 6, column gender: Cannot initialize Gender from invalid String value x",
            "customers.jsonl line 7, column points: has the wrong type (Int64 expected)",
            #"customers.jsonl line 8, column code: "j1" duplicates line 1 (same code)"#,
            "customers.jsonl line 9, column fullName: a customer needs a name",
        ])
    }

    @Test func skipImportsGoodLinesAndRejectsTheBadOnesAsRead() throws {
        let (temporary, summary, directory) = try importing(Self.lines, name: "customers.jsonl", mode: .skip)
        #expect(summary.imported == 2 && summary.rejected == 7)
        let an = try #require(try temporary.store.get(code: "J1"))
        #expect(ExchangeValues.timestamp(an.createdAt) == "2024-01-01T00:00:00.000Z")
        #expect(ExchangeValues.timestamp(an.updatedAt) == "2024-02-01T00:00:00.000Z")
        let ha = try #require(try temporary.store.get(email: "ha@shop.vn"))
        #expect(ha.attributes == ["kids": .integer(2)])
        let rejects = try directory.read("rejects.csv").split(separator: "\n", omittingEmptySubsequences: false)
        #expect(rejects.count == 8)
        #expect(rejects[1] == #"{"fullName":"Chi","#)
    }
}
