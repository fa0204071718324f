import Foundation
import LMDB

/// Index keys and ranges as readable text, for `explain`.
enum KeyText {
    static func isPoint(_ range: KeyRange) -> Bool {
        if case .included(let low) = range.lower, case .included(let high) = range.upper { return low == high }
        return false
    }

    static func range(_ range: KeyRange, of field: QueryField) -> String {
        if isPoint(range), case .included(let key) = range.lower { return "= " + self.key(key, of: field) }
        var parts: [String] = []
        switch range.lower {
        case .unbounded: break
        case .included(let key): parts.append(">= " + self.key(key, of: field))
        case .excluded(let key): parts.append("> " + self.key(key, of: field))
        }
        switch range.upper {
        case .unbounded: break
        case .included(let key): parts.append("<= " + self.key(key, of: field))
        case .excluded(let key): parts.append("< " + self.key(key, of: field))
        }
        return parts.isEmpty ? "(all)" : parts.joined(separator: " and ")
    }

    /// An index key of `field` as the value it stands for.
    static func key(_ key: [UInt8], of field: QueryField) -> String {
        switch field {
        case .id:
            return OrderedKey.readUInt64(key).map(String.init) ?? hex(key)
        case .points, .totalSpent, .orderCount:
            return OrderedKey.readInt64(key).map(String.init) ?? hex(key)
        case .lastPurchase, .lastInteraction, .createdAt, .updatedAt:
            guard let milliseconds = OrderedKey.readInt64(key) else { return hex(key) }
            return Date(timeIntervalSince1970: Double(milliseconds) / 1000).formatted(.iso8601)
        case .birthday:
            guard key.count == 2 else { return hex(key) }
            return String(format: "%02d-%02d", Int(key[0]), Int(key[1]))
        case .restricted:
            return key == [1] ? "true" : "false"
        default:
            return "'" + String(decoding: key, as: UTF8.self) + "'"
        }
    }

    private static func hex(_ key: [UInt8]) -> String {
        "0x" + key.map { String(format: "%02x", $0) }.joined()
    }
}
