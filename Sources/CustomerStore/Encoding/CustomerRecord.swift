/// The binary form in which the store keeps a ``Customer``: compact, versioned, fast to
/// decode, and written by the project rather than by a general coder.
///
/// A record is one format-version byte (``formatVersion``), then fields, each a field number
/// (a LEB128 varint), the payload's length (a varint) and the payload, then the end marker, a
/// field number 0. Fields that hold their default value are not written. A reader skips field
/// numbers it does not know, so records written by a newer version still decode. The field
/// numbers and payloads are listed in one table (`RecordField`).
///
/// Encoding is deterministic: the same customer gives the same bytes, whatever the order of
/// its tags, consent or attributes in memory. Decoding checks every read against the end of
/// the bytes and throws a ``RecordDecodingError`` for a truncated or corrupt record.
///
/// The record does not contain the customer's id: the id is the record's key, and
/// ``decode(_:id:)`` sets it.
///
/// ```swift
/// let bytes = CustomerRecord.encode(customer)
/// let back = try bytes.withUnsafeBytes { try CustomerRecord.decode($0, id: customer.id) }
///
/// var buffer: [UInt8] = []                      // reused across a bulk write
/// for customer in batch {
///     CustomerRecord.encode(customer, into: &buffer)
///     try txn.put(buffer, for: key(of: customer), in: records)
/// }
/// ```
public enum CustomerRecord {
    /// The format version this code writes and reads: the record's first byte.
    public static let formatVersion: UInt8 = 1

    /// The record of `customer`.
    ///
    /// ```swift
    /// let bytes = CustomerRecord.encode(Customer(fullName: "Lan"))
    /// bytes.first  // 1, the format version
    /// ```
    public static func encode(_ customer: Customer) -> [UInt8] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(256)
        encode(customer, into: &buffer)
        return buffer
    }

    /// Replaces the contents of `buffer` with the record of `customer`, keeping the buffer's
    /// capacity, so that a loop that encodes many customers allocates rarely.
    ///
    /// ```swift
    /// var buffer: [UInt8] = []
    /// CustomerRecord.encode(customer, into: &buffer)
    /// ```
    public static func encode(_ customer: Customer, into buffer: inout [UInt8]) {
        var writer = RecordWriter(reusing: &buffer)
        writer.byte(formatVersion)
        writeFields(of: customer, to: &writer)
        writer.varint(RecordField.endOfRecord)
        buffer = writer.finish()
    }

    /// Decodes the record `bytes` of the customer with key `id`; the result's ``Customer/id``
    /// is `id`. Fields this version does not know are skipped.
    ///
    /// `bytes` may point into LMDB's map: nothing refers to them once this returns.
    ///
    /// ```swift
    /// let customer = try txn.withValue(for: key, in: records) { bytes in
    ///     try CustomerRecord.decode(bytes, id: id)
    /// }
    /// ```
    ///
    /// - Throws: ``RecordDecodingError`` naming the record, the byte offset, the field and
    ///   the problem when the bytes are truncated or corrupt, or written in an unknown format
    ///   version.
    public static func decode(_ bytes: UnsafeRawBufferPointer, id: UInt64) throws(RecordDecodingError) -> Customer {
        var reader = RecordReader(bytes, id: id)
        guard !reader.isAtEnd else { throw reader.failure(.emptyRecord) }
        let version = try reader.byte()
        guard version == formatVersion else { throw reader.failure(.unknownFormatVersion(version), at: 0) }
        var customer = try readFields(from: &reader)
        customer.id = id
        return customer
    }
}
