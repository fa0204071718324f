// A second process for the LMDB tests: it reads an environment another process writes,
// or holds reader slots until it is killed. Not part of the products.
import Foundation
import LMDB

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    fail("usage: lmdb-test-helper watch PATH DB KEY | hold-readers PATH MAX_READERS")
}

switch arguments[1] {
case "watch":
    // Answers each "read" line on stdin with the value of KEY as it is committed now.
    guard arguments.count == 5 else { fail("usage: lmdb-test-helper watch PATH DB KEY") }
    let env = try Environment(path: arguments[2])
    let db = try env.openDatabase(arguments[3], create: false)
    say("ready")
    while let line = readLine() {
        guard line == "read" else { fail("unknown request \(line)") }
        let value = try env.read { txn in try txn.getString(arguments[4], in: db) }
        say(value ?? "<none>")
    }

case "hold-readers":
    // Opens nested read transactions until every slot is taken, reports, then waits to be killed.
    guard arguments.count == 4, let maxReaders = Int(arguments[3]) else {
        fail("usage: lmdb-test-helper hold-readers PATH MAX_READERS")
    }
    var options = Environment.Options()
    options.maxReaders = maxReaders
    let env = try Environment(path: arguments[2], options: options)
    func hold(_ depth: Int) throws {
        do {
            try env.read { _ in try hold(depth + 1) }
        } catch LMDBError.readersFull {
            say("held \(depth)")
            _ = readLine()  // blocks until killed (or stdin closes)
            exit(0)
        }
    }
    try hold(0)

default:
    fail("unknown command \(arguments[1])")
}
