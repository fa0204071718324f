@testable import CustomerStore
import Testing

@Suite("Query parser")
struct QueryParserTests {
    // MARK: - Predicates

    @Test("Every comparison operator, with and without spaces", arguments: ComparisonOperator.allCases)
    func comparison(op: ComparisonOperator) throws {
        let expected = CustomerQuery(filter: .comparison(.points, op, 5))
        #expect(try CustomerQuery(parsing: "points \(op.rawValue) 5") == expected)
        #expect(try CustomerQuery(parsing: "points\(op.rawValue)5") == expected)
        #expect(try CustomerQuery(parsing: "points\(op.rawValue)-5")
                == CustomerQuery(filter: .comparison(.points, op, -5)))
    }

    @Test func inAndNotIn() throws {
        #expect(try CustomerQuery(parsing: "tier IN ('gold', 'diamond')")
                == CustomerQuery(filter: .among(.tier, ["gold", "diamond"], negated: false)))
        #expect(try CustomerQuery(parsing: "tier NOT IN ('member')")
                == CustomerQuery(filter: .among(.tier, ["member"], negated: true)))
        #expect(try CustomerQuery(parsing: "points IN (1,-2 , 3)")
                == CustomerQuery(filter: .among(.points, [1, -2, 3], negated: false)))
        #expect(try CustomerQuery(parsing: "attr.x NOT IN ('a', 7, true, 2024-01-31, 05-17)")
                == CustomerQuery(filter: .among(.attribute("x"), [
                    "a", 7, true, date("2024-01-31"), .monthDay(month: 5, day: 17),
                ], negated: true)))
    }

    @Test func between() throws {
        #expect(try CustomerQuery(parsing: "points BETWEEN 100 AND 500")
                == CustomerQuery(filter: .between(.points, 100, 500)))
        #expect(try CustomerQuery(parsing: "birth_date BETWEEN 1990-01-01 AND 1999-12-31")
                == CustomerQuery(filter: .between(.birthDate, date("1990-01-01"), date("1999-12-31"))))
        // The AND of BETWEEN is consumed by it; the next AND joins conditions.
        #expect(try CustomerQuery(parsing: "points BETWEEN -5 AND 5 AND HAS email")
                == CustomerQuery(filter: .and([.between(.points, -5, 5), .has(.email)])))
    }

    @Test func prefixAndContains() throws {
        #expect(try CustomerQuery(parsing: "phone PREFIX '0912'") == CustomerQuery(filter: .prefix(.phone, "0912")))
        #expect(try CustomerQuery(parsing: #"name CONTAINS "van duc""#)
                == CustomerQuery(filter: .contains(.name, "van duc")))
    }

    @Test func hasAndMissing() throws {
        #expect(try CustomerQuery(parsing: "HAS email") == CustomerQuery(filter: .has(.email)))
        #expect(try CustomerQuery(parsing: "MISSING attr.vip_since")
                == CustomerQuery(filter: .missing(.attribute("vip_since"))))
    }

    // MARK: - Logic

    @Test func andAndOrListsAreFlatWithinOneLevel() throws {
        #expect(try CustomerQuery(parsing: "HAS attr.a1 AND HAS attr.a2 AND HAS attr.a3")
                == CustomerQuery(filter: .and([a1, a2, a3])))
        #expect(try CustomerQuery(parsing: "HAS attr.a1 OR HAS attr.a2 OR HAS attr.a3")
                == CustomerQuery(filter: .or([a1, a2, a3])))
    }

    @Test func andBindsTighterThanOr() throws {
        #expect(try CustomerQuery(parsing: "HAS attr.a1 OR HAS attr.a2 AND HAS attr.a3")
                == CustomerQuery(filter: .or([a1, .and([a2, a3])])))
        #expect(try CustomerQuery(parsing: "HAS attr.a1 AND HAS attr.a2 OR HAS attr.a3 AND HAS attr.a4")
                == CustomerQuery(filter: .or([.and([a1, a2]), .and([a3, a4])])))
    }

    @Test func not() throws {
        #expect(try CustomerQuery(parsing: "NOT HAS attr.a1") == CustomerQuery(filter: .not(a1)))
        #expect(try CustomerQuery(parsing: "NOT NOT HAS attr.a1")
                == CustomerQuery(filter: .not(.not(a1))))
        // NOT binds tighter than AND.
        #expect(try CustomerQuery(parsing: "NOT HAS attr.a1 AND HAS attr.a2")
                == CustomerQuery(filter: .and([.not(a1), a2])))
        #expect(try CustomerQuery(parsing: "HAS attr.a1 AND NOT HAS attr.a2")
                == CustomerQuery(filter: .and([a1, .not(a2)])))
        #expect(try CustomerQuery(parsing: "NOT (HAS attr.a1 OR HAS attr.a2)")
                == CustomerQuery(filter: .not(.or([a1, a2]))))
        #expect(try CustomerQuery(parsing: "NOT points > 5") == CustomerQuery(filter: .not(.comparison(.points, .greater, 5))))
    }

    @Test func parenthesesGroupAsWrittenWithoutFlattening() throws {
        #expect(try CustomerQuery(parsing: "(HAS attr.a1 AND HAS attr.a2) AND HAS attr.a3")
                == CustomerQuery(filter: .and([.and([a1, a2]), a3])))
        #expect(try CustomerQuery(parsing: "((HAS attr.a1))") == CustomerQuery(filter: a1))
        #expect(try CustomerQuery(parsing: "(HAS attr.a1 OR HAS attr.a2) AND HAS attr.a3")
                == CustomerQuery(filter: .and([.or([a1, a2]), a3])))
        #expect(try CustomerQuery(parsing: "HAS attr.a1 OR (HAS attr.a2 AND (HAS attr.a3 OR NOT (HAS attr.a4)))")
                == CustomerQuery(filter: .or([a1, .and([a2, .or([a3, .not(a4)])])])))
        #expect(try CustomerQuery(parsing: "(points>5)AND(tier='gold')")
                == CustomerQuery(filter: .and([.comparison(.points, .greater, 5), .comparison(.tier, .equal, "gold")])))
    }

    // MARK: - Order and limit

    @Test func orderBy() throws {
        #expect(try CustomerQuery(parsing: "ORDER BY points") == CustomerQuery(order: [.ascending(.points)]))
        #expect(try CustomerQuery(parsing: "ORDER BY points DESC, name ASC, id")
                == CustomerQuery(order: [.descending(.points), .ascending(.name), .ascending(.id)]))
        #expect(try CustomerQuery(parsing: "ORDER BY attr.rank desc,total_spent")
                == CustomerQuery(order: [.descending(.attribute("rank")), .ascending(.totalSpent)]))
    }

    @Test func limit() throws {
        #expect(try CustomerQuery(parsing: "LIMIT 0") == CustomerQuery(limit: 0))
        #expect(try CustomerQuery(parsing: "ORDER BY points LIMIT 5") == CustomerQuery(order: [.ascending(.points)], limit: 5))
        #expect(try CustomerQuery(parsing: "points > 5 LIMIT 10")
                == CustomerQuery(filter: .comparison(.points, .greater, 5), limit: 10))
        #expect(try CustomerQuery(parsing: "HAS email ORDER BY created_at DESC LIMIT 007")
                == CustomerQuery(filter: .has(.email), order: [.descending(.createdAt)], limit: 7))
    }

    @Test("An empty query matches all customers", arguments: ["", " ", "\n\t  \r\n"])
    func empty(text: String) throws {
        #expect(try CustomerQuery(parsing: text) == CustomerQuery())
    }

    @Test func theFullExampleFromTheDocumentation() throws {
        let parsed = try CustomerQuery(parsing: """
            segment = 'loyal' AND province = 'Hà Nội' AND points > 50000
            ORDER BY points DESC LIMIT 20
            """)
        #expect(parsed == CustomerQuery(
            filter: QueryField.segment == "loyal" && QueryField.province == "Hà Nội" && QueryField.points > 50_000,
            order: [.descending(.points)], limit: 20))
    }

    // MARK: - Words

    @Test func keywordsAreCaseInsensitive() throws {
        let lower = try CustomerQuery(parsing: """
            not points between 1 and 5 or tags not in ('a') and has email or missing phone
            or name prefix 'x' or name contains 'y' order by points desc, id asc limit 3
            """)
        let mixed = try CustomerQuery(parsing: """
            Not points Between 1 AnD 5 oR tags nOt iN ('a') aND Has email OR MISSING phone
            Or name PreFix 'x' or name CONTAINS 'y' Order bY points Desc, id aSC LiMiT 3
            """)
        let expected = CustomerQuery(
            filter: .or([
                .not(.between(.points, 1, 5)),
                .and([.among(.tags, ["a"], negated: true), .has(.email)]),
                .missing(.phone), .prefix(.name, "x"), .contains(.name, "y"),
            ]),
            order: [.descending(.points), .ascending(.id)], limit: 3)
        #expect(lower == expected)
        #expect(mixed == expected)
    }

    @Test("Field names", arguments: [
        ("points", QueryField.points), ("POINTS", .points), ("Total_Spent", .totalSpent),
        ("last_purchase", .lastPurchase), ("attr.vip_since", .attribute("vip_since")),
        ("ATTR.Vip", .attribute("Vip")), ("attr.hạng_thẻ", .attribute("hạng_thẻ")), ("attr.a.b2", .attribute("a.b2")),
    ])
    func fieldNames(name: String, field: QueryField) throws {
        #expect(try CustomerQuery(parsing: "HAS \(name)") == CustomerQuery(filter: .has(field)))
    }

    // MARK: - Values

    @Test("Strings in either quotes, with every escape", arguments: [
        (#"'abc'"#, "abc"), (#""abc""#, "abc"), (#"''"#, ""), (#""""#, ""),
        (#"'it\'s'"#, "it's"), (#""it\'s""#, "it's"), (#""it's""#, "it's"),
        (#""say \"hi\"""#, #"say "hi""#), (#"'say \"hi\"'"#, #"say "hi""#), (#"'say "hi"'"#, #"say "hi""#),
        (#"'a\\b'"#, #"a\b"#), (#""a\\b""#, #"a\b"#), (#"'\\'"#, #"\"#),
        (#"'line\nbreak'"#, "line\nbreak"), (#""tab\there""#, "tab\there"),
        ("'raw\nline'", "raw\nline"), ("'(a, b) AND OR = <'", "(a, b) AND OR = <"),
        ("'Nguyễn Văn Đức'", "Nguyễn Văn Đức"), ("\"Hà Nội\"", "Hà Nội"),
    ])
    func strings(source: String, value: String) throws {
        #expect(try CustomerQuery(parsing: "name = \(source)") == CustomerQuery(filter: .comparison(.name, .equal, .string(value))))
    }

    @Test func integers() throws {
        let cases: [(String, Int64)] = [
            ("0", 0), ("-0", 0), ("42", 42), ("-5", -5), ("007", 7),
            ("9223372036854775807", .max), ("-9223372036854775808", .min),
        ]
        for (text, value) in cases {
            #expect(try CustomerQuery(parsing: "points = \(text)") == CustomerQuery(filter: .comparison(.points, .equal, .integer(value))), "\(text)")
        }
    }

    @Test func datesBareAndQuoted() throws {
        #expect(try CustomerQuery(parsing: "birth_date = 2024-02-29")
                == CustomerQuery(filter: .comparison(.birthDate, .equal, date("2024-02-29"))))
        #expect(try CustomerQuery(parsing: "last_purchase < 0001-01-01")
                == CustomerQuery(filter: .comparison(.lastPurchase, .less, date("0001-01-01"))))
        // Quoted, a date is a string: the field's type check reads it.
        #expect(try CustomerQuery(parsing: "birth_date = '2024-02-29'")
                == CustomerQuery(filter: .comparison(.birthDate, .equal, "2024-02-29")))
        #expect(try CustomerQuery(parsing: #"birth_date = "2024-02-29""#)
                == CustomerQuery(filter: .comparison(.birthDate, .equal, "2024-02-29")))
    }

    @Test("Month-days, checked against a leap year", arguments: [
        ("01-01", 1, 1), ("02-29", 2, 29), ("04-30", 4, 30), ("12-31", 12, 31),
    ])
    func monthDays(text: String, month: Int, day: Int) throws {
        #expect(try CustomerQuery(parsing: "birthday = \(text)")
                == CustomerQuery(filter: .comparison(.birthday, .equal, .monthDay(month: month, day: day))))
    }

    @Test("Booleans", arguments: [("true", true), ("false", false), ("TRUE", true), ("False", false)])
    func booleans(text: String, value: Bool) throws {
        #expect(try CustomerQuery(parsing: "restricted = \(text)")
                == CustomerQuery(filter: .comparison(.restricted, .equal, .boolean(value))))
    }

    @Test func vietnameseTextAndWhitespace() throws {
        let decomposed = "Nguye\u{0302}\u{0303}n"
        #expect(try CustomerQuery(parsing: "province = 'Hà Nội'\n\tAND\tname CONTAINS \"nguyễn văn\" AND owner = '\(decomposed)'")
                == CustomerQuery(filter: .and([
                    .comparison(.province, .equal, "Hà Nội"), .contains(.name, "nguyễn văn"),
                    .comparison(.owner, .equal, .string(decomposed)),
                ])))
    }

    // MARK: - Round trips

    static let printable: [CustomerQuery] = [
        CustomerQuery(),
        CustomerQuery(filter: .comparison(.segment, .equal, "loyal")),
        CustomerQuery(filter: .comparison(.points, .greaterOrEqual, -50)),
        CustomerQuery(filter: .comparison(.name, .notEqual, "it's a \\ \"test\"\nwith\ttabs")),
        CustomerQuery(filter: .comparison(.birthDate, .less, .date(CalendarDate("1990-05-17")!))),
        CustomerQuery(filter: .comparison(.restricted, .equal, false)),
        CustomerQuery(filter: .among(.tier, ["gold", "diamond"], negated: false)),
        CustomerQuery(filter: .among(.points, [1, -2, .integer(.min), .integer(.max)], negated: true)),
        CustomerQuery(filter: .between(.totalSpent, 0, 1_000_000)),
        CustomerQuery(filter: .prefix(.phone, "0912")),
        CustomerQuery(filter: .contains(.name, "Văn Đức")),
        CustomerQuery(filter: .has(.attribute("vip_since"))),
        CustomerQuery(filter: .missing(.email)),
        CustomerQuery(filter: .and([.has(.email), .or([.missing(.phone), .not(.has(.tags))])])),
        CustomerQuery(filter: .or([.and([.has(.email), .has(.phone)]), .and([.has(.tags), .has(.owner)])])),
        CustomerQuery(filter: .and([.and([.has(.email), .has(.phone)]), .has(.tags)])),
        CustomerQuery(filter: .or([.or([.has(.email), .has(.phone)]), .has(.tags)])),
        CustomerQuery(filter: .not(.and([.has(.email), .not(.or([.has(.phone), .has(.tags)]))]))),
        CustomerQuery(filter: .not(.not(.comparison(.points, .less, 5)))),
        CustomerQuery(order: [.descending(.points), .ascending(.id)]),
        CustomerQuery(limit: 0),
        CustomerQuery(
            filter: QueryField.segment == "loyal" && QueryField.province == "Hà Nội" && QueryField.points > 50_000,
            order: [.descending(.points), .ascending(.attribute("rank"))], limit: 20),
    ]

    @Test("Printed queries parse back to the same query", arguments: printable)
    func roundTrip(query: CustomerQuery) throws {
        #expect(try CustomerQuery(parsing: query.description) == query)
        if let filter = query.filter {
            #expect(try CustomerQuery(parsing: filter.description) == CustomerQuery(filter: filter))
        }
    }

    /// What printing does not preserve: a one-operand `.and`/`.or` prints as its operand,
    /// which matches the same customers. Month-days print bare and read back unchanged.
    @Test func roundTripsThatChangeTheTreeButNotTheMeaning() throws {
        let monthDay = CustomerPredicate.comparison(.birthday, .equal, .monthDay(month: 5, day: 7))
        #expect(monthDay.description == "birthday = 05-07")
        #expect(try CustomerQuery(parsing: monthDay.description) == CustomerQuery(filter: monthDay))
        #expect(try CustomerQuery(parsing: CustomerPredicate.and([.has(.email)]).description) == CustomerQuery(filter: .has(.email)))
        #expect(try CustomerQuery(parsing: CustomerPredicate.or([.has(.email)]).description) == CustomerQuery(filter: .has(.email)))
    }

    // MARK: - Errors

    @Test("Malformed queries give the exact error", arguments: [
        // Values.
        ("points >> 5", "column 9: unexpected '>', expected a value"),
        ("points = ", "column 10: unexpected end of query, expected a value"),
        ("tier = gold", "column 8: unexpected 'gold', expected a value; text needs quotes, like 'gold'"),
        ("points = AND", "column 10: unexpected 'AND', expected a value"),
        ("points = -", "column 10: unexpected '-', expected a value"),
        ("points = 1.5", "column 10: unexpected '1.5', expected an integer, a date (YYYY-MM-DD) or a month-day (MM-DD)"),
        ("points = 2024-1-5", "column 10: unexpected '2024-1-5', expected an integer, a date (YYYY-MM-DD) or a month-day (MM-DD)"),
        ("code = 12AB", "column 8: unexpected '12AB', expected a value; text needs quotes, like '12AB'"),
        ("points = 9223372036854775808",
         "column 10: unexpected '9223372036854775808', expected an integer from -9223372036854775808 to 9223372036854775807"),
        ("points > -9223372036854775809",
         "column 10: unexpected '-9223372036854775809', expected an integer from -9223372036854775808 to 9223372036854775807"),
        ("birth_date = 2024-02-30", "column 14: unexpected '2024-02-30', expected a valid date (YYYY-MM-DD)"),
        ("birth_date = 2023-02-29", "column 14: unexpected '2023-02-29', expected a valid date (YYYY-MM-DD)"),
        ("birthday = 02-30", "column 12: unexpected '02-30', expected a valid month-day (MM-DD)"),
        ("birthday = 13-01", "column 12: unexpected '13-01', expected a valid month-day (MM-DD)"),
        ("birthday = 00-10", "column 12: unexpected '00-10', expected a valid month-day (MM-DD)"),
        // Strings.
        ("name = 'abc", "column 12: unexpected end of query, expected a closing quote (') for the string at column 8"),
        (#"name = "abc\""#, #"column 14: unexpected end of query, expected a closing quote (") for the string at column 8"#),
        (#"name = 'abc\"#, "column 13: unexpected end of query, expected a closing quote (') for the string at column 8"),
        (#"name = 'a\x'"#, #"column 10: unexpected '\x', expected an escape: \', \", \\, \n or \t"#),
        ("name PREFIX nguyen", "column 13: unexpected 'nguyen', expected a string; text needs quotes, like 'nguyen'"),
        ("phone PREFIX 0912", "column 14: unexpected '0912', expected a string; text needs quotes, like '0912'"),
        ("name CONTAINS (", "column 15: unexpected '(', expected a string"),
        // Operators and unknown characters.
        ("points 5", "column 8: unexpected '5', expected an operator (=, !=, <, <=, >, >=, IN, NOT IN, BETWEEN, PREFIX, CONTAINS)"),
        ("points == 5", "column 8: unexpected '==', expected an operator (=, !=, <, <=, >, >=, IN, NOT IN, BETWEEN, PREFIX, CONTAINS)"),
        ("points <> 5", "column 8: unexpected '<>', expected an operator (=, !=, <, <=, >, >=, IN, NOT IN, BETWEEN, PREFIX, CONTAINS)"),
        ("points ! 5", "column 8: unexpected '!', expected an operator (=, !=, <, <=, >, >=, IN, NOT IN, BETWEEN, PREFIX, CONTAINS)"),
        ("points", "column 7: unexpected end of query, expected an operator (=, !=, <, <=, >, >=, IN, NOT IN, BETWEEN, PREFIX, CONTAINS)"),
        ("points = 5 @", "column 12: unexpected '@', expected AND, OR, ORDER BY, LIMIT or end of query"),
        ("#points", "column 1: unexpected '#', expected a field, HAS, MISSING, NOT or '('"),
        // Structure.
        ("points > 5)", "column 11: unexpected ')', expected AND, OR, ORDER BY, LIMIT or end of query"),
        ("points > 5 tier = 'x'", "column 12: unexpected 'tier', expected AND, OR, ORDER BY, LIMIT or end of query"),
        ("(points > 5", "column 12: unexpected end of query, expected AND, OR or ')'"),
        ("((HAS email) OR HAS phone", "column 26: unexpected end of query, expected AND, OR or ')'"),
        ("()", "column 2: unexpected ')', expected a field, HAS, MISSING, NOT or '('"),
        ("NOT", "column 4: unexpected end of query, expected a field, HAS, MISSING, NOT or '('"),
        ("AND points > 5", "column 1: unexpected 'AND', expected a field, HAS, MISSING, NOT or '('"),
        ("points > 5 AND", "column 15: unexpected end of query, expected a field, HAS, MISSING, NOT or '('"),
        ("points > 5 OR OR HAS email", "column 15: unexpected 'OR', expected a field, HAS, MISSING, NOT or '('"),
        (#""points" > 5"#, #"column 1: unexpected "points", expected a field, HAS, MISSING, NOT or '('"#),
        ("HAS", "column 4: unexpected end of query, expected a field"),
        ("MISSING 5", "column 9: unexpected '5', expected a field"),
        ("HAS ORDER", "column 5: unexpected 'ORDER', expected a field"),
        // Lists and ranges.
        ("tags IN ()", "column 10: unexpected ')', expected a value"),
        ("tags IN ('a',)", "column 14: unexpected ')', expected a value"),
        (#"tags IN ('a' "b")"#, #"column 14: unexpected "b", expected ',' or ')'"#),
        ("tags IN ('a'", "column 13: unexpected end of query, expected ',' or ')'"),
        ("tags IN 'a'", "column 9: unexpected 'a', expected '('"),
        ("tags NOT 'a'", "column 10: unexpected 'a', expected IN"),
        ("points BETWEEN 1 5", "column 18: unexpected '5', expected AND"),
        ("points BETWEEN 1 OR 5", "column 18: unexpected 'OR', expected AND"),
        // Order and limit.
        ("ORDER points", "column 7: unexpected 'points', expected BY"),
        ("ORDER BY", "column 9: unexpected end of query, expected a field"),
        ("ORDER BY points,", "column 17: unexpected end of query, expected a field"),
        ("ORDER BY points name", "column 17: unexpected 'name', expected ASC, DESC, ',', LIMIT or end of query"),
        ("ORDER BY points DESC name", "column 22: unexpected 'name', expected ',', LIMIT or end of query"),
        ("ORDER BY points DESC ASC", "column 22: unexpected 'ASC', expected ',', LIMIT or end of query"),
        ("LIMIT", "column 6: unexpected end of query, expected a non-negative integer"),
        ("LIMIT -1", "column 7: unexpected '-1', expected a non-negative integer"),
        ("LIMIT x", "column 7: unexpected 'x', expected a non-negative integer"),
        ("LIMIT '5'", "column 7: unexpected '5', expected a non-negative integer"),
        ("LIMIT 99999999999999999999", "column 7: unexpected '99999999999999999999', expected a non-negative integer up to 9223372036854775807"),
        ("LIMIT 5 6", "column 9: unexpected '6', expected end of query"),
        ("LIMIT 5 ORDER BY points", "column 9: unexpected 'ORDER', expected end of query"),
        ("points > 5 ORDER BY points LIMIT 10 extra", "column 37: unexpected 'extra', expected end of query"),
        // Columns count characters as users see them, and the leftmost error wins.
        ("province = 'Hà Nội' AND points >> 5", "column 33: unexpected '>', expected a value"),
        ("province = 'Ha\u{0300} No\u{0323}\u{0302}i' AND points >> 5", "column 33: unexpected '>', expected a value"),
        ("name = 'Nguyễn Văn Đức' AND tier = vàng", "column 36: unexpected 'vàng', expected a value; text needs quotes, like 'vàng'"),
        ("points >> 'abc", "column 9: unexpected '>', expected a value"),
    ])
    func malformed(text: String, message: String) {
        let error = #expect(throws: QueryError.self) { try CustomerQuery(parsing: text) }
        #expect(error?.description == message)
    }

    @Test func syntaxErrorsCarryTheirParts() {
        #expect(throws: QueryError.syntax(column: 9, token: "'>'", expected: "a value")) {
            try CustomerQuery(parsing: "points >> 5")
        }
        #expect(throws: QueryError.syntax(column: 14, token: #""b""#, expected: "',' or ')'")) {
            try CustomerQuery(parsing: #"tags IN ("a" "b")"#)
        }
        #expect(throws: QueryError.syntax(column: 12, token: "end of query", expected: "AND, OR or ')'")) {
            try CustomerQuery(parsing: "(points > 5")
        }
    }

    @Test func unknownFieldsListTheValidOnes() {
        let error = #expect(throws: QueryError.unknownField(column: 1, name: "foo")) { try CustomerQuery(parsing: "foo = 1") }
        #expect(error?.description == """
            column 1: unknown field 'foo'; valid fields: id, code, name, phone, email, gender, birth_date, \
            birthday, province, segment, tier, lifecycle, tags, owner, channel, restricted, points, \
            total_spent, order_count, last_purchase, last_interaction, created_at, updated_at, attr.NAME
            """)
    }

    @Test("Unknown fields wherever a field stands, at their column", arguments: [
        ("points > 5 AND Ngày = 1", 16, "Ngày"),
        ("name = 'Đức' OR tổng > 5", 17, "tổng"),
        ("HAS pointz", 5, "pointz"),
        ("MISSING attr.", 9, "attr."),
        ("NOT (true = 1)", 6, "true"),
        ("ORDER BY points, rank DESC", 18, "rank"),
    ])
    func unknownField(text: String, column: Int, name: String) {
        #expect(throws: QueryError.unknownField(column: column, name: name)) { try CustomerQuery(parsing: text) }
    }

    // MARK: - Helpers

    private let a1 = CustomerPredicate.has(.attribute("a1"))
    private let a2 = CustomerPredicate.has(.attribute("a2"))
    private let a3 = CustomerPredicate.has(.attribute("a3"))
    private let a4 = CustomerPredicate.has(.attribute("a4"))

    private func date(_ text: String) -> QueryValue {
        .date(CalendarDate(text)!)
    }
}
