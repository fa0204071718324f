import CustomerStore
import Foundation
import Testing

@Suite("cstore import and export")
struct ImportExportCommandTests {
    private func write(_ text: String, to name: String, in scratch: Scratch) throws -> String {
        let path = scratch.directory.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test(arguments: ["csv", "jsonl"])
    func exportThenImportIntoAnEmptyStoreExportsTheSameBytes(format: String) throws {
        let source = try Scratch()
        try source.seeded(300)
        let first = source.directory.appendingPathComponent("first.\(format)").path
        let exported = try source.run(["export", "--out", first])
        #expect(exported.status == 0)
        #expect(exported.stderr == "300 customers exported to \(first)\n")

        let target = try Scratch()
        #expect(try target.run(["init"]).status == 0)
        let imported = try target.run(["import", first, "--no-progress"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.hasPrefix("300 rows read, 300 imported, 0 rejected in "))
        let second = target.directory.appendingPathComponent("second.\(format)").path
        #expect(try target.run(["export", "--out", second]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: first)) == Data(contentsOf: URL(fileURLWithPath: second)))
    }

    @Test func exportToStdoutTakesAQuery() throws {
        let scratch = try Scratch()
        let customers = try scratch.seeded(50)
        let result = try scratch.run(["export", "ORDER BY points DESC LIMIT 3", "--format", "jsonl"])
        #expect(result.status == 0)
        let codes = try decodeLines(result.stdout).map(\.code)
        let expected = customers.sorted { ($0.points, $1.code) > ($1.points, $0.code) }.prefix(3).map(\.code)
        #expect(codes == Array(expected))
        let csv = try scratch.run(["export", "code = 'KH00000007'"])
        #expect(csv.stdout.split(separator: "\n").count == 2)
        #expect(csv.stdout.hasPrefix("code,full_name,phones,emails,"))
    }

    @Test func theProgressBarShowsOnATerminalOnly() throws {
        let scratch = try Scratch()
        #expect(try scratch.run(["init"]).status == 0)
        var text = "name,phone\n"
        for i in 0..<2_500 { text += "Khách \(i),09\(String(10_000_000 + i).suffix(8))\n" }
        let file = try write(text, to: "many.csv", in: scratch)

        let shown = try runCStoreOnTerminal(["import", file, "--db", scratch.db])
        #expect(shown.status == 0, "\(shown.terminal)")
        // The first report draws; the last phase is always drawn, whole, before the summary.
        #expect(shown.terminal.contains("\rimporting ["))
        #expect(shown.terminal.contains(" 1000 rows "))
        #expect(shown.terminal.contains("\rindexing [####################] 100%  2500 rows "))
        #expect(shown.terminal.contains("rows/s  ETA 0s"))
        #expect(shown.terminal.contains("2500 rows read, 2500 imported, 0 rejected in "))

        // On a terminal with --no-progress, and through a pipe, only the summary.
        let quiet = try Scratch()
        #expect(try quiet.run(["init"]).status == 0)
        let unbarred = try runCStoreOnTerminal(["import", file, "--db", quiet.db, "--no-progress"])
        #expect(unbarred.status == 0)
        #expect(unbarred.terminal.hasPrefix("2500 rows read, 2500 imported, 0 rejected in "), "\(unbarred.terminal)")
        #expect(!unbarred.terminal.contains("importing ["))
        let piped = try Scratch()
        #expect(try piped.run(["init"]).status == 0)
        let result = try piped.run(["import", file])
        #expect(result.status == 0)
        #expect(result.stderr.hasPrefix("2500 rows read, 2500 imported, 0 rejected in "), "\(result.stderr)")
    }

    @Test func vietnameseHeadersImport() throws {
        let scratch = try Scratch()
        #expect(try scratch.run(["init"]).status == 0)
        let file = try write("\u{FEFF}Mã KH;Họ và tên;Số điện thoại;Ngày sinh;Tỉnh/Thành phố\n"
                             + "KH1;Nguyễn Văn An;0912 345 678;31/12/1990;Hà Nội\n", to: "khach.csv", in: scratch)
        let imported = try scratch.run(["import", file])
        #expect(imported.status == 0, "\(imported.stderr)")
        let found = try scratch.run(["get", "--phone", "+84912345678", "--format", "json"])
        let customer = try #require(try decodeLines(found.stdout).first)
        #expect(customer.fullName == "Nguyễn Văn An")
        #expect(customer.birthDate == CalendarDate(year: 1990, month: 12, day: 31))
        #expect(customer.address.province == "Hà Nội")
    }

    @Test func badRowsAbortWithEveryProblemAndExitThree() throws {
        let scratch = try Scratch()
        #expect(try scratch.run(["init"]).status == 0)
        let file = try write("họ tên,sđt,email\nLan,0912 345 678,lan@x.vn\n,0913 000 111,\nMai,0912345678,\n",
                             to: "bad.csv", in: scratch)
        let result = try scratch.run(["import", file])
        #expect(result.status == 3)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("bad.csv line 3, column họ tên: ") == true, "\(result.stderr)")
        #expect(lines.dropFirst().first == "bad.csv line 4, column sđt: \"0912345678\" duplicates line 2 (same phone)")
        #expect(lines.last?.hasSuffix("; nothing imported (--on-error abort)") == true)
        #expect(try scratch.run(["count"]).stdout == "0\n")
    }

    @Test func skipImportsTheGoodRowsAndWritesRejects() throws {
        let scratch = try Scratch()
        #expect(try scratch.run(["init"]).status == 0)
        let file = try write("họ tên,sđt\nLan,0912 345 678\nMinh,12\n", to: "mixed.csv", in: scratch)
        let rejects = scratch.directory.appendingPathComponent("rejects.csv").path
        let result = try scratch.run(["import", file, "--on-error", "skip", "--rejects", rejects])
        #expect(result.status == 0)
        #expect(result.stderr.contains("2 rows read, 1 imported, 1 rejected"))
        #expect(try scratch.run(["count"]).stdout == "1\n")
        let rejected = try String(contentsOfFile: rejects, encoding: .utf8)
        #expect(rejected.hasPrefix("họ tên,sđt,line,reason\nMinh,12,3,"))
    }

    @Test func aMissingFileIsAUsageError() throws {
        let scratch = try Scratch()
        #expect(try scratch.run(["init"]).status == 0)
        let missing = scratch.directory.appendingPathComponent("none.csv").path
        let result = try scratch.run(["import", missing])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("Error: cannot read \(missing)"), "\(result.stderr)")
    }

    @Test func csvOutputOfQueryAndGenerateReadsBackThroughImport() throws {
        let scratch = try Scratch()
        try scratch.seeded(40)
        let query = try scratch.run(["query", "tier = 'gold' ORDER BY points DESC", "--format", "csv"])
        #expect(query.status == 0)
        let rows = query.stdout.split(separator: "\n")
        #expect(rows.first?.hasPrefix("code,full_name,phones,emails,") == true)
        let gold = try scratch.run(["count", "tier = 'gold'"]).stdout
        #expect(String(rows.count - 1) + "\n" == gold)

        let generated = try runCStore(["generate", "--customers", "25", "--seed", "3", "--format", "csv"])
        let file = try write(generated.stdout, to: "generated.csv", in: scratch)
        let target = try Scratch()
        #expect(try target.run(["init"]).status == 0)
        #expect(try target.run(["import", file]).status == 0)
        #expect(try target.run(["count"]).stdout == "25\n")
        let fromJSON = try decodeLines(runCStore(["generate", "--customers", "25", "--seed", "3"]).stdout)
        let imported = try decodeLines(target.run(["query", "", "--format", "json"]).stdout)
        #expect(imported.map(\.code) == fromJSON.map(\.code))
        #expect(imported.map(\.fullName) == fromJSON.map(\.fullName))
    }

    @Test func groupsPrintAsCSV() throws {
        let scratch = try Scratch()
        try scratch.seeded(60)
        let result = try scratch.run(["group", "tier", "--format", "csv"])
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "tier,count")
        #expect(lines.dropFirst().reduce(0) { $0 + Int($1.split(separator: ",").last!)! } == 60)
    }
}
