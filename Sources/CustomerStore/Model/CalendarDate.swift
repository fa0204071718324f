/// A day of the Gregorian calendar without a time or a time zone, such as a birth date.
///
/// A birth date is the same day wherever it is read, so it is not a `Date` (an instant).
/// The year is 1 to 9999; the month and the day are checked, leap years included. Dates
/// compare in calendar order; the text and JSON form is ISO 8601, `YYYY-MM-DD`.
///
/// ```swift
/// let birth = CalendarDate(year: 1990, month: 5, day: 17)!
/// birth.description                          // "1990-05-17"
/// CalendarDate("2024-02-29")                 // a leap day
/// CalendarDate(year: 2023, month: 2, day: 29) // nil: 2023 is not a leap year
/// birth < CalendarDate(year: 1991, month: 1, day: 1)!  // true
/// ```
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The year, 1 to 9999.
    public let year: Int
    /// The month, 1 (January) to 12 (December).
    public let month: Int
    /// The day of the month, 1 to 28, 29, 30 or 31 depending on the month and year.
    public let day: Int

    /// The years a date may have.
    public static let years: ClosedRange<Int> = 1...9999

    /// The date `year`-`month`-`day`, or `nil` when that day does not exist or the year is
    /// outside ``years``.
    ///
    /// ```swift
    /// CalendarDate(year: 2000, month: 2, day: 29)  // a date (2000 is a leap year)
    /// CalendarDate(year: 1900, month: 2, day: 29)  // nil
    /// ```
    public init?(year: Int, month: Int, day: Int) {
        guard Self.years.contains(year), (1...12).contains(month),
              day >= 1, day <= Self.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` (exactly four, two and two digits), or returns `nil`.
    ///
    /// ```swift
    /// CalendarDate("1985-12-01")?.month  // 12
    /// CalendarDate("1985-12-1")          // nil
    /// ```
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
            return nil
        }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else {
            return nil
        }
        self.init(year: year, month: month, day: day)
    }

    /// The number of days in `month` (1 to 12) of `year`.
    ///
    /// ```swift
    /// CalendarDate.daysIn(month: 2, year: 2024)  // 29
    /// ```
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Whether `year` is a leap year of the Gregorian calendar.
    ///
    /// ```swift
    /// CalendarDate.isLeap(2000)  // true
    /// CalendarDate.isLeap(2100)  // false
    /// ```
    public static func isLeap(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// `YYYY-MM-DD`, zero-padded.
    public var description: String {
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }

    /// Whether `lhs` is an earlier day than `rhs`.
    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Decodes the `YYYY-MM-DD` string form.
    ///
    /// - Throws: `DecodingError.dataCorrupted` when the string is not a valid date.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CalendarDate(text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "\"\(text)\" is not a calendar date written YYYY-MM-DD")
        }
        self = date
    }

    /// Encodes the `YYYY-MM-DD` string form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
