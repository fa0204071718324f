import Foundation

/// File helpers the suites need around the engines: sizes for the bytes-per-customer metric,
/// private copies of fixtures, fresh scratch directories.
public enum FileUtilities {
    /// The size of the file at `path` in bytes (0 when it does not exist, as for a WAL file
    /// SQLite truncated away).
    public static func size(of path: String) throws -> Int {
        var status = stat()
        if stat(path, &status) != 0 {
            if errno == ENOENT { return 0 }
            throw FixtureError.system(operation: "stat", path: path, code: errno)
        }
        return Int(status.st_size)
    }

    /// A new empty directory under the fixtures directory, named after `label` and the
    /// process, removed first if a dead process with the same id left it behind.
    public static func scratchDirectory(_ label: String) throws -> String {
        let path = scratchPath(label)
        try remove(path)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Where ``scratchDirectory(_:)`` puts `label`'s directory for this process.
    public static func scratchPath(_ label: String) -> String {
        (BenchmarkSettings.fixturesDirectory as NSString).appendingPathComponent("scratch/\(label)-\(getpid())")
    }

    /// Copies the file or directory `source` to `destination` (which must not exist).
    ///
    /// Engines that write (updates, deletes) work on such a copy, never on the shared fixture,
    /// which later benchmark processes reuse.
    public static func copy(_ source: String, to destination: String) throws {
        try FileManager.default.copyItem(atPath: source, toPath: destination)
    }

    /// Removes `path` if it exists.
    public static func remove(_ path: String) throws {
        if FileManager.default.fileExists(atPath: path) {
            try FileManager.default.removeItem(atPath: path)
        }
    }
}
