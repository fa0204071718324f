import CustomerStore
import Testing

/// A sample string of RFC 3492, section 7.1: its code points as printed there and its
/// Punycode encoding.
struct RFCSample: Sendable, CustomTestStringConvertible {
    let name: String
    let encoded: String
    let decoded: String

    init(_ name: String, encoded: String, codePoints: String) {
        self.name = name
        self.encoded = encoded
        var decoded = ""
        for hex in codePoints.split(separator: " ") {
            decoded.unicodeScalars.append(Unicode.Scalar(UInt32(hex, radix: 16)!)!)
        }
        self.decoded = decoded
    }

    var testDescription: String { name }
}

@Suite("Punycode")
struct PunycodeTests {
    static let rfcSamples: [RFCSample] = [
        RFCSample(
            "(A) Arabic (Egyptian)", encoded: "egbpdaj6bu4bxfgehfvwxn",
            codePoints: """
                0644 064A 0647 0645 0627 0628 062A 0643 0644 0645 0648 0634 0639 0631 0628 064A \
                061F
                """),
        RFCSample(
            "(B) Chinese (simplified)", encoded: "ihqwcrb4cv8a8dqg056pqjye",
            codePoints: "4ED6 4EEC 4E3A 4EC0 4E48 4E0D 8BF4 4E2D 6587"),
        RFCSample(
            "(C) Chinese (traditional)", encoded: "ihqwctvzc91f659drss3x8bo0yb",
            codePoints: "4ED6 5011 7232 4EC0 9EBD 4E0D 8AAA 4E2D 6587"),
        RFCSample(
            "(D) Czech", encoded: "Proprostnemluvesky-uyb24dma41a",
            codePoints: """
                0050 0072 006F 010D 0070 0072 006F 0073 0074 011B 006E 0065 006D 006C 0075 0076 \
                00ED 010D 0065 0073 006B 0079
                """),
        RFCSample(
            "(E) Hebrew", encoded: "4dbcagdahymbxekheh6e0a7fei0b",
            codePoints: """
                05DC 05DE 05D4 05D4 05DD 05E4 05E9 05D5 05D8 05DC 05D0 05DE 05D3 05D1 05E8 05D9 \
                05DD 05E2 05D1 05E8 05D9 05EA
                """),
        RFCSample(
            "(F) Hindi (Devanagari)", encoded: "i1baa7eci9glrd9b2ae1bj0hfcgg6iyaf8o0a1dig0cd",
            codePoints: """
                092F 0939 0932 094B 0917 0939 093F 0928 094D 0926 0940 0915 094D 092F 094B 0902 \
                0928 0939 0940 0902 092C 094B 0932 0938 0915 0924 0947 0939 0948 0902
                """),
        RFCSample(
            "(G) Japanese (kanji and hiragana)", encoded: "n8jok5ay5dzabd5bym9f0cm5685rrjetr6pdxa",
            codePoints: """
                306A 305C 307F 3093 306A 65E5 672C 8A9E 3092 8A71 3057 3066 304F 308C 306A 3044 \
                306E 304B
                """),
        RFCSample(
            "(H) Korean (Hangul syllables)", encoded: "989aomsvi5e83db1d2a355cv1e0vak1dwrv93d5xbh15a0dt30a5jpsd879ccm6fea98c",
            codePoints: """
                C138 ACC4 C758 BAA8 B4E0 C0AC B78C B4E4 C774 D55C AD6D C5B4 B97C C774 D574 D55C \
                B2E4 BA74 C5BC B9C8 B098 C88B C744 AE4C
                """),
        RFCSample(
            "(I) Russian (Cyrillic)", encoded: "b1abfaaepdrnnbgefbadotcwatmq2g4l",
            codePoints: """
                043F 043E 0447 0435 043C 0443 0436 0435 043E 043D 0438 043D 0435 0433 043E 0432 \
                043E 0440 044F 0442 043F 043E 0440 0443 0441 0441 043A 0438
                """),
        RFCSample(
            "(J) Spanish", encoded: "PorqunopuedensimplementehablarenEspaol-fmd56a",
            codePoints: """
                0050 006F 0072 0071 0075 00E9 006E 006F 0070 0075 0065 0064 0065 006E 0073 0069 \
                006D 0070 006C 0065 006D 0065 006E 0074 0065 0068 0061 0062 006C 0061 0072 0065 \
                006E 0045 0073 0070 0061 00F1 006F 006C
                """),
        RFCSample(
            "(K) Vietnamese", encoded: "TisaohkhngthchnitingVit-kjcr8268qyxafd2f1b9g",
            codePoints: """
                0054 1EA1 0069 0073 0061 006F 0068 1ECD 006B 0068 00F4 006E 0067 0074 0068 1EC3 \
                0063 0068 1EC9 006E 00F3 0069 0074 0069 1EBF 006E 0067 0056 0069 1EC7 0074
                """),
        RFCSample(
            "(L) 3<nen>B<gumi><kinpachi><sensei>", encoded: "3B-ww4c5e180e575a65lsy2b",
            codePoints: "0033 5E74 0042 7D44 91D1 516B 5148 751F"),
        RFCSample(
            "(M) <amuro><namie>-with-SUPER-MONKEYS", encoded: "-with-SUPER-MONKEYS-pc58ag80a8qai00g7n9n",
            codePoints: """
                5B89 5BA4 5948 7F8E 6075 002D 0077 0069 0074 0068 002D 0053 0055 0050 0045 0052 \
                002D 004D 004F 004E 004B 0045 0059 0053
                """),
        RFCSample(
            "(N) Hello-Another-Way-<sorezore><no><basho>", encoded: "Hello-Another-Way--fc4qua05auwb3674vfr0b",
            codePoints: """
                0048 0065 006C 006C 006F 002D 0041 006E 006F 0074 0068 0065 0072 002D 0057 0061 \
                0079 002D 305D 308C 305E 308C 306E 5834 6240
                """),
        RFCSample(
            "(O) <hitotsu><yane><no><shita>2", encoded: "2-u9tlzr9756bt3uc0v",
            codePoints: "3072 3068 3064 5C4B 6839 306E 4E0B 0032"),
        RFCSample(
            "(P) Maji<de>Koi<suru>5<byou><mae>", encoded: "MajiKoi5-783gue6qz075azm5e",
            codePoints: "004D 0061 006A 0069 3067 004B 006F 0069 3059 308B 0035 79D2 524D"),
        RFCSample(
            "(Q) <pafii>de<runba>", encoded: "de-jg4avhby1noc0d",
            codePoints: "30D1 30D5 30A3 30FC 0064 0065 30EB 30F3 30D0"),
        RFCSample(
            "(R) <sono><supiido><de>", encoded: "d9juau41awczczp",
            codePoints: "305D 306E 30B9 30D4 30FC 30C9 3067"),
        RFCSample(
            "(S) -> $1.00 <-", encoded: "-> $1.00 <--",
            codePoints: "002D 003E 0020 0024 0031 002E 0030 0030 0020 003C 002D"),
    ]

