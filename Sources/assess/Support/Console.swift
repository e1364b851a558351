import ArgumentParser
import Foundation
import SPBEAssess

/// Where the command line writes: results to stdout (or `--output`), problems to stderr.
///
/// Every write is checked (``Descriptor``): a full disk or a closed pipe ends the run with one
/// message and exit 1, never a trap.
enum Console {
    /// A problem, on stderr. If stderr itself cannot be written there is nowhere left to say
    /// so; the exit code still tells.
    static func error(_ text: String) {
        _ = Descriptor.writeAll(STDERR_FILENO, text.hasSuffix("\n") ? text : text + "\n")
    }

    /// A problem of the run rather than of an input's content (an output that cannot be
    /// written): `file: galat: …` in the run's language, as a diagnostic would read.
    static func problem(_ file: String, _ severity: Diagnostic.Severity = .error, id: String, en: String) {
        error("\(file): \(severity.label(in: OutputLanguage.current)): \(OutputLanguage.pick(id, en))")
    }

    static func report(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        error(diagnostics.map { TerminalText.escapeLine($0.description(in: OutputLanguage.current)) }.joined(separator: "\n"))
    }

    /// Result text on stdout; exit 1 with a message when it cannot be written.
    static func out(_ text: String) throws {
        try OutputFile(nil, reads: []).write(text)
    }

    /// Prints `error`'s problems and ends with exit code 1 (invalid input).
    static func fail(_ error: LoadError) -> ExitCode {
        report(error.diagnostics)
        return ExitStatus.invalidInput.exitCode
    }
}
