/// Every secondary index of the store, in one table: adding an index is one line here.
///
/// Field names are those of the query language. Keys are built with ``IndexKey``.
enum CustomerIndexes {
    static let unique: [IndexDefinition] = [
        IndexDefinition("code", .unique) { IndexKey.code($0.code) },
        IndexDefinition("phone", .unique) { $0.phones.map { Array($0.number.e164.utf8) } },
        IndexDefinition("email", .unique) { $0.emails.map { Array($0.address.normalized.utf8) } },
        IndexDefinition("source", .unique) { $0.sources.map(IndexKey.source) },
    ]

    static let multiValue: [IndexDefinition] = [
        IndexDefinition("segment", .multiValue) { $0.segment.flatMap(IndexKey.folded) },
        IndexDefinition("tier", .multiValue) { $0.tier.map { Array($0.rawValue.utf8) } },
        IndexDefinition("lifecycle", .multiValue) { Array($0.lifecycle.rawValue.utf8) },
        IndexDefinition("gender", .multiValue) { Array($0.gender.rawValue.utf8) },
        IndexDefinition("province", .multiValue) { IndexKey.folded($0.address.province) },
        IndexDefinition("tags", .multiValue) { $0.tags.compactMap(IndexKey.folded) },
        IndexDefinition("owner", .multiValue) { $0.owner.flatMap(IndexKey.folded) },
        IndexDefinition("channel", .multiValue) { $0.preferredChannel.map { Array($0.rawValue.utf8) } },
        IndexDefinition("restricted", .multiValue) { IndexKey.flag($0.restricted) },
        IndexDefinition("name", .multiValue) { TextNormalizer.nameTokens($0.fullName).map { Array($0.utf8) } },
    ]

    static let range: [IndexDefinition] = [
        IndexDefinition("points", .range) { IndexKey.integer($0.points) },
        IndexDefinition("total_spent", .range) { IndexKey.integer($0.totalSpent) },
        IndexDefinition("order_count", .range) { IndexKey.integer($0.orderCount) },
        IndexDefinition("last_purchase", .range) { $0.lastPurchaseAt.map(IndexKey.date) },
        IndexDefinition("last_interaction", .range) { $0.lastInteractionAt.map(IndexKey.date) },
        IndexDefinition("created_at", .range) { IndexKey.date($0.createdAt) },
        IndexDefinition("updated_at", .range) { IndexKey.date($0.updatedAt) },
        IndexDefinition("birthday", .range) { customer in
            customer.birthDate.map { IndexKey.monthDay(month: $0.month, day: $0.day) }
        },
    ]

    static let all = unique + multiValue + range
}
