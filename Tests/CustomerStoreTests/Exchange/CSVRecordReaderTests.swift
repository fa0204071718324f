@testable import CustomerStore
import Foundation
import Testing

/// The chunked reading of ``CSVRecordReader``: whatever the chunk size, the same records on
/// the same lines as reading the file in one piece.
@Suite struct CSVRecordReaderTests {
    static let samples: [String] = [
        "name,phone\nAn,1\nBình,2\n",
        "name,note\r\nAn,\"a, b\"\r\n\r\nBình,\"two\r\nlines\"\r\nChi,\"say \"\"hi\"\"\"\r\n",
        "name,note\rAn,x\rBình,\"a\rb\"\r\rChi,y",
        "name;note\n\"An\";\"x\"\"\"\n\n\n\"Bình\n\";\"\"\nChi;\n",
        "name,note\nAn,ab\"c\nBình,\"x\"y,z\nChi,\"open\n",
        "name,note\nAn,\"multi\nline\nfield\"\nBình,\"unterminated\n",
        "\u{FEFF}name,note\nẢnh,ờ\n\"Đức\",\"ư\nơ\"\n",
    ]

    static func records(_ url: URL, chunkSize: Int) throws -> [String] {
        let reader = try CSVRecordReader(url: url, chunkSize: chunkSize)
        var out = [reader.header.joined(separator: "|")]
        while let (line, cells) = try reader.next() { out.append("\(line): " + cells.joined(separator: "|")) }
        return out
    }

    @Test(arguments: samples.indices) func chunksReadAsOnePiece(_ index: Int) throws {
        let directory = try TemporaryDirectory()
        let url = try directory.write("sample.csv", Self.samples[index])
        let whole = try Self.records(url, chunkSize: 1 << 20)
        for size in 1...48 {
            #expect(try Self.records(url, chunkSize: size) == whole, "chunk size \(size)")
        }
    }

    @Test func quotedLinesAndBlankLines() throws {
        let directory = try TemporaryDirectory()
        let url = try directory.write("sample.csv", Self.samples[1])
        #expect(try Self.records(url, chunkSize: 5) == [
            "name|note", "2: An|a, b", "4: Bình|two\r\nlines", "6: Chi|say \"hi\"",
        ])
    }

    @Test func invalidUTF8AfterAChunkIsStillAnError() throws {
        let directory = try TemporaryDirectory()
        let url = directory.file("bad.csv")
        try (Data("name,note\nAn,x\nBình,y\n".utf8) + Data([0xFF, 0xFE]) + Data(",z\n".utf8)).write(to: url)
        for size in [4, 1 << 20] {
            let reader = try CSVRecordReader(url: url, chunkSize: size)
            #expect(try reader.next()?.line == 2)
            #expect(try reader.next()?.line == 3)
            #expect(throws: ImportProblem.self) { try reader.next() }
        }
    }
}
