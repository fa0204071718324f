import Foundation

/// Why a fixture could not be built, copied or measured.
public enum FixtureError: Error, CustomStringConvertible {
    /// A system call failed with `errno` `code`.
    case system(operation: String, path: String, code: Int32)
    /// The fixture does not hold what it should (a wrong count, a missing customer).
    case inconsistent(String)

    public var description: String {
        switch self {
        case .system(let operation, let path, let code):
            "\(operation) \(path): \(String(cString: strerror(code)))"
        case .inconsistent(let detail):
            "inconsistent benchmark fixture: \(detail)"
        }
    }
}
