import CustomerStore
import Foundation
import Testing

/// Runs the built `cstore` with `arguments` and returns its exit status and output.
func runCStore(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidates = [directory, Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
        .map { $0.appendingPathComponent("cstore") }
    let executable = try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) })
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

@Suite("The cstore command")
struct CommandLineTests {
    @Test func helpDescribesTheTool() throws {
        let result = try runCStore(["--help"])
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("OVERVIEW: An embedded customer store on LMDB"))
        #expect(result.output.contains("USAGE: cstore"))
    }

    @Test func versionIsTheLibraryVersion() throws {
        let result = try runCStore(["--version"])
        #expect(result.status == 0)
        #expect(result.output == CustomerStoreVersion.current + "\n")
    }

    @Test func unknownOptionsFailWithAMessage() throws {
        let result = try runCStore(["--no-such-option"])
        #expect(result.status == 64)
        #expect(result.output.contains("Unknown option '--no-such-option'"))
    }
}
