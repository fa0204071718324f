@testable import CustomerStore
import Foundation
import Testing

@Suite("Index keys and diffs")
struct IndexKeyTests {
    static func sample() throws -> Customer {
        var address = Address()
        address.province = "Hà Nội"
        return Customer(
            fullName: "Nguyễn Văn Đức",
            code: " kh000123 ",
            gender: .male,
            birthDate: CalendarDate(year: 1990, month: 11, day: 23),
            phones: [try ContactPhone(parsing: "0912 345 678", isPrimary: true), try ContactPhone(parsing: "(028) 3822 1234")],
            emails: [try ContactEmail(parsing: " Duc.Nguyen+shop@Example.VN ")],
            address: address,
            segment: "Loyal",
            tags: ["VIP", "vip", "Khách sỉ"],
            tier: .gold,
            lifecycle: .repeat,
            preferredChannel: .zalo,
            owner: "Trần Thị Bình",
            sources: [SourceReference(system: "pos", externalID: "A-17")],
            points: -250,
            totalSpent: 12_500_000,
            orderCount: 7,
            lastPurchaseAt: Date(timeIntervalSince1970: 1_700_000_000.9999),
            createdAt: Date(timeIntervalSince1970: 1_600_000_000),
            updatedAt: Date(timeIntervalSince1970: 1_700_000_001)
        )
    }

    func keys(_ field: String, _ customer: Customer) throws -> [String] {
        let index = try #require(CustomerIndexes.all.first { $0.field == field })
        return index.keys(customer).map { String(decoding: $0, as: UTF8.self) }
    }

    func bytes(_ field: String, _ customer: Customer) throws -> [[UInt8]] {
        try #require(CustomerIndexes.all.first { $0.field == field }).keys(customer)
    }

    @Test func uniqueKeysAreNormalised() throws {
        let customer = try Self.sample()
        #expect(try keys("code", customer) == ["KH000123"])
        #expect(try keys("phone", customer) == ["+842838221234", "+84912345678"])
        #expect(try keys("email", customer) == ["duc.nguyen+shop@example.vn"])
        #expect(try bytes("source", customer) == [Array("pos".utf8) + [0] + Array("A-17".utf8)])
        #expect(IndexKey.code("   ") == nil)
        // Pasted codes carry invisible characters at their ends: a BOM, a zero-width space.
        #expect(IndexKey.code("\u{FEFF}kh000123\u{200B}\u{00A0}\n") == Array("KH000123".utf8))
        #expect(IndexKey.code("\u{200B}\t") == nil)
    }

    @Test func classificationKeysAreFoldedAndDeduplicated() throws {
        let customer = try Self.sample()
        #expect(try keys("segment", customer) == ["loyal"])
        #expect(try keys("tags", customer) == ["khach si", "vip"])
        #expect(try keys("province", customer) == ["ha noi"])
        #expect(try keys("owner", customer) == ["tran thi binh"])
        #expect(try keys("name", customer) == ["duc", "nguyen", "van"])
        #expect(try keys("tier", customer) == ["gold"])
        #expect(try keys("lifecycle", customer) == ["repeat"])
        #expect(try keys("gender", customer) == ["male"])
        #expect(try keys("channel", customer) == ["zalo"])
        #expect(try bytes("restricted", customer) == [[0]])
        var blank = Customer(fullName: "  ")
        blank.segment = " "
        #expect(try keys("segment", blank) == [], "a value that folds to nothing has no key")
        #expect(try keys("name", blank) == [])
    }

    @Test func rangeKeysSortAsTheirValues() throws {
        let customer = try Self.sample()
        #expect(try bytes("points", customer) == [IndexKey.integer(-250)])
        #expect(IndexKey.integer(-250).lexicographicallyPrecedes(IndexKey.integer(0)))
        #expect(IndexKey.integer(0).lexicographicallyPrecedes(IndexKey.integer(50_000)))
        #expect(try bytes("last_purchase", customer) == [IndexKey.integer(1_700_000_000_999)])
        let earlier = IndexKey.date(Date(timeIntervalSince1970: -86_400.5))
        #expect(earlier == IndexKey.integer(-86_400_500))
        #expect(earlier.lexicographicallyPrecedes(IndexKey.date(Date(timeIntervalSince1970: 0))))
        #expect(try bytes("birthday", customer) == [[11, 23]])
        #expect(try bytes("last_interaction", customer) == [], "absent dates have no key")
        #expect(IndexKey.id(258) == [0, 0, 0, 0, 0, 0, 1, 2])
    }

    @Test func everyFieldHasOneIndexWithADistinctName() {
        let names = CustomerIndexes.all.map(\.field)
        #expect(Set(names).count == names.count)
        #expect(names.count == 22)
    }

    @Test func diffsTouchOnlyWhatChanged() throws {
        let old = try Self.sample()
        var new = old
        new.points = 900
        new.tags = ["VIP", "Mới"]
        let points = IndexDiff(try #require(CustomerIndexes.range.first { $0.field == "points" }), old: old, new: new)
        #expect(points.removed == [IndexKey.integer(-250)])
        #expect(points.added == [IndexKey.integer(900)])
        let tags = IndexDiff(try #require(CustomerIndexes.multiValue.first { $0.field == "tags" }), old: old, new: new)
        #expect(tags.removed == [Array("khach si".utf8)])
        #expect(tags.added == [Array("moi".utf8)])
        let unchanged = CustomerIndexes.all.filter { !["points", "tags"].contains($0.field) }
        #expect(unchanged.allSatisfy { IndexDiff($0, old: old, new: new).isEmpty })
    }

    @Test func insertsAddEveryKeyAndDeletesRemoveEveryKey() throws {
        let customer = try Self.sample()
        for index in CustomerIndexes.all {
            let insert = IndexDiff(index, old: nil, new: customer)
            let delete = IndexDiff(index, old: customer, new: nil)
            #expect(insert.removed.isEmpty && insert.added == index.keys(customer), "\(index.field)")
            #expect(delete.added.isEmpty && delete.removed == index.keys(customer), "\(index.field)")
        }
    }
}
