import Foundation

/// An exclusive `flock` on a file, held while `body` runs.
///
/// Each package-benchmark benchmark runs in its own process, and `swift package benchmark`
/// may be started twice at once (two suites in two shells): the lock makes sure only one
/// process builds a fixture while the others wait and then reuse it.
func withExclusiveLock<R>(path: String, _ body: () throws -> R) throws -> R {
    let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw FixtureError.system(operation: "open", path: path, code: errno) }
    defer { close(descriptor) }
    while flock(descriptor, LOCK_EX) != 0 {
        guard errno == EINTR else { throw FixtureError.system(operation: "flock", path: path, code: errno) }
    }
    // Closing the descriptor (above) releases the lock, also when `body` throws.
    return try body()
}
