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

    @Test("Indonesian diagnostics keep file:line:col and the exit code; libxml2's English gets an Indonesian lead-in")
    func indonesianDiagnostics() throws {
        let malformed = try CLI.runArray(["validate", "fixtures/invalid/malformed.xml"], locale: [:])
        #expect(malformed.status == 1)
        #expect(malformed.stderr.contains(
            "fixtures/invalid/malformed.xml:6:12: galat: XML tidak tersusun dengan benar: Opening and ending tag mismatch: met line 5 and answer"))
        #expect(malformed.stderr.hasSuffix("1 masukan tidak valid\n"))

        let schema = try CLI.runArray(["validate", "fixtures/invalid/unknown-element.xml"], locale: [:])
        #expect(schema.status == 1)
        #expect(schema.stderr.contains("fixtures/invalid/unknown-element.xml:5:5: galat: XML tidak sah menurut skema: Element 'evidence'"))

        let unknown = try CLI.runArray(["score", "fixtures/invalid/unknown-indicator.xml"], locale: ["LANG": "C"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "fixtures/invalid/unknown-indicator.xml:4:11: galat: indikator 'I48' tidak ada dalam rubrik spbe-2020\n")
        let english = try CLI.runArray(["score", "fixtures/invalid/unknown-indicator.xml"], locale: ["LANG": "en_US.UTF-8"])
        #expect(english.status == 1)
        #expect(english.stderr == "fixtures/invalid/unknown-indicator.xml:4:11: error: indicator 'I48' is not in rubric spbe-2020\n")
    }

    @Test("usage errors: ours and ArgumentParser's frame in Indonesian, exit 2 in both languages")
    func usageErrors() throws {
        let jobs = try CLI.runArray(["score", "--jobs", "0", Self.missing], locale: [:])
        #expect(jobs.status == 2)
        #expect(jobs.stderr.hasPrefix("Galat: --jobs harus dari 1 sampai 1024, bukan 0\nPenggunaan: assess score "))
        #expect(jobs.stderr.contains("  Lihat 'assess score --help' untuk informasi lebih lanjut."))
        let english = try CLI.runArray(["score", "--jobs", "0", Self.missing], locale: ["LANG": "en_US.UTF-8"])
        #expect(english.status == 2)
        #expect(english.stderr.hasPrefix("Error: --jobs must be from 1 to 1024, not 0\nUsage: assess score "))

        let format = try CLI.runArray(["score", "--format", "xyz", Self.missing], locale: [:])
        #expect(format.status == 2)
        #expect(format.stderr.hasPrefix("Galat: nilai 'xyz' tidak sah untuk '--format <format>'. Berikan salah satu dari 'table' dan 'json'.\n"))
        let missing = try CLI.runArray(["score"], locale: [:])
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("Galat: argumen '<EVIDENCE> ...' wajib diberikan\n"))
    }

    @Test("every command's help is in both languages and shows an example", arguments: [
        "validate", "score", "gap", "compare", "check", "aggregate", "readiness", "template", "migrate",
        "trend", "report", "summary", "rubric", "rubric show", "rubric list",
    ])
    func help(command: String) throws {
        let result = try CLI.runArray(command.split(separator: " ").map(String.init) + ["--help"], locale: [:])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Contoh / Example:\n  assess \(command.split(separator: " ").first ?? "")"), "\(result.stdout)")
        // The abstract, first thing after OVERVIEW, is Indonesian then English.
        let overview = result.stdout.components(separatedBy: "\n\n").first ?? ""
        #expect(overview.contains(" / "), "\(overview)")
    }

    /// `--lang` is read before parsing for the messages, so every command must also accept it.
    @Test("every command accepts --lang", arguments: ["validate", "score", "gap", "compare", "check", "report", "aggregate",
                                                      "readiness", "template", "import", "migrate", "trend", "summary",
                                                      "followup", "rubric show", "rubric list"])
    func everyCommandTakesLang(command: String) throws {
        let result = try CLI.runArray(command.split(separator: " ").map(String.init) + ["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("--lang"), "\(command) --help has no --lang")
    }
}
