@testable import CustomerStore
import Foundation

// Random data and random queries for the differential test of the query layer.

/// Customers for query tests: the generator's customers with custom attributes, cleared
/// fields and awkwardly written values mixed in, deterministically from a seed.
enum QueryTestData {
    static let notes = [
        "Khách quen, thích mua hàng vào cuối tuần", "Giao hàng trước 5 giờ chiều",
        "Đã gọi điện xác nhận đơn", "Ưu tiên liên hệ qua Zalo", "Hỏi về chương trình khuyến mãi Tết",
        "Không gọi vào buổi trưa", "Thích sản phẩm hữu cơ", "ĐẠI LÝ cấp 2 ở Đà Nẵng",
    ]

    static let extraTags = ["VIP", "Khách Sỉ", "  Zalo   OA ", "Hội Chợ 2025", "tết", "Tết", "   ", "mùa hè"]

    /// `count` customers (inputs for `insertMany`; ids and codes as the generator makes them).
    static func customers(seed: UInt64, count: Int) -> [Customer] {
        var random = SeededGenerator(seed: seed ^ 0xDA7A_5EED)
        func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &random) < p }
        let base = CustomerGenerator(seed: seed, codes: true)
        return base.customers(count: count).enumerated().map { index, generated in
            var customer = generated
            if chance(0.3) {
                var attributes: [String: AttributeValue] = [:]
                if chance(0.6) {
                    // Mostly an integer; sometimes another type under the same name.
                    attributes["visits"] = chance(0.85) ? .integer(Int64.random(in: 0...40, using: &random))
                        : chance(0.5) ? .decimal(Double(Int.random(in: 0...80, using: &random)) / 2) : .string("nhiều")
                }
                if chance(0.5) {
                    attributes["score"] = chance(0.8) ? .decimal(Double(Int.random(in: -20...200, using: &random)) / 4)
                        : .integer(Int64.random(in: -5...50, using: &random))
                }
                if chance(0.4) {
                    let day = Int64.random(in: 0...(6 * 365), using: &random)
                    let second = chance(0.3) ? 0 : Int64.random(in: 0..<86_400, using: &random)
                    let seconds = 1_640_995_200 + day * 86_400 + second   // from 2022-01-01
                    attributes["vip_since"] = chance(0.9)
                        ? .date(Date(timeIntervalSince1970: TimeInterval(seconds)))
                        : .string(String(describing: CalendarDate(year: 2022, month: 1 + Int(day % 12), day: 1)!))
                }
                if chance(0.4) { attributes["note"] = .string(notes.randomElement(using: &random)!) }
                if chance(0.4) {
                    attributes["active"] = chance(0.9) ? .bool(chance(0.6)) : .integer(1)
                }
                customer.attributes = attributes
            }
            if chance(0.08) { customer.address.province = "" }
            if chance(0.03) { customer.address.province = chance(0.5) ? "  " : "HÀ  NỘI" }
            if chance(0.1) { customer.segment = chance(0.5) ? nil : (chance(0.5) ? "" : " \t ") }
            if chance(0.05) { customer.owner = chance(0.5) ? "LAN" : "Đức" }
            if chance(0.05) { customer.tier = nil }
            if chance(0.05) { customer.preferredChannel = nil }
            if chance(0.08) { customer.tags.insert(extraTags.randomElement(using: &random)!) }
            if chance(0.05) { customer.tags = [] }
            if chance(0.05) { customer.gender = chance(0.5) ? .other : .unknown }
            if chance(0.05) { customer.restricted = true }
            if chance(0.05) { customer.points = -Int64.random(in: 1...500, using: &random) }
            if chance(0.05) { customer.birthDate = nil }
            if chance(0.1), let interaction = customer.lastInteractionAt {
                // Sub-second instants, for millisecond flooring.
                customer.lastInteractionAt = interaction.addingTimeInterval(Double(Int.random(in: 1...999, using: &random)) / 1000 + 0.0004)
            }
            if chance(0.05) { customer.lastPurchaseAt = nil }
            if chance(0.03) {
                // Decomposed, padded or punctuated names; stored in NFC, folded the same.
                customer.fullName = chance(0.5)
                    ? "  " + customer.fullName.decomposedStringWithCanonicalMapping + " "
                    : customer.fullName.replacingOccurrences(of: " ", with: "-")
            }
            if chance(0.002) { customer.fullName = ["—", "…", "-!-"].randomElement(using: &random)! }  // no name tokens
            if chance(0.02) { customer.code = " kh-x\(index) " }
            if chance(0.05) {
                if let extra = try? ContactEmail(parsing: "Thêm.\(index)@Ví-Dụ.VN") { customer.emails.append(extra) }
            }
            return customer
        }
    }
}

