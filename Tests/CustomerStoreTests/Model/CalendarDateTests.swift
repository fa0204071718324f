import CustomerStore
import Foundation
import Testing

@Suite("Calendar dates")
struct CalendarDateTests {
    @Test func validDates() throws {
        let date = try #require(CalendarDate(year: 1990, month: 5, day: 17))
        #expect(date.year == 1990 && date.month == 5 && date.day == 17)
        #expect(date.description == "1990-05-17")
        #expect(CalendarDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 1, month: 1, day: 1)?.description == "0001-01-01")
        #expect(CalendarDate(year: 9999, month: 12, day: 31)?.description == "9999-12-31")
    }

    @Test("Invalid dates give nil", arguments: [
        (2023, 2, 29), (1900, 2, 29), (2024, 2, 30), (2024, 4, 31), (2024, 13, 1), (2024, 0, 1), (2024, 1, 0),
        (2024, 1, 32), (0, 1, 1), (10_000, 1, 1), (-5, 1, 1),
    ])
    func invalid(_ year: Int, _ month: Int, _ day: Int) {
        #expect(CalendarDate(year: year, month: month, day: day) == nil)
    }

    @Test func daysInEveryMonth() {
        #expect((1...12).map { CalendarDate.daysIn(month: $0, year: 2023) }
                == [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])
        #expect(CalendarDate.daysIn(month: 2, year: 2024) == 29)
        #expect(CalendarDate.isLeap(2000) && !CalendarDate.isLeap(2100) && CalendarDate.isLeap(2024))
    }

    @Test func parsing() {
        #expect(CalendarDate("1985-12-01") == CalendarDate(year: 1985, month: 12, day: 1))
        for text in ["1985-12-1", "85-12-01", "1985/12/01", "1985-02-30", "198a-01-01", "", "1985-12-01 ", "+985-12-01"] {
            #expect(CalendarDate(text) == nil, "\(text)")
        }
    }

    @Test func order() throws {
        let dates = try ["1990-05-17", "1990-05-18", "1990-06-01", "1991-01-01"].map { try #require(CalendarDate($0)) }
        #expect(dates == dates.sorted())
        #expect(dates[0] < dates[1] && dates[1] < dates[2] && dates[2] < dates[3])
    }

    @Test func json() throws {
        let date = try #require(CalendarDate(year: 2001, month: 9, day: 2))
        let data = try JSONEncoder().encode([date])
        #expect(String(decoding: data, as: UTF8.self) == #"["2001-09-02"]"#)
        #expect(try JSONDecoder().decode([CalendarDate].self, from: data) == [date])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([CalendarDate].self, from: Data(#"["2001-02-29"]"#.utf8))
        }
    }
}
