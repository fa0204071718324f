import ArgumentParser
import CustomerStore

/// `cstore get`: one customer by exactly one unique key.
struct GetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get", abstract: "Show one customer by code, phone, email or id (exit 1 when none).")

    @OptionGroup var store: StoreOptions
    @Option(help: "The customer code (any case).") var code: String?
    @Option(help: "A phone number in any format.") var phone: String?
    @Option(help: "An email address in any case.") var email: String?
    @Option(help: "The internal id.") var id: UInt64?
    @OptionGroup var output: FormatOptions

    func validate() throws {
        let given = [code != nil, phone != nil, email != nil, id != nil].filter { $0 }.count
        if given != 1 { throw ValidationError("give exactly one of --code, --phone, --email, --id") }
    }

    func run() throws {
        let opened = try store.open()
        let (found, what): (Customer?, String) =
            if let code { (try opened.get(code: code), "code \(code)") }
            else if let phone { (try opened.get(phone: phone), "phone \(phone)") }
            else if let email { (try opened.get(email: email), "email \(email)") }
            else { (try opened.get(id: id ?? 0), "id \(id ?? 0)") }
        guard let found else { throw Failure(.notFound, "no customer with \(what)") }
        try output.print([found])
    }
}
