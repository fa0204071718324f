import Foundation

/// What the update cases write, the same for every engine: run `r` sets each sample
/// customer's segment to one of two values by the parity of `r`, so every update really moves
/// the customer between segment index entries, and points to a value that also changes each
/// run.
public enum UpdatePlan {
    /// The segment written in runs of `parity` (0 or 1).
    public static func segment(parity: Int) -> String { parity == 0 ? "bench-even" : "bench-odd" }

    /// The points written to the sample customer at `position` in runs of `parity`; far above
    /// what the generator gives, so the first run changes them too.
    public static func points(position: Int, parity: Int) -> Int64 { Int64(10_000_000 + position * 2 + parity) }
}
