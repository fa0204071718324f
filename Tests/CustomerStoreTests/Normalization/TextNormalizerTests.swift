import CustomerStore
import Foundation
import Testing

@Suite("Text normalisation")
struct TextNormalizerTests {
    // MARK: Search fold

    static let folds: [(input: String, folded: String)] = [
        ("Nguyễn Văn Đức", "nguyen van duc"),
        ("Nguye\u{302}\u{303}n Va\u{306}n \u{110}u\u{31B}\u{301}c", "nguyen van duc"),   // NFD
        ("ĐẶNG  thị   Ánh", "dang thi anh"),
        ("\u{D0}ặng Thị Ánh", "dang thi anh"),                                            // Ð, eth look-alike
        ("ðoàn", "doan"),
        ("đĐÐð", "dddd"),
        ("ĐOÀN ĐỨC THẮNG", "doan duc thang"),
        ("  Lê\tThị\u{00A0}Hồng  ", "le thi hong"),
        ("Trần\r\nQuốc\u{2003}Toản", "tran quoc toan"),
        ("Phạm\u{3000}Minh\u{202F}Chính\u{2028}", "pham minh chinh"),
        ("Lan\u{0007}Anh", "lan anh"),                                                    // control character
        ("", ""),
        ("   \t\n ", ""),
        ("ABC  xyz", "abc xyz"),
        ("Hồ Chí Minh", "ho chi minh"),
        ("Bùi Thị Xuân", "bui thi xuan"),
        ("Huỳnh Tấn Phát", "huynh tan phat"),
        ("Võ Nguyên Giáp", "vo nguyen giap"),
        ("Dương Vân Nga", "duong van nga"),
        ("Lý Thường Kiệt", "ly thuong kiet"),
        ("Trưng Trắc", "trung trac"),
        ("Quận Ba Đình, Hà Nội", "quan ba dinh, ha noi"),
        ("Đường 3/2, P.12", "duong 3/2, p.12"),
        ("Nguyê\u{303}n", "nguyen"),                                                      // half composed
        ("Nguye\u{303}\u{302}n", "nguyen"),                                               // marks out of order
        ("Ng\u{200B}uyễn", "nguyen"),                                                     // zero-width space
        ("Nguy\u{AD}ễn", "nguyen"),                                                       // soft hyphen
        ("x\u{302}y\u{1DC4}", "xy"),                                                      // marks with no precomposed letter
        ("François Müller", "francois muller"),
        ("Søren Łukasz Straße", "soren lukasz strasse"),
        ("Ærø Œuvre", "aero oeuvre"),
        ("Ṩṗḗçïåł", "special"),
        ("Москва", "москва"),                                                             // other scripts: lowercase only
        ("東京 タワー", "東京 タワー"),
    ]

    @Test("Search fold", arguments: folds)
    func searchFold(input: String, folded: String) {
        #expect(TextNormalizer.searchFold(input) == folded)
    }

    /// Each vowel family in the order no tone, sắc, huyền, hỏi, ngã, nặng, with its base letter
    /// and the combining mark that makes it (breve, circumflex or horn).
    static let vowels: [(letters: String, base: String, mark: String)] = [
        ("aáàảãạ", "a", ""), ("ăắằẳẵặ", "a", "\u{306}"), ("âấầẩẫậ", "a", "\u{302}"),
        ("eéèẻẽẹ", "e", ""), ("êếềểễệ", "e", "\u{302}"),
        ("iíìỉĩị", "i", ""),
        ("oóòỏõọ", "o", ""), ("ôốồổỗộ", "o", "\u{302}"), ("ơớờởỡợ", "o", "\u{31B}"),
        ("uúùủũụ", "u", ""), ("ưứừửữự", "u", "\u{31B}"),
        ("yýỳỷỹỵ", "y", ""),
    ]
    static let tones = ["", "\u{301}", "\u{300}", "\u{309}", "\u{303}", "\u{323}"]

    @Test("Every Vietnamese vowel with every tone folds to its base letter", arguments: vowels)
    func vowelWithTones(letters: String, base: String, mark: String) {
        let precomposed = Array(letters.unicodeScalars)
        #expect(precomposed.count == 6)
        for (letter, tone) in zip(precomposed, Self.tones) {
            let nfc = String(letter)
            let decomposed = base + mark + tone
            #expect(TextNormalizer.searchFold(nfc) == base, "\(nfc)")
            #expect(TextNormalizer.searchFold(nfc.uppercased()) == base, "\(nfc.uppercased())")
            #expect(TextNormalizer.searchFold(decomposed) == base, "\(decomposed.debugDescription)")
            #expect(TextNormalizer.searchFold(decomposed.uppercased()) == base)
            #expect(Array(TextNormalizer.nfc(decomposed).unicodeScalars) == [letter], "\(nfc)")
        }
    }

