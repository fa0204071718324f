@testable import CustomerStore
import CSV
import Foundation
import Testing

@Suite struct ImportProblemTests {
    static let badRows = #"""
        code,name,phone,email,gender,birth_date,tier,points,last_purchase,lifecycle,channel
        A1,An,0912345678,an@shop.vn,male,1990-05-17,gold,10,2025-01-01,customer,zalo
        A2,Bình,12,,,,,,,,
        A3,Chi,,chi@,,,,,,,
        A4,,0912000001,,,,,,,,
        A5,Dũng,,,,,,1.5,,,
        A6,Em,,,,31/02/1990,,,,,
        A7,Giang,,,,,,,last week,,
        A8,Hà,,,x,,,,,,
        A9,Khoa,,,,,bronze,,,,
        A10,Lan,,,,,,,,champion,
        A11,Minh,,,,,,,,,fax
        A12,Nam,0912 345 678,,,,,,,,
        a1,Oanh,,,,,,,,,
        A13,Phúc,,AN@shop.vn,,,,,,,
        A14,Quân,0987654321,,,,,,,,
        A15,Sơn,too,many,fields,,,,,,,,
        """#

    static let expected = [
        #"customers.csv line 3, column phone: "12" is not a phone number (PHONE)"#,
        #"customers.csv line 4, column email: "chi@" is not an email address (EMAIL)"#,
        #"customers.csv line 5, column name: a customer needs a name"#,
        #"customers.csv line 6, column points: "1.5" is not a whole number"#,
        #"customers.csv line 7, column birth_date: "31/02/1990" is not a date (YYYY-MM-DD or DD/MM/YYYY)"#,
        #"customers.csv line 8, column last_purchase: "last week" is not a date and time (ISO 8601, YYYY-MM-DD or DD/MM/YYYY)"#,
        #"customers.csv line 9, column gender: "x" is not a gender (male, female, other, unknown, nam, nữ, khác)"#,
        #"customers.csv line 10, column tier: "bronze" is not a tier (member, silver, gold, platinum, diamond)"#,
        #"customers.csv line 11, column lifecycle: "champion" is not a lifecycle stage (lead, prospect, customer, repeat, loyal)"#,
        #"customers.csv line 12, column channel: "fax" is not a channel (phone, sms, zalo, email, facebook, store)"#,
        #"customers.csv line 13, column phone: "0912 345 678" duplicates line 2 (same phone)"#,
        #"customers.csv line 14, column code: "a1" duplicates line 2 (same code)"#,
        #"customers.csv line 15, column email: "AN@shop.vn" duplicates line 2 (same email)"#,
        #"customers.csv line 17: has 13 fields, the header has 11"#,
    ]

    @Test func everyBadRowIsNamedAndAbortImportsNothing() throws {
        let (temporary, summary, _) = try importing(Self.badRows)
        #expect(summary.aborted && summary.imported == 0 && summary.rowsRead == 16)
        #expect(summary.rejected == Self.expected.count)
        let actual = summary.problems.map(\.description)
        #expect(actual.count == Self.expected.count)
        for (got, want) in zip(actual, Self.expected) {
            #expect(Self.matches(got, want), "\(got)")
        }
        #expect(try temporary.store.count() == 0)
    }

    @Test func problemsHoldTheirParts() throws {
        let (_, summary, _) = try importing(Self.badRows)
        let first = try #require(summary.problems.first)
        #expect(first.file == "customers.csv" && first.line == 3 && first.column == "phone" && first.value == "12")
        #expect(first.reason.hasPrefix("is not a phone number ("))
    }

    @Test func skipImportsTheGoodRowsAndWritesRejectsThatParseBack() throws {
        let (temporary, summary, directory) = try importing(Self.badRows, mode: .skip)
        #expect(!summary.aborted && summary.imported == 2 && summary.rejected == Self.expected.count)
        #expect(try temporary.store.count() == 2)
        #expect(try temporary.store.get(code: "A14")?.phones.first?.number.e164 == "+84987654321")

        let reader = try CSVReader(string: try directory.read("rejects.csv"), hasHeaderRow: true)
        let header = try #require(reader.headerRow)
        #expect(header == ["code", "name", "phone", "email", "gender", "birth_date", "tier", "points",
                           "last_purchase", "lifecycle", "channel", "line", "reason"])
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        #expect(rows.count == Self.expected.count)
        #expect(rows.first == ["A2", "Bình", "12", "", "", "", "", "", "", "", "", "3", summary.problems[0].description])
        #expect(rows.map { $0[$0.count - 2] } == ["3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "17"])

        // Fixed and imported again: `line` and `reason` are ignored.
        let fixed = try directory.write("fixed.csv", """
            code,name,phone,line,reason
            A2,Bình,0912000002,3,bad phone

