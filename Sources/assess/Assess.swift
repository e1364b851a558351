import ArgumentParser
import Foundation

/// `assess`: e-government (SPBE / Pemdi) maturity from rubrics and evidence files.
///
/// Exit codes: 0 success, 1 invalid input, 2 usage error, 3 a `--fail-on` condition met.
@main
struct Assess: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "Evaluasi tingkat kematangan SPBE dari rubrik dan berkas bukti dukung. / Evaluate e-government (SPBE) maturity from a rubric and evidence files.",
        discussion: """
            Kode keluar: 0 berhasil, 1 masukan tidak valid, 2 galat penggunaan, 3 kondisi --fail-on \
            terpenuhi. Rubrik dicari di --rubrics DIR, $SPBE_ASSESS_RUBRICS, ./rubrics, atau folder rubrics \
            di samping alat yang terpasang. Bahasa pesan: --lang id|en, selain itu LC_ALL atau LANG bila \
            menyebut bahasa Indonesia atau Inggris, selain itu bahasa Indonesia.

            Exit codes: 0 success, 1 invalid input, 2 usage error, 3 a --fail-on condition met.
            Rubrics are looked up in --rubrics DIR, $SPBE_ASSESS_RUBRICS, ./rubrics, or the rubrics \
            folder beside the installed tool.

            Contoh / Example:
              assess score fixtures/kab-ketapang-2024/kab-ketapang.xml
              assess score --lang en fixtures/kab-ketapang-2024/kab-ketapang.xml
            """,
        version: "0.1.0",
        subcommands: [
            ValidateCommand.self, ScoreCommand.self, GapCommand.self, CompareCommand.self, CheckCommand.self,
            AggregateCommand.self, ReadinessCommand.self, TemplateCommand.self, MigrateCommand.self,
            TrendCommand.self, ReportCommand.self, SummaryCommand.self, RubricCommand.self, ImportCommand.self, FollowUpCommand.self,
        ]
    )

    /// Parses, runs, and maps every failure to the documented exit codes; ArgumentParser's own
    /// default for a usage error (64) is not ours.
    static func main() {
        TemporaryFiles.installSignalHandlers()
        do {
            var command = try TrailingPathParsing.parse(Array(CommandLine.arguments.dropFirst()))
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let message = fullMessage(for: error)
            if exitCode(for: error) == .success {
                do { try Console.out(message + "\n") } catch { Foundation.exit(ExitStatus.invalidInput.rawValue) }
                Foundation.exit(0)
            }
            Console.error(UsageMessage.localized(message, in: OutputLanguage.current))
            Foundation.exit(ExitStatus.usage.rawValue)
        }
    }
}

/// The exit codes of SPEC §4.
enum ExitStatus: Int32 {
    case success = 0, invalidInput = 1, usage = 2, failOn = 3

    var exitCode: ExitCode { ExitCode(rawValue) }
}
