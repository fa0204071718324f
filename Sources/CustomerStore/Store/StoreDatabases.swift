import LMDB

/// Where one secondary index lives.
enum IndexStorage: Sendable {
    case unique(PlainDatabase)
    case postings(FixedDuplicateDatabase)
}

/// An index definition with its open database.
struct OpenIndex: Sendable {
    let definition: IndexDefinition
    let storage: IndexStorage
}

/// The databases of a store, opened once: records by id, counters, and every index of
/// ``CustomerIndexes``.
struct StoreDatabases: Sendable {
    /// `id (8 bytes, big-endian) -> record`.
    let records: PlainDatabase
    /// Counters: the next id and the next code sequence.
    let meta: PlainDatabase
    let indexes: [OpenIndex]
    /// The unique indexes lookups use, resolved once rather than searched per lookup.
    let codes: PlainDatabase
    let phones: PlainDatabase
    let emails: PlainDatabase

    init(environment env: Environment) throws {
        records = try env.openDatabase("records")
        meta = try env.openDatabase("meta")
        indexes = try CustomerIndexes.all.map { definition in
            let storage: IndexStorage = switch definition.kind {
            case .unique: .unique(try env.openDatabase("index." + definition.field))
            case .multiValue, .range:
                .postings(try env.openDatabase("index." + definition.field, kind: FixedDuplicates.self))
            }
            return OpenIndex(definition: definition, storage: storage)
        }
        codes = Self.unique("code", in: indexes)
        phones = Self.unique("phone", in: indexes)
        emails = Self.unique("email", in: indexes)
    }

    /// The unique index of `field`.
    private static func unique(_ field: String, in indexes: [OpenIndex]) -> PlainDatabase {
        for index in indexes where index.definition.field == field {
            if case .unique(let db) = index.storage { return db }
        }
        preconditionFailure("no unique index named \(field)")
    }
}
