/// The field numbers of a customer record (format version 1), the one table of them.
///
/// A number, once given to a field, is never reused for another field, even after the field
/// is retired: old records and old readers still hold the old meaning. Readers skip numbers
/// they do not know. Number 0 ends a record. A field that holds its default is not written.
///
/// | #  | field             | payload                                        | left out when      |
/// |----|-------------------|------------------------------------------------|--------------------|
/// |  0 | (end of record)   | none: the record's last byte                   | never              |
/// |  1 | code              | UTF-8                                          | empty              |
/// |  2 | fullName          | UTF-8                                          | empty              |
/// |  3 | gender            | raw value, UTF-8                               | `unknown`          |
/// |  4 | birthDate         | varint year, month byte, day byte              | `nil`              |
/// |  5 | phones            | elements, see ``PhoneField``                   | empty              |
/// |  6 | emails            | elements, see ``EmailField``                   | empty              |
/// |  7 | address           | subfields, see ``AddressField``                | all parts default  |
/// |  8 | occupation        | UTF-8                                          | `nil`              |
/// |  9 | jobTitle          | UTF-8                                          | `nil`              |
/// | 10 | education         | UTF-8                                          | `nil`              |
/// | 11 | maritalStatus     | UTF-8                                          | `nil`              |
/// | 12 | incomeBand        | UTF-8                                          | `nil`              |
/// | 13 | segment           | UTF-8                                          | `nil`              |
/// | 14 | tags              | elements: UTF-8, in UTF-8 byte order           | empty              |
/// | 15 | tier              | raw value, UTF-8                               | `nil`              |
/// | 16 | lifecycle         | raw value, UTF-8                               | `lead`             |
/// | 17 | preferredChannel  | raw value, UTF-8                               | `nil`              |
/// | 18 | owner             | UTF-8                                          | `nil`              |
/// | 19 | sources           | elements, see ``SourceField``                  | empty              |
/// | 20 | points            | zig-zag varint                                 | 0                  |
/// | 21 | totalSpent        | zig-zag varint                                 | 0                  |
/// | 22 | orderCount        | zig-zag varint                                 | 0                  |
/// | 23 | lastPurchaseAt    | date                                           | `nil`              |
/// | 24 | lastInteractionAt | date                                           | `nil`              |
/// | 25 | consent           | elements by purpose, see ``ConsentField``      | empty              |
/// | 26 | restricted        | bool                                           | `false`            |
/// | 27 | attributes        | elements by name, see ``AttributeField``       | empty              |
/// | 28 | createdAt         | date                                           | the zero date      |
/// | 29 | updatedAt         | date                                           | the zero date      |
/// | 30 | version           | varint                                         | 0                  |
/// | 31 | mergedInto        | varint                                         | `nil`              |
///
/// Every field is `number (varint) + payload length (varint) + payload`. The payload kinds:
/// - *varint*: unsigned LEB128, at most 10 bytes; *zig-zag varint*: a signed value mapped to
///   unsigned (0, -1, 1, -2 ... to 0, 1, 2, 3 ...) so that small magnitudes are short.
/// - *date*: the 8 bytes, little-endian, of the bit pattern of `timeIntervalSinceReferenceDate`
///   (a `Double`), so that every date comes back exactly. The zero date is the reference date
///   itself, 2001-01-01 00:00:00 UTC.
/// - *bool*: one byte, 0 or 1.
/// - *elements*: a varint count, then each element as a varint length and its bytes; an
///   element of a structure is a sequence of subfields (`number + length + payload`, unknown
///   numbers skipped, 0 not allowed) that runs to the end of the element.
/// - *subfields* (address): a sequence of subfields that runs to the end of the payload.
///
/// The record's id is not in the record: it is the record's key.
enum RecordField: UInt64, CaseIterable {
    case code = 1
    case fullName = 2
    case gender = 3
    case birthDate = 4
    case phones = 5
    case emails = 6
    case address = 7
    case occupation = 8
    case jobTitle = 9
    case education = 10
    case maritalStatus = 11
    case incomeBand = 12
    case segment = 13
    case tags = 14
    case tier = 15
    case lifecycle = 16
    case preferredChannel = 17
    case owner = 18
    case sources = 19
    case points = 20
    case totalSpent = 21
    case orderCount = 22
    case lastPurchaseAt = 23
    case lastInteractionAt = 24
    case consent = 25
    case restricted = 26
    case attributes = 27
    case createdAt = 28
    case updatedAt = 29
    case version = 30
    case mergedInto = 31

