/// The SplitMix64 finaliser: a bijective mix of 64 bits, so distinct inputs give distinct
/// outputs and nearby inputs give unrelated ones.
@inline(__always)
func splitMix64(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
}

/// The random stream of one generated item: a SplitMix64 sequence started from a hash of the
/// generator's seed and the item's index. Each item owns its stream, so items can be made in
/// any order, or in parallel, and always come out the same.
struct ItemRandom {
    private static let golden: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var state: UInt64

    init(seed: UInt64, index: Int, stream: UInt64 = 0) {
        state = splitMix64(splitMix64(seed &+ stream &* 0xD1B5_4A32_D192_ED03) ^ UInt64(bitPattern: Int64(index)))
    }

    /// The next 64 random bits.
    @inline(__always)
    mutating func next() -> UInt64 {
        state &+= Self.golden
        return splitMix64(state)
    }

    /// A number in `0..<bound` (`bound` > 0); the modulo bias is negligible for small bounds.
    @inline(__always)
    mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }

    /// A number in `range`.
    @inline(__always)
    mutating func within(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// A number in `0 ..< 1`.
    @inline(__always)
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// True with probability `probability`.
    @inline(__always)
    mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    /// An element of `table`, drawn by its weights.
    @inline(__always)
    mutating func pick<Element>(_ table: WeightedTable<Element>) -> Element {
        table.element(at: below(table.totalWeight))
    }

    /// An element of `items`, each equally likely.
    @inline(__always)
    mutating func pick<Element>(_ items: [Element]) -> Element {
        items[below(items.count)]
    }
}

/// Values with integer weights, drawn in proportion to their weights.
struct WeightedTable<Element>: Sendable where Element: Sendable {
    let elements: [Element]
    /// The running sum of the weights, one per element.
    private let cumulative: [Int]

    var totalWeight: Int { cumulative.last ?? 0 }

    init(_ pairs: [(Element, Int)]) {
        precondition(!pairs.isEmpty && pairs.allSatisfy { $0.1 > 0 }, "weights must be positive")
        elements = pairs.map(\.0)
        var sum = 0
        cumulative = pairs.map { sum += $0.1; return sum }
    }

    /// The element whose weight band holds `point` (`0 ..< totalWeight`).
    func element(at point: Int) -> Element {
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > point { high = middle } else { low = middle + 1 }
        }
        return elements[low]
    }
}

/// A word as written, and its ASCII search form (`Nguyễn`, `nguyen`) for building email
/// addresses.
struct FoldedWord: Sendable {
    let text: String
    let ascii: String

    init(_ text: String) {
        self.text = text
        self.ascii = TextNormalizer.searchFold(text).replacingOccurrences(of: " ", with: "")
    }
}

/// Appends the decimal digits of `value` (≥ 0) to `bytes`, left-padded with zeros to `width`.
@inline(__always)
func appendDigits(_ value: Int, width: Int = 0, to bytes: inout [UInt8]) {
    var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                 UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
        (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var count = 0
    var rest = value
    withUnsafeMutableBytes(of: &digits) { buffer in
        repeat {
            buffer[count] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
            count += 1
        } while rest > 0
        while count < width && count < buffer.count {
            buffer[count] = UInt8(ascii: "0")
            count += 1
        }
        for position in stride(from: count - 1, through: 0, by: -1) {
            bytes.append(buffer[position])
        }
    }
}

/// The decimal digits of `value` (≥ 0), left-padded with zeros to `width`.
@inline(__always)
func decimal(_ value: Int, width: Int = 0) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(max(width, 12))
    appendDigits(value, width: width, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
}
