import CustomerStore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An import's progress on one stderr line, redrawn at most ten times a second and at each
/// new phase: phase, rows, rows/s, percent of the input and time left. Silent when stderr is not a terminal, so logs
/// and pipes stay clean.
final class ProgressBar {
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false
    private var lastPhase: ImportProgress.Phase?

    /// `nil` when stderr is not a terminal or progress was turned off.
    static func make(enabled: Bool) -> ProgressBar? {
        enabled && isatty(STDERR_FILENO) != 0 ? ProgressBar() : nil
    }

    func update(_ progress: ImportProgress) {
        let now = Date()
        // A new phase is always shown, however soon it comes.
        guard now.timeIntervalSince(lastDraw) >= 0.1 || progress.phase != lastPhase else { return }
        lastDraw = now
        lastPhase = progress.phase
        let elapsed = max(now.timeIntervalSince(start), 0.001)
        let rate = Double(progress.rowsRead) / elapsed
        let fraction = progress.fraction
        let left = fraction > 0 ? elapsed * (1 - fraction) / fraction : 0
        let filled = Int(fraction * 20)
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: 20 - filled)
        let line = String(format: "\r%@ [%@] %3.0f%%  %d rows  %.0f rows/s  ETA %.0fs ",
                          progress.phase.rawValue, bar, fraction * 100, progress.rowsRead, rate, left)
        FileHandle.standardError.write(Data(line.utf8))
        drawn = true
    }

    /// Ends the progress line so the summary starts on its own.
    func finish() {
        if drawn { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