    /// The field number that ends a record.
    static let endOfRecord: UInt64 = 0

    /// The name of subfield `number` of this field, for error messages.
    func subfieldName(_ number: UInt64) -> String? {
        switch self {
        case .phones: PhoneField(rawValue: number).map { "\($0)" }
        case .emails: EmailField(rawValue: number).map { "\($0)" }
        case .address: AddressField(rawValue: number).map { "\($0)" }
        case .sources: SourceField(rawValue: number).map { "\($0)" }
        case .consent: ConsentField(rawValue: number).map { "\($0)" }
        case .attributes: AttributeField(rawValue: number).map { "\($0)" }
        default: nil
        }
    }
}

/// The subfields of a phone element (``RecordField/phones``).
///
/// | # | subfield    | payload       | left out when                         |
/// |---|-------------|---------------|---------------------------------------|
/// | 1 | e164        | UTF-8         | never (required)                      |
/// | 2 | raw         | UTF-8         | the same bytes as `e164`              |
/// | 3 | kind        | raw value     | `mobile`                              |
/// | 4 | countryCode | varint        | never (required)                      |
/// | 5 | primary     | bool          | `false`                               |
///
/// The national number is `e164` after `+` and the country code.
enum PhoneField: UInt64, CaseIterable {
    case e164 = 1
    case raw = 2
    case kind = 3
    case countryCode = 4
    case primary = 5
}

/// The subfields of an email element (``RecordField/emails``).
///
/// | # | subfield   | payload | left out when                    |
/// |---|------------|---------|----------------------------------|
/// | 1 | normalized | UTF-8   | never (required)                 |
/// | 2 | display    | UTF-8   | the same bytes as `normalized`   |
/// | 3 | primary    | bool    | `false`                          |
///
/// The local part and the domain are `normalized` split at its `@`.
enum EmailField: UInt64, CaseIterable {
    case normalized = 1
    case display = 2
    case primary = 3
}

/// The subfields of ``RecordField/address``, each UTF-8, each left out when empty; `country`
/// is left out when it is `VN` (and written, empty, when it is empty).
enum AddressField: UInt64, CaseIterable {
    case raw = 1
    case street = 2
    case ward = 3
    case province = 4
    case country = 5
}

/// The subfields of a source element (``RecordField/sources``), each UTF-8, each left out
/// when empty.
enum SourceField: UInt64, CaseIterable {
    case system = 1
    case externalID = 2
}

/// The subfields of a consent element (``RecordField/consent``), written in the UTF-8 byte
/// order of the purposes.
///
/// | # | subfield | payload | left out when      |
/// |---|----------|---------|--------------------|
/// | 1 | purpose  | UTF-8   | never (required)   |
/// | 2 | granted  | bool    | `false`            |
/// | 3 | at       | date    | the zero date      |
enum ConsentField: UInt64, CaseIterable {
    case purpose = 1
    case granted = 2
    case at = 3
}

/// The subfields of an attribute element (``RecordField/attributes``), written in the UTF-8
/// byte order of the names. An element has its name and exactly one value subfield.
///
/// | # | subfield | payload         |
/// |---|----------|-----------------|
/// | 1 | name     | UTF-8, required |
/// | 2 | string   | UTF-8           |
/// | 3 | integer  | zig-zag varint  |
/// | 4 | decimal  | the 8 bytes, little-endian, of the `Double`'s bit pattern |
/// | 5 | bool     | bool            |
/// | 6 | date     | date            |
enum AttributeField: UInt64, CaseIterable {
    case name = 1
    case string = 2
    case integer = 3
    case decimal = 4
    case bool = 5
    case date = 6
}
