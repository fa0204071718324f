import Foundation

/// Page tokens: the last row's position, how many rows the pages so far returned (for the
/// query's `LIMIT`), and a fingerprint of the query so a token cannot resume another one.
/// Written as URL-safe Base64 without padding.
enum PageTokenCodec {
    static let version: UInt8 = 1

    struct State: Equatable {
        var position: RowPosition
        var returned: Int
    }

    static func encode(_ state: State, for query: CustomerQuery) -> PageToken {
        var bytes: [UInt8] = [version]
        OrderedKey.append(fingerprint(query), to: &bytes)
        OrderedKey.append(UInt64(state.returned), to: &bytes)
        bytes.append(UInt8(state.position.keys.count))
        for key in state.position.keys {
            guard let key else { bytes.append(0); continue }
            bytes.append(1)
            OrderedKey.append(UInt64(key.count), to: &bytes)
            bytes.append(contentsOf: key)
        }
        OrderedKey.append(state.position.id, to: &bytes)
        let base64 = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return PageToken(base64)
    }

    static func decode(_ token: PageToken, for query: CustomerQuery) throws -> State {
        var base64 = token.text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64) else { throw QueryError.invalidPageToken("not a page token") }
        var reader = ByteReader(bytes: Array(data))
        guard reader.byte() == version else { throw QueryError.invalidPageToken("not a page token of this version") }
        guard reader.uint64() == fingerprint(query) else {
            throw QueryError.invalidPageToken("it belongs to another query")
        }
        guard let returned = reader.uint64(), let count = reader.byte(), Int(count) == query.order.count else {
            throw QueryError.invalidPageToken("truncated")
        }
        var keys: [[UInt8]?] = []
        for _ in 0..<count {
            switch reader.byte() {
            case 0: keys.append(nil)
            case 1:
                guard let length = reader.uint64(), let key = reader.bytes(Int(clamping: length)) else {
                    throw QueryError.invalidPageToken("truncated")
                }
                keys.append(key)
            default: throw QueryError.invalidPageToken("malformed")
            }
        }
        guard let id = reader.uint64(), reader.isAtEnd else { throw QueryError.invalidPageToken("malformed") }
        return State(position: RowPosition(keys: keys, id: id), returned: Int(clamping: returned))
    }

    /// FNV-1a over the query's text without its limit: stable across processes, unlike
    /// `Hasher`.
    static func fingerprint(_ query: CustomerQuery) -> UInt64 {
        var unlimited = query
        unlimited.limit = nil
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in unlimited.description.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return hash
    }

    private struct ByteReader {
        let bytes: [UInt8]
        var offset = 0

        var isAtEnd: Bool { offset == bytes.count }

        mutating func byte() -> UInt8? {
            guard offset < bytes.count else { return nil }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func uint64() -> UInt64? {
            guard let value = OrderedKey.readUInt64(bytes, at: offset) else { return nil }
            offset += 8
            return value
        }

        mutating func bytes(_ count: Int) -> [UInt8]? {
            guard count >= 0, bytes.count - offset >= count else { return nil }
            defer { offset += count }
            return Array(bytes[offset ..< offset + count])
        }
    }
}