            """)
        let again = try CustomerImporter(store: temporary.store).import(files: [fixed])
        #expect(again.imported == 1)
        #expect(try temporary.store.get(code: "A2")?.attributes == [:])
    }

    @Test func duplicatesOfStoredCustomersAreBadRows() throws {
        let temporary = try TemporaryStore()
        try temporary.store.insert(Customer(fullName: "Old", code: "KH9",
                                            phones: [try ContactPhone(parsing: "0912345678", isPrimary: true)],
                                            emails: [try ContactEmail(parsing: "old@shop.vn", isPrimary: true)]))
        let directory = try TemporaryDirectory()
        let url = try directory.write("new.csv", """
            code,name,phone,email
            kh9,A,,
            ,B,+84 912 345 678,
            ,C,,OLD@shop.vn
            ,D,0987654321,d@shop.vn

            """)
        let importer = CustomerImporter(store: temporary.store)
        let aborted = try importer.import(files: [url])
        #expect(aborted.problems.map(\.description) == [
            #"new.csv line 2, column code: "kh9" already belongs to stored customer KH9 (same code)"#,
            #"new.csv line 3, column phone: "+84 912 345 678" already belongs to stored customer KH9 (same phone)"#,
            #"new.csv line 4, column email: "OLD@shop.vn" already belongs to stored customer KH9 (same email)"#,
        ])
        #expect(try temporary.store.count() == 1)
        let skipped = try importer.import(files: [url], mode: .skip)
        #expect(skipped.imported == 1 && skipped.rejected == 3)
        #expect(skipped.problems == aborted.problems)
        #expect(try temporary.store.count() == 2)
    }

    @Test func duplicatesAcrossFilesAndBatchesNameTheEarlierLine() throws {
        let directory = try TemporaryDirectory()
        let one = try directory.write("one.csv", "name,phone\nA,0912345678\nB,0912345679\nC,0912345670\nE,12\n")
        let two = try directory.write("two.csv", "Họ tên;SĐT\nD;0912345679\n")
        let temporary = try TemporaryStore()
        let summary = try CustomerImporter(store: temporary.store).import(
            files: [one, two], mode: .skip, batchSize: 2, rejects: directory.file("rejects.csv"))
        #expect(summary.imported == 3)
        #expect(summary.problems.map(\.description).last == #"two.csv line 2, column SĐT: "0912345679" duplicates one.csv line 3 (same phone)"#)
        let rejects = try directory.read("rejects.csv").split(separator: "\n")
        #expect(rejects.count == 3)
        #expect(rejects.first == "name,phone,line,reason")
        #expect(rejects.last == #"D,0912345679,2,"two.csv line 2, column SĐT: ""0912345679"" duplicates one.csv line 3 (same phone)""#)
    }

    @Test func theProblemListIsLimited() throws {
        var text = "name,phone\n"
        for _ in 0..<150 { text += "A,1\n" }
        let directory = try TemporaryDirectory()
        let url = try directory.write("bad.csv", text)
        let temporary = try TemporaryStore()
        let summary = try CustomerImporter(store: temporary.store, problemLimit: 100).import(files: [url])
        #expect(summary.rejected == 150 && summary.problems.count == 100)
    }

    /// `want` with `(PHONE)` or `(EMAIL)` standing for any parenthesised reason.
    static func matches(_ got: String, _ want: String) -> Bool {
        for placeholder in ["(PHONE)", "(EMAIL)"] where want.hasSuffix(placeholder) {
            return got.hasPrefix(String(want.dropLast(placeholder.count)) + "(") && got.hasSuffix(")")
        }
        return got == want
    }
}
