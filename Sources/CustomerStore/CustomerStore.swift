import Foundation
import LMDB

/// The customer store: records with normalised secondary indexes, kept consistent in one
/// transaction per operation, on an LMDB environment in a directory.
///
/// Open one store per directory per process and share it: many threads may read at once
/// while one writes.
///
/// ```swift
/// let store = try CustomerStore(path: "/var/lib/shop/customers")
/// let stored = try store.insert(Customer(
///     fullName: "Nguyễn Văn An",
///     phones: [try ContactPhone(parsing: "0912 345 678", isPrimary: true)]))
/// stored.code                                     // "KH00000001"
/// try store.get(phone: "+84 912 345 678")?.id     // stored.id
/// try store.update(id: stored.id) { $0.points += 500 }
/// ```
public final class CustomerStore: Sendable {
    /// How a store is opened.
    public struct Options: Sendable {
        /// The LMDB environment's options (map size, sync, ...).
        public var environment = Environment.Options()
        /// The prefix of assigned customer codes.
        public var codePrefix = "KH"
        /// The digits of the zero-padded sequence in assigned codes (`KH00000001`).
        public var codeDigits = 8

        /// The default options.
        public init() {}
    }

    /// The LMDB environment holding the store, for backups and statistics.
    public let environment: Environment
    let databases: StoreDatabases
    /// The indexes by query field, for the query planner.
    let catalog: IndexCatalog
    let options: Options

    /// Opens the store at `path`, creating it if needed.
    ///
    /// - Throws: ``CustomerStoreError/engine(_:)`` when the environment cannot be opened.
    public init(path: String, options: Options = Options()) throws {
        do {
            environment = try Environment(path: path, options: options.environment)
            databases = try StoreDatabases(environment: environment)
            catalog = IndexCatalog(databases)
        } catch {
            throw CustomerStoreError.wrap(error)
        }
        self.options = options
    }

    /// Runs `body` in one write transaction, mapping lower-level errors to store errors.
    func writing<R>(_ body: (inout WriteTransaction) throws -> R) throws -> R {
        do {
            return try environment.write(body)
        } catch {
            throw CustomerStoreError.wrap(error)
        }
    }

    /// Runs `body` in one read transaction, mapping lower-level errors to store errors.
    func reading<R>(_ body: (borrowing ReadTransaction) throws -> R) throws -> R {
        do {
            return try environment.read(body)
        } catch {
            throw CustomerStoreError.wrap(error)
        }
    }
}
