import CustomerStore
@testable import cstore
import Foundation
import LMDB
import Testing

@Suite("The cstore command")
struct CommandLineTests {
    @Test func helpDescribesTheTool() throws {
        let result = try runCStore(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("OVERVIEW: An embedded customer store on LMDB"))
        #expect(result.stdout.contains("USAGE: cstore"))
        for command in ["init", "get", "query", "count", "group", "explain", "put", "update", "delete", "stats", "verify", "generate"] {
            #expect(result.stdout.contains("  \(command)"), "help lists \(command)")
        }
    }

    @Test func versionIsTheLibraryVersion() throws {
        let result = try runCStore(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout == CustomerStoreVersion.current + "\n")
    }

    @Test func usageErrorsExitWithTwo() throws {
        let unknown = try runCStore(["--no-such-option"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("Unknown option '--no-such-option'"))
        let missing = try runCStore(["query"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("Missing expected argument"))
    }
}

@Suite("cstore init and opening stores")
struct InitTests {
    @Test func initCreatesAnEmptyStore() throws {
        let scratch = try Scratch()
        let result = try scratch.run(["init"])
        #expect(result.status == 0)
        #expect(FileManager.default.fileExists(atPath: scratch.db + "/data.mdb"))
        #expect(try scratch.run(["count"]).stdout == "0\n")
    }

    @Test func theStoreComesFromCSTORE_DBWithoutDb() throws {
        let scratch = try Scratch()
        #expect(try runCStore(["init"], environment: ["CSTORE_DB": scratch.db]).status == 0)
        #expect(try runCStore(["count"], environment: ["CSTORE_DB": scratch.db]).stdout == "0\n")
    }

    @Test func initInsideARegularFileExitsWithFour() throws {
        let scratch = try Scratch()
        let file = scratch.directory.appendingPathComponent("plain-file")
        try Data("not a directory".utf8).write(to: file)
        let result = try runCStore(["init", "--db", file.path + "/store"])
        #expect(result.status == 4)
        #expect(result.stderr.contains("cannot open the store at \(file.path)/store"))
        #expect(result.stdout.isEmpty)
    }

    @Test func commandsOtherThanInitNeedAStore() throws {
        let scratch = try Scratch()
        let result = try scratch.run(["get", "--code", "KH00000001"])
        #expect(result.status == 4)
        #expect(result.stderr.contains("no store at \(scratch.db)"))
        #expect(!FileManager.default.fileExists(atPath: scratch.db))
    }
}

@Suite("cstore get, put and generate")
struct GetPutTests {
    @Test func getFindsACustomerByEachKey() throws {
        let scratch = try Scratch()
        let customers = try scratch.seeded(10)
        let first = customers[0]
        let phone = try #require(first.phones.first).number.raw
        var keys: [[String]] = [["--code", "kh00000001"], ["--phone", phone], ["--id", "1"]]
        if let email = customers[0].emails.first { keys.append(["--email", email.address.normalized.uppercased()]) }
        for key in keys {
            let result = try scratch.run(["get"] + key + ["--format", "json"])
            #expect(result.status == 0, "\(key): \(result.stderr)")
            let found = try #require(try decodeLines(result.stdout).first)
            #expect(found.code == "KH00000001")
            #expect(found.fullName == first.fullName)
        }
    }

    @Test func getOfAMissingCustomerExitsWithOne() throws {
        let scratch = try Scratch()
        try scratch.seeded(2)
        let result = try scratch.run(["get", "--code", "KH99999999"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "cstore: no customer with code KH99999999\n")
    }

    @Test func getTakesExactlyOneKey() throws {
        let scratch = try Scratch()
        try scratch.seeded(1)
        #expect(try scratch.run(["get"]).status == 2)
        let both = try scratch.run(["get", "--code", "KH00000001", "--id", "1"])
        #expect(both.status == 2)
        #expect(both.stderr.contains("exactly one of --code, --phone, --email, --id"))
    }

    @Test func jsonOutputDecodesBackToTheCustomersPut() throws {
        let scratch = try Scratch()
        let generated = try scratch.seeded(25)
        let result = try scratch.run(["query", "id > 0", "--format", "json"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"createdAt\":\"20"), "dates are ISO-8601")
        let stored = try decodeLines(result.stdout)
        #expect(stored.count == 25)
        for (original, back) in zip(generated, stored) {
            var expected = original
            expected.id = back.id
            expected.version = 1
            expected.updatedAt = back.updatedAt  // set by the store at insert
            #expect(back == expected)
        }
    }

    @Test func putTakesOneJSONObjectAndPrintsTheCode() throws {
        let scratch = try Scratch()
        #expect(try scratch.run(["init"]).status == 0)
        let result = try scratch.run(["put", "--json", #"{"fullName":"Phạm Thu Hà","segment":"VIP","points":12}"#])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "KH00000001\n")
        let back = try decodeLines(try scratch.run(["get", "--code", "KH00000001", "--format", "json"]).stdout)
        #expect(back.first?.segment == "VIP")
        #expect(back.first?.points == 12)
    }

    @Test func rejectedDataExitsWithThreeAndStoresNothing() throws {
        let scratch = try Scratch()
        try scratch.seeded(3)
        let badJSON = try scratch.run(["put"], stdin: "{\"fullName\":\"Lan\"}\n{\"points\":1}\n")
        #expect(badJSON.status == 3)
        #expect(badJSON.stderr.contains("line 2"))
        #expect(badJSON.stderr.contains("fullName"))
        let duplicate = try scratch.run(["put"], stdin: "{\"fullName\":\"Lan\"}\n{\"fullName\":\"Mai\",\"code\":\"KH00000002\"}\n")
        #expect(duplicate.status == 3)
        #expect(duplicate.stderr.contains("line 2: duplicate code"))
        #expect(try scratch.run(["count"]).stdout == "3\n")
    }

    @Test func putWithoutCustomersIsAUsageError() throws {
        let scratch = try Scratch()
        #expect(try scratch.run(["init"]).status == 0)
        let result = try scratch.run(["put"], stdin: "\n")
        #expect(result.status == 2)
        #expect(result.stderr.contains("no customers given"))
    }

    @Test func generateIsDeterministicJSONLines() throws {
        let first = try runCStore(["generate", "--customers", "5", "--seed", "9"])
        let second = try runCStore(["generate", "--customers", "5", "--seed", "9", "--format", "jsonl"])
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
        let customers = try decodeLines(first.stdout)
        #expect(customers.map(\.code) == (1...5).map { String(format: "KH%08d", $0) })
        #expect(customers == Array(CustomerGenerator(seed: 9, codes: true).customers(count: 5)))
        #expect(try runCStore(["generate", "--customers", "5", "--format", "xml"]).status == 2)
    }
}

@Suite("cstore query, count, group and explain")
struct QueryTests {
    @Test func queryErrorsNameTheColumnAndExitWithTwo() throws {
        let scratch = try Scratch()
        try scratch.seeded(2)
        let syntax = try scratch.run(["query", "points >> 5"])
        #expect(syntax.status == 2)
        #expect(syntax.stderr == "cstore: query error: column 9: unexpected '>', expected a value\n")
        let field = try scratch.run(["count", "colour = 'red'"])
        #expect(field.status == 2)
        #expect(field.stderr.contains("column 1: unknown field 'colour'"))
    }

    @Test func pagesWalkTheWholeResultInOrder() throws {
        let scratch = try Scratch()
        try scratch.seeded(30)
        let query = "points >= 0 ORDER BY points DESC"
        let all = try scratch.run(["query", query, "--format", "json"])
        #expect(all.stderr.isEmpty)
        var lines: [String] = []
        var after: [String] = []
        var pages = 0
        while true {
            let page = try scratch.run(["query", query, "--format", "json", "--limit", "7"] + after)
            #expect(page.status == 0)
            lines += page.lines
            pages += 1
            guard let token = page.stderr.split(separator: "\n").first(where: { $0.hasPrefix("next page: --after ") }) else { break }
            after = ["--after", String(token.dropFirst("next page: --after ".count))]
            if pages > 10 { break }
        }
        #expect(pages == 5)
        #expect(lines == all.lines)
        #expect(lines.count == 30)
    }

    @Test func aBadPageTokenIsAUsageError() throws {
        let scratch = try Scratch()
        try scratch.seeded(2)
        let result = try scratch.run(["query", "id > 0", "--after", "nonsense"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("invalid page token"))
    }

    @Test func countGroupAndExplain() throws {
        let scratch = try Scratch()
        let customers = try scratch.seeded(40)
        #expect(try scratch.run(["count"]).stdout == "40\n")
        let gold = customers.filter { $0.tier == .gold }.count
        #expect(try scratch.run(["count", "tier = 'gold'"]).stdout == "\(gold)\n")
        #expect(try scratch.run(["count", "tier = 'gold' LIMIT 3"]).status == 2)

        let json = try scratch.run(["group", "tier", "--format", "json"])
        #expect(json.status == 0)
        struct Group: Decodable { let value: String?; let count: Int }
        let groups = try json.stdout.split(separator: "\n").map { try JSONDecoder().decode(Group.self, from: Data($0.utf8)) }
        #expect(groups.reduce(0) { $0 + $1.count } == 40)
        #expect(groups.first { $0.value == "gold" }?.count ?? 0 == gold)
        let withoutTier = customers.filter { $0.tier == nil }.count
        let table = try scratch.run(["group", "tier"])
        #expect(table.lines.first?.hasPrefix("TIER") == true)
        if withoutTier > 0 { #expect(table.stdout.contains("(none)")) }
        let bad = try scratch.run(["group", "points"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("valid fields: segment, tier"))

        let explain = try scratch.run(["explain", "tier = 'gold'"])
        #expect(explain.status == 0)
        #expect(explain.stdout.contains("access: posting tier = 'gold'"))
        #expect(explain.stdout.contains("result"))
    }
}

@Suite("cstore update and delete")
struct UpdateDeleteTests {
    @Test func updateChangesTheFieldsGetShows() throws {
        let scratch = try Scratch()
        try scratch.seeded(3)
        let result = try scratch.run([
            "update", "KH00000002", "--set", "points=777", "--set", "tier=gold", "--set", "tags=vip, hội chợ",
            "--set", "name=Trần Thị Bình", "--set", "segment=", "--set", "phone=0912 345 678",
            "--set", "birth_date=1990-05-17", "--set", "province=Hà Nội",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "KH00000002 version 2\n")
        let customer = try #require(try decodeLines(try scratch.run(["get", "--code", "KH00000002", "--format", "json"]).stdout).first)
        #expect(customer.points == 777)
        #expect(customer.tier == .gold)
        #expect(customer.tags == ["vip", "hội chợ"])
        #expect(customer.fullName == "Trần Thị Bình")
        #expect(customer.segment == nil)
        #expect(customer.phones.map(\.number.e164) == ["+84912345678"])
        #expect(customer.birthDate == CalendarDate(year: 1990, month: 5, day: 17))
        #expect(customer.address.province == "Hà Nội")
        #expect(try scratch.run(["get", "--phone", "+84912345678"]).status == 0)
    }

    @Test func updateRejectsUnknownFieldsBadValuesAndMissingCodes() throws {
        let scratch = try Scratch()
        try scratch.seeded(2)
        let unknown = try scratch.run(["update", "KH00000001", "--set", "colour=red"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown field 'colour'; valid fields: full_name, name, segment"))
        let points = try scratch.run(["update", "KH00000001", "--set", "points=many"])
        #expect(points.status == 3)
        #expect(points.stderr == "cstore: invalid points \"many\": expected an integer\n")
        let phone = try scratch.run(["update", "KH00000001", "--set", "phone=12"])
        #expect(phone.status == 3)
        #expect(phone.stderr.contains("invalid phone \"12\""))
        let backwards = try scratch.run(["update", "KH00000001", "--set", "lifecycle=lead", "--set", "lifecycle=lead"])
        let lifecycle = try #require(try decodeLines(try scratch.run(["get", "--id", "1", "--format", "json"]).stdout).first).lifecycle
        #expect(backwards.status == (lifecycle == .lead ? 0 : 3))
        let missing = try scratch.run(["update", "KH99999999", "--set", "points=1"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no customer with code KH99999999"))
    }

    @Test func deleteIsAllOrNothing() throws {
        let scratch = try Scratch()
        try scratch.seeded(4)
        let partly = try scratch.run(["delete", "KH00000001", "KH99999999"])
        #expect(partly.status == 1)
        #expect(partly.stderr.contains("no customer with code KH99999999; nothing was deleted"))
        #expect(try scratch.run(["get", "--code", "KH00000001"]).status == 0)

        let result = try scratch.run(["delete", "KH00000001", "kh00000003"])
        #expect(result.status == 0)
        #expect(result.stdout == "KH00000001\nKH00000003\n")
        #expect(try scratch.run(["get", "--code", "KH00000001"]).status == 1)
        #expect(try scratch.run(["get", "--code", "KH00000003"]).status == 1)
        #expect(try scratch.run(["count"]).stdout == "2\n")
    }
}

@Suite("cstore stats and verify")
struct MaintenanceTests {
    @Test func statsReportsCustomersAndIndexes() throws {
        let scratch = try Scratch()
        try scratch.seeded(12)
        let result = try scratch.run(["stats"])
        #expect(result.status == 0)
        #expect(result.lines.contains { $0.hasPrefix("customers ") && $0.hasSuffix(" 12") })
        #expect(result.lines.contains { $0.hasPrefix("entries in index.code ") && $0.hasSuffix(" 12") })
        #expect(result.stdout.contains("map size"))
        #expect(result.stdout.contains("readers"))
    }

    @Test func verifyIsCleanOnAHealthyStore() throws {
        let scratch = try Scratch()
        try scratch.seeded(15)
        let result = try scratch.run(["verify"])
        #expect(result.status == 0)
        #expect(result.stdout.hasSuffix("clean\n"))
    }

    @Test func verifyExitsWithThreeOnADamagedIndex() throws {
        let scratch = try Scratch()
        try scratch.seeded(5)
        do {
            // Remove one index entry behind the store's back.
            let environment = try Environment(path: scratch.db)
            let codes = try environment.openDatabase("index.code", kind: Plain.self, create: false)
            let removed = try environment.write { txn in try txn.delete("KH00000003", in: codes) }
            #expect(removed)
        }
        let result = try scratch.run(["verify"])
        #expect(result.status == 3)
        #expect(result.stdout.contains("customer id 3 has code \"KH00000003\" but the index has no entry for it"))
        #expect(result.stderr.contains("1 problem(s) found"))
    }
}

@Suite("cstore tables")
struct TableTests {
    /// The display column where `needle` starts in `line`.
    static func column(of needle: String, in line: String) -> Int? {
        guard let range = line.range(of: needle) else { return nil }
        return DisplayWidth.of(line[..<range.lowerBound])
    }

    @Test func columnsAlignWithNFCAndNFDNames() throws {
        let scratch = try Scratch()
        #expect(try scratch.run(["init"]).status == 0)
        let nfc = "Nguyễn Thị Ánh Tuyết"
        let nfd = "Trần Văn Đức".decomposedStringWithCanonicalMapping
        #expect(nfd.unicodeScalars.count > "Trần Văn Đức".unicodeScalars.count)
        let input = [
            #"{"fullName":"\#(nfc)","phones":[{"raw":"0912 000 001"}],"tier":"gold","points":5}"#,
            #"{"fullName":"\#(nfd)","phones":[{"raw":"0912 000 002"}],"points":123456}"#,
            #"{"fullName":"Lan","phones":[{"raw":"0912 000 003"}],"address":{"province":"Hà Nội"}}"#,
            #"{"fullName":"王小明","phones":[{"raw":"0912 000 004"}]}"#,
        ].joined(separator: "\n")
        #expect(try scratch.run(["put"], stdin: input).status == 0)
        let table = try scratch.run(["query", "id > 0"])
        #expect(table.status == 0)
        #expect(table.lines.count == 5)
        let phoneColumn = try #require(Self.column(of: "PHONE", in: table.lines[0]))
        let pointsEnd = DisplayWidth.of(table.lines[0])
        for (row, line) in table.lines.dropFirst().enumerated() {
            #expect(Self.column(of: "+8491200000\(row + 1)", in: line) == phoneColumn, "row \(row): \(line)")
            #expect(DisplayWidth.of(line) == pointsEnd, "points right-aligned: \(line)")
        }
    }

    @Test func tablesFitTheWidthAndTruncateWithAnEllipsis() throws {
        let scratch = try Scratch()
        #expect(try scratch.run(["init"]).status == 0)
        let long = "Nguyễn Hoàng Phương Thảo Nguyên Khánh Linh Ngọc Diệp"
        #expect(try scratch.run(["put", "--json", #"{"fullName":"\#(long)","segment":"a very long segment name indeed"}"#]).status == 0)
        for width in [70, 200] {
            let table = try scratch.run(["query", "id > 0"], environment: ["COLUMNS": String(width)])
            #expect(table.lines.allSatisfy { DisplayWidth.of($0) <= width }, "\(table.stdout)")
            #expect(table.stdout.contains("…") == (width == 70))
            #expect(table.lines.first?.contains("PROVINCE  SEGMENT") == true, "headers are never cut")
            if width == 70 { #expect(table.lines.first.map(DisplayWidth.of) == 70, "the space is used") }
        }
        let wide = try scratch.run(["query", "id > 0"], environment: ["COLUMNS": "200"])
        #expect(wide.stdout.contains(long))
        let piped = try scratch.run(["query", "id > 0"])
        #expect(piped.lines.allSatisfy { DisplayWidth.of($0) <= 100 }, "100 columns when not a terminal")
    }
}
