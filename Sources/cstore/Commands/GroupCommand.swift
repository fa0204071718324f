import ArgumentParser
import CustomerStore
import Foundation

/// `cstore group`: how many customers hold each value of a field.
struct GroupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "group",
        abstract: "Count the customers per value of a field, largest group first.",
        discussion: "Fields: \(QueryField.groupable.map(\.name).joined(separator: ", ")). Customers without a value are the group (none).")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The field to group by.") var field: String
    @Argument(help: "A filter, e.g. \"segment = 'loyal'\".") var filter: String?
    @OptionGroup var output: FormatOptions

    func validate() throws {
        guard let parsed = QueryField(name: field), QueryField.groupable.contains(parsed) else {
            throw ValidationError("cannot group by '\(field)'; valid fields: \(QueryField.groupable.map(\.name).joined(separator: ", "))")
        }
    }

    func run() throws {
        guard let parsed = QueryField(name: field) else { throw ValidationError("unknown field '\(field)'") }
        let predicate = try parseFilter(filter)
        let groups = try store.open().groupCount(by: parsed, where: predicate)
        switch output.format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            for group in groups {
                print(String(decoding: try encoder.encode(GroupLine(value: group.value, count: group.count)), as: UTF8.self))
            }
        case .table:
            print(GroupTable.render(groups, of: parsed), terminator: "")
        case .csv:
            print(CSVText.record([parsed.name, "count"]))
            for group in groups { print(CSVText.record([group.value ?? "", String(group.count)])) }
        }
    }

    /// One group as JSON: `{"count":3,"value":"Hà Nội"}`, `value` null for the customers
    /// without one.
    struct GroupLine: Encodable {
        let value: String?
        let count: Int

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(value, forKey: .value)
            try container.encode(count, forKey: .count)
        }

        enum CodingKeys: String, CodingKey { case value, count }
    }
}
