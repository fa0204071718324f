@testable import CustomerStore
import Testing

@Suite struct HeaderMappingTests {
    @Test(arguments: [
        ("code", ImportColumn.code), ("Mã khách hàng", .code), ("MA KH", .code),
        ("full_name", .fullName), ("Name", .fullName), ("Họ tên", .fullName), ("HO VA TEN", .fullName),
        ("họ và tên", .fullName), ("Phone", .phones), ("phones", .phones), ("Số điện thoại", .phones),
        ("SĐT", .phones), ("sdt", .phones), ("Điện thoại", .phones), ("EMAIL", .emails), ("emails", .emails),
        ("Giới tính", .gender), ("gioi tinh", .gender), ("birth_date", .birthDate), ("Ngày sinh", .birthDate),
        ("Province", .province), ("city", .province), ("Tỉnh", .province), ("Thành phố", .province),
        ("Tỉnh/Thành phố", .province), ("Địa chỉ", .address), ("segment", .segment), ("Phân khúc", .segment),
        ("Tier", .tier), ("Hạng", .tier), ("tags", .tags), ("Điểm", .points), ("points", .points),
        ("TOTAL_SPENT", .totalSpent), ("total-spent", .totalSpent), ("order_count", .orderCount),
        ("last_purchase", .lastPurchase), ("last_interaction", .lastInteraction), ("created_at", .createdAt),
        ("updated_at", .updatedAt), ("owner", .owner), ("channel", .channel), ("lifecycle", .lifecycle),
        ("line", .ignored), ("reason", .ignored),
        ("attr.Cửa hàng", .attribute("Cửa hàng")), (" Sở thích ", .attribute("Sở thích")),
    ])
    func headersMapToColumns(header: String, column: ImportColumn) {
        #expect(ImportColumn(header: header) == column)
    }

    @Test func nfdHeadersMatch() {
        #expect(ImportColumn(header: "Họ và tên".decomposedStringWithCanonicalMapping) == .fullName)
        #expect(ImportColumn(header: "Số điện thoại".decomposedStringWithCanonicalMapping) == .phones)
    }

    @Test func aHeaderWithoutANameColumnIsAProblem() {
        #expect(throws: ImportProblem(file: "a.csv", line: 1,
                                      reason: "the header has no name column (full_name, name, họ tên, họ và tên)")) {
            try HeaderMapping(headers: ["code", "phone"], file: "a.csv")
        }
    }

    @Test func aFieldTwiceIsAProblemButPhonesAddUp() throws {
        #expect(throws: ImportProblem(file: "a.csv", line: 1, column: "Họ tên", reason: "names the same field as column name")) {
            try HeaderMapping(headers: ["name", "Họ tên"], file: "a.csv")
        }
        let mapping = try HeaderMapping(headers: ["name", "phone", "SĐT"], file: "a.csv")
        #expect(mapping.columns == [.fullName, .phones, .phones])
    }

    @Test func canonicalHeadersMapBack() {
        for column in ImportColumn.exportOrder + [.attribute("x")] {
            #expect(ImportColumn(header: column.canonicalHeader) == column)
        }
    }
}
