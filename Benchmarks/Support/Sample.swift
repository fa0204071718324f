import CustomerStore

/// The 1,000 customers every lookup, update and delete case visits: spread over the whole
/// store (index `n × 7919 mod N`, 7919 being prime) so the cases do not hit one warm corner of
/// the B-trees.
public enum Sample {
    /// How many customers the sample holds; the cases' names say 1,000.
    public static let size = 1_000

    /// The generator indexes of the sample, in visiting order.
    public static func indexes(customerCount: Int = BenchmarkSettings.customerCount) -> [Int] {
        precondition(customerCount >= size, "the sample needs at least \(size) customers")
        return (0..<size).map { n in (n &* 7919) % customerCount }
    }

    /// `size` customers for which `include` holds, visited in the same spread order (more
    /// steps of `n × 7919 mod N`), as stored in the fixture. For the email lookups: 30 % of
    /// customers have no email, and a case named "1,000" must do 1,000 lookups.
    public static func customers(customerCount: Int = BenchmarkSettings.customerCount,
                                 where include: (Customer) -> Bool) -> [Customer] {
        let generator = BenchmarkSettings.generator
        var chosen: [Customer] = []
        var seen = Set<Int>()
        var n = 0
        while chosen.count < size && n < customerCount {
            let index = (n &* 7919) % customerCount
            n += 1
            guard seen.insert(index).inserted else { continue }
            var customer = generator.customer(at: index)
            customer.id = UInt64(index + 1)
            if include(customer) { chosen.append(customer) }
        }
        precondition(chosen.count == size, "fewer than \(size) customers qualify for the sample")
        return chosen
    }

    /// The sample customers as stored in the fixture: generated, with the id the store gave
    /// them. The fixture loads the generator's customers in order into empty stores, so the
    /// customer at index `i` has id `i + 1` in every engine (``Fixture`` checks this).
    public static func customers(customerCount: Int = BenchmarkSettings.customerCount) -> [Customer] {
        let generator = BenchmarkSettings.generator
        return indexes(customerCount: customerCount).map { index in
            var customer = generator.customer(at: index)
            customer.id = UInt64(index + 1)
            return customer
        }
    }
}
