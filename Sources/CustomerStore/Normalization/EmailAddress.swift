/// An email address checked and brought to its one index form.
///
/// The ``normalized`` form, the index key, is the trimmed address in NFC, lowercased, with an
/// internationalised domain written in Punycode (`xn--...`). Nothing else is removed: dots
/// and `+tags` in the local part stay, also for Gmail, because other providers treat them as
/// different mailboxes. ``gmailCanonical`` offers the Gmail reading as a hint for spotting
/// possible duplicates only.
///
/// Two addresses are equal, and hash alike, when their ``normalized`` forms are equal.
///
/// ```swift
/// let email = try EmailAddress("  Lan.Nguyen+shop@Công-Ty.VN ")
/// email.normalized      // "lan.nguyen+shop@xn--cng-ty-ixa.vn"
/// email.display         // "Lan.Nguyen+shop@Công-Ty.VN"
/// email.local           // "lan.nguyen+shop"
/// email.domain          // "xn--cng-ty-ixa.vn"
///
/// try EmailAddress("Lan.Nguyen+shop@gmail.com").gmailCanonical  // "lannguyen@gmail.com"
/// try EmailAddress("lan@@shop.vn")                              // throws: more than one @
/// ```
public struct EmailAddress: Hashable, Sendable, CustomStringConvertible {
    /// The index key: `local@domain`, NFC, lowercase, the domain in ASCII (Punycode).
    public let normalized: String
    /// The address as typed, trimmed and in NFC, in its original case and with its Unicode
    /// domain: the form to show to people.
    public let display: String
    /// The local part (before the `@`) of ``normalized``. Computed, so that reading a stored
    /// address creates two strings, not four.
    public var local: String { String(normalized[..<atIndex]) }
    /// The domain (after the `@`) of ``normalized``, in ASCII.
    public var domain: String { String(normalized[normalized.index(after: atIndex)...]) }

    /// The position of the `@` in ``normalized``, which has exactly one.
    private var atIndex: String.Index { normalized.utf8.firstIndex(of: UInt8(ascii: "@"))! }

    /// The longest local part, in UTF-8 bytes (RFC 5321).
    public static let maxLocalLength = 64
    /// The longest address, in bytes of its normalized form (RFC 5321 path limit).
    public static let maxLength = 254
    /// The longest domain label, in ASCII characters after Punycode (RFC 1035).
    public static let maxLabelLength = 63

    /// Checks `raw` and computes its forms.
    ///
    /// Surrounding whitespace is trimmed; the address is brought to NFC. It must then have
    /// exactly one `@`; a local part of 1 to 64 bytes without spaces, without a leading,
    /// trailing or doubled dot, made of letters, digits and the symbols RFC 5322 allows
    /// (`! # $ % & ' * + - / = ? ^ _ { | } ~` and the backtick); a domain
    /// of at least two dot-separated labels of 1 to 63 letters, digits or hyphens (after
    /// Punycode), not starting or ending with a hyphen, whose last label is not all digits.
    /// The whole normalized address is at most 254 bytes. Quoted local parts and IP-address
    /// domains are not accepted.
    ///
    /// - Throws: ``NormalizationError`` with field ``NormalizationError/Field/email`` saying
    ///   which rule the input breaks.
    public init(_ raw: String) throws(NormalizationError) {
        if let plain = Self.plainASCII(raw) {
            self = plain
            return
        }
        try self.init(checkingEveryRule: raw)
    }

    /// The general path of ``init(_:)``, for any input: every rule, with its message.
    init(checkingEveryRule raw: String) throws(NormalizationError) {
        func fail(_ reason: String) -> NormalizationError {
            NormalizationError(field: .email, input: raw, reason: reason)
        }

        let display = TextNormalizer.nfc(String(TextNormalizer.trimmed(raw)))
        guard !display.isEmpty else { throw fail("it is empty") }
        if display.unicodeScalars.contains(where: { TextNormalizer.isSpaceOrControl($0) }) {
            throw fail("an email address cannot contain spaces or control characters")
        }
        // Split on scalars, not characters: a combining mark must not hide an "@" or a ".".
        let parts = display.unicodeScalars.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            throw fail(parts.count == 1 ? "it has no @" : "it has more than one @")
        }
        let displayLocal = String(parts[0])
        let displayDomain = String(parts[1])

        // Local part.
        guard !displayLocal.isEmpty else { throw fail("there is nothing before the @") }
        let local = TextNormalizer.nfc(displayLocal.lowercased())
        if local.utf8.count > Self.maxLocalLength {
            throw fail("""
                the part before the @ is \(local.utf8.count) bytes long, the limit is \
                \(Self.maxLocalLength)
                """)
        }
        let dot = UInt8(ascii: ".")
        if local.utf8.first == dot { throw fail("the part before the @ starts with a dot") }
        if local.utf8.last == dot { throw fail("the part before the @ ends with a dot") }
        if zip(local.utf8, local.utf8.dropFirst()).contains(where: { $0 == dot && $1 == dot }) {
            throw fail("the part before the @ has two dots in a row")
        }
        if let bad = local.unicodeScalars.first(where: { !Self.isLocalScalar($0) }) {
            throw fail("\"\(NormalizationError.escaped(String(bad)))\" is not allowed before the @")
        }
        if let first = local.unicodeScalars.first, Self.isCombiningMark(first) {
            throw fail("the part before the @ starts with a combining mark")
        }

