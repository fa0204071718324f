/// The fast path of ``EmailAddress/init(_:)`` for the common input: printable ASCII without
/// spaces, as typed into a search box or read from a spreadsheet. It only ever accepts: any
/// input it is unsure of (a rule broken, Unicode, a Punycode label) goes to the general path,
/// which gives the same result for what this accepts and the error message for the rest.
extension EmailAddress {
    static func plainASCII(_ raw: String) -> EmailAddress? {
        var raw = raw
        return raw.withUTF8 { bytes -> EmailAddress? in
            guard bytes.count <= maxLength, let at = bytes.firstIndex(of: UInt8(ascii: "@")) else { return nil }
            let local = UnsafeBufferPointer(rebasing: bytes[..<at])
            let domain = UnsafeBufferPointer(rebasing: bytes[(at + 1)...])
            guard isPlainLocal(local), isPlainDomain(domain) else { return nil }
            let normalized = String(unsafeUninitializedCapacity: bytes.count) { output in
                for (n, byte) in bytes.enumerated() { output[n] = lowercased(byte) }
                return bytes.count
            }
            return EmailAddress(storedNormalized: normalized, display: String(decoding: bytes, as: UTF8.self))
        }
    }

    /// 1 to 64 bytes of letters, digits and RFC 5322 symbols; no dot first, last or doubled.
    private static func isPlainLocal(_ local: UnsafeBufferPointer<UInt8>) -> Bool {
        let dot = UInt8(ascii: ".")
        guard !local.isEmpty, local.count <= maxLocalLength, local.first != dot, local.last != dot else { return false }
        var previous: UInt8 = 0
        for byte in local {
            if byte == dot, previous == dot { return false }
            guard isPlainLocalByte(byte) else { return false }
            previous = byte
        }
        return true
    }

    /// Two or more labels of 1 to 63 letters, digits and hyphens, no hyphen first or last, no
    /// `xn--` label (Punycode is checked on the general path), the last label not all digits.
    private static func isPlainDomain(_ domain: UnsafeBufferPointer<UInt8>) -> Bool {
        let dot = UInt8(ascii: "."), hyphen = UInt8(ascii: "-")
        var labels = 0
        var start = 0
        while start <= domain.count {
            let end = domain[start...].firstIndex(of: dot) ?? domain.count
            let label = UnsafeBufferPointer(rebasing: domain[start..<end])
            guard !label.isEmpty, label.count <= maxLabelLength,
                  label.first != hyphen, label.last != hyphen,
                  label.allSatisfy({ isDigit($0) || isLetter($0) || $0 == hyphen })
            else { return false }
            if label.count >= 4, lowercased(label[0]) == UInt8(ascii: "x"), lowercased(label[1]) == UInt8(ascii: "n"),
               label[2] == hyphen, label[3] == hyphen { return false }
            labels += 1
            if end == domain.count { return labels >= 2 && !label.allSatisfy(isDigit) }
            start = end + 1
        }
        return false
    }

    private static func isPlainLocalByte(_ byte: UInt8) -> Bool {
        if isLetter(byte) || isDigit(byte) { return true }
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"),
             UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"),
             UInt8(ascii: "/"), UInt8(ascii: "="), UInt8(ascii: "?"), UInt8(ascii: "^"), UInt8(ascii: "_"),
             UInt8(ascii: "`"), UInt8(ascii: "{"), UInt8(ascii: "|"), UInt8(ascii: "}"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }
}
