import ArgumentParser
import CustomerStore
import Foundation

extension ExitCode {
    /// A customer (or code) that was asked for does not exist.
    static let notFound = ExitCode(1)
    /// The arguments or the query are wrong; ArgumentParser's own usage errors map here too.
    static let usage = ExitCode(2)
    /// The data was rejected or the store's data is inconsistent.
    static let dataError = ExitCode(3)
    /// The store cannot be opened or the storage engine failed.
    static let storeError = ExitCode(4)
}

/// A failure to report as one line on stderr with its exit code, so scripts can tell a
/// missing customer from a bad query, bad data or a broken store.
struct Failure: Error, CustomStringConvertible {
    /// The exit status.
    let code: ExitCode
    /// What went wrong and where, without a trailing newline.
    let message: String

    init(_ code: ExitCode, _ message: String) {
        self.code = code
        self.message = message
    }

    var description: String { message }

    /// The failure for an error a command let through, or `nil` for ArgumentParser's own
    /// errors (help, version, usage), which it reports itself.
    init?(mapping error: any Error) {
        switch error {
        case let failure as Failure:
            self = failure
        case let error as QueryError:
            self.init(.usage, "query error: \(error)")
        case let error as CustomerStoreError:
            self.init(Self.code(of: error), error.description)
        case let error as DecodingError:
            self.init(.dataError, "invalid customer JSON: \(Self.describe(error))")
        default:
            return nil
        }
    }

    /// The exit code of a store error: missing customers 1, rejected data 3, the engine 4.
    static func code(of error: CustomerStoreError) -> ExitCode {
        switch error {
        case .notFound: .notFound
        case .engine: .storeError
        case .duplicate, .invalidField, .versionConflict, .corruptRecord, .rejectedItem: .dataError
        }
    }

    /// A `DecodingError` as one line naming the key path, since its default description is
    /// a multi-line dump.
    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? "" : " at " + keys.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing key '\(key.stringValue)'\(path(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let underlying = (context.underlyingError as NSError?).map { " (\($0.localizedDescription))" } ?? ""
            return context.debugDescription + path(context) + underlying
        @unknown default:
            return "\(error)"
        }
    }
}
