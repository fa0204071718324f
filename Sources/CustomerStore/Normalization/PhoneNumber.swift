/// A phone number in its one canonical form, E.164 (`+84912345678`), parsed from whatever a
/// person or a spreadsheet typed.
///
/// Vietnamese numbers (the default region) are checked against the numbering plan: mobile
/// prefixes, area codes and lengths, with the old 11-digit `01xx` mobile numbers renumbered to
/// their current 10-digit form. Numbers of other countries are accepted when they are valid
/// E.164. Anything else is a ``NormalizationError`` that quotes the input and says why; the
/// parser never guesses silently.
///
/// Two numbers are equal, and hash alike, when their ``e164`` forms are equal, however they
/// were written.
///
/// ```swift
/// let phone = try PhoneNumber("0912 345 678")
/// phone.e164            // "+84912345678"
/// phone.kind            // .mobile
/// phone.nationalFormat  // "0912 345 678"
///
/// try PhoneNumber("01662 345 678").e164     // "+84362345678" (old 0166 prefix, now 036)
/// try PhoneNumber("(028) 3822 1234").kind   // .fixedLine
/// try PhoneNumber("+1 (415) 555-2671").kind // .unknown (a foreign number)
/// try PhoneNumber("0912 34")                // throws: 9 digits expected after the 0, got 5
/// ```
public struct PhoneNumber: Hashable, Sendable, CustomStringConvertible {
    /// What kind of line a number belongs to, as far as the numbering plan tells.
    ///
    /// ```swift
    /// try PhoneNumber("028 3822 1234").kind  // .fixedLine
    /// ```
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// A Vietnamese mobile number (`03x`, `05x`, `07x`, `08x`, `09x`).
        case mobile
        /// A Vietnamese fixed-line number (`02x` area codes).
        case fixedLine
        /// A number of another country; its kind is not checked.
        case unknown
    }

    /// The region whose national numbering plan applies to numbers written without a country
    /// code (with a leading `0`, or a 9-digit mobile number that lost its `0`).
    ///
    /// ```swift
    /// let phone = try PhoneNumber("0912 345 678", defaultRegion: .vietnam)
    /// PhoneNumber.Region.vietnam.countryCode  // 84
    /// ```
    public enum Region: Hashable, Sendable {
        /// Vietnam, country code `+84`.
        case vietnam

        /// The region's country calling code.
        public var countryCode: Int {
            switch self {
            case .vietnam: 84
            }
        }
    }

    /// The number in E.164 form: `+`, the country code and the national significant number,
    /// digits only, such as `+84912345678`. This is the index key.
    public let e164: String
    /// The input exactly as it was given.
    public let raw: String
    /// Mobile or fixed line for Vietnamese numbers; ``Kind/unknown`` for other countries.
    public let kind: Kind
    /// The country calling code, such as `84` for Vietnam or `1` for the United States.
    public let countryCode: Int
    /// The national significant number: the digits after the country code, without a trunk
    /// `0`, such as `912345678`. Computed from ``e164``, so that reading a stored number
    /// creates one string fewer.
    public var nationalNumber: String {
        var digits = 1
        var rest = countryCode
        while rest >= 10 { digits += 1; rest /= 10 }
        return String(e164.utf8.dropFirst(1 + digits))!
    }

    /// Parses `raw`, reading numbers written without a country code by the numbering plan of
    /// `defaultRegion`.
    ///
    /// Spaces (including non-breaking and other Unicode spaces), dots, dashes, parentheses and
    /// invisible formatting characters are ignored. A `+` or `00` starts an international
    /// number; `84` followed by 9 or 10 digits is a Vietnamese number; a leading `0` is a
    /// national number; exactly 9 digits starting with 3, 5, 7, 8 or 9 are a mobile number that
    /// lost its leading `0` in a spreadsheet. A lone `(0)` after an international country code,
    /// as in `+44 (0)20 7946 0958`, is the trunk prefix and is dropped, as is a `0` right after
    /// `+84`.
    ///
    /// - Throws: ``NormalizationError`` with field ``NormalizationError/Field/phone`` when the
    ///   input holds letters or other characters, has the wrong number of digits, or uses a
    ///   prefix or area code that is not in use.
    public init(_ raw: String, defaultRegion: Region = .vietnam) throws(NormalizationError) {
        self.raw = raw
        let scan = try Self.scan(raw)
        let parsed: (countryCode: Int, national: [UInt8], kind: Kind)
        let digits = scan.digits
        if scan.plus {
            parsed = try Self.international(digits[...], after: "the +", trunkZero: scan.trunkZero, raw: raw)
        } else if digits.starts(with: [0, 0]) {
            parsed = try Self.international(
                digits.dropFirst(2), after: "the international prefix 00",
                trunkZero: scan.trunkZero.map { $0 - 2 }, raw: raw)
        } else if digits.first == 0 {
            parsed = try Self.national(digits.dropFirst(), region: defaultRegion,
                                       after: "after the leading 0", raw: raw)
        } else if digits.starts(with: [8, 4]), digits.count == 11 || digits.count == 12 {
            parsed = try Self.national(digits.dropFirst(2), region: .vietnam,
                                       after: "after the country code 84", raw: raw)
        } else if digits.count == 9, let first = digits.first, [3, 5, 7, 8, 9].contains(first) {
            parsed = try Self.national(digits[...], region: defaultRegion,
                                       after: "after the missing leading 0", raw: raw)
        } else {
            throw Self.error(raw, """
                without a leading + or 0 a number must be 84 followed by 9 or 10 digits, or a \
                9-digit mobile number starting with 3, 5, 7, 8 or 9; this has \
                \(digits.count) digits
                """)
        }
        countryCode = parsed.countryCode
        kind = parsed.kind
        e164 = "+\(countryCode)\(Self.string(parsed.national[...]))"
    }

    /// The number as written within Vietnam, grouped for reading: `0912 345 678` for a mobile,
    /// `028 3822 1234` or `0236 382 1234` for a fixed line. `nil` for other countries.
    ///
    /// ```swift
    /// try PhoneNumber("+84 236 382 1234").nationalFormat  // "0236 382 1234"
    /// ```
    public var nationalFormat: String? {
        guard countryCode == Region.vietnam.countryCode else { return nil }
        let digits = Array(nationalNumber.utf8)
        func part(_ range: Range<Int>) -> String { String(decoding: digits[range], as: UTF8.self) }
        switch kind {
        case .mobile where digits.count == 9:
            return "0\(part(0..<3)) \(part(3..<6)) \(part(6..<9))"
        case .fixedLine where digits.count == 10:
            if VietnameseNumbering.twoDigitAreaCodes.contains(part(0..<2)) {
                return "0\(part(0..<2)) \(part(2..<6)) \(part(6..<10))"
            }
            return "0\(part(0..<3)) \(part(3..<6)) \(part(6..<10))"
        default:
            return "0\(nationalNumber)"
        }
    }

    /// The E.164 form, as ``e164``.
    public var description: String { e164 }

    /// Numbers are equal when their E.164 forms are, whatever their raw input.
    public static func == (lhs: PhoneNumber, rhs: PhoneNumber) -> Bool { lhs.e164 == rhs.e164 }

    /// Hashes the E.164 form only, consistently with `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(e164) }
}

