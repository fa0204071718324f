import CustomerStore
import Testing

@Suite("Normalisation errors")
struct NormalizationErrorTests {
    @Test func descriptionNamesTheFieldQuotesTheInputAndGivesTheReason() {
        let error = NormalizationError(field: .text, input: "Lan", reason: "it is too short")
        #expect(error.description == "invalid text \"Lan\": it is too short")
        #expect(NormalizationError.Field.phone.description == "phone")
        #expect(NormalizationError.Field.email.description == "email")
    }

    @Test("Quotes, backslashes and invisible characters are escaped in the quoted input", arguments: [
        ("say \"hi\"", #"invalid email "say \"hi\"": r"#),
        (#"a\b"#, #"invalid email "a\\b": r"#),
        ("line\nbreak\ttab", #"invalid email "line\nbreak\ttab": r"#),
        ("\u{202A}0912\u{202C}", #"invalid email "\u{202A}0912\u{202C}": r"#),
        ("Nguyễn", #"invalid email "Nguyễn": r"#),
    ])
    func escaping(input: String, description: String) {
        #expect(NormalizationError(field: .email, input: input, reason: "r").description == description)
    }

    @Test func errorsAreValuesComparedByAllFields() {
        let a = NormalizationError(field: .phone, input: "1", reason: "x")
        #expect(a == NormalizationError(field: .phone, input: "1", reason: "x"))
        #expect(a != NormalizationError(field: .email, input: "1", reason: "x"))
        #expect(a != NormalizationError(field: .phone, input: "2", reason: "x"))
        #expect(a != NormalizationError(field: .phone, input: "1", reason: "y"))
        #expect(Set([a, a]).count == 1)
    }
}
