import LMDB

/// Everything the customer store can throw, in cases a caller can match.
///
/// After any error nothing of the failed operation is stored: every operation runs in one
/// LMDB write transaction that is aborted on error.
///
/// ```swift
/// do {
///     try store.insert(customer)
/// } catch CustomerStoreError.duplicate(let field, let value, let heldBy) {
///     print("\(field) \(value) already belongs to \(heldBy)")
/// }
/// ```
public enum CustomerStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A unique key (`code`, `phone`, `email`, `source`) already belongs to another customer,
    /// named by its code.
    case duplicate(field: String, value: String, heldBy: String)
    /// A field's value was rejected, with the reason.
    case invalidField(field: String, value: String, reason: String)
    /// No customer matches, described as `id 42` or `code KH00000042`.
    case notFound(String)
    /// An update expected another version of the customer (optimistic concurrency).
    case versionConflict(id: UInt64, expected: UInt64, actual: UInt64)
    /// A stored record could not be decoded.
    case corruptRecord(RecordDecodingError)
    /// The storage engine failed (disk full, permissions, ...).
    case engine(LMDBError)
    /// ``CustomerStore/insertMany(_:transactionSize:)`` stopped at the item at `position`
    /// (counting from 0) for `reason`; the `stored` items before its transaction are kept.
    indirect case rejectedItem(position: Int, stored: Int, reason: CustomerStoreError)

    public var description: String {
        switch self {
        case .duplicate(let field, let value, let heldBy):
            "duplicate \(field) \"\(value)\": it already belongs to customer \(heldBy)"
        case .invalidField(let field, let value, let reason):
            "invalid \(field) \"\(value)\": \(reason)"
        case .notFound(let what):
            "no customer with \(what)"
        case .versionConflict(let id, let expected, let actual):
            "customer id \(id) is at version \(actual), not \(expected): it changed since it was read"
        case .corruptRecord(let error):
            "corrupt record: \(error)"
        case .engine(let error):
            "storage engine: \(error)"
        case .rejectedItem(let position, let stored, let reason):
            "item \(position) was rejected (\(stored) stored before it): \(reason)"
        }
    }

    /// `error` as a store error; errors of unknown types are kept as their description.
    static func from(_ error: any Error) -> CustomerStoreError {
        switch wrap(error) {
        case let error as CustomerStoreError: error
        default: .invalidField(field: "customer", value: "", reason: "\(error)")
        }
    }

    /// Maps the errors of the layers below to store errors; store errors pass through.
    static func wrap(_ error: any Error) -> any Error {
        switch error {
        case let error as LMDBError: CustomerStoreError.engine(error)
        case let error as RecordDecodingError: CustomerStoreError.corruptRecord(error)
        case let error as NormalizationError:
            CustomerStoreError.invalidField(field: error.field.rawValue, value: error.input, reason: error.reason)
        default: error
        }
    }
}
