import CustomerStore
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// What one run of `cstore` gave.
struct CStoreResult {
    let status: Int32
    let stdout: String
    let stderr: String

    /// stdout and stderr together, for messages whose stream does not matter.
    var output: String { stdout + stderr }
    /// stdout split into lines, without the final empty one.
    var lines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) }
}

/// The built `cstore` executable next to the test bundle.
func cstoreExecutable() throws -> URL {
    let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidates = [directory, Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
        .map { $0.appendingPathComponent("cstore") }
    return try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) })
}

/// Runs the built `cstore` with `arguments`, feeding `stdin`, with `environment` added to
/// this process's environment (without `CSTORE_DB` and `COLUMNS` unless given), and returns
/// its exit status and its stdout and stderr apart.
func runCStore(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) throws -> CStoreResult {
    let process = Process()
    process.executableURL = try cstoreExecutable()
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env["CSTORE_DB"] = nil
    env["COLUMNS"] = nil
    env.merge(environment) { _, new in new }
    process.environment = env
    let output = Pipe()
    let errors = Pipe()
    let input = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = input
    try process.run()
    // Read stderr on another thread so that neither pipe fills up and blocks the child.
    let errorData = ErrorCollector()
    let reader = Thread { errorData.set(errors.fileHandleForReading.readDataToEndOfFile()) }
    reader.start()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let stderr = errorData.wait()
    return CStoreResult(status: process.terminationStatus, stdout: String(decoding: data, as: UTF8.self),
                        stderr: String(decoding: stderr, as: UTF8.self))
}

/// Runs the built `cstore` with `arguments` and its stderr on a pseudo-terminal, as a person
/// at a terminal sees it (stdout goes to a pipe and is dropped); returns the exit status and
/// everything the terminal received.
func runCStoreOnTerminal(_ arguments: [String]) throws -> (status: Int32, terminal: String) {
    var primary: Int32 = -1
    var secondary: Int32 = -1
    #expect(openpty(&primary, &secondary, nil, nil, nil) == 0, "a pseudo-terminal opens")
    defer { close(primary) }
    let process = Process()
    process.executableURL = try cstoreExecutable()
    process.arguments = arguments
    process.standardOutput = Pipe()
    process.standardError = FileHandle(fileDescriptor: secondary, closeOnDealloc: false)
    try process.run()
    close(secondary)  // the child holds its own copy; reads end when it exits
    var received: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
        let count = read(primary, &buffer, buffer.count)
        if count <= 0 { break }
        received += buffer[..<count]
    }
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: received, as: UTF8.self))
}

/// The stderr bytes, handed from the reading thread to the test.
private final class ErrorCollector: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    func set(_ data: Data) {
        self.data = data
        done.signal()
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}

/// A temporary directory for one test's store, removed when the test ends.
final class Scratch {
    let directory: URL
    /// The store path inside the directory, for `--db`.
    var db: String { directory.appendingPathComponent("store").path }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("cstore-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// Runs `cstore COMMAND --db <store> ARGUMENTS...`.
    func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) throws -> CStoreResult {
        guard let command = arguments.first else { return try runCStore(arguments, stdin: stdin, environment: environment) }
        return try runCStore([command, "--db", db] + arguments.dropFirst(), stdin: stdin, environment: environment)
    }

    /// Creates the store and loads `count` generated customers (codes KH00000001...).
    @discardableResult
    func seeded(_ count: Int, seed: Int = 7) throws -> [Customer] {
        #expect(try run(["init"]).status == 0)
        let generated = try runCStore(["generate", "--customers", String(count), "--seed", String(seed)])
        #expect(generated.status == 0)
        let put = try run(["put"], stdin: generated.stdout)
        #expect(put.status == 0, "\(put.stderr)")
        return try decodeLines(generated.stdout)
    }
}

/// The JSON Lines of `text` decoded as customers, with ISO-8601 dates.
func decodeLines(_ text: String) throws -> [Customer] {
    let decoder = ExchangeJSON.decoder()
    return try text.split(separator: "\n").map { try decoder.decode(Customer.self, from: Data($0.utf8)) }
}
