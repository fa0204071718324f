import Foundation
import LMDB
import Synchronization
import Testing

/// A fresh directory under the system's temporary directory, removed when the test ends.
final class TemporaryDirectory: Sendable {
    let path: String

    init() throws {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("lmdb-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = url.path
    }

    func subpath(_ name: String) -> String { path + "/" + name }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// An environment in its own temporary directory.
struct TestEnvironment {
    let directory: TemporaryDirectory
    let env: Environment

    init(_ configure: (inout Environment.Options) -> Void = { _ in }) throws {
        directory = try TemporaryDirectory()
        var options = Environment.Options()
        configure(&options)
        env = try Environment(path: directory.subpath("env"), options: options)
    }
}

/// Big-endian bytes of `n`, so keys sort in numeric order.
func key(_ n: Int, prefix: String = "") -> [UInt8] {
    Array(prefix.utf8) + withUnsafeBytes(of: UInt32(n).bigEndian) { Array($0) }
}

/// Runs `body` on `count` real threads at once and waits for all; rethrows the first error.
func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) throws -> Void) throws {
    let group = DispatchGroup()
    let errors = Mutex<[any Error]>([])
    for index in 0..<count {
        group.enter()
        let thread = Thread {
            defer { group.leave() }
            do { try body(index) } catch { errors.withLock { $0.append(error) } }
        }
        thread.stackSize = 4 << 20
        thread.start()
    }
    group.wait()
    if let error = errors.withLock({ $0.first }) { throw error }
}

/// The helper executable built next to the test bundle.
func helperExecutable() throws -> URL {
    let candidates = [
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
        Bundle.main.bundleURL,
        Bundle.main.bundleURL.deletingLastPathComponent(),
    ].map { $0.appendingPathComponent("lmdb-test-helper") }
    let found = candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    return try #require(found, "lmdb-test-helper not built next to the tests: \(candidates)")
}

/// A child process speaking lines over pipes.
final class ChildProcess {
    let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private var buffer = Data()

    init(_ arguments: [String]) throws {
        process.executableURL = try helperExecutable()
        process.arguments = arguments
        process.standardInput = input
        process.standardOutput = output
        try process.run()
    }

    func send(_ line: String) {
        input.fileHandleForWriting.write(Data((line + "\n").utf8))
    }

    /// The next line the child prints, or `nil` at end of output.
    func readLine() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                buffer.removeSubrange(buffer.startIndex...newline)
                return line
            }
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { return nil }
            buffer.append(chunk)
        }
    }

    func ask(_ line: String) -> String? {
        send(line)
        return readLine()
    }

    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    func finish() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
