/// Splits query text into tokens, one at a time as the parser asks for them, so that the
/// first error reported is the leftmost one whether it is lexical (an unterminated string)
/// or grammatical.
///
/// Columns count `Character`s, so `'Nguyễn'` is 8 columns however its marks are encoded.
struct QueryLexer {
    private let characters: [Character]
    private var index = 0

    init(_ text: String) {
        characters = Array(text)
    }

    /// The next token, or `.end` (repeatedly) once the text is used up.
    ///
    /// - Throws: ``QueryError/syntax(column:token:expected:)`` for an unterminated string
    ///   or an unknown escape in one. Other unknown text becomes an `.unknown` token, which
    ///   the parser rejects saying what was expected there.
    mutating func next() throws -> QueryToken {
        while let character = peek(), character.isWhitespace { index += 1 }
        let start = index
        guard let character = peek() else { return QueryToken(kind: .end, column: start + 1, text: "") }
        index += 1
        let kind: QueryToken.Kind
        switch character {
        case "'", "\"":
            kind = .string(try stringBody(quote: character, start: start))
        case "(": kind = .symbol(.openParenthesis)
        case ")": kind = .symbol(.closeParenthesis)
        case ",": kind = .symbol(.comma)
        case "=":
            // `==` is not accepted as `=`: one spelling per operator keeps printed queries
            // canonical, and the error names the operators that exist.
            kind = skip("=") ? .unknown("==") : .symbol(.equal)
        case "!": kind = skip("=") ? .symbol(.notEqual) : .unknown("!")
        case "<":
            if skip("=") { kind = .symbol(.lessOrEqual) }
            else if skip(">") { kind = .unknown("<>") }
            else { kind = .symbol(.less) }
        case ">": kind = skip("=") ? .symbol(.greaterOrEqual) : .symbol(.greater)
        case _ where Self.isDigit(character) || (character == "-" && peek().map(Self.isDigit) == true):
            // Dashes continue the run so that `2024-05-17` and `05-17` stay whole; letters do
            // too so that `12ab` is reported as one bad value rather than two tokens.
            while let next = peek(), Self.isWordCharacter(next) || next == "-" { index += 1 }
            kind = .number(text(from: start))
        case _ where character.isLetter || character == "_":
            while let next = peek(), Self.isWordCharacter(next) { index += 1 }
            kind = .word(text(from: start))
        default:
            kind = .unknown(String(character))
        }
        return QueryToken(kind: kind, column: start + 1, text: text(from: start))
    }

    /// Reads a string up to its closing `quote` (the opening one already read), resolving
    /// escapes. Any other character, a line break included, stands for itself, so every
    /// string ``QueryValue/description`` prints reads back unchanged.
    private mutating func stringBody(quote: Character, start: Int) throws -> String {
        var value = ""
        while let character = peek() {
            index += 1
            if character == quote { return value }
            guard character == "\\" else {
                value.append(character)
                continue
            }
            guard let escaped = peek() else { break }
            switch escaped {
            case "'", "\"", "\\": value.append(escaped)
            case "n": value.append("\n")
            case "t": value.append("\t")
            default:
                throw QueryError.syntax(
                    column: index, token: "'\\\(escaped)'", expected: #"an escape: \', \", \\, \n or \t"#)
            }
            index += 1
        }
        throw QueryError.syntax(
            column: characters.count + 1, token: "end of query",
            expected: "a closing quote (\(quote)) for the string at column \(start + 1)")
    }

    private func peek() -> Character? {
        index < characters.count ? characters[index] : nil
    }

    /// Consumes `character` if it comes next.
    private mutating func skip(_ character: Character) -> Bool {
        guard peek() == character else { return false }
        index += 1
        return true
    }

    private func text(from start: Int) -> String {
        String(characters[start..<index])
    }

    static func isDigit(_ character: Character) -> Bool {
        character.isASCII && character.isNumber
    }

    /// Letters (any script), digits, `_` and `.` (for `attr.NAME`).
    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_" || character == "."
    }
}
