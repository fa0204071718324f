import CustomerStore
import Testing

@Suite("Gender")
struct GenderTests {
    @Test("Accepted inputs", arguments: [
        ("male", Gender.male), ("MALE", .male), (" Male ", .male), ("nam", .male), ("Nam", .male), ("NAM", .male),
        ("female", .female), ("Female", .female), ("nữ", .female), ("Nữ", .female), ("NỮ", .female),
        ("nu", .female), ("nu\u{303}", .female),
        ("other", .other), ("khác", .other), ("Khác", .other), ("khac", .other), ("KHÁC", .other),
        ("unknown", .unknown), ("Unknown", .unknown),
    ])
    func parses(_ input: String, _ gender: Gender) {
        #expect(Gender(parsing: input) == gender)
    }

    @Test("Other inputs give nil", arguments: ["", " ", "m", "f", "x", "nữa", "nam nữ", "không rõ", "males"])
    func rejects(_ input: String) {
        #expect(Gender(parsing: input) == nil)
    }

    @Test func rawValuesAreStable() {
        #expect(Gender.allCases.map(\.rawValue) == ["male", "female", "other", "unknown"])
        #expect(Customer(fullName: "A").gender == .unknown)
    }
}
