import CustomerStore
import Testing

@Suite("Customer records: random customers")
struct RecordPropertyTests {
    @Test("Random customers round-trip exactly", arguments: [1, 2, 3] as [UInt64])
    func randomCustomersRoundTrip(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        for _ in 0..<150 {
            let customer = RandomCustomers.make(using: &generator)
            expectRoundTrip(customer, id: customer.id)
        }
    }

    @Test func randomCustomersEncodeDeterministically() {
        var first = SeededGenerator(seed: 77)
        var second = SeededGenerator(seed: 77)
        for _ in 0..<100 {
            let a = RandomCustomers.make(using: &first)
            var b = RandomCustomers.make(using: &second)
            b.tags = Set(b.tags.reversed())
            b.attributes = Dictionary(uniqueKeysWithValues: b.attributes.reversed().map { ($0.key, $0.value) })
            #expect(a == b)
            #expect(CustomerRecord.encode(a) == CustomerRecord.encode(b))
        }
    }
}
