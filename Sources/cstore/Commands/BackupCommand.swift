import ArgumentParser
import CustomerStore
import Foundation

/// `cstore backup`: a consistent copy of the store, taken while it stays in use.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the store to a new directory, consistently, while it stays in use.",
        discussion: "--compact leaves out free pages: the copy is as small as the data and keeps no bytes of erased customers.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The directory to write the copy into; it must not hold a store.") var destination: String
    @Flag(help: "Leave out free pages and renumber the rest.") var compact = false

    func validate() throws {
        if FileManager.default.fileExists(atPath: (destination as NSString).appendingPathComponent("data.mdb")) {
            throw ValidationError("\(destination) already holds a store; choose a new directory")
        }
    }

    func run() throws {
        let opened = try store.open()
        try opened.backup(to: destination, compacting: compact)
        let size = { (directory: String) -> Int in
            let attributes = try? FileManager.default.attributesOfItem(atPath: (directory as NSString).appendingPathComponent("data.mdb"))
            return (attributes?[.size] as? Int) ?? 0
        }
        print("backup of \(try opened.count()) customers at \(destination): \(size(destination).formatted()) bytes"
              + " (the store's file: \(size(store.resolvedPath).formatted()) bytes)")
    }
}