        // Domain.
        guard !displayDomain.isEmpty else { throw fail("there is nothing after the @") }
        // Checked before Punycode so that an absurd input cannot make the encoder work long.
        if displayDomain.unicodeScalars.count > Self.maxLength {
            throw fail("the domain is longer than \(Self.maxLength) characters")
        }
        let unicodeDomain = TextNormalizer.nfc(displayDomain.lowercased())
        let labels = unicodeDomain.unicodeScalars.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else {
            throw fail("""
                the domain "\(NormalizationError.escaped(displayDomain))" needs at least one dot, \
                as in example.com
                """)
        }
        var asciiLabels: [String] = []
        asciiLabels.reserveCapacity(labels.count)
        for label in labels {
            asciiLabels.append(try Self.asciiLabel(String(label), fail: fail))
        }
        if asciiLabels.last!.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            throw fail("the last part of the domain, \"\(asciiLabels.last!)\", cannot be all digits")
        }
        let domain = asciiLabels.joined(separator: ".")
        let normalized = local + "@" + domain
        if normalized.utf8.count > Self.maxLength {
            throw fail("""
                the address is \(normalized.utf8.count) bytes long, the limit is \(Self.maxLength)
                """)
        }

        self.normalized = normalized
        self.display = display
    }

    /// For addresses at `gmail.com` or `googlemail.com`: the mailbox Gmail delivers to, with
    /// the dots of the local part removed, anything from the first `+` dropped and the domain
    /// written `gmail.com`. `nil` for other domains, or when nothing is left of the local part.
    ///
    /// This is a hint for flagging possible duplicates, never the index key: the customer's
    /// address is ``normalized``, and two customers may legitimately differ only by a dot.
    ///
    /// ```swift
    /// try EmailAddress("Tran.Minh+hoadon@googlemail.com").gmailCanonical  // "tranminh@gmail.com"
    /// try EmailAddress("tran.minh@shop.vn").gmailCanonical                // nil
    /// ```
    public var gmailCanonical: String? {
        guard domain == "gmail.com" || domain == "googlemail.com" else { return nil }
        let mailbox = local.prefix { $0 != "+" }.filter { $0 != "." }
        return mailbox.isEmpty ? nil : mailbox + "@gmail.com"
    }

    /// The ``normalized`` form.
    public var description: String { normalized }

    /// Addresses are equal when their normalized forms are.
    public static func == (lhs: EmailAddress, rhs: EmailAddress) -> Bool {
        lhs.normalized == rhs.normalized
    }

    /// Hashes the normalized form only, consistently with `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(normalized) }
}

// MARK: - Rules

extension EmailAddress {
    /// One domain label (lowercase, NFC) checked and in its ASCII form.
    private static func asciiLabel(
        _ label: String, fail: (String) -> NormalizationError
    ) throws(NormalizationError) -> String {
        if label.isEmpty { throw fail("the domain has an empty part (a leading, trailing or doubled dot)") }
        let hyphen = UInt8(ascii: "-")
        if label.utf8.first == hyphen || label.utf8.last == hyphen {
            throw fail("the domain part \"\(label)\" starts or ends with a hyphen")
        }
        for scalar in label.unicodeScalars where !isLabelScalar(scalar) {
            throw fail("""
                "\(NormalizationError.escaped(String(scalar)))" is not allowed in a domain; \
                use letters, digits, hyphens and dots
                """)
        }
        if let first = label.unicodeScalars.first, isCombiningMark(first) {
            throw fail("the domain part \"\(label)\" starts with a combining mark")
        }
        let isASCII = label.utf8.allSatisfy { $0 < 0x80 }
        if isASCII, label.hasPrefix("xn--"), Punycode.decode(String(label.dropFirst(4))) == nil {
            throw fail("the domain part \"\(label)\" is not valid Punycode")
        }
        guard let ascii = Punycode.asciiLabel(label), ascii.utf8.count <= maxLabelLength else {
            throw fail("""
                the domain part \"\(label)\" is longer than \(maxLabelLength) characters\
                \(isASCII ? "" : " in its ASCII (Punycode) form")
                """)
        }
        return ascii
    }

    /// Letters and digits of any script (RFC 6531) and the RFC 5322 `atext` symbols.
    private static func isLocalScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", ".": return true
        case "!", "#", "$", "%", "&", "'", "*", "+", "-", "/", "=", "?", "^", "_", "`", "{", "|", "}", "~":
            return true
        default:
            return scalar.value >= 0x80 && isUnicodeWordScalar(scalar)
        }
    }

    /// ASCII letters, digits and hyphens; outside ASCII, letters, digits and combining marks.
    private static func isLabelScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "-": return true
        default: return scalar.value >= 0x80 && isUnicodeWordScalar(scalar)
        }
    }

    private static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }

    private static func isUnicodeWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .decimalNumber, .nonspacingMark, .spacingMark: return true
        default: return false
        }
    }
}
