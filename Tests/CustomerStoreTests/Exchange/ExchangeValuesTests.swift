@testable import CustomerStore
import Foundation
import Testing

@Suite struct ExchangeValuesTests {
    @Test func wholeNumbers() {
        #expect(ExchangeValues.integer("1234") == 1234)
        #expect(ExchangeValues.integer("-12") == -12)
        #expect(ExchangeValues.integer("1.234.567") == 1_234_567)
        #expect(ExchangeValues.integer("1,234,567") == 1_234_567)
        #expect(ExchangeValues.integer("1 234") == 1234)
        #expect(ExchangeValues.integer("1.5") == nil)
        #expect(ExchangeValues.integer("1.234,5") == nil)
        #expect(ExchangeValues.integer("12a") == nil)
        #expect(ExchangeValues.integer("99999999999999999999") == nil)
    }

    @Test func days() {
        #expect(ExchangeValues.day("1990-05-17") == CalendarDate(year: 1990, month: 5, day: 17))
        #expect(ExchangeValues.day("17/05/1990") == CalendarDate(year: 1990, month: 5, day: 17))
        #expect(ExchangeValues.day("7/5/1990") == CalendarDate(year: 1990, month: 5, day: 7))
        #expect(ExchangeValues.day("31/02/1990") == nil)
        #expect(ExchangeValues.day("05/17") == nil)
    }

    @Test func timestamps() {
        let date = Date(timeIntervalSince1970: 1_750_000_000.123)
        #expect(ExchangeValues.timestamp(date) == "2025-06-15T15:06:40.123Z")
        #expect(ExchangeValues.timestamp("2025-06-15T15:06:40.123Z").map(ExchangeValues.timestamp) == "2025-06-15T15:06:40.123Z")
        #expect(ExchangeValues.timestamp("2025-06-15T22:06:40+07:00") == Date(timeIntervalSince1970: 1_750_000_000))
        #expect(ExchangeValues.timestamp("2025-06-15 15:06") == Date(timeIntervalSince1970: 1_749_999_960))
        #expect(ExchangeValues.timestamp("15/06/2025") == Date(timeIntervalSince1970: 1_749_945_600))
        #expect(ExchangeValues.timestamp(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59.000Z")
        #expect(ExchangeValues.timestamp("2025-06-15T25:00") == nil)
        #expect(ExchangeValues.timestamp("yesterday") == nil)
    }

    @Test func millisecondTimestampsAreStableThroughText() {
        for seconds in stride(from: 1_700_000_000.0, to: 1_700_000_001.0, by: 0.0003137) {
            let text = ExchangeValues.timestamp(Date(timeIntervalSince1970: seconds))
            #expect(ExchangeValues.timestamp(ExchangeValues.timestamp(text)!) == text)
        }
    }
}
