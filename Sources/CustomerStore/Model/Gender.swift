/// A customer's gender as recorded on their card or form.
///
/// The raw values are stored in records and JSON and never change.
///
/// ```swift
/// Gender(parsing: "Nữ")        // .female
/// Gender(parsing: " NAM ")     // .male
/// Gender(parsing: "khac")      // .other
/// Gender(parsing: "x")         // nil
/// Gender.female.rawValue       // "female"
/// ```
public enum Gender: String, Sendable, Hashable, Codable, CaseIterable {
    /// Male (`nam`).
    case male
    /// Female (`nữ`).
    case female
    /// Another gender (`khác`).
    case other
    /// Not known or not given: the default.
    case unknown

    /// Reads what a person or an import file wrote: `male`, `female`, `other` and `unknown`,
    /// and the Vietnamese `nam` (male), `nữ` (female) and `khác` (other), in any case, with or
    /// without diacritics and surrounding spaces. `nil` for anything else.
    ///
    /// ```swift
    /// Gender(parsing: "NỮ")       // .female
    /// Gender(parsing: "Female")   // .female
    /// Gender(parsing: "unknown")  // .unknown
    /// Gender(parsing: "")         // nil
    /// ```
    public init?(parsing text: String) {
        switch TextNormalizer.searchFold(text) {
        case "male", "nam": self = .male
        case "female", "nu": self = .female
        case "other", "khac": self = .other
        case "unknown": self = .unknown
        default: return nil
        }
    }
}
