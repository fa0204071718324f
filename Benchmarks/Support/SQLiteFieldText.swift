/// The text encoding of a customer's nested values in the SQLite baseline: items separated by
/// RS (0x1E), an item's fields by US (0x1F).
///
/// Chosen over JSON because it is what a careful application would do for speed: one pass to
/// write, one split to read, no `JSONDecoder` (which would make SQLite look far slower than
/// SQLite is). The two separators are ASCII control characters, which never occur inside a
/// multi-byte UTF-8 sequence and which the generator never produces; ``append(_:to:)``
/// refuses text containing them, so nothing is silently mangled.
enum SQLiteFieldText {
    static let itemSeparator: UInt8 = 0x1E
    static let fieldSeparator: UInt8 = 0x1F

    /// Joins items of fields; `nil` for no items (stored as NULL, so one item holding one
    /// empty field stays distinguishable from none).
    static func encode<Items: Collection>(_ items: Items, _ fields: (Items.Element) -> [String]) -> String? {
        guard !items.isEmpty else { return nil }
        var text = ""
        for (itemIndex, item) in items.enumerated() {
            if itemIndex > 0 { text.unicodeScalars.append(Unicode.Scalar(itemSeparator)) }
            for (fieldIndex, field) in fields(item).enumerated() {
                if fieldIndex > 0 { text.unicodeScalars.append(Unicode.Scalar(fieldSeparator)) }
                append(field, to: &text)
            }
        }
        return text
    }

    private static func append(_ field: String, to text: inout String) {
        precondition(!field.utf8.contains(where: { $0 == itemSeparator || $0 == fieldSeparator }),
                     "the SQLite baseline's text encoding cannot hold RS or US characters: \(field)")
        text += field
    }

    /// Calls `body` with the fields of each item of `bytes` (a column's text), as strings.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ body: ([String]) throws -> Void) rethrows {
        var fields: [String] = []
        var start = 0
        for position in 0...bytes.count {
            let byte = position < bytes.count ? bytes[position] : itemSeparator
            guard byte == itemSeparator || byte == fieldSeparator else { continue }
            fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self))
            start = position + 1
            if byte == itemSeparator {
                try body(fields)
                fields.removeAll(keepingCapacity: true)
            }
        }
    }
}
