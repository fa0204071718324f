import Foundation

/// Reads and converts the rows of one ``ImportSource`` on a thread of its own, a batch ahead
/// of the caller, so that parsing and conversion overlap the caller's store work (two cores).
///
/// The reading thread fills one batch of `batchSize` rows, hands it over when the caller has
/// taken the previous one, and fills the next: at most two batches in memory, the one the
/// caller works through and the one being filled. Rows come out in file order with the
/// bytes read after each; an error of the source comes out after the rows read before it.
/// The source belongs to the reading thread until the rows run out: the caller reads only
/// its constants (file, header, columns, key columns, total bytes).
final class RowPrefetcher: @unchecked Sendable {
    typealias Row = (row: ImportedRow, bytesRead: Int64)

    let source: ImportSource
    private let batchSize: Int
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var handed: [Row]?
    private var finished = false
    private var failure: (any Error)?
    private var cancelled = false
    // The caller's.
    private var current: [Row] = []
    private var position = 0
    private var done = false

    init(source: ImportSource, batchSize: Int) {
        self.source = source
        self.batchSize = batchSize
        let thread = Thread { [self] in produce() }
        thread.name = "CustomerImporter.read"
        thread.start()
    }

    /// The next row and the bytes read after it, or `nil` at the end; rethrows the source's error.
    func next() throws -> Row? {
        if position < current.count {
            defer { position += 1 }
            return current[position]
        }
        if done { return nil }
        condition.lock()
        while handed == nil && !finished { condition.wait() }
        if let batch = handed {
            handed = nil
            condition.broadcast()
            condition.unlock()
            current = batch
            position = 1
            return batch[0]
        }
        let failure = self.failure
        condition.unlock()
        done = true
        current = []
        if let failure { throw failure }
        return nil
    }

    /// Stops the reading thread (at its next row); the caller reads no more rows.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    private func produce() {
        var error: (any Error)?
        reading: while true {
            var batch: [Row] = []
            batch.reserveCapacity(batchSize)
            do {
                while batch.count < batchSize, let row = try source.next() {
                    batch.append((row, source.bytesRead))
                }
            } catch let caught {
                error = caught
            }
            if !batch.isEmpty {
                condition.lock()
                while handed != nil && !cancelled { condition.wait() }
                if cancelled { condition.unlock(); break reading }
                handed = batch
                condition.broadcast()
                condition.unlock()
            }
            if error != nil || batch.count < batchSize { break }
        }
        condition.lock()
        while handed != nil && !cancelled { condition.wait() }
        finished = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }
}
