import CustomerStore

/// Grouped counts as two aligned columns, the value and its count, `(none)` for the
/// customers without a value.
enum GroupTable {
    static func render(_ groups: [GroupCount], of field: QueryField) -> String {
        let header = field.name.uppercased()
        let labels = groups.map { $0.value ?? "(none)" }
        let counts = groups.map { String($0.count) }
        let labelWidth = labels.reduce(DisplayWidth.of(header)) { max($0, DisplayWidth.of($1)) }
        let countWidth = counts.reduce(5) { max($0, $1.count) }
        var lines = [DisplayWidth.pad(header, to: labelWidth) + "  " + DisplayWidth.pad("COUNT", to: countWidth, leading: true)]
        for (label, count) in zip(labels, counts) {
            lines.append(DisplayWidth.pad(label, to: labelWidth) + "  " + DisplayWidth.pad(count, to: countWidth, leading: true))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
