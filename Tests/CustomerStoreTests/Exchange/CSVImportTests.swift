@testable import CustomerStore
import Foundation
import Testing

@Suite struct CSVImportTests {
    @Test func englishHeadersImportEveryField() throws {
        let (temporary, summary, _) = try importing("""
            code,full_name,phones,emails,gender,birth_date,province,address,segment,tier,tags,points,total_spent,order_count,last_purchase,last_interaction,created_at,updated_at,owner,channel,lifecycle,Sở thích
            KH1,Nguyễn Văn An,0912 345 678; 0987654321,An@Shop.vn,male,1990-05-17,Hà Nội,12 Lý Thường Kiệt,VIP,gold,vip; hội chợ,"1,500",2500000,3,2025-06-01T08:30:00.000Z,2025-06-02T09:00:00Z,2024-01-01T00:00:00.000Z,2025-06-03T10:00:00.500Z,lan,zalo,customer,đọc sách

            """)
        #expect(summary.imported == 1 && summary.rejected == 0 && summary.rowsRead == 1)
        let c = try #require(try temporary.store.get(code: "KH1"))
        #expect(c.fullName == "Nguyễn Văn An")
        #expect(c.phones.map(\.number.e164) == ["+84912345678", "+84987654321"])
        #expect(c.phones.map(\.isPrimary) == [true, false])
        #expect(c.emails.map(\.address.normalized) == ["an@shop.vn"])
        #expect(c.gender == .male && c.birthDate == CalendarDate(year: 1990, month: 5, day: 17))
        #expect(c.address.province == "Hà Nội" && c.address.raw == "12 Lý Thường Kiệt")
        #expect(c.segment == "VIP" && c.tier == .gold && c.tags == ["vip", "hội chợ"])
        #expect(c.points == 1500 && c.totalSpent == 2_500_000 && c.orderCount == 3)
        #expect(c.lastPurchaseAt == ExchangeValues.timestamp("2025-06-01T08:30:00Z"))
        #expect(c.createdAt == ExchangeValues.timestamp("2024-01-01T00:00:00Z"))
        #expect(c.updatedAt == ExchangeValues.timestamp("2025-06-03T10:00:00.5Z"))
        #expect(c.owner == "lan" && c.preferredChannel == .zalo && c.lifecycle == .customer)
        #expect(c.attributes == ["Sở thích": .string("đọc sách")])
    }

    @Test func vietnameseHeadersWithAndWithoutAccentsAndBOM() throws {
        for header in ["Mã KH,Họ và tên,Số điện thoại,Giới tính,Ngày sinh,Tỉnh/Thành phố",
                       "MA KH,HO VA TEN,SO DIEN THOAI,gioi tinh,ngay sinh,tinh/thanh pho"] {
            let (temporary, summary, _) = try importing(header + "\nkh7,Trần Thị Bình,01662345678,Nữ,17/05/1990,Đà Nẵng\n", bom: true)
            #expect(summary.imported == 1, "\(summary.problems)")
            let c = try #require(try temporary.store.get(code: "KH7"))
            #expect(c.fullName == "Trần Thị Bình" && c.gender == .female)
            #expect(c.phones.map(\.number.e164) == ["+84362345678"])
            #expect(c.birthDate == CalendarDate(year: 1990, month: 5, day: 17))
            #expect(c.address.province == "Đà Nẵng")
        }
    }

    @Test(arguments: [",", ";", "\t"])
    func eachDelimiterIsDetected(delimiter: String) throws {
        let text = ["name", "phone", "tags"].joined(separator: delimiter) + "\n"
            + ["Lan", "0912345678", "\"a, b\""].joined(separator: delimiter) + "\n"
        let (temporary, summary, _) = try importing(text)
        #expect(summary.imported == 1, "\(summary.problems)")
        let c = try #require(try temporary.store.get(phone: "0912345678"))
        #expect(c.tags == ["a", "b"])
    }