// MARK: - Parsing

extension PhoneNumber {
    /// The digits of `raw` (values 0-9), whether it started with `+`, and the index in the
    /// digits of a zero written alone in parentheses, `(0)`.
    private static func scan(_ raw: String) throws(NormalizationError)
        -> (digits: [UInt8], plus: Bool, trunkZero: Int?)
    {
        var digits: [UInt8] = []
        digits.reserveCapacity(16)
        var plus = false
        var openParenthesisAt: Int?
        var trunkZero: Int?
        for scalar in raw.unicodeScalars {
            switch scalar {
            case "0"..."9":
                digits.append(UInt8(scalar.value - 48))
            case "+":
                if plus { throw error(raw, "it has more than one +") }
                if !digits.isEmpty { throw error(raw, "a + may only come before the first digit") }
                plus = true
            case "(":
                openParenthesisAt = digits.count
            case ")":
                if let open = openParenthesisAt, digits.count == open + 1, digits[open] == 0 {
                    trunkZero = open
                }
                openParenthesisAt = nil
            case ".", "-", "\u{2010}"..."\u{2015}", "\u{2212}", "\u{FE63}", "\u{FF0D}":
                continue
            default:
                let properties = scalar.properties
                if properties.isWhitespace || properties.generalCategory == .format { continue }
                if properties.isAlphabetic {
                    throw error(raw, "letters are not allowed in a phone number (found \"\(scalar)\")")
                }
                if properties.numericType != nil {
                    throw error(raw, "only the digits 0-9 are allowed (found \"\(scalar)\")")
                }
                throw error(raw, """
                    "\(NormalizationError.escaped(String(scalar)))" is not allowed in a phone number; \
                    only digits, spaces, dots, dashes, parentheses and a leading + are
                    """)
            }
        }
        if digits.isEmpty { throw error(raw, "it has no digits") }
        return (digits, plus, trunkZero)
    }

