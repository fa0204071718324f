import LMDB

/// How a query field maps onto a secondary index: which database, and how compare-form
/// ranges (see ``FieldForm``) become index-key ranges.
struct IndexedField: Sendable {
    let field: QueryField
    let index: OpenIndex
    /// For enumerations, the index keys (raw values) in rank order; the compare form is the
    /// rank, so ranges are translated case by case.
    let rankedKeys: [[UInt8]]?

    /// Index-key ranges covering exactly the compare-form `ranges`.
    func indexRanges(_ ranges: [KeyRange]) -> [KeyRange] {
        guard let rankedKeys else { return ranges }
        return rankedKeys.indices.compactMap { rank in
            ranges.contains { ValueTest.contains($0, [UInt8(rank)]) } ? KeyRange(from: rankedKeys[rank], through: rankedKeys[rank]) : nil
        }
    }

    /// The ranges an ordered walk visits in compare-form order: the whole index, or for
    /// enumerations each value in rank order.
    var orderedSegments: [KeyRange] {
        rankedKeys.map { $0.map { KeyRange(from: $0, through: $0) } } ?? [.all]
    }
}

/// The indexed fields of a store, found by query field.
struct IndexCatalog: Sendable {
    let fields: [QueryField: IndexedField]
    /// The name-token index, which answers `name CONTAINS` and narrows `name =`/`PREFIX`.
    let nameTokens: OpenIndex?

    init(_ databases: StoreDatabases) {
        var fields: [QueryField: IndexedField] = [:]
        var nameTokens: OpenIndex?
        for index in databases.indexes {
            guard let field = QueryField(name: index.definition.field) else { continue }
            if field == .name {
                nameTokens = index
                continue
            }
            fields[field] = IndexedField(field: field, index: index, rankedKeys: Self.rankedKeys(field))
        }
        self.fields = fields
        self.nameTokens = nameTokens
    }

    private static func rankedKeys(_ field: QueryField) -> [[UInt8]]? {
        func raw<Value: CaseIterable & RawRepresentable<String>>(_: Value.Type) -> [[UInt8]] {
            Value.allCases.map { Array($0.rawValue.utf8) }
        }
        return switch field {
        case .gender: raw(Gender.self)
        case .tier: raw(Tier.self)
        case .lifecycle: raw(Lifecycle.self)
        case .channel: raw(Channel.self)
        default: nil
        }
    }
}