/// Makes random queries whose values come mostly from the stored customers, so that they
/// match something.
struct RandomQueryGenerator {
    let customers: [Customer]
    var random: SeededGenerator

    static let attributeNames = ["visits", "score", "vip_since", "note", "active", "không_có"]
    /// The fields PREFIX and CONTAINS mostly go to: text fields and the attribute that is text.
    static let textFields: [QueryField] = [.code, .name, .phone, .email, .province, .segment, .tags, .owner, .attribute("note")]
    static let fields: [QueryField] = QueryField.named + attributeNames.map(QueryField.attribute)
    static let orderable: [QueryField] = fields.filter { !$0.isMultiValued }

    private let tagPool: [String]
    private let provincePool: [String]
    private let segmentPool: [String]
    private let ownerPool: [String]
    private let withEmail: [Customer]
    private let attributeHolders: [String: [Customer]]

    init(customers: [Customer], seed: UInt64) {
        self.customers = customers
        random = SeededGenerator(seed: seed)
        tagPool = Array(Set(customers.flatMap(\.tags))).sorted() + ["không có nhãn"]
        provincePool = Array(Set(customers.map(\.address.province))).sorted() + ["Không Tồn Tại"]
        segmentPool = Array(Set(customers.compactMap(\.segment))).sorted() + ["lost"]
        ownerPool = Array(Set(customers.compactMap(\.owner))).sorted() + ["nobody"]
        withEmail = customers.filter { !$0.emails.isEmpty }
        attributeHolders = Dictionary(uniqueKeysWithValues: Self.attributeNames.map { name in
            (name, customers.filter { $0.attributes[name] != nil })
        })
    }

    // MARK: Randomness

