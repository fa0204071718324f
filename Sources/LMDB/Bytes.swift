import CLMDB

/// A value whose bytes can be handed to LMDB as a key or data item without copying.
///
/// Conforming types: `[UInt8]`, `ArraySlice<UInt8>`, `String` and `Substring` (UTF-8),
/// `UnsafeRawBufferPointer` and `UnsafeMutableRawBufferPointer`. Conform your own types
/// (a fixed-size key built on the stack, say) to avoid allocations on hot paths.
///
/// ```swift
/// try txn.put("Nguyễn Văn An", for: [0, 0, 0, 1], in: names)
/// ```
public protocol LMDBBytes {
    /// Calls `body` with a buffer over the bytes; the buffer is valid only during the call.
    func withLMDBBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R
}

extension Array: LMDBBytes where Element == UInt8 {
    @inlinable
    public func withLMDBBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withUnsafeBytes(body)
    }
}

extension ArraySlice: LMDBBytes where Element == UInt8 {
    @inlinable
    public func withLMDBBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withUnsafeBytes(body)
    }
}

extension UnsafeRawBufferPointer: LMDBBytes {
    @inlinable
    public func withLMDBBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(self)
    }
}

extension UnsafeMutableRawBufferPointer: LMDBBytes {
    @inlinable
    public func withLMDBBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(self))
    }
}

/// Strings hand LMDB their UTF-8 bytes, in place when the storage is contiguous.
extension LMDBBytes where Self: StringProtocol {
    @inlinable
    public func withLMDBBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        if let result = try utf8.withContiguousStorageIfAvailable({ try body(UnsafeRawBufferPointer($0)) }) {
            return result
        }
        return try Array(utf8).withUnsafeBytes(body)
    }
}

extension String: LMDBBytes {}
extension Substring: LMDBBytes {}

extension MDB_val {
    /// A value pointing at `buffer`; LMDB only reads through it for keys and data in.
    @inlinable @inline(__always)
    init(_ buffer: UnsafeRawBufferPointer) {
        self.init(mv_size: buffer.count, mv_data: UnsafeMutableRawPointer(mutating: buffer.baseAddress))
    }

    /// The bytes LMDB returned, valid until the transaction ends or the page is written.
    @inlinable @inline(__always)
    var buffer: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: mv_data, count: mv_size) }
}

/// Runs `body` with `MDB_val`s over two byte values.
@inline(__always)
func withValues<R>(
    _ key: some LMDBBytes, _ value: some LMDBBytes,
    _ body: (inout MDB_val, inout MDB_val) throws -> R
) rethrows -> R {
    try key.withLMDBBytes { keyBytes in
        try value.withLMDBBytes { valueBytes in
            var keyValue = MDB_val(keyBytes)
            var dataValue = MDB_val(valueBytes)
            return try body(&keyValue, &dataValue)
        }
    }
}
