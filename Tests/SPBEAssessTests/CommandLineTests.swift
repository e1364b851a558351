import Foundation
import Testing
@testable import SPBEAssess

/// Runs the built `assess` binary as a user would, from the repository root.
enum CLI {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static var binary: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("assess")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return Repo.root.appendingPathComponent(".build/debug/assess")
    }

    static func run(_ arguments: String...) throws -> Result { try runArray(arguments) }

    /// The child's environment: English messages unless a test asks for another locale, so the
    /// tests that match English stderr do not depend on the machine's locale.
    static func environment(locale: [String: String]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for name in ["LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"] { environment[name] = nil }
        return environment.merging(locale) { $1 }
    }
}

/// A scratch directory, removed when the test ends.
struct Scratch: ~Copyable {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("spbe-assess-\(UUID().uuidString)")
    init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(at: url) }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    func write(_ name: String, _ text: String) throws -> String {
        try Data(text.utf8).write(to: url.appendingPathComponent(name))
        return path(name)
    }
}

@Suite("The assess command line", .serialized)
struct CommandLineTests {
    @Test func validatesTheShippedRubric() throws {
        let result = try CLI.run("validate", "rubrics/spbe-2020.xml")
        #expect(result.status == 0)
        #expect(result.stdout.contains("rubrics/spbe-2020.xml: ok (rubric)"))
    }

    @Test("validate prints file:line:col for every invalid fixture and exits 1")
    func validateInvalid() throws {
        let result = try CLI.run("validate", "fixtures/invalid")
        #expect(result.status == 1)
        let errorLines = result.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        let files = Set(errorLines.map { $0.split(separator: ":")[0] })
        #expect(files.count == InvalidInputTests.expectations.count)
        #expect(result.stderr.contains("fixtures/invalid/claimed-out-of-range.xml:4:27: error: claimed level 6 is outside"))
        #expect(result.stdout.isEmpty)
    }

    @Test("usage errors exit 2", arguments: [["score"], ["score", "--format", "xml", "x.xml"], ["nonsense"], ["score", "--lang", "fr", "x.xml"]])
    func usageErrors(arguments: [String]) throws {
        let process = try CLI.runArray(arguments)
        #expect(process.status == 2)
        #expect(!process.stderr.isEmpty)
    }

    @Test func helpExitsZero() throws {
        let result = try CLI.run("--help")
        #expect(result.status == 0)
        #expect(result.stdout.contains("validate"))
    }

    @Test("score --format json follows SPEC §5, with the hand-computed mixed profile")
    func scoreJSON() throws {
        let scratch = try Scratch()
        let levels = EvidenceXML.levels([(1...10, 3), (11...14, 2), (15...18, 3), (19...20, 2),
                                         (21...28, 1), (29...31, 1), (32...41, 3), (42...47, 2)])
        let evidence = try scratch.write("diskominfo.xml", EvidenceXML.profile(Repo.spbe2020, levels: levels, claimed: ["I01": 4]))
        let result = try CLI.run("score", "--lang", "id", "--format", "json", evidence)
        #expect(result.status == 0, "\(result.stderr)")
        let units = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(units.count == 1)
        let unit = units[0]
        let who = try #require(unit["unit"] as? [String: Any])
        #expect(who["id"] as? String == "diskominfo")
        #expect(who["kind"] as? String == "opd")
        #expect(who["name"] as? String == "Dinas Komunikasi dan Informatika")
        #expect((unit["rubric"] as? [String: Any])?["id"] as? String == "spbe-2020")
        #expect((unit["rubric"] as? [String: Any])?["version"] as? String == "2020")
        #expect(unit["period"] as? String == "2024")
        #expect(unit["role"] as? String == "self")
        #expect(unit["index"] as? Double == 2.34)
        #expect(unit["predicate"] as? String == "Cukup")
        let domains = try #require(unit["domains"] as? [[String: Any]])
        #expect(domains.map { $0["id"] as? String } == ["D1", "D2", "D3", "D4"])
        #expect(domains.map { $0["weight"] as? Double } == [13, 25, 16.5, 45.5])
        #expect(abs((domains[3]["index"] as? Double ?? 0) - 118.5 / 45.5) < 1e-12)
        let aspects = try #require(unit["aspects"] as? [[String: Any]])
        #expect(aspects.count == 8)
        #expect(aspects[6]["domain"] as? String == "D4")
        #expect(aspects[6]["weight"] as? Double == 27.5)
        let pillars = try #require(unit["pillars"] as? [[String: Any]])
        #expect(pillars.first?["id"] as? String == "governance")
        let indicators = try #require(unit["indicators"] as? [[String: Any]])
        #expect(indicators.count == 47)
        let i01 = indicators[0]
        #expect(i01["id"] as? String == "I01")
        #expect(i01["weight"] as? Double == 1.3)
        #expect(i01["claimed"] as? Int == 4)
        #expect(i01["supported"] as? Int == 3)
        #expect(i01["level"] as? Int == 3)
        #expect(i01["overclaim"] as? Bool == true)
        #expect(i01["missingForNext"] as? [String] == ["I01.L4.a", "I01.L4.b"])
        // Nothing claimed is an explicit null, not a missing key.
        #expect(indicators[1].keys.contains("claimed"))
        #expect(indicators[1]["claimed"] is NSNull)
        #expect(indicators[1]["overclaim"] as? Bool == false)
    }

