import Foundation
import Testing
@testable import SPBEAssess

/// What an assessor checks in the rubric data itself (issue #14): level 1 is the floor, no
/// criterion is repeated, the official numbers stay, and the crosswalk carries only what proves.
@Suite("Rubric content")
struct RubricContentTests {
    static let ids = ["spbe-2020", "pemdi-2026", "smart-city-2023"]
    static func rubric(_ id: String) -> Rubric { try! Repo.withCatalog { try $0.rubric(id) } }

    @Test("no rubric has a level-1 criterion: level 1 is the starting state", arguments: ids)
    func noLevelOneCriteria(id: String) {
        let rubric = Self.rubric(id)
        let levelOne = rubric.indicators.flatMap { $0.levels.filter { $0.value == 1 }.flatMap(\.criteria) }
        #expect(levelOne.map(\.id) == [])
        // Every indicator still lists level 1, so the floor is described, not missing.
        #expect(rubric.indicators.allSatisfy { $0.levels.first?.value == 1 })
    }

    /// A criterion at or below the floor that states a "not yet" condition would have to stay
    /// true at every higher level, which the higher levels contradict.
    @Test("no criterion at the floor requires a negative state", arguments: ids)
    func noNegativeStateAtFloor(id: String) {
        let negative = ["belum", "tanpa", "ad hoc", "masih berupa konsep"]
        for indicator in Self.rubric(id).indicators {
            for level in indicator.levels where level.value <= 1 {
                for criterion in level.criteria {
                    let text = criterion.text.text(in: .id).lowercased()
                    #expect(!negative.contains { text.contains($0) }, "\(criterion.id): \(text)")
                }
            }
        }
    }

    @Test("no two criteria of a rubric have the same Indonesian text", arguments: ids)
    func noDuplicateText(id: String) {
        var seen: [String: String] = [:]
        for criterion in Self.rubric(id).indicators.flatMap({ $0.levels.flatMap(\.criteria) }) {
            let text = criterion.text.text(in: .id)
            #expect(seen[text] == nil, "\(criterion.id) repeats \(seen[text] ?? "")")
            seen[text] = criterion.id
        }
    }

    /// The official SPBE 2020 numbers (shared/reference/spbe-2020.md): indicators 1–10 weigh 1.3,
    /// 11–20 2.5, 21–31 1.5, 32–41 2.75, 42–47 3; predicates from 1.8, 2.6, 3.5 and 4.2.
    @Test func spbeWeightsAndBandsAreOfficial() {
        let rubric = Self.rubric("spbe-2020")
        let official: [(ClosedRange<Int>, String)] = [(1...10, "1.3"), (11...20, "2.5"), (21...31, "1.5"), (32...41, "2.75"), (42...47, "3")]
        let expected = official.flatMap { range, weight in range.map { _ in weight } }
        #expect(rubric.indicators.map { "\($0.weight)" } == expected)
        #expect(rubric.predicates.map { "\($0.threshold)" } == ["0", "1.8", "2.6", "3.5", "4.2"])
        #expect(rubric.predicates.map { $0.label.text(in: .id) } == ["Kurang", "Cukup", "Baik", "Sangat Baik", "Memuaskan"])
    }

    /// The carries the domain review names (§4): a portal screenshot proved an enacted geospatial
    /// or statistics policy (P06, P07), 22–24 screenshots of national applications proved a portal
    /// policy (P17), and the MoU and PKS proved the coordination-team decree (P04.L2.a).
    @Test("the migrated Ketapang 2024 file carries no criterion from a document of another kind")
    func ketapangCarriesOnlyProof() throws {
        let assessment = try Repo.withCatalog { catalog in
            try catalog.evidenceLoader().open(path: Repo.path("fixtures/kab-ketapang-2024/kab-ketapang.xml"))
                .assessment(against: catalog.rubric("spbe-2020"))
        }
        let migration = try Migrator(crosswalk: CrosswalkXML.shipped, source: Repo.spbe2020, target: Repo.pemdi2026).migrate(assessment)
        let met = Dictionary(uniqueKeysWithValues: migration.assessment.answers.flatMap(\.met).map { ($0.criterionID, $0.documentIDs) })
        #expect(met.keys.filter { $0.hasPrefix("P06.") || $0.hasPrefix("P07.") || $0.hasPrefix("P17.") }.isEmpty)
        #expect(met["P04.L2.a"] == ["kepbup-tim-koordinasi-spbe-2023"])
        let screenshots = ["tangkapan-layar-portal-satu-data", "statistik-portal-data-2024"]
        #expect(met.values.allSatisfy { $0.allSatisfy { !screenshots.contains($0) } })
        #expect(!met.values.contains { $0.contains("mou-pemprov-kalbar-spbe-2023") || $0.contains("pks-bank-kalbar-nontunai-2022") })
    }

    /// scripts/rubric-repetition: share of criteria equal or nearly equal (token Jaccard or
    /// difflib ratio >= 0.8, the indicator's title words removed) to another at the same level.
    static func repetition(_ id: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Repo.path("scripts/rubric-repetition"), Repo.path("rubrics/\(id).xml")]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Every shipped rubric is written per indicator (issue #14): at most 10 % of its criteria
    /// resemble another at the same level; `repetitionCatchesTemplates` shows the check can fail.
    @Test("the repetition check passes on every shipped rubric", arguments: ["spbe-2020", "pemdi-2026", "smart-city-2023"])
    func repetitionPasses(id: String) throws {
        let result = try Self.repetition(id)
        if result.status == 127 { Issue.record("python3 is needed to run scripts/rubric-repetition: \(result.output)"); return }
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("rubrics/\(id).xml:") && result.output.contains(": ok"))
    }

    /// The check itself: the pre-issue-14 Pemdi file (one sentence per level with the noun swapped)
    /// must fail, or the check measures nothing.
    @Test func repetitionCatchesTemplates() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rubric-repetition-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var levels = ""
        for value in 2...5 {
            levels += "<level value=\"\(value)\">"
            for (letter, noun) in [("a", "Kebijakan"), ("b", "Praktik")] {
                levels += "<criterion id=\"X.L\(value).\(letter)\"><text xml:lang=\"id\">\(noun) telah ditetapkan pada tingkat \(value) dan menunjuk perangkat daerah penanggung jawab.</text></criterion>"
            }
            levels += "</level>"
        }
        var indicators = ""
        for (id, subject) in [("X1", "Data"), ("X2", "Aplikasi")] {
            indicators += "<indicator id=\"\(id)\" weight=\"50\" scale=\"s\"><title xml:lang=\"id\">\(subject)</title><level value=\"1\"/>"
                + levels.replacingOccurrences(of: "X.L", with: "\(id).L").replacingOccurrences(of: "telah", with: "\(subject) telah") + "</indicator>"
        }
        let xml = "<rubric xmlns=\"urn:spbe-assess:rubric:1\" id=\"t\" version=\"1\"><title xml:lang=\"id\">T</title><aspect id=\"A\"><title xml:lang=\"id\">A</title>\(indicators)</aspect></rubric>"
        let file = directory.appendingPathComponent("t.xml")
        try xml.write(to: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Repo.path("scripts/rubric-repetition"), file.path]
        process.standardOutput = Pipe()
        try process.run()
        process.waitUntilExit()
        if process.terminationStatus == 127 { Issue.record("python3 is needed to run scripts/rubric-repetition"); return }
        // 16 criteria; each is the same sentence as the other indicator's once "Data"/"Aplikasi" go.
        #expect(process.terminationStatus == 1)
    }
}