    private mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &random) < p }
    private mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
    private mutating func pick<T>(_ items: [T]) -> T { items.randomElement(using: &random)! }
    private mutating func customer() -> Customer { pick(customers) }

    // MARK: Queries

    mutating func query() -> CustomerQuery {
        let filter: CustomerPredicate? = chance(0.04) ? nil : predicate(depth: 1)
        var order: [SortKey] = []
        if chance(0.5) {
            for _ in 0..<int(1...2) {
                let field = chance(0.015) ? pick([QueryField.tags, .phone, .email]) : pick(Self.orderable)
                order.append(SortKey(field, descending: chance(0.5)))
            }
        }
        let limit: Int? = chance(0.5) ? int(0...30) : nil
        return CustomerQuery(filter: filter, order: order, limit: limit)
    }

    /// A predicate tree whose leaves are at most at `depth` 4.
    mutating func predicate(depth: Int) -> CustomerPredicate {
        let leafChance = [0.35, 0.55, 0.75, 1.0][min(depth, 4) - 1]
        if chance(leafChance) { return leaf() }
        switch int(0...9) {
        case 0...3: return .and((0..<pick([2, 2, 2, 3, 4])).map { _ in predicate(depth: depth + 1) })
        case 4...7: return .or((0..<pick([2, 2, 3, 4])).map { _ in predicate(depth: depth + 1) })
        default: return .not(predicate(depth: depth + 1))
        }
    }

    mutating func leaf() -> CustomerPredicate {
        var field = pick(Self.fields)
        let source = customer()
        switch int(0...99) {
        case 0..<40:
            let op: ComparisonOperator = chance(0.35) ? .equal : chance(0.25) ? .notEqual : pick(ComparisonOperator.allCases)
            let equality = op == .equal || op == .notEqual
            return .comparison(field, op, value(for: field, equality: equality, from: source))
        case 40..<50:
            let values = (0..<int(1...4)).map { index in
                value(for: field, equality: true, from: index == 0 ? source : customer())
            }
            return .among(field, values, negated: chance(0.4))
        case 50..<58:
            var low = value(for: field, equality: false, from: source)
            var high = value(for: field, equality: false, from: customer())
            if chance(0.7), let order = orderOf(low, high, field: field), order > 0 { swap(&low, &high) }
            return .between(field, low, high)
        case 58..<70:
            field = textField(instead: field)
            return .prefix(field, prefixText(for: field, from: source))
        case 70..<82:
            field = textField(instead: field)
            return .contains(field, containsText(for: field, from: source))
        case 82..<91:
            return .has(field)
        default:
            return .missing(field)
        }
    }

    /// A field for PREFIX or CONTAINS: mostly a text field; rarely `field` when it is not
    /// one (the query is then rejected) or an attribute that is rarely text (never matches).
    private mutating func textField(instead field: QueryField) -> QueryField {
        if Self.textFields.contains(field) { return field }
        if ReferenceEvaluator.isText(field) { return chance(0.15) ? field : pick(Self.textFields) }
        return chance(0.04) ? field : pick(Self.textFields)
    }

    /// Orders two values of the same simple kind, so BETWEEN mostly gets low <= high.
    private func orderOf(_ a: QueryValue, _ b: QueryValue, field: QueryField) -> Int? {
        switch (a, b) {
        case (.integer(let x), .integer(let y)): x < y ? -1 : (x == y ? 0 : 1)
        case (.date(let x), .date(let y)): x < y ? -1 : (x == y ? 0 : 1)
        case (.timestamp(let x), .timestamp(let y)): x < y ? -1 : (x == y ? 0 : 1)
        case (.monthDay(let m1, let d1), .monthDay(let m2, let d2)): (m1, d1) < (m2, d2) ? -1 : ((m1, d1) == (m2, d2) ? 0 : 1)
        case (.string(let x), .string(let y)) where field != .phone && field != .name:
            ReferenceEvaluator.compareBytes(ReferenceEvaluator.fold(x), ReferenceEvaluator.fold(y))
        default: nil
        }
    }

    // MARK: Values

    /// A query value for `field`, mostly taken from `source`.
    mutating func value(for field: QueryField, equality: Bool, from source: Customer) -> QueryValue {
        switch field {
        case .id:
            if chance(0.01) { return .integer(-1) }                      // rejected
            if chance(0.1) { return .integer(Int64(int(0...(customers.count + 20)))) }
            return .integer(Int64(source.id))
        case .code:
            if chance(0.03) { return .integer(Int64(int(1...99))) }
            if chance(0.08) { return .string("KH99999999") }
            return .string(variant(of: source.code, folded: false))
        case .name:
            if chance(0.08) { return .string("Nguyễn Văn Không Có") }
            if !equality && chance(0.4) {
                let folded = TextNormalizer.searchFold(source.fullName)
                return .string(String(folded.prefix(int(1...max(1, folded.count)))))
            }
            return .string(variant(of: source.fullName, folded: true))
        case .phone:
            if equality && chance(0.01) { return .string("12345") }        // rejected
            guard let phone = source.phones.randomElement(using: &random) else { return .string("0912 345 678") }
            var national = String(phone.number.e164.dropFirst(3))
            if chance(0.08) {                                              // same prefix, most likely absent
                national = String(national.prefix(2)) + String(format: "%07d", int(0...9_999_999))
            }
            return .string(phoneText(national: national))
        case .email:
            if equality && chance(0.01) { return .string("không phải email") }  // rejected
            let owner = source.emails.isEmpty ? pick(withEmail) : source
            if chance(0.06) { return .string("khong.co.ai@example.vn") }
            let email = owner.emails.randomElement(using: &random)!.address
            let text = chance(0.5) ? email.display : email.normalized
            switch int(0...3) {
            case 0: return .string(text.uppercased())
            case 1: return .string("  \(text) ")
            default: return .string(text)
            }
        case .gender:
            if chance(0.01) { return .string("x") }                        // rejected
            if chance(0.3) { return .string(pick(["Nam", "Nữ", "Khác", "NỮ", " nam ", "khac"])) }
            return .string(randomCase(source.gender.rawValue))
        case .birthDate:
            let date = source.birthDate ?? CalendarDate(year: int(1950...2008), month: int(1...12), day: int(1...28))!
            return chance(0.7) ? .date(date) : .string(date.description)
        case .birthday:
            let date = source.birthDate ?? CalendarDate(year: 2000, month: int(1...12), day: int(1...29))!
            return chance(0.7) ? .monthDay(month: date.month, day: date.day)
                : .string(String(format: "%02d-%02d", date.month, date.day))
        case .province:
            return .string(variant(of: chance(0.85) ? source.address.province : pick(provincePool), folded: true))
        case .segment:
            return .string(variant(of: source.segment.flatMap { chance(0.85) ? $0 : nil } ?? pick(segmentPool), folded: true))
        case .owner:
            return .string(variant(of: source.owner.flatMap { chance(0.85) ? $0 : nil } ?? pick(ownerPool), folded: true))
        case .tags:
            let tag = source.tags.sorted().randomElement(using: &random).flatMap { chance(0.85) ? $0 : nil } ?? pick(tagPool)
            return .string(variant(of: tag, folded: true))
        case .tier:
            if chance(0.01) { return .string("platinium") }                 // rejected
            return .string(randomCase((source.tier ?? pick(Tier.allCases)).rawValue))
        case .lifecycle:
            return .string(randomCase(chance(0.8) ? source.lifecycle.rawValue : pick(Lifecycle.allCases).rawValue))
        case .channel:
            return .string(randomCase((source.preferredChannel ?? pick(Channel.allCases)).rawValue))
        case .restricted:
            return chance(0.7) ? .boolean(chance(0.5)) : .string(pick(["true", "false", "TRUE", "False"]))
        case .points: return .integer(number(source.points, spread: 2_000))
        case .totalSpent: return .integer(number(source.totalSpent, spread: 500_000))
        case .orderCount: return .integer(number(source.orderCount, spread: 2))
        case .lastPurchase: return instant(source.lastPurchaseAt ?? customer().lastPurchaseAt ?? source.createdAt)
        case .lastInteraction: return instant(source.lastInteractionAt ?? customer().lastInteractionAt ?? source.createdAt)
        case .createdAt: return instant(source.createdAt)
        case .updatedAt: return instant(source.updatedAt)
        case .attribute(let name):
            var attribute = source.attributes[name]
            if attribute == nil, let holders = attributeHolders[name], !holders.isEmpty {
                attribute = pick(holders).attributes[name]
            }
            if chance(0.15) || attribute == nil {                             // another type, or nothing to copy
                attribute = pick([.integer(Int64(int(0...40))), .string(pick(QueryTestData.notes)), .bool(chance(0.5)),
                                  .date(Date(timeIntervalSince1970: TimeInterval(int(1_640_995_200...1_830_000_000))))])
            }
            switch attribute! {
            case .integer(let number): return .integer(chance(0.7) ? number : number + Int64(int(-3...3)))
            case .decimal(let number): return .integer(Int64(number.rounded()))
            case .string(let text): return .string(variant(of: text, folded: true))
            case .bool(let flag): return .boolean(flag)
            // A string compares with string attributes only: days and instants here.
            case .date(let date): return chance(0.5) ? .date(Self.utcDay(date)) : .timestamp(date)
            }
        }
    }

    private mutating func number(_ value: Int64, spread: Int64) -> Int64 {
        switch int(0...9) {
        case 0...5: value
        case 6...8: value + Int64.random(in: -spread...spread, using: &random)
        default: Int64.random(in: -spread...(spread * 50), using: &random)
        }
    }

    /// An instant, the day it falls on, or that day as text.
    private mutating func instant(_ date: Date) -> QueryValue {
        switch int(0...9) {
        case 0...2: return .timestamp(date)
        case 3: return .timestamp(date.addingTimeInterval(Double(int(-1500...1500)) / 1000))
        case 4...6: return .date(Self.utcDay(date))
        case 7...8: return .string(Self.utcDay(date).description)
        default:
            let whole = Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
            return .string(whole.formatted(.iso8601))
        }
    }

    static func utcDay(_ date: Date) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// `text` as a person might type it: exact, folded, shouted, decomposed, padded.
    private mutating func variant(of text: String, folded: Bool) -> String {
        switch int(0...9) {
        case 0...3: return text
        case 4: return folded ? TextNormalizer.searchFold(text) : text.lowercased()
        case 5: return text.uppercased()
        case 6: return text.lowercased()
        case 7: return text.decomposedStringWithCanonicalMapping
        case 8: return "  \(text)\t"
        default: return folded ? TextNormalizer.searchFold(text).uppercased() : " \(text.lowercased())"
        }
    }

    private mutating func randomCase(_ text: String) -> String {
        switch int(0...5) {
        case 0: text.uppercased()
        case 1: text.capitalized
        case 2: " \(text) "
        default: text
        }
    }

    /// A national significant number (9 digits) written in one of the usual ways.
    private mutating func phoneText(national n: String) -> String {
        let d = Array(n)
        guard d.count == 9 else { return "+84" + n }
        let groups = "\(String(d[0..<3])) \(String(d[3..<6])) \(String(d[6..<9]))"
        switch int(0...7) {
        case 0: return "0\(String(d[0..<3])) \(String(d[3..<6])) \(String(d[6..<9]))"   // 0912 345 678
        case 1: return "0\(n)"
        case 2: return "84\(n)"
        case 3: return "+84 \(groups)"
        case 4: return n                                                                 // lost its 0
        case 5: return "0\(String(d[0..<3])).\(String(d[3..<6])).\(String(d[6..<9]))"
        case 6: return "(+84) \(String(d[0..<3]))-\(String(d[3..<6]))-\(String(d[6..<9]))"
        default: return "+84\(n)"
        }
    }

    // MARK: PREFIX and CONTAINS texts

    mutating func prefixText(for field: QueryField, from source: Customer) -> String {
        func cut(_ text: String) -> String {
            String(text.prefix(int(1...max(1, text.count))))
        }
        switch field {
        case .code: return variant(of: cut(source.code), folded: false)
        case .name:
            switch int(0...3) {
            case 0: return cut(source.fullName)
            case 1: return cut(source.fullName).uppercased()
            default: return cut(TextNormalizer.searchFold(source.fullName))
            }
        case .phone:
            guard let phone = source.phones.randomElement(using: &random) else { return "09" }
            let full = phoneText(national: String(phone.number.e164.dropFirst(3)))
            return String(full.prefix(int(2...full.count)))
        case .email:
            let owner = source.emails.isEmpty ? pick(withEmail) : source
            let email = owner.emails.randomElement(using: &random)!.address.normalized
            let text = cut(email)
            return chance(0.3) ? text.uppercased() : text
        case .province: return variant(of: cut(TextNormalizer.searchFold(source.address.province)), folded: true)
        case .segment: return variant(of: cut(source.segment ?? pick(segmentPool)), folded: true)
        case .owner: return cut(source.owner ?? pick(ownerPool))
        case .tags: return variant(of: cut(source.tags.sorted().randomElement(using: &random) ?? pick(tagPool)), folded: true)
        case .attribute(let name):
            if case .string(let text)? = source.attributes[name] { return variant(of: cut(text), folded: true) }
            return cut(pick(QueryTestData.notes))
        default:
            return String(int(0...9))                                    // rejected: not a text field
        }
    }

    mutating func containsText(for field: QueryField, from source: Customer) -> String {
        func piece(_ text: String) -> String {
            let characters = Array(text)
            guard !characters.isEmpty else { return "" }
            let start = int(0...(characters.count - 1))
            let length = int(1...min(6, characters.count - start))
            return String(characters[start..<(start + length)])
        }
        switch field {
        case .name:
            if chance(0.03) { return pick(["", " - ", "Zzz"]) }
            let words = source.fullName.split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
            let chosen = words.shuffled(using: &random).prefix(int(1...max(1, min(3, words.count))))
            let text = chosen.map { String($0.prefix(int(1...max(1, $0.count)))) }.joined(separator: " ")
            return chance(0.5) ? TextNormalizer.searchFold(text) : text
        case .phone:
            guard let phone = source.phones.randomElement(using: &random) else { return "345" }
            let national = String(phone.number.e164.dropFirst(3))
            let part = piece(national)
            return chance(0.3) ? part.map(String.init).joined(separator: " ") : part
        case .code: return piece(chance(0.5) ? source.code.lowercased() : source.code)
        case .email:
            if chance(0.2) { return pick(["@gmail", ".vn", "Ví-Dụ"]) }
            let owner = source.emails.isEmpty ? pick(withEmail) : source
            return piece(owner.emails.randomElement(using: &random)!.address.display)
        case .province: return piece(source.address.province.isEmpty ? pick(provincePool) : source.address.province)
        case .segment: return piece(source.segment ?? pick(segmentPool))
        case .owner: return piece(source.owner ?? pick(ownerPool))
        case .tags: return piece(source.tags.sorted().randomElement(using: &random) ?? pick(tagPool))
        case .attribute(let name):
            if case .string(let text)? = source.attributes[name] { return piece(text) }
            return piece(pick(QueryTestData.notes))
        default:
            return String(int(0...9))                                    // rejected: not a text field
        }
    }
}
