import Foundation

/// A progress line on stderr (`\r`-rewritten), shown only when stderr is a terminal and the run
/// is long enough to wait for: scripts and pipes never see it.
final class ProgressLine {
    private let enabled: Bool
    private let start = Date()
    private var shown = false

    /// `total` items; runs of fewer than `minimum` items show nothing.
    init(total: Int, minimum: Int = 2000) {
        enabled = total >= minimum && isatty(STDERR_FILENO) != 0
    }

    func update(_ done: Int, _ total: Int) {
        guard enabled, Date().timeIntervalSince(start) > 0.5 || shown else { return }
        shown = true
        let percent = total == 0 ? 100 : done * 100 / total
        let width = 30
        let filled = width * percent / 100
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(percent)% \(done)/\(total) \(OutputLanguage.pick("berkas", "files"))".utf8))
    }

    /// Clears the line so what follows starts at the left margin.
    func finish() {
        guard shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
