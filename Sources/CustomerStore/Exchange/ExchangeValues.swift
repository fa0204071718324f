import Foundation

/// How import and export write and read the values of cells: whole numbers, days,
/// timestamps, yes/no and lists.
///
/// - Whole numbers: optional `-`, digits; thousands may be grouped by `.`, `,` or a space, in
///   groups of exactly three (`1.234.567`, `1,234,567`, `1 234 567`); `1.5` is rejected, so a
///   decimal fraction is never read as a thousands separator.
/// - Days: `YYYY-MM-DD` or `DD/MM/YYYY` (Vietnamese order; `D/M/YYYY` and `-` or `.` between
///   the parts are accepted too).
/// - Timestamps: ISO 8601 `YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH:MM]` (a space may replace `T`;
///   no zone means UTC), or a day alone (midnight UTC). Written as
///   `YYYY-MM-DDTHH:MM:SS.mmmZ`, in milliseconds, so an export re-imports to the same text.
///
/// ```swift
/// ExchangeValues.integer("1.234.567")                 // 1234567
/// ExchangeValues.day("17/05/1990")?.description       // "1990-05-17"
/// ExchangeValues.timestamp(Date(timeIntervalSince1970: 0))  // "1970-01-01T00:00:00.000Z"
/// ```
public enum ExchangeValues {
    /// `text` as a whole number, or `nil` when it is not one (see the rules above).
    public static func integer(_ text: String) -> Int64? {
        var bytes = Array(text.utf8)
        var negative = false
        if bytes.first == UInt8(ascii: "-") { negative = true; bytes.removeFirst() }
        guard !bytes.isEmpty else { return nil }
        let separators: Set<UInt8> = [UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: " ")]
        let used = Set(bytes.filter { separators.contains($0) })
        var digits = bytes
        if let separator = used.first {
            guard used.count == 1 else { return nil }
            let groups = bytes.split(separator: separator, omittingEmptySubsequences: false)
            guard let head = groups.first, (1...3).contains(head.count),
                  groups.dropFirst().allSatisfy({ $0.count == 3 }), groups.count > 1
            else { return nil }
            digits = bytes.filter { $0 != separator }
        }
        var value: Int64 = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
            guard !o1, !o2 else { return nil }
            value = sum
        }
        return negative ? -value : value
    }

    /// `text` as a day: `YYYY-MM-DD` or `DD/MM/YYYY`; `nil` otherwise or when the day does not
    /// exist.
    public static func day(_ text: String) -> CalendarDate? {
        if let date = CalendarDate(text) { return date }
        let parts = text.split(omittingEmptySubsequences: false) { $0 == "/" || $0 == "-" || $0 == "." }
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
              parts[2].count == 4,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2])
        else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// `text` as an instant: ISO 8601 or a day alone (midnight UTC); `nil` otherwise.
    public static func timestamp(_ text: String) -> Date? {
        let b = Array(text.utf8)
        if b.count <= 10 { return day(text).map { instant($0, seconds: 0, offset: 0) } }
        guard b.count >= 16, let date = CalendarDate(String(decoding: b[0..<10], as: UTF8.self)),
              b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t") || b[10] == UInt8(ascii: " ")
        else { return nil }
        var i = 11
        func number(_ width: Int) -> Int? {
            guard i + width <= b.count else { return nil }
            var value = 0
            for byte in b[i..<(i + width)] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            i += width
            return value
        }
        guard let hour = number(2), hour < 24, i < b.count, b[i] == UInt8(ascii: ":") else { return nil }
        i += 1
        guard let minute = number(2), minute < 60 else { return nil }
        var seconds = Double(hour * 3600 + minute * 60)
        if i < b.count, b[i] == UInt8(ascii: ":") {
            i += 1
            guard let second = number(2), second < 61 else { return nil }
            seconds += Double(second)
            if i < b.count, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ",") {
                i += 1
                var fraction = 0.0, scale = 0.1
                let start = i
                while i < b.count, b[i] >= 48, b[i] <= 57 {
                    fraction += Double(b[i] - 48) * scale
                    scale /= 10
                    i += 1
                }
                guard i > start else { return nil }
                seconds += fraction
            }
        }
        var offset = 0
        if i < b.count {
            if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") {
                i += 1
            } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
                let sign = b[i] == UInt8(ascii: "-") ? -1 : 1
                i += 1
                guard let hours = number(2) else { return nil }
                if i < b.count, b[i] == UInt8(ascii: ":") { i += 1 }
                guard let minutes = number(2), hours < 24, minutes < 60 else { return nil }
                offset = sign * (hours * 3600 + minutes * 60)
            } else {
                return nil
            }
        }
        guard i == b.count else { return nil }
        return instant(date, seconds: seconds, offset: offset)
    }

    /// `date` as `YYYY-MM-DDTHH:MM:SS.mmmZ`, rounded to the millisecond.
    public static func timestamp(_ date: Date) -> String {
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let (days, dayMillis) = floorDivision(millis, 86_400_000)
        let (year, month, day) = civil(fromDays: days)
        func pad(_ value: Int64, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(dayMillis / 3_600_000, 2)):"
            + "\(pad(dayMillis / 60_000 % 60, 2)):\(pad(dayMillis / 1000 % 60, 2)).\(pad(dayMillis % 1000, 3))Z"
    }

    /// `yes`/`no` in English or Vietnamese (`true`, `1`, `có`; `false`, `0`, `không`), or `nil`.
    public static func bool(_ text: String) -> Bool? {
        switch TextNormalizer.searchFold(text) {
        case "true", "yes", "y", "1", "co", "x": true
        case "false", "no", "n", "0", "khong": false
        default: nil
        }
    }

    /// The items of a list cell, separated by `;` or `,` (or only `;` when `semicolonOnly`),
    /// trimmed, empty items dropped.
    public static func list(_ text: String, semicolonOnly: Bool = false) -> [String] {
        // ASCII text splits the same by bytes as by characters, without grapheme breaking.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            let semicolon = UInt8(ascii: ";"), comma = UInt8(ascii: ",")
            if !text.utf8.contains(where: { $0 == semicolon || (!semicolonOnly && $0 == comma) }) {
                let item = String(TextNormalizer.trimmed(text))
                return item.isEmpty ? [] : [item]
            }
            return text.utf8.split { $0 == semicolon || (!semicolonOnly && $0 == comma) }
                .map { String(TextNormalizer.trimmed(String(Substring($0)))) }
                .filter { !$0.isEmpty }
        }
        return text.split { $0 == ";" || (!semicolonOnly && $0 == ",") }
            .map { String(TextNormalizer.trimmed(String($0))) }
            .filter { !$0.isEmpty }
    }

    // MARK: Calendar arithmetic (proleptic Gregorian, UTC)

    private static func instant(_ date: CalendarDate, seconds: Double, offset: Int) -> Date {
        let days = daysFromCivil(Int64(date.year), Int64(date.month), Int64(date.day))
        return Date(timeIntervalSince1970: Double(days * 86_400 - Int64(offset)) + seconds)
    }

    private static func floorDivision(_ a: Int64, _ b: Int64) -> (Int64, Int64) {
        let q = a / b, r = a % b
        return r < 0 ? (q - 1, r + b) : (q, r)
    }

    /// Days since 1970-01-01 of a civil date (H. Hinnant's algorithm).
    private static func daysFromCivil(_ y0: Int64, _ m: Int64, _ d: Int64) -> Int64 {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func civil(fromDays z0: Int64) -> (Int64, Int64, Int64) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp + (mp < 10 ? 3 : -9)
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
