import Foundation

extension Fixture {
    /// The SQLite database of the Filters suite: a copy of the fixture's with
    /// ``SQLiteSchema/filtersIndexes`` added (an index on `points`), built once beside the
    /// fixture and reused by later processes, like the fixture itself: under an exclusive lock,
    /// with its `complete` marker written last. The fixture's own database keeps the schema the
    /// other suites measure.
    public func filtersSQLitePath() throws -> String {
        let path = (directory as NSString).appendingPathComponent("customers-filters.sqlite")
        let marker = path + ".complete"
        try withExclusiveLock(path: path + ".lock") {
            if FileManager.default.fileExists(atPath: marker) { return }
            for file in [path, path + "-wal", path + "-shm"] { try FileUtilities.remove(file) }
            try copySQLite(to: path)
            try SQLiteFilters.addFiltersIndexes(at: path)
            guard FileManager.default.createFile(atPath: marker, contents: Data()) else {
                throw FixtureError.system(operation: "create", path: marker, code: errno)
            }
        }
        return path
    }
}
