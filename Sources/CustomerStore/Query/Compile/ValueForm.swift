import Foundation
import LMDB

/// A query value in compare form (see ``FieldForm``): the keys it covers, from `lower` to
/// `upper`. Most values are one key; a date compared with a timestamp covers its whole day.
struct ValueSpan {
    var lower: KeyRange.Bound
    var upper: KeyRange.Bound
    /// The keys every value of the field lies in: the type class of an attribute, so that
    /// `attr.visits < 5` never matches a text attribute.
    var domain: KeyRange = .all

    static func point(_ key: [UInt8]) -> ValueSpan { ValueSpan(lower: .included(key), upper: .included(key)) }

    var asRange: KeyRange { KeyRange(lower: lower, upper: upper) }
    /// Keys below the span (`< v`).
    var below: KeyRange { KeyRange(lower: domain.lower, upper: Self.complement(lower)) }
    /// Keys up to the span's end (`<= v`).
    var throughEnd: KeyRange { KeyRange(lower: domain.lower, upper: upper) }
    /// Keys above the span (`> v`).
    var above: KeyRange { KeyRange(lower: Self.complement(upper), upper: domain.upper) }
    /// Keys from the span's start (`>= v`).
    var fromStart: KeyRange { KeyRange(lower: lower, upper: domain.upper) }

    private static func complement(_ bound: KeyRange.Bound) -> KeyRange.Bound {
        switch bound {
        case .unbounded: .unbounded
        case .included(let key): .excluded(key)
        case .excluded(let key): .included(key)
        }
    }
}

/// Converts query values to compare form for one field, normalising them as stored keys are
/// normalised, and rejects values of the wrong type naming the field.
enum ValueForm {
    /// The span of `value` for equality and ordering comparisons on `field`.
    static func span(_ value: QueryValue, for field: QueryField, exact: Bool) throws -> ValueSpan {
        func wrong(_ expected: String) -> QueryError {
            .invalidValue(field: field.name, value: value.description, reason: expected)
        }
        switch (field, value) {
        case (.id, .integer(let number)) where number >= 0:
            return .point(IndexKey.id(UInt64(number)))
        case (.id, _):
            throw wrong("expected a non-negative integer")
        case (.points, .integer(let number)), (.totalSpent, .integer(let number)), (.orderCount, .integer(let number)):
            return .point(IndexKey.integer(number))
        case (.points, _), (.totalSpent, _), (.orderCount, _):
            throw wrong("expected an integer")
        case (.code, .string(let text)):
            return .point(IndexKey.code(text) ?? [])
        case (.code, .integer(let number)):
            return .point(IndexKey.code(String(number)) ?? [])
        case (.name, .string(let text)):
            return .point(FieldForm.name(text) ?? [])
        case (.province, .string(let text)), (.segment, .string(let text)),
             (.tags, .string(let text)), (.owner, .string(let text)):
            return .point(Array(TextNormalizer.searchFold(text).utf8))
        case (.phone, .string(let text)):
            guard exact else { return .point(partialPhone(text)) }
            do { return .point(Array(try PhoneNumber(text).e164.utf8)) } catch {
                throw wrong("not a phone number (\(error))")
            }
        case (.email, .string(let text)):
            guard exact else { return .point(partialEmail(text)) }
            do { return .point(Array(try EmailAddress(text).normalized.utf8)) } catch {
                throw wrong("not an email address (\(error))")
            }
        case (.code, _), (.name, _), (.province, _), (.segment, _), (.tags, _), (.owner, _), (.phone, _), (.email, _):
            throw wrong("expected a quoted string")
        case (.gender, .string(let text)):
            guard let gender = Gender(parsing: text) else { throw wrong("expected one of male, female, other, unknown, Nam, Nữ, Khác") }
            return .point(FieldForm.rank(gender))
        case (.tier, _): return .point(try enumRank(value, of: Tier.self, wrong))
        case (.lifecycle, _): return .point(try enumRank(value, of: Lifecycle.self, wrong))
        case (.channel, _): return .point(try enumRank(value, of: Channel.self, wrong))
        case (.gender, _): throw wrong("expected one of male, female, other, unknown, Nam, Nữ, Khác")
        case (.restricted, .boolean(let flag)):
            return .point(IndexKey.flag(flag))
        case (.restricted, .string(let text)) where ["true", "false"].contains(text.lowercased()):
            return .point(IndexKey.flag(text.lowercased() == "true"))
        case (.restricted, _):
            throw wrong("expected true or false")
        case (.birthDate, _):
            guard let date = calendarDate(value) else { throw wrong("expected a date YYYY-MM-DD") }
            return .point(FieldForm.date(date))
        case (.birthday, _):
            guard let (month, day) = monthDay(value) else { throw wrong("expected a month and day MM-DD") }
            return .point(IndexKey.monthDay(month: month, day: day))
        case (.lastPurchase, _), (.lastInteraction, _), (.createdAt, _), (.updatedAt, _):
            guard let span = timeSpan(value) else { throw wrong("expected a date YYYY-MM-DD or an ISO-8601 time") }
            return span
        case (.attribute, _):
            return attributeSpan(value)
        }
    }

