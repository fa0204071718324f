@testable import cstore
import Testing

@Suite("Display width")
struct DisplayWidthTests {
    @Test func combiningMarksTakeNoColumn() {
        let nfc = "Nguyễn Đức Thắng"
        let nfd = nfc.decomposedStringWithCanonicalMapping
        #expect(nfd.unicodeScalars.count > nfc.unicodeScalars.count)
        #expect(DisplayWidth.of(nfc) == 16)
        #expect(DisplayWidth.of(nfd) == 16)
        #expect(DisplayWidth.of("e\u{0301}\u{0323}") == 1)
    }

    @Test func wideCharactersTakeTwoColumns() {
        #expect(DisplayWidth.of("王小明") == 6)
        #expect(DisplayWidth.of("ＡＢ") == 4)
        #expect(DisplayWidth.of("한국") == 4)
        #expect(DisplayWidth.of("a王b") == 4)
    }

    @Test func truncationKeepsWholeCharactersAndFits() {
        let nfd = "Trần Văn Đức".decomposedStringWithCanonicalMapping
        let cut = DisplayWidth.truncate(nfd, to: 6)
        #expect(cut == "Trần …".decomposedStringWithCanonicalMapping)
        #expect(DisplayWidth.of(cut) == 6)
        #expect(DisplayWidth.truncate("王小明", to: 4) == "王…")
        #expect(DisplayWidth.truncate("Lan", to: 3) == "Lan")
        #expect(DisplayWidth.pad("Đức".decomposedStringWithCanonicalMapping, to: 5) == "Đức".decomposedStringWithCanonicalMapping + "  ")
        #expect(DisplayWidth.pad("42", to: 5, leading: true) == "   42")
    }
}
