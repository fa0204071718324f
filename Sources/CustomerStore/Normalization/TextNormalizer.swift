// Canonical composition (NFC) comes from Foundation's `precomposedStringWithCanonicalMapping`;
// on Linux it is in Foundation itself, not in FoundationEssentials.
import Foundation

/// The two forms of free text such as names: the stored form (NFC) and the search key
/// (folded: no diacritics, lowercase, single spaces).
///
/// LMDB compares keys byte by byte, so text typed on a keyboard that produces decomposed
/// characters (NFD) must be brought to one form before it is stored or used as a key.
///
/// ```swift
/// TextNormalizer.nfc("Nguye\u{302}\u{303}n")        // "Nguyễn" (one scalar for ễ)
/// TextNormalizer.searchFold("Nguyễn Văn Đức")       // "nguyen van duc"
/// TextNormalizer.searchFold("ĐẶNG  thị   Ánh")      // "dang thi anh"
/// TextNormalizer.nameTokens("Trần-Thị Bích, Ngọc")  // ["tran", "thi", "bich", "ngoc"]
/// ```
///
/// The fold uses the project's own table (see `LatinFold`), not Foundation's
/// `folding(options:)`, which differs between platforms and leaves `đ` alone.
public enum TextNormalizer {
    /// `text` in Unicode Normalization Form C (canonical composition), the form text is
    /// stored in. ASCII text is returned as it is.
    ///
    /// ```swift
    /// TextNormalizer.nfc("Đu\u{31B}\u{301}c") == "Đức"  // true, and byte-for-byte equal
    /// ```
    public static func nfc(_ text: String) -> String {
        isKnownNFC(text) ? text : text.precomposedStringWithCanonicalMapping
    }

    /// The search key of `text`: Latin letters without their diacritics (`ễ` to `e`, and `đ`,
    /// `Đ` and its look-alike `Ð` to `d`), lowercase, every run of whitespace or control
    /// characters collapsed to one space, no leading or trailing space.
    ///
    /// Canonically equivalent inputs (NFC, NFD or mixed) give the same key. In detail: the
    /// text is brought to NFC; precomposed Latin letters are replaced through the fold table;
    /// combining diacritical marks left over (U+0300–U+036F, U+1AB0–U+1AFF, U+1DC0–U+1DFF,
    /// U+20D0–U+20FF, U+FE20–U+FE2F) and invisible format characters (such as U+200B or a
    /// soft hyphen) are dropped; everything else is lowercased. Letters of other scripts keep
    /// their own marks.
    ///
    /// ```swift
    /// TextNormalizer.searchFold("  Lê\tThị\u{00A0}Hồng  ")  // "le thi hong"
    /// ```
    public static func searchFold(_ text: String) -> String {
        if isASCII(text) { return foldASCII(text) }

        let table = LatinFold.table
        var output = String.UnicodeScalarView()
        var pendingSpace = false
        var onlyASCII = true

        func emit(_ scalar: Unicode.Scalar) {
            if pendingSpace {
                if !output.isEmpty { output.append(" ") }
                pendingSpace = false
            }
            output.append(scalar)
        }

        let source = isKnownNFC(text) ? text : text.precomposedStringWithCanonicalMapping
        for scalar in source.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                switch value {
                case 0x41...0x5A: emit(Unicode.Scalar(UInt8(value) + 0x20))
                case 0x21...0x7E: emit(scalar)
                default: pendingSpace = true                  // space, tab, newline, controls
                }
                continue
            }
            if let folded = table[value] {
                for part in folded.unicodeScalars { emit(part) }
                continue
            }
            if isDroppedMark(value) { continue }
            let properties = scalar.properties
            switch properties.generalCategory {
            case .format:
                continue
            case .control, .spaceSeparator, .lineSeparator, .paragraphSeparator:
                pendingSpace = true
                continue
            default:
                break
            }
            onlyASCII = false
            if properties.changesWhenLowercased {
                for part in properties.lowercaseMapping.unicodeScalars { emit(part) }
            } else {
                emit(scalar)
            }
        }
        let folded = String(output)
        // Dropping marks and lowercasing can leave other scripts' text out of NFC.
        return onlyASCII ? folded : folded.precomposedStringWithCanonicalMapping
    }

    /// The words of a name for a token index: ``searchFold(_:)`` split on spaces and on
    /// anything that is not a letter, digit or combining mark (hyphens, apostrophes, commas,
    /// dots ...), in order, without empty tokens. Duplicates are kept.
    ///
    /// ```swift
    /// TextNormalizer.nameTokens("  Phạm-Nguyễn  Thu.Hà ")  // ["pham", "nguyen", "thu", "ha"]
    /// TextNormalizer.nameTokens("O'Brien")                 // ["o", "brien"]
    /// ```
    public static func nameTokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in searchFold(text).unicodeScalars {
            if isTokenScalar(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                tokens.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { tokens.append(String(current)) }
        return tokens
    }

    // MARK: - Helpers

    /// `text` without leading and trailing whitespace, controls and invisible format
    /// characters (zero-width space, byte-order mark ...), which arrive with pasted input.
    static func trimmed(_ text: String) -> Substring {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpaceOrControl($0) }),
              let last = scalars.lastIndex(where: { !isSpaceOrControl($0) })
        else { return "" }
        return Substring(scalars[first...last])
    }

    /// Whitespace, controls and invisible format characters.
    static func isSpaceOrControl(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value <= 0x20 || scalar.value == 0x7F }
        let properties = scalar.properties
        if properties.isWhitespace { return true }
        switch properties.generalCategory {
        case .control, .format: return true
        default: return false
        }
    }

    static func isASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 }
    }

    /// Whether `text` is certainly in NFC without normalising it: true when every scalar is
    /// below U+0300 or in Latin Extended Additional (U+1E00–U+1EFF), which covers ASCII and
    /// all precomposed Vietnamese. None of those scalars is a combining character, a
    /// composition exclusion or a singleton, and no two of them compose, so any string of
    /// them is its own NFC. Most names skip Foundation's normalisation this way.
    static func isKnownNFC(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.value < 0x300 || (0x1E00..<0x1F00).contains($0.value) }
    }

    /// ``searchFold(_:)`` for ASCII text: lowercase, collapse whitespace and controls.
    private static func foldASCII(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            switch byte {
            case 0x21...0x7E:
                if pendingSpace {
                    if !bytes.isEmpty { bytes.append(0x20) }
                    pendingSpace = false
                }
                bytes.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
            default:
                pendingSpace = true
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Combining diacritical marks that the fold drops.
    private static func isDroppedMark(_ value: UInt32) -> Bool {
        switch value {
        case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F:
            true
        default:
            false
        }
    }

    private static func isTokenScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x61...0x7A: return true
        case ..<0x80: return false
        default:
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil { return true }
            switch properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: return true
            default: return false
            }
        }
    }
}
