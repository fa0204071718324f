import ArgumentParser
import CustomerStore

/// `cstore query`: customers matching a query, all at once or a page at a time.
struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "List the customers matching a query.",
        discussion: """
            With --limit or --after, prints one page (of --limit customers, default 50) and, \
            when more follow, `next page: --after TOKEN` on stderr, keeping stdout clean.
            """)

    @OptionGroup var store: StoreOptions
    @Argument(help: "The query, e.g. \"tier = 'gold' ORDER BY points DESC\".") var query: String
    @OptionGroup var output: FormatOptions
    @Option(help: "The page size.") var limit: Int?
    @Option(help: "Continue after this page token.") var after: String?

    /// The page size when paging without --limit.
    static let defaultPageSize = 50

    func validate() throws {
        if let limit, limit <= 0 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let parsed = try parseQuery(query)
        let opened = try store.open()
        guard limit != nil || after != nil else {
            try output.print(try opened.query(parsed))
            return
        }
        let page = try opened.page(parsed, size: limit ?? Self.defaultPageSize, after: after.map(PageToken.init))
        try output.print(page.customers)
        if let next = page.next { Console.error("next page: --after \(next.text)") }
    }
}
