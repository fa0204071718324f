/// Rebuilding phone numbers and email addresses from their stored forms without parsing them
/// again: a record (ours, or a row an application kept elsewhere) holds what the parser
/// computed when the value was first normalised.
extension PhoneNumber {
    /// The number whose E.164 form is `e164`, as read back from storage. The national number
    /// is `e164` after the `+` and `countryCode`. `nil` when `e164` is not `+`, the digits of
    /// `countryCode` and at least one more digit.
    ///
    /// Only the shape is checked, not the numbering plan: use it for values that came out of
    /// ``PhoneNumber/init(_:defaultRegion:)`` before, and that initialiser for anything typed.
    ///
    /// ```swift
    /// let parsed = try PhoneNumber("0912 345 678")
    /// let restored = PhoneNumber(storedE164: parsed.e164, raw: parsed.raw,
    ///                            kind: parsed.kind, countryCode: parsed.countryCode)
    /// restored == parsed  // true
    /// ```
    public init?(storedE164 e164: String, raw: String, kind: Kind, countryCode: Int) {
        guard countryCode > 0 else { return nil }
        var codeDigits = 0
        var rest = countryCode
        while rest > 0 { codeDigits += 1; rest /= 10 }

        let utf8 = e164.utf8
        guard utf8.count > 1 + codeDigits, utf8.first == UInt8(ascii: "+") else { return nil }
        var code = 0
        var index = 0
        for byte in utf8.dropFirst() {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            if index < codeDigits { code = code * 10 + Int(byte - UInt8(ascii: "0")) }
            index += 1
        }
        guard code == countryCode else { return nil }

        self.e164 = e164
        self.raw = raw
        self.kind = kind
        self.countryCode = countryCode
    }
}

extension EmailAddress {
    /// The address whose normalised form is `normalized`, as read back from storage. The
    /// local part and the domain are `normalized` split at its `@`. `nil` when `normalized`
    /// does not have exactly one `@` with something on each side.
    ///
    /// Only the shape is checked: use it for values that came out of
    /// ``EmailAddress/init(_:)`` before, and that initialiser for anything typed.
    ///
    /// ```swift
    /// let parsed = try EmailAddress(" Lan@Shop.VN ")
    /// let restored = EmailAddress(storedNormalized: parsed.normalized, display: parsed.display)
    /// restored == parsed  // true
    /// ```
    public init?(storedNormalized normalized: String, display: String) {
        let utf8 = normalized.utf8
        guard let at = utf8.firstIndex(of: UInt8(ascii: "@")),
              at != utf8.startIndex,
              utf8.index(after: at) != utf8.endIndex,
              !utf8[utf8.index(after: at)...].contains(UInt8(ascii: "@"))
        else { return nil }
        self.normalized = normalized
        self.display = display
    }
}
