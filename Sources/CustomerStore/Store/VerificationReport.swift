/// What ``CustomerStore/verify()`` found: how much it checked and each mismatch between
/// the records and the indexes.
///
/// ```swift
/// let report = try store.verify()
/// if !report.isClean {
///     report.problems.forEach { print($0) }
///     try store.reindex()
/// }
/// ```
public struct VerificationReport: Sendable, Hashable {
    /// Records read and decoded.
    public var recordsChecked = 0
    /// Index entries confirmed present for those records.
    public var entriesChecked = 0
    /// Every mismatch found, in the order found.
    public var problems: [VerificationProblem] = []

    /// Whether records and indexes agree completely.
    public var isClean: Bool { problems.isEmpty }
}

/// One mismatch between the records and an index. Keys are shown as text.
public enum VerificationProblem: Sendable, Hashable, CustomStringConvertible {
    /// The record of `id` should have `key` in `index`, and the index lacks it.
    case recordWithoutEntry(index: String, key: String, id: UInt64)
    /// An entry names customer `id`, which has no record.
    case entryWithoutRecord(index: String, key: String, id: UInt64)
    /// An entry names customer `id`, whose record does not have `key` (a stale entry).
    case staleEntry(index: String, key: String, id: UInt64)
    /// A unique entry names customer `pointsTo`, but the key belongs to `belongsTo`.
    case entryPointsToWrongRecord(index: String, key: String, pointsTo: UInt64, belongsTo: UInt64)
    /// Two records hold the same unique key.
    case duplicateUniqueKey(index: String, key: String, ids: [UInt64])
    /// A record could not be decoded.
    case corruptRecord(RecordDecodingError)

    public var description: String {
        switch self {
        case .recordWithoutEntry(let index, let key, let id):
            "customer id \(id) has \(index) \"\(key)\" but the index has no entry for it"
        case .entryWithoutRecord(let index, let key, let id):
            "\(index) index entry \"\(key)\" names customer id \(id), which does not exist"
        case .staleEntry(let index, let key, let id):
            "\(index) index entry \"\(key)\" names customer id \(id), whose record does not have it"
        case .entryPointsToWrongRecord(let index, let key, let pointsTo, let belongsTo):
            "\(index) index entry \"\(key)\" names customer id \(pointsTo), but it belongs to id \(belongsTo)"
        case .duplicateUniqueKey(let index, let key, let ids):
            "\(index) \"\(key)\" is held by several customers: ids \(ids.map(String.init).joined(separator: ", "))"
        case .corruptRecord(let error):
            "corrupt record: \(error)"
        }
    }
}
