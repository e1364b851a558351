import Foundation
import SPBEAssess

/// The one language of a run's messages, decided once: `--lang id|en` on the command line, else
/// `LC_ALL`, then `LANG` when it names Indonesian or English (`id_ID.UTF-8`, `en_US.UTF-8`), else
/// Indonesian. Diagnostics and usage errors are printed before (or without) a parsed `--lang`, so
/// they read the command line here rather than from the parsed options.
enum OutputLanguage {
    static let current: Language = decide(arguments: Array(CommandLine.arguments.dropFirst()),
                                          environment: ProcessInfo.processInfo.environment)

    /// `indonesian` or `english`, in the run's language: for the command line's own messages.
    static func pick(_ indonesian: String, _ english: String) -> String { current.pick(indonesian, english) }

    static func decide(arguments: [String], environment: [String: String]) -> Language {
        fromArguments(arguments) ?? ["LC_ALL", "LANG"].lazy.compactMap { environment[$0].flatMap(locale) }.first ?? .id
    }

    /// The last `--lang` value before `--`, as ArgumentParser keeps the last of a repeated option.
    private static func fromArguments(_ arguments: [String]) -> Language? {
        var found: Language?
        var index = arguments.startIndex
        while index < arguments.endIndex, arguments[index] != "--" {
            let argument = arguments[index]
            if argument == "--lang", index + 1 < arguments.endIndex {
                found = Language(rawValue: arguments[index + 1]) ?? found
                index += 1
            } else if argument.hasPrefix("--lang=") {
                found = Language(rawValue: String(argument.dropFirst("--lang=".count))) ?? found
            }
            index += 1
        }
        return found
    }

    /// `id`, `id_ID`, `id_ID.UTF-8`, `en@…`: the language part before `_ . @ -`.
    private static func locale(_ value: String) -> Language? {
        let code = value.prefix { !"_.@-".contains($0) }
        return Language(rawValue: code.lowercased())
    }
}
