/// How an index relates its keys to customers.
enum IndexKind: Sendable {
    /// One customer per key (code, phone, email, source): a plain database `key -> id`,
    /// written with no-overwrite so a second holder is a duplicate error.
    case unique
    /// Many customers per key (segment, tags, ...): a `DUPSORT | DUPFIXED` database
    /// `key -> id` whose sorted 8-byte ids are compact and countable.
    case multiValue
    /// Like ``multiValue``, with order-preserving keys so a range of values is one walk.
    case range
}

/// One secondary index: its database, the field it serves and how a customer maps to keys.
///
/// Every write derives the keys of the old and the new customer with ``keys`` and applies
/// only the difference, in the same transaction as the record (see ``IndexDiff``).
struct IndexDefinition: Sendable {
    /// The database name, and the field name used in errors and queries (`phone`, `tags`).
    let field: String
    let kind: IndexKind
    /// The customer's keys for this index, sorted and without repeats.
    let keys: @Sendable (Customer) -> [[UInt8]]

    init(_ field: String, _ kind: IndexKind, keys: @escaping @Sendable (Customer) -> [[UInt8]]) {
        self.field = field
        self.kind = kind
        self.keys = { customer in
            var sorted = keys(customer)
            guard sorted.count > 1 else { return sorted }
            sorted.sort { $0.lexicographicallyPrecedes($1) }
            var unique = [sorted[0]]
            for key in sorted.dropFirst() where key != unique[unique.count - 1] { unique.append(key) }
            return unique
        }
    }

    /// An index with at most one key per customer.
    init(_ field: String, _ kind: IndexKind, key: @escaping @Sendable (Customer) -> [UInt8]?) {
        self.field = field
        self.kind = kind
        self.keys = { customer in key(customer).map { [$0] } ?? [] }
    }
}