    /// The prefix bytes for `field PREFIX text`.
    static func prefix(_ text: String, for field: QueryField) throws -> [UInt8] {
        switch field {
        case .code: IndexKey.code(text) ?? []
        case .name: FieldForm.name(text) ?? []
        case .phone: partialPhone(text)
        case .email: partialEmail(text)
        case .province, .segment, .tags, .owner: Array(TextNormalizer.searchFold(text).utf8)
        case .attribute: [FieldForm.AttributeClass.text.rawValue] + Array(TextNormalizer.searchFold(text).utf8)
        default: throw notText(field, "PREFIX")
        }
    }

    /// Rejects `CONTAINS` and `PREFIX` on fields that are not text.
    static func notText(_ field: QueryField, _ operation: String) -> QueryError {
        .unsupported(field: field.name, reason: """
            \(operation) applies to text fields: code, name, phone, email, province, segment, tags, owner, attr.NAME
            """)
    }

    /// A partial phone number in E.164 shape for ranges and prefixes: digits and a leading
    /// `+`; a national `0` or a bare `84` becomes `+84`, other bare digits get `+84` too.
    static func partialPhone(_ text: String) -> [UInt8] {
        let trimmed = TextNormalizer.trimmed(text)
        let digits = digitsOnly(String(trimmed))
        if trimmed.hasPrefix("+") { return Array(("+" + digits).utf8) }
        if digits.hasPrefix("0") { return Array(("+84" + digits.dropFirst()).utf8) }
        if digits.hasPrefix("84") { return Array(("+" + digits).utf8) }
        return Array(("+84" + digits).utf8)
    }

    /// A partial email address: trimmed, NFC and lowercase.
    static func partialEmail(_ text: String) -> [UInt8] {
        Array(TextNormalizer.nfc(String(TextNormalizer.trimmed(text))).lowercased().utf8)
    }

    static func digitsOnly(_ text: String) -> String {
        String(text.unicodeScalars.filter { $0.isASCII && ("0"..."9").contains($0) }.map(Character.init))
    }

    private static func enumRank<Value: CaseIterable & Equatable & RawRepresentable<String>>(
        _ value: QueryValue, of type: Value.Type, _ wrong: (String) -> QueryError
    ) throws -> [UInt8] {
        let names = Value.allCases.map(\.rawValue).joined(separator: ", ")
        guard case .string(let text) = value,
              let match = Value.allCases.first(where: { $0.rawValue == TextNormalizer.searchFold(text) })
        else { throw wrong("expected one of \(names)") }
        return FieldForm.rank(match)
    }

    private static func calendarDate(_ value: QueryValue) -> CalendarDate? {
        switch value {
        case .date(let date): date
        case .string(let text): CalendarDate(TextNormalizer.trimmed(text).description)
        default: nil
        }
    }

    private static func monthDay(_ value: QueryValue) -> (Int, Int)? {
        switch value {
        case .monthDay(let month, let day):
            return CalendarDate(year: 2000, month: month, day: day) != nil ? (month, day) : nil
        case .string(let text):
            guard let date = CalendarDate("2000-" + TextNormalizer.trimmed(text)) else { return nil }
            return (date.month, date.day)
        default:
            return nil
        }
    }

    /// A timestamp's span: one millisecond for an instant, the whole UTC day for a date.
    private static func timeSpan(_ value: QueryValue) -> ValueSpan? {
        if case .timestamp(let instant) = value { return .point(IndexKey.date(instant)) }
        if let date = calendarDate(value) { return daySpan(date) }
        if case .string(let text) = value, let instant = instant(String(TextNormalizer.trimmed(text))) {
            return .point(IndexKey.date(instant))
        }
        return nil
    }

    /// An ISO-8601 time, with or without fractional seconds.
    private static func instant(_ text: String) -> Date? {
        (try? Date(text, strategy: .iso8601))
            ?? (try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
    }

    static func daySpan(_ date: CalendarDate, classPrefix: [UInt8] = []) -> ValueSpan {
        let start = dayStartMilliseconds(date)
        return ValueSpan(lower: .included(classPrefix + IndexKey.integer(start)),
                         upper: .excluded(classPrefix + IndexKey.integer(start + 86_400_000)))
    }

    /// Milliseconds from 1970 to the start of `date` in UTC (days from civil, proleptic
    /// Gregorian calendar).
    static func dayStartMilliseconds(_ date: CalendarDate) -> Int64 {
        let year = Int64(date.month <= 2 ? date.year - 1 : date.year)
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let month = Int64(date.month)
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + Int64(date.day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return (era * 146_097 + dayOfEra - 719_468) * 86_400_000
    }

    /// An attribute value's span within its type class.
    private static func attributeSpan(_ value: QueryValue) -> ValueSpan {
        let typeClass: FieldForm.AttributeClass
        var span: ValueSpan
        switch value {
        case .string(let text):
            typeClass = .text
            span = .point(FieldForm.attribute(.string(text)))
        case .integer(let number):
            typeClass = .number
            span = .point(FieldForm.attribute(.integer(number)))
        case .boolean(let flag):
            typeClass = .flag
            span = .point(FieldForm.attribute(.bool(flag)))
        case .timestamp(let instant):
            typeClass = .date
            span = .point(FieldForm.attribute(.date(instant)))
        case .date(let date):
            typeClass = .date
            span = daySpan(date, classPrefix: [FieldForm.AttributeClass.date.rawValue])
        case .monthDay:
            typeClass = .text
            span = .point(FieldForm.attribute(.string(value.description.trimmingCharacters(in: ["'"]))))
        }
        span.domain = KeyRange.prefix([typeClass.rawValue])
        return span
    }
}
