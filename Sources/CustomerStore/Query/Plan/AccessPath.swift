import LMDB

/// One way to find candidate customers without reading every record; a node of the plan
/// tree that ``CandidateReader`` turns into sorted ids.
final class AccessPath {
    enum Kind {
        /// Point lookups in a unique index (code, phone, email).
        case uniqueLookup(IndexedField, keys: [[UInt8]])
        /// The postings under index keys in `ranges` (one key: a posting list).
        case indexRange(IndexedField, ranges: [KeyRange])
        /// Name-token postings: tokens starting with `prefix`, or equal to it when `exact`.
        case nameToken(OpenIndex, token: String, exact: Bool)
        /// Record ids within `ranges`.
        case idRange([KeyRange])
        case intersection([AccessPath])
        case union([AccessPath])
    }

    let kind: Kind
    /// Estimated candidate customers, from index statistics.
    let estimate: Int
    /// Ids read from indexes to produce the candidates (the cost of the path).
    let idsRead: Int
    /// Whether the candidates are exactly the matching customers, so no record need be read
    /// to filter (counts come straight from the postings).
    let exact: Bool
    /// Candidates actually produced, filled in by execution for `explain`.
    var actual: Int?
    /// Whether execution probed this posting id by id instead of reading it (see
    /// ``CandidateReader``).
    var probed = false

    init(_ kind: Kind, estimate: Int, idsRead: Int? = nil, exact: Bool) {
        self.kind = kind
        self.estimate = estimate
        self.idsRead = idsRead ?? estimate
        self.exact = exact
    }

    /// The key of a single posting list, which can be probed id by id.
    var postingKey: (db: FixedDuplicateDatabase, key: [UInt8])? {
        guard case .indexRange(let indexed, let ranges) = kind, ranges.count == 1, KeyText.isPoint(ranges[0]),
              case .included(let key) = ranges[0].lower, case .postings(let db) = indexed.index.storage
        else { return nil }
        return (db, key)
    }

    var children: [AccessPath] {
        switch kind {
        case .intersection(let paths), .union(let paths): paths
        default: []
        }
    }

    /// The node's line in `explain`.
    var label: String { probed ? operation + ", probed per candidate" : operation }

    private var operation: String {
        switch kind {
        case .uniqueLookup(let indexed, let keys):
            "unique lookup \(indexed.field) " + keys.map { KeyText.key($0, of: indexed.field) }.joined(separator: ", ")
        case .indexRange(let indexed, let ranges):
            (ranges.count == 1 && KeyText.isPoint(ranges[0]) ? "posting " : "index range ")
                + "\(indexed.field) " + ranges.map { KeyText.range($0, of: indexed.field) }.joined(separator: " or ")
        case .nameToken(_, let token, let exact):
            "posting name token " + (exact ? "'\(token)'" : "prefix '\(token)'")
        case .idRange(let ranges):
            "id range " + ranges.map { KeyText.range($0, of: .id) }.joined(separator: " or ")
        case .intersection:
            "intersection of sorted postings"
        case .union:
            "union of sorted postings"
        }
    }
}
