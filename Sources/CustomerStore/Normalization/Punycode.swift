/// Punycode (RFC 3492): the encoding that writes a Unicode domain label in the letters,
/// digits and hyphens DNS allows, as used by internationalised domain names (IDNA) after the
/// `xn--` prefix.
///
/// ```swift
/// Punycode.encode("bücher")          // "bcher-kva"
/// Punycode.decode("bcher-kva")       // "bücher"
/// Punycode.asciiLabel("công-ty")     // "xn--cng-ty-ixa"
/// Punycode.asciiLabel("example")     // "example" (already ASCII)
/// ```
///
/// The functions work on Unicode scalars exactly as given: they neither normalise nor change
/// case. IDNA callers lowercase and NFC-normalise a label first (``EmailAddress`` does).
public enum Punycode {
    // Bootstring parameters for Punycode, RFC 3492 section 5.
    private static let base = 36
    private static let tMin = 1
    private static let tMax = 26
    private static let skew = 38
    private static let damp = 700
    private static let initialBias = 72
    private static let initialN = 0x80
    private static let delimiter = UInt8(ascii: "-")

    /// The Punycode encoding of `input`, without the `xn--` prefix: the ASCII code points in
    /// their order, a `-` if there were any, then the other code points encoded as
    /// generalised variable-length integers. Returns `nil` only when the input is so long
    /// that the encoding would overflow (far beyond any DNS label).
    ///
    /// ```swift
    /// Punycode.encode("bücher")  // "bcher-kva"
    /// Punycode.encode("abc")     // "abc-"
    /// ```
    public static func encode(_ input: String) -> String? {
        let scalars = input.unicodeScalars.map { Int($0.value) }
        var output: [UInt8] = []
        output.reserveCapacity(scalars.count + 8)
        for value in scalars where value < 0x80 { output.append(UInt8(value)) }
        let basicCount = output.count
        var handled = basicCount
        if basicCount > 0 { output.append(delimiter) }

        var n = initialN
        var delta = 0
        var bias = initialBias
        while handled < scalars.count {
            // The smallest code point not yet handled; every remaining one is >= n.
            var m = Int.max
            for value in scalars where value >= n && value < m { m = value }
            let (product, overflowMultiply) = (m - n).multipliedReportingOverflow(by: handled + 1)
            let (sum, overflowAdd) = delta.addingReportingOverflow(product)
            if overflowMultiply || overflowAdd || sum > Int(UInt32.max) { return nil }
            delta = sum
            n = m
            for value in scalars {
                if value < n {
                    delta += 1
                    if delta > Int(UInt32.max) { return nil }
                }
                if value == n {
                    var q = delta
                    var k = base
                    while true {
                        let t = threshold(k, bias: bias)
                        if q < t { break }
                        output.append(digit(t + (q - t) % (base - t)))
                        q = (q - t) / (base - t)
                        k += base
                    }
                    output.append(digit(q))
                    bias = adapt(delta, count: handled + 1, first: handled == basicCount)
                    delta = 0
                    handled += 1
                }
            }
            delta += 1
            n += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The Unicode string that `input` (Punycode without the `xn--` prefix) encodes, or `nil`
    /// when `input` is not valid Punycode: a non-ASCII character, a digit outside `a-z0-9`,
    /// a truncated integer, a code point out of range or a surrogate, or an overflow.
    /// Letters in the encoded part are read case-insensitively.
    ///
    /// ```swift
    /// Punycode.decode("bcher-kva")  // "bücher"
    /// Punycode.decode("bcher-kv!")  // nil
    /// ```
    public static func decode(_ input: String) -> String? {
        let bytes = Array(input.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        var output: [Unicode.Scalar] = []
        var start = 0
        if let last = bytes.lastIndex(of: delimiter) {
            for byte in bytes[..<last] { output.append(Unicode.Scalar(byte)) }
            start = last + 1
        }

        var n = initialN
        var i = 0
        var bias = initialBias
        var position = start
        while position < bytes.count {
            let oldI = i
            var w = 1
            var k = base
            while true {
                guard position < bytes.count, let value = digitValue(bytes[position]) else { return nil }
                position += 1
                let (product, overflowMultiply) = value.multipliedReportingOverflow(by: w)
                let (sum, overflowAdd) = i.addingReportingOverflow(product)
                if overflowMultiply || overflowAdd || sum > Int(UInt32.max) { return nil }
                i = sum
                let t = threshold(k, bias: bias)
                if value < t { break }
                let (weight, overflowWeight) = w.multipliedReportingOverflow(by: base - t)
                if overflowWeight || weight > Int(UInt32.max) { return nil }
                w = weight
                k += base
            }
            let count = output.count + 1
            bias = adapt(i - oldI, count: count, first: oldI == 0)
            n += i / count
            i %= count
            guard n <= 0x10FFFF, let scalar = Unicode.Scalar(UInt32(n)) else { return nil }
            output.insert(scalar, at: i)
            i += 1
        }
        var result = ""
        result.unicodeScalars.append(contentsOf: output)
        return result
    }

    /// The ASCII form of a domain label: the label itself when it is all ASCII, otherwise
    /// `xn--` and its Punycode encoding (`nil` on overflow).
    ///
    /// ```swift
    /// Punycode.asciiLabel("bücher")  // "xn--bcher-kva"
    /// ```
    public static func asciiLabel(_ label: String) -> String? {
        if label.utf8.allSatisfy({ $0 < 0x80 }) { return label }
        return encode(label).map { "xn--" + $0 }
    }

    /// The bias adaptation function, RFC 3492 section 6.1.
    private static func adapt(_ delta: Int, count: Int, first: Bool) -> Int {
        var delta = first ? delta / damp : delta / 2
        delta += delta / count
        var k = 0
        while delta > ((base - tMin) * tMax) / 2 {
            delta /= base - tMin
            k += base
        }
        return k + (base - tMin + 1) * delta / (delta + skew)
    }

    private static func threshold(_ k: Int, bias: Int) -> Int {
        k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
    }

    /// The basic code point for digit `value`: 0-25 are `a`-`z`, 26-35 are `0`-`9`.
    private static func digit(_ value: Int) -> UInt8 {
        value < 26 ? UInt8(value) + UInt8(ascii: "a") : UInt8(value - 26) + UInt8(ascii: "0")
    }

    /// The digit value of a basic code point, or `nil` if it is not one.
    private static func digitValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"): Int(byte - UInt8(ascii: "a"))
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): Int(byte - UInt8(ascii: "A"))
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0")) + 26
        default: nil
        }
    }
}
