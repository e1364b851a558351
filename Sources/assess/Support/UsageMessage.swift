import Foundation
import SPBEAssess

/// ArgumentParser's usage errors are English; in an Indonesian run its frame (`Error:`, `Usage:`,
/// `See … for more information.`) and its commonest messages are said in Indonesian, while the
/// option names, values and the usage line itself stay as typed.
enum UsageMessage {
    static func localized(_ message: String, in language: Language) -> String {
        guard language == .id else { return message }
        return message.split(separator: "\n", omittingEmptySubsequences: false)
            .map { translate(String($0)) }.joined(separator: "\n")
    }

    /// (pattern, template) pairs, tried in order on each line; `$1`… are the pattern's groups.
    private static let lines: [(String, String)] = [
        (#"^Error: Missing expected argument '(.*)'$"#, "Galat: argumen '$1' wajib diberikan"),
        (#"^Error: Unknown option '(.*?)'\. Did you mean '(.*)'\?$"#, "Galat: opsi '$1' tidak dikenal. Apakah yang dimaksud '$2'?"),
        (#"^Error: Unknown option '(.*)'$"#, "Galat: opsi '$1' tidak dikenal"),
        (#"^Error: Missing value for '(.*)'$"#, "Galat: nilai untuk '$1' belum diberikan"),
        (#"^Error: The value '(.*?)' is invalid for '(.*?)'\. Please provide one of (.*)\.$"#,
         "Galat: nilai '$1' tidak sah untuk '$2'. Berikan salah satu dari $3."),
        (#"^Error: The value '(.*?)' is invalid for '(.*)'$"#, "Galat: nilai '$1' tidak sah untuk '$2'"),
        (#"^Error: Unexpected arguments? (.*)$"#, "Galat: argumen yang tidak diharapkan $1"),
        (#"^Error: (.*)$"#, "Galat: $1"),
        (#"^Help: (.*)$"#, "Bantuan: $1"),
        (#"^Usage: (.*)$"#, "Penggunaan: $1"),
        (#"^  See '(.*)' for more information\.$"#, "  Lihat '$1' untuk informasi lebih lanjut."),
    ]

    private static func translate(_ line: String) -> String {
        for (pattern, template) in lines {
            guard let expression = try? NSRegularExpression(pattern: pattern),
                  let match = expression.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) else { continue }
            let translated = expression.replacementString(for: match, in: line, offset: 0, template: template)
            // "one of 'table' and 'json'", "'a', 'b', and 'c'": the list's last joiner.
            return translated.replacingOccurrences(of: "', and '", with: "', dan '")
                .replacingOccurrences(of: "' and '", with: "' dan '")
        }
        return line
    }
}