    static let names = [
        "Nguyễn Thị Minh Khai", "Trần Hưng Đạo", "Lê Thánh Tông", "Phạm Ngũ Lão", "Đặng Thùy Trâm",
        "Hoàng Hoa Thám", "Huỳnh Thúc Kháng", "Võ Thị Sáu", "Ngô Sĩ Liên", "Dương Quảng Hàm",
        "Bạch Đằng", "Đoàn Thị Điểm", "Ỷ Lan", "Chu Văn An", "Tôn Đức Thắng",
    ]

    @Test("NFD input folds like NFC input", arguments: names)
    func nfdMatchesNFC(_ name: String) {
        let nfd = name.decomposedStringWithCanonicalMapping
        #expect(Array(nfd.unicodeScalars) != Array(name.unicodeScalars))
        #expect(TextNormalizer.searchFold(nfd) == TextNormalizer.searchFold(name))
        #expect(TextNormalizer.searchFold(name).unicodeScalars.allSatisfy { $0.isASCII })
        #expect(TextNormalizer.nameTokens(nfd) == TextNormalizer.nameTokens(name))
        #expect(Array(TextNormalizer.nfc(nfd).unicodeScalars) == Array(name.unicodeScalars))
    }

    @Test func otherScriptsFoldTheSameWhateverTheirForm() {
        // Precomposed letters of other scripts keep their marks, in NFC, whatever the input form.
        #expect(TextNormalizer.searchFold("И\u{306}") == "й")
        #expect(TextNormalizer.searchFold("Й") == "й")
        #expect(TextNormalizer.searchFold("한국".decomposedStringWithCanonicalMapping) == "한국")
        #expect(TextNormalizer.searchFold("Αθήνα") == "αθήνα")
    }

    /// The fold table against the platform's canonical decomposition: every Latin letter whose
    /// NFD is an ASCII letter and combining diacritics folds to that letter, lowercased.
    @Test func foldTableAgreesWithCanonicalDecomposition() {
        var checked = 0
        for value in Array(0xC0...0x24F) + Array(0x1E00...0x1EFF) {
            guard let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic else { continue }
            let nfd = Array(String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars)
            guard nfd.count > 1, nfd[0].isASCII, nfd[0].properties.isAlphabetic,
                  nfd.dropFirst().allSatisfy({ (0x300...0x36F).contains($0.value) })
            else { continue }
            let expected = String(nfd[0]).lowercased()
            #expect(TextNormalizer.searchFold(String(scalar)) == expected,
                    "U+\(String(value, radix: 16, uppercase: true)) \(String(scalar))")
            checked += 1
        }
        #expect(checked > 480)
    }

    @Test(.timeLimit(.minutes(1)))
    func longTextFoldsInLinearTime() {
        let words = Array(repeating: "Nguyễn\u{00A0}  Đức\t", count: 50_000).joined()
        let folded = TextNormalizer.searchFold(words)
        #expect(folded.utf8.count == 50_000 * "nguyen duc ".utf8.count - 1)
        #expect(folded.hasPrefix("nguyen duc nguyen duc"))
        #expect(TextNormalizer.nameTokens(words).count == 100_000)
    }

    // MARK: NFC

    @Test func nfcComposesAndKeepsCase() {
        let nfd = "Nguye\u{302}\u{303}n \u{110}u\u{31B}\u{301}c"
        #expect(Array(TextNormalizer.nfc(nfd).unicodeScalars) == Array("Nguyễn Đức".unicodeScalars))
        #expect(TextNormalizer.nfc(nfd).utf8.elementsEqual("Nguyễn Đức".utf8))
        #expect(TextNormalizer.nfc("Plain ASCII") == "Plain ASCII")
        #expect(Array(TextNormalizer.nfc("a\u{323}\u{302}").unicodeScalars) == ["\u{1EAD}"])   // ậ
        #expect(Array(TextNormalizer.nfc("a\u{302}\u{323}").unicodeScalars) == ["\u{1EAD}"])
        #expect(TextNormalizer.nfc("  spaces stay  ") == "  spaces stay  ")
    }

    // MARK: Name tokens

    static let tokens: [(input: String, tokens: [String])] = [
        ("Nguyễn Văn Đức", ["nguyen", "van", "duc"]),
        ("  Phạm-Nguyễn  Thu.Hà ", ["pham", "nguyen", "thu", "ha"]),
        ("O'Brien", ["o", "brien"]),
        ("Trần, Thị (Bích) Ngọc!", ["tran", "thi", "bich", "ngoc"]),
        ("Đặng_Thị/Ánh", ["dang", "thi", "anh"]),
        ("Lê Lê", ["le", "le"]),
        ("Nguyễn Văn A2", ["nguyen", "van", "a2"]),
        ("ĐẶNG  thị   Ánh", ["dang", "thi", "anh"]),
        ("Nguye\u{302}\u{303}n\u{00A0}Va\u{306}n", ["nguyen", "van"]),
        ("Москва-Сити", ["москва", "сити"]),
        ("", []),
        (" -- ,, . ", []),
    ]

    @Test("Name tokens", arguments: tokens)
    func nameTokens(input: String, tokens: [String]) {
        #expect(TextNormalizer.nameTokens(input) == tokens)
    }
}
