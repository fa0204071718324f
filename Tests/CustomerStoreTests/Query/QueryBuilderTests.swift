@testable import CustomerStore
import Foundation
import Testing

@Suite struct QueryBuilderTests {
    @Test func operatorsBuildTheSameTreeAsTheParser() throws {
        let built: CustomerPredicate = QueryField.segment == "loyal" && QueryField.province == "Hà Nội"
            && QueryField.points > 50_000 && QueryField.lastPurchase < .date(CalendarDate("2026-08-25")!)
        #expect(try CustomerQuery(parsing: "segment = 'loyal' AND province = 'Hà Nội' AND points > 50000 AND last_purchase < 2026-08-25").filter == built)

        let either: CustomerPredicate = QueryField.tags.in(["vip", "wholesale"]) || !(QueryField.tier.notIn(["gold"]))
            || QueryField.name.contains("van duc") || QueryField.email.hasPrefix("lan")
        #expect(try CustomerQuery(parsing: "tags IN ('vip', 'wholesale') OR NOT tier NOT IN ('gold') OR name CONTAINS 'van duc' OR email PREFIX 'lan'").filter == either)

        let rest: CustomerPredicate = QueryField.points.between(1, 10) && QueryField.owner.isPresent && QueryField.segment.isMissing
            && QueryField.restricted != true && QueryField.attribute("visits") >= 3 && QueryField.orderCount <= 2
        #expect(try CustomerQuery(parsing: "points BETWEEN 1 AND 10 AND HAS owner AND MISSING segment AND restricted != true AND attr.visits >= 3 AND order_count <= 2").filter == rest)
    }

    @Test func descriptionsReadBack() throws {
        let query = CustomerQuery(filter: (QueryField.segment == "it's" || QueryField.birthday == .monthDay(month: 2, day: 29))
                                      && !(QueryField.points > 10),
                                  order: [.descending(.points), .ascending(.name)], limit: 5)
        #expect(query.description == "(segment = 'it\\'s' OR birthday = 02-29) AND NOT points > 10 ORDER BY points DESC, name ASC LIMIT 5")
        #expect(try CustomerQuery(parsing: query.description) == query)
    }

    @Test(arguments: [
        ("points = 'many'", "invalid value 'many' for points: expected an integer"),
        ("last_purchase < 5", "invalid value 5 for last_purchase: expected a date YYYY-MM-DD or an ISO-8601 time"),
        ("gender = 'robot'", "invalid value 'robot' for gender: expected one of male, female, other, unknown, Nam, Nữ, Khác"),
        ("tier = 'bronze'", "invalid value 'bronze' for tier: expected one of member, silver, gold, platinum, diamond"),
        ("birthday = 2024-01-01", "invalid value 2024-01-01 for birthday: expected a month and day MM-DD"),
        ("birth_date = 12", "invalid value 12 for birth_date: expected a date YYYY-MM-DD"),
        ("restricted = 1", "invalid value 1 for restricted: expected true or false"),
        ("id = -1", "invalid value -1 for id: expected a non-negative integer"),
        ("segment = 5", "invalid value 5 for segment: expected a quoted string"),
        ("points PREFIX '1'", "points: PREFIX applies to text fields: code, name, phone, email, province, segment, tags, owner, attr.NAME"),
        ("tier CONTAINS 'go'", "tier: CONTAINS applies to text fields: code, name, phone, email, province, segment, tags, owner, attr.NAME"),
        ("ORDER BY tags", "tags: cannot sort by a field that holds several values"),
    ])
    func wrongValuesNameTheField(text: String, message: String) {
        #expect {
            _ = try CustomerQuery(parsing: text)
        } throws: { error in
            String(describing: error) == message
        }
    }

    @Test func invalidPhonesAndEmailsAreRejectedWithTheirReason() {
        #expect {
            _ = try CustomerQuery(parsing: "phone = '12'")
        } throws: { error in
            String(describing: error).hasPrefix("invalid value '12' for phone: not a phone number (")
        }
        #expect {
            _ = try CustomerQuery(parsing: "email IN ('a@b.vn', 'nope')")
        } throws: { error in
            String(describing: error).hasPrefix("invalid value 'nope' for email: not an email address (")
        }
    }
}