    @Test func quotedFieldsKeepCommasQuotesAndNewlinesAndLinesStayRight() throws {
        let text = #"""
            name,address,phone
            "Lê, Văn ""Minh""","12 Phố Huế
            Hai Bà Trưng<CR>
            Hà Nội",0912345678
            Bad,x,12

            Good,"a",0987654321
            Worse,"b
            c",13
            """#.replacingOccurrences(of: "<CR>", with: "\r")
        let (temporary, summary, _) = try importing(text)
        #expect(summary.imported == 0 && summary.aborted && summary.rejected == 2)
        #expect(summary.problems.map(\.line) == [5, 8])
        #expect(summary.problems.first?.description.hasPrefix(#"customers.csv line 5, column phone: "12" is not a phone number ("#) == true)
        #expect(try temporary.store.count() == 0)

        let (skipped, skipSummary, _) = try importing(text, mode: .skip)
        #expect(skipSummary.imported == 2 && skipSummary.rejected == 2)
        let c = try #require(try skipped.store.get(phone: "0912345678"))
        #expect(c.fullName == #"Lê, Văn "Minh""#)
        #expect(c.address.raw == "12 Phố Huế\nHai Bà Trưng\r\nHà Nội")
    }

    @Test func nfdTextIsStoredAsNFC() throws {
        let text = "Họ tên,Tỉnh\nNguyễn Thị Hồng,Hà Nội\n".decomposedStringWithCanonicalMapping
        let (temporary, summary, _) = try importing(text)
        #expect(summary.imported == 1, "\(summary.problems)")
        let c = try #require(try allCustomers(temporary.store).first)
        #expect(c.fullName.unicodeScalars.elementsEqual("Nguyễn Thị Hồng".precomposedStringWithCanonicalMapping.unicodeScalars))
        #expect(c.address.province.unicodeScalars.elementsEqual("Hà Nội".precomposedStringWithCanonicalMapping.unicodeScalars))
    }

    @Test func codesAndTimestampsComeThroughUnchanged() throws {
        let (temporary, _, _) = try importing("""
            code,name,created_at,updated_at
            POS-1,An,2020-01-02T03:04:05.678Z,2021-02-03T04:05:06.789Z
            ,Bình,,

            """)
        let an = try #require(try temporary.store.get(code: "POS-1"))
        #expect(ExchangeValues.timestamp(an.createdAt) == "2020-01-02T03:04:05.678Z")
        #expect(ExchangeValues.timestamp(an.updatedAt) == "2021-02-03T04:05:06.789Z")
        let binh = try #require(try allCustomers(temporary.store).last)
        #expect(binh.code.hasPrefix("KH"))
        #expect(abs(binh.updatedAt.timeIntervalSinceNow) < 60)
    }

    @Test func progressReportsRowsAndBytes() throws {
        let directory = try TemporaryDirectory()
        var text = "name,phone\n"
        for i in 0..<2_500 { text += "Khách \(i),09\(String(10_000_000 + i).suffix(8))\n" }
        let url = try directory.write("many.csv", text)
        let temporary = try TemporaryStore()
        nonisolated(unsafe) var reports: [ImportProgress] = []
        let summary = try CustomerImporter(store: temporary.store).import(files: [url], batchSize: 1000) { reports.append($0) }
        #expect(summary.imported == 2_500)
        // Every 1,000 rows and at the end of the file, then once for the index entries.
        #expect(reports.map(\.phase) == [.importing, .importing, .importing, .indexing])
        #expect(reports.map(\.rowsRead) == [1_000, 2_000, 2_500, 2_500])
        let last = try #require(reports.last)
        #expect(last.fraction == 1 && last.totalBytes == Int64(text.utf8.count))
        let bytes = reports.map(\.bytesRead)
        #expect(bytes == bytes.sorted() && bytes[0] > 0 && bytes[0] < bytes[2])
    }
}