    @Test("score table names the unit, index, predicate and overclaims")
    func scoreTable() throws {
        let scratch = try Scratch()
        let evidence = try scratch.write("e.xml", EvidenceXML.profile(Repo.spbe2020, levels: EvidenceXML.levels([(1...47, 2)]), claimed: ["I05": 3]))
        let result = try CLI.run("score", "--lang", "id", evidence)
        #expect(result.status == 0)
        #expect(result.stdout.contains("Indeks 2,00  Cukup"))
        #expect(result.stdout.contains("I05  klaim 3 → didukung 2"))
        let english = try CLI.run("score", "--lang", "en", evidence)
        #expect(english.stdout.contains("Index 2.00  Fair"))
        // Domain 3's weight is 16.5 (12 + 4.5): a decimal comma in Indonesian, a point in English.
        #expect(result.stdout.contains(" 2,00   16,5  Cukup"))
        #expect(english.stdout.contains(" 2.00    16.5  Fair"))
    }

    @Test("--output is written atomically; invalid input writes nothing and keeps the old file")
    func outputFile() throws {
        let scratch = try Scratch()
        let good = try scratch.write("good.xml", EvidenceXML.profile(Repo.spbe2020, levels: EvidenceXML.levels([(1...47, 1)])))
        let output = scratch.path("hasil.json")
        #expect(try CLI.run("score", "--lang", "id", "--format", "json", "--output", output, good).status == 0)
        let first = try String(contentsOfFile: output, encoding: .utf8)
        #expect(first.contains("\"predicate\" : \"Kurang\""))

        let invalid = try CLI.run("score", "--format", "json", "--output", output, "fixtures/invalid/claimed-zero.xml")
        #expect(invalid.status == 1)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == first)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)

        let fresh = scratch.path("never.json")
        #expect(try CLI.run("score", "--output", fresh, "fixtures/invalid/malformed.xml").status == 1)
        #expect(!FileManager.default.fileExists(atPath: fresh))
    }

    @Test("an output path that is an input is refused and the input left as it was")
    func outputIsInput() throws {
        let scratch = try Scratch()
        let text = EvidenceXML.profile(Repo.spbe2020, levels: ["I01": 1])
        let evidence = try scratch.write("e.xml", text)
        let result = try CLI.run("score", "--output", evidence, evidence)
        #expect(result.status == 2)
        #expect(try String(contentsOfFile: evidence, encoding: .utf8) == text)
    }

    @Test("--rubric naming another rubric than the evidence's is an error")
    func rubricOverrideMismatch() throws {
        let scratch = try Scratch()
        let rubric = try scratch.write("mini.xml", RubricXML.mini(weights: ["60", "40"]))
        let evidence = try scratch.write("e.xml", EvidenceXML.profile(Repo.spbe2020, levels: ["I01": 1]))
        let result = try CLI.run("score", "--rubric", rubric, evidence)
        #expect(result.status == 1)
        #expect(result.stderr.contains("this evidence is for rubric 'spbe-2020', but rubric 'mini' was given"))
    }

    @Test func rubricShow() throws {
        let result = try CLI.run("rubric", "show", "--lang", "id", "spbe-2020")
        #expect(result.status == 0)
        #expect(result.stdout.contains("47 indikator, 8 aspek, 4 domain, jumlah bobot 100"))
        #expect(result.stdout.contains("I47"))
        let unknown = try CLI.run("rubric", "show", "spbe-1999")
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no rubric with id 'spbe-1999'"))
    }
}

extension CLI {
    static func runArray(_ arguments: [String], locale: [String: String] = ["LANG": "en_US.UTF-8"]) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = environment(locale: locale)
        process.currentDirectoryURL = Repo.root
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }
}
