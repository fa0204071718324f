/// Reads the unquoted literals that start with a digit or `-`: integers, dates and
/// month-days. Apart from the parser so the formats and their checks read in one place.
enum QueryLiteral {
    /// Why a run is not a literal, as the `expected` part of a syntax error.
    struct Problem: Error {
        var expected: String
    }

    /// The value `text` writes: `-5`, `2024-05-17` or `05-17`.
    static func value(of text: String) -> Result<QueryValue, Problem> {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(Array.init)
        func digits(_ part: [Character], _ count: Int) -> Bool {
            part.count == count && part.allSatisfy(QueryLexer.isDigit)
        }
        switch parts.count {
        case 1 where !parts[0].isEmpty && parts[0].allSatisfy(QueryLexer.isDigit),
             2 where parts[0].isEmpty && !parts[1].isEmpty && parts[1].allSatisfy(QueryLexer.isDigit):
            guard let integer = Int64(text) else {
                return .failure(Problem(expected: "an integer from \(Int64.min) to \(Int64.max)"))
            }
            return .success(.integer(integer))
        case 3 where digits(parts[0], 4) && digits(parts[1], 2) && digits(parts[2], 2):
            guard let date = CalendarDate(text) else {
                return .failure(Problem(expected: "a valid date (YYYY-MM-DD)"))
            }
            return .success(.date(date))
        case 2 where digits(parts[0], 2) && digits(parts[1], 2):
            // Checked against a leap year: 02-29 is a birthday some customers have.
            guard let month = Int(String(parts[0])), let day = Int(String(parts[1])),
                  (1...12).contains(month), (1...CalendarDate.daysIn(month: month, year: 2024)).contains(day)
            else {
                return .failure(Problem(expected: "a valid month-day (MM-DD)"))
            }
            return .success(.monthDay(month: month, day: day))
        default:
            if text.contains(where: \.isLetter) {
                return .failure(Problem(expected: "a value; text needs quotes, like '\(text)'"))
            }
            return .failure(Problem(expected: "an integer, a date (YYYY-MM-DD) or a month-day (MM-DD)"))
        }
    }
}
