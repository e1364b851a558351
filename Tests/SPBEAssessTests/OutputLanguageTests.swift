import Foundation
import Testing

/// The command line's language: `--lang`, else `LC_ALL`, then `LANG` when they name Indonesian or
/// English, else Indonesian; the location and the exit code never change with it.
@Suite("Output language")
struct OutputLanguageTests {
    static let missing = "fixtures/tidak-ada.xml"

    func stderr(_ arguments: [String], _ locale: [String: String]) throws -> (Int32, String) {
        let result = try CLI.runArray(arguments, locale: locale)
        return (result.status, result.stderr)
    }

    @Test("Indonesian when no locale names a language, English only when asked", arguments: [
        ([String: String](), "galat"), (["LANG": "C"], "galat"), (["LANG": "C.UTF-8"], "galat"),
        (["LANG": "fr_FR.UTF-8"], "galat"), (["LANG": "id_ID.UTF-8"], "galat"),
        (["LANG": "en_US.UTF-8"], "error"), (["LANG": "en"], "error"),
        (["LC_ALL": "id_ID.UTF-8", "LANG": "en_US.UTF-8"], "galat"),
        (["LC_ALL": "en_GB.UTF-8", "LANG": "id_ID.UTF-8"], "error"),
    ])
    func fromEnvironment(locale: [String: String], label: String) throws {
        let (status, text) = try stderr(["score", Self.missing], locale)
        #expect(status == 1)
        #expect(text.hasPrefix("\(Self.missing): \(label): "), "\(text)")
    }

    @Test("--lang on the command line wins over the environment, in either spelling", arguments: [
        (["score", "--lang", "en", missing], ["LANG": "id_ID.UTF-8"], "error"),
        (["score", "--lang=en", missing], [:], "error"),
        (["score", "--lang", "id", missing], ["LC_ALL": "en_US.UTF-8"], "galat"),
        (["score", "--lang=id", missing], ["LANG": "en_US.UTF-8"], "galat"),
    ])
    func fromArguments(arguments: [String], locale: [String: String], label: String) throws {
        let (status, text) = try stderr(arguments, locale)
        #expect(status == 1)
        #expect(text.hasPrefix("\(Self.missing): \(label): "), "\(text)")
    }

    @Test("the language of the results follows the same choice when --lang is left out")
    func resultsFollow() throws {
        let file = "fixtures/kab-ketapang-2024/kab-ketapang.xml"
        let indonesian = try CLI.runArray(["score", file], locale: [:])
        #expect(indonesian.status == 0)
        #expect(indonesian.stdout.contains("periode 2024 · penilaian mandiri"))
        let english = try CLI.runArray(["score", file], locale: ["LANG": "en_US.UTF-8"])
        #expect(english.status == 0)
        #expect(english.stdout.contains("period 2024 · self-assessment"))
    }
}
