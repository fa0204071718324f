/// A range of keys for walks: each end unbounded, included or excluded.
///
/// ```swift
/// KeyRange.all
/// KeyRange(from: "KH0100", to: "KH0200")            // KH0100 <= key < KH0200
/// KeyRange(from: "KH0100", through: "KH0200")       // KH0100 <= key <= KH0200
/// KeyRange.prefix("KH01")                           // every key starting with KH01
/// ```
///
/// Keys compare in the database's own order (bytewise for byte-string keys).
public struct KeyRange: Sendable, Hashable {
    /// One end of a range.
    public enum Bound: Sendable, Hashable {
        /// No limit on this side.
        case unbounded
        /// Keys equal to this one are in the range.
        case included([UInt8])
        /// Keys equal to this one are not in the range.
        case excluded([UInt8])
    }

    /// The low end: the first key a forward walk may visit.
    public var lower: Bound
    /// The high end: the first key a reverse walk may visit.
    public var upper: Bound

    /// A range with explicit bounds.
    public init(lower: Bound, upper: Bound) {
        self.lower = lower
        self.upper = upper
    }

    /// Every key.
    public static let all = KeyRange(lower: .unbounded, upper: .unbounded)

    /// Keys from `lower` (included) up to `upper` (excluded).
    public init(from lower: some LMDBBytes, to upper: some LMDBBytes) {
        self.init(lower: .included(lower.copiedBytes), upper: .excluded(upper.copiedBytes))
    }

    /// Keys from `lower` through `upper`, both included.
    public init(from lower: some LMDBBytes, through upper: some LMDBBytes) {
        self.init(lower: .included(lower.copiedBytes), upper: .included(upper.copiedBytes))
    }

    /// Keys at or after `lower`.
    public static func from(_ lower: some LMDBBytes) -> KeyRange {
        KeyRange(lower: .included(lower.copiedBytes), upper: .unbounded)
    }

    /// Keys strictly after `lower`.
    public static func after(_ lower: some LMDBBytes) -> KeyRange {
        KeyRange(lower: .excluded(lower.copiedBytes), upper: .unbounded)
    }

    /// Keys strictly before `upper`.
    public static func before(_ upper: some LMDBBytes) -> KeyRange {
        KeyRange(lower: .unbounded, upper: .excluded(upper.copiedBytes))
    }

    /// Keys at or before `upper`.
    public static func through(_ upper: some LMDBBytes) -> KeyRange {
        KeyRange(lower: .unbounded, upper: .included(upper.copiedBytes))
    }

    /// Every key that starts with `prefix` (bytewise): from `prefix` up to the first key
    /// that sorts after all its extensions.
    public static func prefix(_ prefix: some LMDBBytes) -> KeyRange {
        let start = prefix.copiedBytes
        guard let end = prefixSuccessor(start) else { return from(start) }
        return KeyRange(lower: .included(start), upper: .excluded(end))
    }

    /// The same range with empty-key bounds resolved: keys are never empty, so an empty lower
    /// bound admits every key and an empty upper bound admits none (`nil`).
    public var normalized: KeyRange? {
        switch upper {
        case .included([]), .excluded([]): return nil
        default: break
        }
        switch lower {
        case .included([]), .excluded([]): return KeyRange(lower: .unbounded, upper: upper)
        default: return self
        }
    }

    /// The smallest key greater than every key starting with `prefix`, or `nil` if none
    /// exists (the prefix is empty or all 0xFF).
    static func prefixSuccessor(_ prefix: [UInt8]) -> [UInt8]? {
        var end = prefix
        while let last = end.last {
            if last < 0xFF {
                end[end.count - 1] = last + 1
                return end
            }
            end.removeLast()
        }
        return nil
    }
}

extension LMDBBytes {
    var copiedBytes: [UInt8] { withLMDBBytes { Array($0) } }
}
