// Runs one operation many times on a generated store, for `valgrind --tool=callgrind`:
//
//   Profile N ROUNDS code|phone|email|update   ROUNDS × 1,000 operations on a store of N
//   Profile N 1 load                            insertMany of N customers into a new store
//   Profile N 1 bulkload                        the same as one bulk load (one transaction)
//
// Stores live in the temporary directory and are reused between runs of the same N.
import CustomerStore
import Foundation

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count == 3, let n = Int(arguments[arguments.startIndex]), n >= 1_000,
      let rounds = Int(arguments[arguments.startIndex + 1]), rounds > 0
else {
    print("usage: Profile N ROUNDS code|phone|email|update|load|bulkload")
    exit(2)
}
let mode = arguments[arguments.startIndex + 2]
let generator = CustomerGenerator(seed: 42, codes: true)
var options = CustomerStore.Options()
options.environment.noSync = true

func elapsedSeconds(_ body: () throws -> Void) rethrows -> Double {
    let start = ContinuousClock.now
    try body()
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

if mode == "load" || mode == "bulkload" {
    let directory = NSTemporaryDirectory() + "cstore-profile-load-\(n)"
    try? FileManager.default.removeItem(atPath: directory)
    let store = try CustomerStore(path: directory, options: options)
    let customers = Array(generator.customers(count: n))
    var stored = 0
    let seconds = try elapsedSeconds {
        stored = mode == "load"
            ? try store.insertMany(customers)
            : try store.bulkLoad { load in
                for customer in customers { try load.insert(customer) }
                return load.count
            }
    }
    precondition(stored == n, "every customer is stored")
    print("load: \(Int(Double(n) / seconds)) customers/s")
    exit(0)
}

let directory = NSTemporaryDirectory() + "cstore-profile-\(n)"
let exists = FileManager.default.fileExists(atPath: directory)
let store = try CustomerStore(path: directory, options: options)
if !exists { try store.insertMany(generator.customers(count: n)) }
let sample = (0..<1_000).map { generator.customer(at: ($0 &* 7919) % n) }
let keys: [String] = sample.map { customer in
    switch mode {
    case "phone": customer.phones[0].number.e164
    case "email": customer.emails.first?.address.normalized ?? ""
    default: customer.code
    }
}
var done = 0
let seconds = try elapsedSeconds {
    for round in 0..<rounds {
        for key in keys where !key.isEmpty {
            switch mode {
            case "code": if try store.get(code: key) != nil { done += 1 }
            case "phone": if try store.get(phone: key) != nil { done += 1 }
            case "email": if try store.get(email: key) != nil { done += 1 }
            case "update":
                let updated = try store.update(code: key) { $0.points = Int64(round) }
                if updated.points == Int64(round) { done += 1 }
            default:
                print("unknown mode \(mode)")
                exit(2)
            }
        }
    }
}
precondition(done == rounds * keys.filter { !$0.isEmpty }.count, "every operation finds its customer")
print("\(mode): \(Int(seconds / Double(done) * 1e9)) ns per operation")
