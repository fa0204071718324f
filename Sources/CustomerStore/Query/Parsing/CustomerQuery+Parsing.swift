extension CustomerQuery {
    /// Parses the query language (see ``CustomerPredicate`` for the meaning of each form) and checks
    /// every value against its field.
    ///
    /// ```swift
    /// let query = try CustomerQuery(parsing: "tags IN ('vip', 'wholesale') AND NOT (points > 10) LIMIT 5")
    /// ```
    ///
    /// - Throws: ``QueryError`` with the column, the offending token and what was expected.
    public init(parsing text: String) throws {
        self = try QueryParser.parse(text)
    }
}
