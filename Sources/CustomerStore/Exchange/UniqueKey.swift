/// A unique key of a row (code, phone, email or source), with the column it came from.
struct UniqueKey {
    /// The store's index: `code`, `phone`, `email` or `source`.
    let field: String
    let bytes: [UInt8]
    /// The value as the file wrote it, for problems.
    let shown: String
    let column: String

    /// The keys of `customer`, as the store indexes them.
    static func keys(of customer: Customer, columns: (code: String, phones: String, emails: String, sources: String)) -> [UniqueKey] {
        var keys: [UniqueKey] = []
        if let code = IndexKey.code(customer.code) {
            keys.append(UniqueKey(field: "code", bytes: code, shown: customer.code, column: columns.code))
        }
        for phone in customer.phones {
            keys.append(UniqueKey(field: "phone", bytes: Array(phone.number.e164.utf8), shown: phone.number.raw, column: columns.phones))
        }
        for email in customer.emails {
            keys.append(UniqueKey(field: "email", bytes: Array(email.address.normalized.utf8), shown: email.address.display, column: columns.emails))
        }
        for source in customer.sources {
            keys.append(UniqueKey(field: "source", bytes: IndexKey.source(source),
                                  shown: "\(source.system):\(source.externalID)", column: columns.sources))
        }
        return keys
    }
}
