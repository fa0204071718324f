import CLMDB

/// The shape of a database, fixed when it is created. The kind decides which operations a
/// ``Database`` handle offers: duplicate walks exist only for duplicate kinds, bulk reads only
/// for ``FixedDuplicates``.
public protocol DatabaseKind: Sendable {
    /// The `mdb_dbi_open` flags of this kind.
    static var flags: UInt32 { get }
}

/// A kind whose keys hold one value each, so a value can be reserved in place.
public protocol SingleValueKind: DatabaseKind {}

/// A kind whose keys hold a sorted set of values (`MDB_DUPSORT`).
public protocol DuplicateKind: DatabaseKind {}

/// Byte-string keys in lexicographic order, one value per key.
public enum Plain: SingleValueKind {
    /// The `mdb_dbi_open` flags of this kind.
    public static var flags: UInt32 { 0 }
}

/// Native-endian `UInt64` keys in numeric order (`MDB_INTEGERKEY`), one value per key.
public enum IntegerKeys: SingleValueKind {
    /// The `mdb_dbi_open` flags of this kind.
    public static var flags: UInt32 { UInt32(MDB_INTEGERKEY) }
}

/// Each key holds a sorted set of values of any size up to ``Environment/maxKeySize``
/// (`MDB_DUPSORT`).
public enum Duplicates: DuplicateKind {
    /// The `mdb_dbi_open` flags of this kind.
    public static var flags: UInt32 { UInt32(MDB_DUPSORT) }
}

/// Each key holds a sorted set of values that all have the same size
/// (`MDB_DUPSORT | MDB_DUPFIXED`): compact postings that can be read a page at a time.
public enum FixedDuplicates: DuplicateKind {
    /// The `mdb_dbi_open` flags of this kind.
    public static var flags: UInt32 { UInt32(MDB_DUPSORT | MDB_DUPFIXED) }
}

/// A handle to a named database inside an ``Environment``.
///
/// Handles are cheap values, valid for the life of the environment that opened them and
/// only there. Open each database once, when the environment is opened, and keep the handle.
///
/// ```swift
/// let phones = try env.openDatabase("phone", kind: Plain.self)
/// let segments = try env.openDatabase("segment", kind: FixedDuplicates.self)
/// ```
public struct Database<Kind: DatabaseKind>: Sendable, Hashable {
    /// The name the database was opened with, or `nil` for the environment's main database.
    public let name: String?
    /// LMDB's handle (`MDB_dbi`).
    public let dbi: MDB_dbi

    init(name: String?, dbi: MDB_dbi) {
        self.name = name
        self.dbi = dbi
    }
}

/// A database of byte-string keys with one value each.
public typealias PlainDatabase = Database<Plain>
/// A database of native `UInt64` keys with one value each.
public typealias IntegerKeyDatabase = Database<IntegerKeys>
/// A database whose keys hold sorted sets of values.
public typealias DuplicateDatabase = Database<Duplicates>
/// A database whose keys hold sorted sets of same-size values, such as 8-byte ids.
public typealias FixedDuplicateDatabase = Database<FixedDuplicates>

/// The flags LMDB stores with a database, and how to name them in errors.
enum DatabaseFlags {
    static let persistent = UInt32(MDB_REVERSEKEY | MDB_DUPSORT | MDB_INTEGERKEY | MDB_DUPFIXED | MDB_INTEGERDUP | MDB_REVERSEDUP)

    static func describe(_ flags: UInt32) -> String {
        let names: [(Int32, String)] = [
            (MDB_REVERSEKEY, "REVERSEKEY"), (MDB_DUPSORT, "DUPSORT"), (MDB_INTEGERKEY, "INTEGERKEY"),
            (MDB_DUPFIXED, "DUPFIXED"), (MDB_INTEGERDUP, "INTEGERDUP"), (MDB_REVERSEDUP, "REVERSEDUP"),
        ]
        let set = names.filter { flags & UInt32($0.0) != 0 }.map(\.1)
        return set.isEmpty ? "plain" : set.joined(separator: "|")
    }
}
