import ArgumentParser
import Foundation
import SPBEAssess

/// Where the command line writes: results to stdout (or `--output`), problems to stderr.
enum Console {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// A problem of the run rather than of an input's content (an output that cannot be
    /// written): `file: galat: …` in the run's language, as a diagnostic would read.
    static func problem(_ file: String, _ severity: Diagnostic.Severity = .error, id: String, en: String) {
        error("\(file): \(severity.label(in: OutputLanguage.current)): \(OutputLanguage.pick(id, en))")
    }

    static func report(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        error(diagnostics.map { $0.description(in: OutputLanguage.current) }.joined(separator: "\n"))
    }

    /// Prints `error`'s problems and ends with exit code 1 (invalid input).
    static func fail(_ error: LoadError) -> ExitCode {
        report(error.diagnostics)
        return ExitStatus.invalidInput.exitCode
    }
}
