import LMDB

/// A unique key of a row (code, phone, email or source), with the column it came from.
struct UniqueKey {
    /// The store's index: `code`, `phone`, `email` or `source`.
    let field: String
    let bytes: [UInt8]
    /// The value as the file wrote it, for problems.
    let shown: String
    let column: String

    /// The keys of `customer`, as the store indexes them.
    static func keys(of customer: Customer, columns: (code: String, phones: String, emails: String, sources: String)) -> [UniqueKey] {
        var keys: [UniqueKey] = []
        if let code = IndexKey.code(customer.code) {
            keys.append(UniqueKey(field: "code", bytes: code, shown: customer.code, column: columns.code))
        }
        for phone in customer.phones {
            keys.append(UniqueKey(field: "phone", bytes: Array(phone.number.e164.utf8), shown: phone.number.raw, column: columns.phones))
        }
        for email in customer.emails {
            keys.append(UniqueKey(field: "email", bytes: Array(email.address.normalized.utf8), shown: email.address.display, column: columns.emails))
        }
        for source in customer.sources {
            keys.append(UniqueKey(field: "source", bytes: IndexKey.source(source),
                                  shown: "\(source.system):\(source.externalID)", column: columns.sources))
        }
        return keys
    }
}

/// The unique keys of the rows kept so far, with the line of each, so a later row with the
/// same code, phone, email or source is a duplicate naming the earlier line. The one part of
/// an import that grows with the file: about 100 bytes per kept row.
struct DuplicateRegistry {
    private var seen: [String: Int] = [:]

    private static func name(_ key: UniqueKey) -> String {
        key.field + "\u{0}" + String(decoding: key.bytes, as: UTF8.self)
    }

    /// The line of an earlier row holding `key`, if any.
    func line(of key: UniqueKey) -> Int? { seen[Self.name(key)] }

    mutating func register(_ keys: [UniqueKey], line: Int) {
        for key in keys where seen[Self.name(key)] == nil { seen[Self.name(key)] = line }
    }

    mutating func merge(_ other: DuplicateRegistry) {
        seen.merge(other.seen) { old, _ in old }
    }

    /// The problem with the first key an earlier row (in `self` or `local`) or a stored
    /// customer (`holder` names it) already has; also catches a key repeated within the row.
    static func check(
        _ keys: [UniqueKey], file: String, line: Int, registries: [DuplicateRegistry],
        holder: (UniqueKey) throws -> String?
    ) throws -> ImportProblem? {
        var own = Set<String>()
        for key in keys {
            if !own.insert(name(key)).inserted {
                return ImportProblem(file: file, line: line, column: key.column, value: key.shown,
                                     reason: "appears twice in the row")
            }
            for registry in registries {
                if let earlier = registry.line(of: key) {
                    return ImportProblem(file: file, line: line, column: key.column, value: key.shown,
                                         reason: "duplicates line \(earlier) (same \(key.field))")
                }
            }
            if let code = try holder(key) {
                return ImportProblem(file: file, line: line, column: key.column, value: key.shown,
                                     reason: "already belongs to stored customer \(code) (same \(key.field))")
            }
        }
        return nil
    }
}

extension CustomerStore {
    /// The code of the stored customer holding `key` in the unique index `field`, or `nil`.
    func holder(of key: UniqueKey, in txn: borrowing some ReadableTransaction & ~Copyable) throws -> String? {
        guard let index = databases.indexes.first(where: { $0.definition.field == key.field }),
              case .unique(let db) = index.storage,
              let id = try txn.withValue(for: key.bytes, in: db, { OrderedKey.readUInt64($0) }) ?? nil
        else { return nil }
        return try record(id, in: txn)?.code ?? "id \(id)"
    }
}

extension CustomerBatch {
    /// The code of the customer holding `key` as the batch sees it, or `nil`.
    func holder(of key: UniqueKey) throws -> String? { try store.holder(of: key, in: transaction) }
}
