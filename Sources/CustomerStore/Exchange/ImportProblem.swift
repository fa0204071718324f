/// Why one row of an import file was rejected: where it is and what is wrong with it.
///
/// ```swift
/// let problem = ImportProblem(file: "customers.csv", line: 7, column: "phone", value: "12",
///                             reason: "is not a phone number (too short)")
/// problem.description
/// // customers.csv line 7, column phone: "12" is not a phone number (too short)
/// ```
public struct ImportProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file's name (its last path component).
    public let file: String
    /// The physical line the row starts on, counting from 1 (the header is line 1 of a CSV
    /// file).
    public let line: Int
    /// The column as written in the header (a JSON key path for JSON Lines), or `nil` when
    /// the problem is the whole row.
    public let column: String?
    /// The offending value as written, or `nil` when there is none (a missing name).
    public let value: String?
    /// What is wrong; when ``value`` is given it reads after the quoted value
    /// (`is not a phone number (...)`).
    public let reason: String

    /// A problem in `file` at `line`.
    public init(file: String, line: Int, column: String? = nil, value: String? = nil, reason: String) {
        self.file = file
        self.line = line
        self.column = column
        self.value = value
        self.reason = reason
    }

    /// The problem without its place in the file: `column phone: "12" is not a phone number`.
    public var message: String {
        var text = ""
        if let column { text += "column \(column): " }
        if let value { text += "\"\(NormalizationError.escaped(value))\" " }
        return text + reason
    }

    /// `customers.csv line 7, column phone: "12" is not a phone number (...)`.
    public var description: String {
        column == nil ? "\(file) line \(line): \(message)" : "\(file) line \(line), \(message)"
    }
}