    @Test("RFC 3492 samples encode", arguments: rfcSamples)
    func encodesRFCSample(_ sample: RFCSample) {
        #expect(Punycode.encode(sample.decoded) == sample.encoded)
    }

    @Test("RFC 3492 samples decode", arguments: rfcSamples)
    func decodesRFCSample(_ sample: RFCSample) {
        let decoded = Punycode.decode(sample.encoded)
        #expect(decoded.map { Array($0.unicodeScalars) } == Array(sample.decoded.unicodeScalars))
    }

    @Test func decodingReadsEncodedLettersInAnyCase() {
        // RFC 3492 prints sample (I) with an uppercase D; digits are case-insensitive.
        #expect(Punycode.decode("b1abfaaepdrnnbgefbaDotcwatmq2g4l") == "почемужеонинеговорятпорусски")
        #expect(Punycode.decode("BCHER-KVA") == "BüCHER")
    }

    @Test("Labels of Vietnamese and other domains", arguments: [
        ("công-ty", "xn--cng-ty-ixa"),
        ("bücher", "xn--bcher-kva"),
        ("münchen", "xn--mnchen-3ya"),
        ("mañana", "xn--maana-pta"),
        ("đà-nẵng", "xn---nng-zna70au54p"),
        ("tạp-hóa", "xn--tp-ha-3ta6924c"),
        ("việt-nam", "xn--vit-nam-zv4c"),
        ("hà-nội", "xn--h-ni-0na4517b"),
        ("phở", "xn--ph-rbt"),
        ("пример", "xn--e1afmkfd"),
        ("рф", "xn--p1ai"),
        ("例え", "xn--r8jz45g"),
        ("example", "example"),
        ("xn--bcher-kva", "xn--bcher-kva"),
    ])
    func asciiLabel(label: String, ascii: String) {
        #expect(Punycode.asciiLabel(label) == ascii)
        if ascii.hasPrefix("xn--"), label != ascii {
            #expect(Punycode.decode(String(ascii.dropFirst(4))) == label)
        }
    }

    @Test func basicStrings() {
        #expect(Punycode.encode("") == "")
        #expect(Punycode.encode("abc") == "abc-")
        #expect(Punycode.encode("-") == "--")
        #expect(Punycode.encode("ü") == "tda")
        #expect(Punycode.encode("üý") == "tdac")
        #expect(Punycode.decode("") == "")
        #expect(Punycode.decode("abc-") == "abc")
        #expect(Punycode.decode("tda") == "ü")
    }

    @Test func encodingDoesNotNormalize() {
        // NFC and NFD spellings are different code points and encode differently.
        let nfc = Punycode.encode("công")
        let nfd = Punycode.encode("co\u{302}ng")
        #expect(nfc == "cng-kna")
        #expect(nfd == "cong-1vc")
        #expect(nfd != nfc)
        #expect(Punycode.decode(nfd!).map { Array($0.unicodeScalars) } == Array("co\u{302}ng".unicodeScalars))
    }

    @Test("Invalid Punycode is rejected", arguments: [
        "zz",          // the integer is cut off
        "bcher-kv!",   // "!" is not a Punycode digit
        "bcher-kvä",   // non-ASCII
        "abc-9",       // truncated after a basic part
        "99999999999", // too large for 32 bits
        "ä-abc",       // non-ASCII basic part
    ])
    func invalid(_ encoded: String) {
        #expect(Punycode.decode(encoded) == nil)
    }

    @Test func roundTripsEveryVietnameseLetter() {
        let letters = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
        let encoded = Punycode.encode(letters)
        #expect(encoded != nil)
        #expect(encoded?.unicodeScalars.allSatisfy { $0.isASCII } == true)
        #expect(encoded.flatMap(Punycode.decode) == letters)
    }
}