    /// An international number: `digits` start with the country code.
    private static func international(
        _ digits: ArraySlice<UInt8>, after prefix: String, trunkZero: Int?, raw: String
    ) throws(NormalizationError) -> (countryCode: Int, national: [UInt8], kind: Kind) {
        guard let first = digits.first else { throw error(raw, "there are no digits after \(prefix)") }
        if first == 0 { throw error(raw, "a country code never starts with 0") }

        if digits.starts(with: [8, 4]) {
            var national = digits.dropFirst(2)
            // "+84 (0)912 ..." or "+84 0912 ...": the national trunk 0 written after the code.
            if national.first == 0 { national = national.dropFirst() }
            return try Self.national(national, region: .vietnam, after: "after the country code 84", raw: raw)
        }

        var all = digits
        guard all.count >= 2 else {
            throw error(raw, "an international number has 8 to 15 digits after \(prefix), this has 1")
        }
        guard let codeLength = countryCodeLength(all) else {
            throw error(raw, "no country calling code starts with +\(string(all.prefix(2)))")
        }
        if let zero = trunkZero, zero == codeLength {
            all.remove(at: all.startIndex + zero)
        }
        guard (8...15).contains(all.count) else {
            throw error(raw, """
                an international number has 8 to 15 digits after \(prefix), this has \(all.count)
                """)
        }
        let code = all.prefix(codeLength).reduce(0) { $0 * 10 + Int($1) }
        let national = Array(all.dropFirst(codeLength))
        if code == 1, national.count != 10 {
            throw error(raw, """
                a North American (+1) number has 10 digits after the country code, this has \
                \(national.count)
                """)
        }
        return (code, national, .unknown)
    }

    /// A number of `region` without its country code or trunk `0`; `after` says where the
    /// digits start, for messages (`after the leading 0`).
    private static func national(
        _ digits: ArraySlice<UInt8>, region: Region, after: String, raw: String
    ) throws(NormalizationError) -> (countryCode: Int, national: [UInt8], kind: Kind) {
        switch region {
        case .vietnam:
            let (national, kind) = try VietnameseNumbering.validate(digits, after: after, raw: raw)
            return (region.countryCode, national, kind)
        }
    }

    /// The length of the ITU country calling code at the start of `digits` (at least two
    /// digits, the first not 0), or `nil` for a spare (unassigned) code block.
    ///
    /// Country codes form a prefix code: zones 1 and 7 have one-digit codes; in the other
    /// zones the second digit tells whether the code has two or three digits.
    private static func countryCodeLength(_ digits: ArraySlice<UInt8>) -> Int? {
        let a = digits[digits.startIndex]
        let b = digits[digits.startIndex + 1]
        switch a {
        case 1, 7: return 1
        case 2: return b == 8 ? nil : (b == 0 || b == 7 ? 2 : 3)        // 20, 27; 28x spare
        case 3: return [5, 7, 8].contains(b) ? 3 : 2                     // 35x, 37x, 38x
        case 4: return b == 2 ? 3 : 2                                    // 42x
        case 5: return b == 0 || b == 9 ? 3 : 2                          // 50x, 59x
        case 6: return b >= 7 ? 3 : 2                                    // 67x, 68x, 69x
        case 8:
            switch b {
            case 1, 2, 4, 6: return 2                                    // 81, 82, 84, 86
            case 3, 9: return nil                                        // 83x, 89x spare
            default: return 3                                            // 80x, 85x, 87x, 88x
            }
        default: return [6, 7, 9].contains(b) ? 3 : 2                    // 96x, 97x, 99x
        }
    }

    static func string(_ digits: ArraySlice<UInt8>) -> String {
        String(decoding: digits.map { $0 + 48 }, as: UTF8.self)
    }

    static func error(_ raw: String, _ reason: String) -> NormalizationError {
        NormalizationError(field: .phone, input: raw, reason: reason)
    }
}
