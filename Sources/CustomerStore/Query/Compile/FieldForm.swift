import Foundation

/// The compare form of field values: bytes that sort, compare and match prefixes exactly as
/// the values do, so one byte comparison serves filters, sorting and paging alike. Where a
/// field has an index, the form is the index key (except enumerations, which sort by rank).
enum FieldForm {
    /// The values `customer` holds for `field`, in compare form; empty when it has none.
    static func values(of field: QueryField, in customer: Customer) -> [[UInt8]] {
        switch field {
        case .id: [IndexKey.id(customer.id)]
        case .code: optional(IndexKey.code(customer.code))
        case .name: optional(name(customer.fullName))
        case .phone: customer.phones.map { Array($0.number.e164.utf8) }
        case .email: customer.emails.map { Array($0.address.normalized.utf8) }
        case .gender: [rank(customer.gender)]
        case .birthDate: optional(customer.birthDate.map(date))
        case .birthday: optional(customer.birthDate.map { IndexKey.monthDay(month: $0.month, day: $0.day) })
        case .province: optional(IndexKey.folded(customer.address.province))
        case .segment: optional(customer.segment.flatMap(IndexKey.folded))
        case .tier: optional(customer.tier.map(rank))
        case .lifecycle: [rank(customer.lifecycle)]
        case .tags: customer.tags.compactMap(IndexKey.folded)
        case .owner: optional(customer.owner.flatMap(IndexKey.folded))
        case .channel: optional(customer.preferredChannel.map(rank))
        case .restricted: [IndexKey.flag(customer.restricted)]
        case .points: [IndexKey.integer(customer.points)]
        case .totalSpent: [IndexKey.integer(customer.totalSpent)]
        case .orderCount: [IndexKey.integer(customer.orderCount)]
        case .lastPurchase: optional(customer.lastPurchaseAt.map(IndexKey.date))
        case .lastInteraction: optional(customer.lastInteractionAt.map(IndexKey.date))
        case .createdAt: [IndexKey.date(customer.createdAt)]
        case .updatedAt: [IndexKey.date(customer.updatedAt)]
        case .attribute(let attribute): optional(customer.attributes[attribute].map(self.attribute))
        }
    }

    private static func optional(_ value: [UInt8]?) -> [[UInt8]] { value.map { [$0] } ?? [] }

    /// A name as its folded tokens joined by single spaces: `Nguyễn  Văn-Đức` is `nguyen van duc`.
    static func name(_ text: String) -> [UInt8]? {
        let tokens = TextNormalizer.nameTokens(text)
        return tokens.isEmpty ? nil : Array(tokens.joined(separator: " ").utf8)
    }

    /// An enumeration case as its position among all cases (one byte).
    static func rank<Value: CaseIterable & Equatable>(_ value: Value) -> [UInt8] {
        [UInt8(Value.allCases.firstIndex(of: value).map { Value.allCases.distance(from: Value.allCases.startIndex, to: $0) } ?? 0)]
    }

    /// A calendar date as year (2 bytes), month and day.
    static func date(_ date: CalendarDate) -> [UInt8] {
        [UInt8(date.year >> 8), UInt8(date.year & 0xFF), UInt8(date.month), UInt8(date.day)]
    }

    /// The type classes of attribute values, in their sort order.
    enum AttributeClass: UInt8 {
        case flag = 0, number, date, text
    }

    /// An attribute value as its class byte and the value's own form, so values of different
    /// types never compare equal and sort by class.
    static func attribute(_ value: AttributeValue) -> [UInt8] {
        switch value {
        case .bool(let flag): [AttributeClass.flag.rawValue] + IndexKey.flag(flag)
        case .integer(let number): [AttributeClass.number.rawValue] + orderedDouble(Double(number))
        case .decimal(let number): [AttributeClass.number.rawValue] + orderedDouble(number)
        case .date(let date): [AttributeClass.date.rawValue] + IndexKey.date(date)
        case .string(let text): [AttributeClass.text.rawValue] + Array(TextNormalizer.searchFold(text).utf8)
        }
    }

    /// A double as 8 bytes that sort as the numbers do (negative numbers have every bit
    /// flipped, others only the sign bit); `-0.0` is taken as `0.0`.
    static func orderedDouble(_ value: Double) -> [UInt8] {
        let bits = (value == 0 ? 0.0 : value).bitPattern
        let ordered = value < 0 ? ~bits : bits | (1 << 63)
        var key: [UInt8] = []
        key.reserveCapacity(8)
        OrderedKey.append(ordered, to: &key)
        return key
    }
}
