import CLMDB

/// What a walk's closure tells the walk to do next.
public enum WalkStep: Sendable {
    /// Go on to the next entry.
    case next
    /// Stop the walk here.
    case stop
}

extension ReadableTransaction where Self: ~Copyable {
    /// Calls `body` with each entry of `range`, in key order or in reverse, reading keys and
    /// values in place. In a duplicate database every value of a key is an entry.
    ///
    /// ```swift
    /// try txn.forEach(in: codes, range: .prefix("KH01"), reverse: true) { key, value in
    ///     print(String(decoding: key, as: UTF8.self))
    ///     return .next
    /// }
    /// ```
    ///
    /// - Warning: The buffers are valid only inside `body`.
    public func forEach<Kind>(
        in db: Database<Kind>, range: KeyRange = .all, reverse: Bool = false,
        _ body: (_ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer) throws -> WalkStep
    ) throws {
        guard let range = range.normalized else { return }
        try withCursor(db) { cursor in
            var found = reverse
                ? try positionAtEnd(&cursor, range.upper, in: db)
                : try positionAtStart(&cursor, range.lower, in: db)
            while found {
                let inRange = reverse
                    ? isWithin(lower: range.lower, cursor.key, in: db)
                    : isWithin(upper: range.upper, cursor.key, in: db)
                guard inRange, try body(cursor.key, cursor.value) == .next else { return }
                found = reverse ? try cursor.previous() : try cursor.next()
            }
        }
    }

    /// The entries of `range`, copied, up to `limit` of them.
    public func entries<Kind>(
        in db: Database<Kind>, range: KeyRange = .all, reverse: Bool = false, limit: Int = .max
    ) throws -> [(key: [UInt8], value: [UInt8])] {
        var result: [(key: [UInt8], value: [UInt8])] = []
        guard limit > 0 else { return result }
        try forEach(in: db, range: range, reverse: reverse) { key, value in
            result.append((Array(key), Array(value)))
            return result.count < limit ? .next : .stop
        }
        return result
    }

    /// Places the cursor on the first entry at or after the lower bound.
    private func positionAtStart<Kind>(
        _ cursor: inout Cursor<Kind>, _ bound: KeyRange.Bound, in db: Database<Kind>
    ) throws(LMDBError) -> Bool {
        switch bound {
        case .unbounded:
            return try cursor.first()
        case .included(let key):
            return try cursor.seek(atOrAfter: key)
        case .excluded(let key):
            guard try cursor.seek(atOrAfter: key) else { return false }
            let atKey = key.withUnsafeBytes { compare(cursor.key, $0, in: db) == 0 }
            return atKey ? try cursor.nextKey() : true
        }
    }

    /// Places the cursor on the last entry (the last value of its key) at or before the
    /// upper bound.
    private func positionAtEnd<Kind>(
        _ cursor: inout Cursor<Kind>, _ bound: KeyRange.Bound, in db: Database<Kind>
    ) throws(LMDBError) -> Bool {
        switch bound {
        case .unbounded:
            return try cursor.last()
        case .included(let key), .excluded(let key):
            // The first key at or after the bound, or the end of the database.
            guard try cursor.seek(atOrAfter: key) else { return try cursor.last() }
            let order = key.withUnsafeBytes { compare(cursor.key, $0, in: db) }
            if order > 0 || bound == .excluded(key) { return try cursor.previous() }
            // On the bound itself: start from its last value.
            return try cursor.move(lastValueOfKey(Kind.self))
        }
    }

    private func isWithin<Kind>(upper bound: KeyRange.Bound, _ key: UnsafeRawBufferPointer, in db: Database<Kind>) -> Bool {
        switch bound {
        case .unbounded: true
        case .included(let limit): limit.withUnsafeBytes { compare(key, $0, in: db) <= 0 }
        case .excluded(let limit): limit.withUnsafeBytes { compare(key, $0, in: db) < 0 }
        }
    }

    private func isWithin<Kind>(lower bound: KeyRange.Bound, _ key: UnsafeRawBufferPointer, in db: Database<Kind>) -> Bool {
        switch bound {
        case .unbounded: true
        case .included(let limit): limit.withUnsafeBytes { compare(key, $0, in: db) >= 0 }
        case .excluded(let limit): limit.withUnsafeBytes { compare(key, $0, in: db) > 0 }
        }
    }
}

/// `MDB_LAST_DUP` for duplicate databases; for others the current entry is already the last.
@inline(__always)
private func lastValueOfKey<Kind: DatabaseKind>(_ kind: Kind.Type) -> MDB_cursor_op {
    Kind.flags & UInt32(MDB_DUPSORT) != 0 ? MDB_LAST_DUP : MDB_GET_CURRENT
}

extension ReadableTransaction where Self: ~Copyable {
    /// Calls `body` with each value of `key` in a duplicate database, in order or in reverse.
    ///
    /// ```swift
    /// try txn.forEachDuplicate(of: "loyal", in: segments) { id in ids.append(Array(id)); return .next }
    /// ```
    public func forEachDuplicate<Kind: DuplicateKind>(
        of key: some LMDBBytes, in db: Database<Kind>, reverse: Bool = false,
        _ body: (_ value: UnsafeRawBufferPointer) throws -> WalkStep
    ) throws {
        try withCursor(db) { cursor in
            guard try cursor.seek(exactly: key) else { return }
            var found = reverse ? try cursor.lastDuplicate() : true
            while found, try body(cursor.value) == .next {
                found = reverse ? try cursor.previousDuplicate() : try cursor.nextDuplicate()
            }
        }
    }

    /// The number of values of `key` in a duplicate database; 0 when absent.
    public func duplicateCount<Kind: DuplicateKind>(of key: some LMDBBytes, in db: Database<Kind>) throws -> Int {
        try withCursor(db) { cursor in
            try cursor.seek(exactly: key) ? try cursor.duplicateCount() : 0
        }
    }

    /// The values of `key` in a duplicate database, copied, in order.
    public func duplicates<Kind: DuplicateKind>(of key: some LMDBBytes, in db: Database<Kind>) throws -> [[UInt8]] {
        var values: [[UInt8]] = []
        try forEachDuplicate(of: key, in: db) { value in
            values.append(Array(value))
            return .next
        }
        return values
    }

    /// Reads the values of `key` a page at a time (`MDB_GET_MULTIPLE`, `MDB_NEXT_MULTIPLE`):
    /// each call of `body` gets a block of values of `valueSize` bytes each, back to back, in
    /// order. The fastest way to read a long posting list.
    ///
    /// ```swift
    /// try txn.forEachDuplicateBlock(of: "loyal", in: segments) { block, valueSize in
    ///     count += block.count / valueSize
    ///     return .next
    /// }
    /// ```
    public func forEachDuplicateBlock(
        of key: some LMDBBytes, in db: FixedDuplicateDatabase,
        _ body: (_ block: UnsafeRawBufferPointer, _ valueSize: Int) throws -> WalkStep
    ) throws {
        try withCursor(db) { cursor in
            guard try cursor.seek(exactly: key) else { return }
            let valueSize = cursor.value.count
            var found = try cursor.firstDuplicateBlock()
            while found, try body(cursor.value, valueSize) == .next {
                found = try cursor.nextDuplicateBlock()
            }
        }
    }
}
