@testable import CustomerStore
import Testing

@Suite("Email addresses: the plain-ASCII fast path")
struct EmailFastPathTests {
    /// Inputs built from the characters that decide the rules: letters of both cases, digits,
    /// dots, hyphens, `@`, symbols allowed and not allowed before the `@`, spaces, a non-ASCII
    /// letter, and an `xn--` label.
    static func randomInputs(seed: UInt64, count: Int) -> [String] {
        var generator = SeededGenerator(seed: seed)
        let pieces = ["a", "Z", "k", "0", "9", ".", ".", "-", "@", "@", "+", "_", "~", "!", " ", ",", "(", "é",
                      "xn--", "xn--cng-ty-ixa", "com", "vn", "VN", "gmail", "123", "\t"]
        func random(_ from: [String], _ maxCount: UInt64) -> String {
            (0..<Int(generator.next() % maxCount) + 1).map { _ in from[Int(generator.next() % UInt64(from.count))] }.joined()
        }
        let localPieces = ["a", "Z", "k", "0", ".", "+", "_", "~", "-"]
        let labelPieces = ["b", "Q", "7", "-", "xn--", "com", "vn"]
        return (0..<count).map { n in
            // Half are shaped like addresses (local@label.label), so many pass every rule.
            guard n % 2 == 0 else { return random(pieces, 14) }
            var address = random(localPieces, 5) + "@" + random(labelPieces, 3) + "." + random(labelPieces, 2)
            if generator.next() % 4 == 0 { address += random(pieces, 2) }
            return address
        }
    }

    @Test("whatever the fast path accepts, the general path accepts with the same forms")
    func fastPathAgreesWithEveryRule() throws {
        let seed: UInt64 = 20_261_123
        var accepted = 0
        for input in Self.randomInputs(seed: seed, count: 50_000) + ["an@x.vn", "Lan.Nguyen+shop@Example.VN", "a@b.c1"] {
            guard let fast = EmailAddress.plainASCII(input) else { continue }
            accepted += 1
            let general = try? EmailAddress(checkingEveryRule: input)
            #expect(general?.normalized == fast.normalized, "input \(input.debugDescription), seed \(seed)")
            #expect(general?.display == fast.display, "input \(input.debugDescription), seed \(seed)")
        }
        #expect(accepted > 500, "the random inputs exercise the fast path")
    }

    @Test("input the fast path is unsure of goes to the general path",
          arguments: [" an@x.vn", "an@x.vn ", "an@xn--cng-ty-ixa.vn", "an@công-ty.vn", "an@x", "an@x.123",
                      "a..n@x.vn", ".an@x.vn", "an.@x.vn", "an@-x.vn", "an@x-.vn", "an@@x.vn", "an(x)@x.vn", "@x.vn", "an@"])
    func declines(input: String) {
        #expect(EmailAddress.plainASCII(input) == nil)
    }
}
