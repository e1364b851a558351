import Foundation
import Testing
@testable import SPBEAssess

@Suite("Migrating SPBE 2020 evidence to Pemdi 2026")
struct MigrationTests {
    /// A small SPBE file: each answered indicator cites its own document `d-Ixx` for every met
    /// criterion, so carried documents show where they came from.
    static let small: String = {
        func answer(_ id: String, upTo level: Int) -> String {
            var lines = ["  <answer indicator=\"\(id)\">"]
            // Level 1 is the floor: criteria start at level 2.
            for value in stride(from: 2, through: level, by: 1) {
                for letter in ["a", "b"] {
                    lines.append("    <met criterion=\"\(id).L\(value).\(letter)\" documents=\"d-\(id)\"/>")
                }
            }
            lines.append("    <note xml:lang=\"id\">Catatan \(id).</note>")
            lines.append("  </answer>")
            return lines.joined(separator: "\n")
        }
        let levels: [(String, Int)] = [("I01", 3), ("I02", 3), ("I11", 2), ("I12", 2), ("I13", 1), ("I25", 2), ("I10", 2),
                                       ("I19", 2), ("I09", 2), ("I29", 1), ("I30", 1), ("I31", 2), ("I03", 2), ("I23", 2)]
        return EvidenceXML.wrap(levels.map { answer($0.0, upTo: $0.1) }.joined(separator: "\n"),
                                documents: levels.map { "<document id=\"d-\($0.0)\">Bukti \($0.0)</document>" }.joined(separator: "\n  "))
            .replacingOccurrences(of: #"<unit id="diskominfo" kind="opd" instansi="kab-ketapang">Dinas Komunikasi dan Informatika</unit>"#,
                                  with: #"<unit id="kab-contoh" kind="instansi">Pemerintah Kabupaten Contoh</unit>"#)
    }()

    static func migrate(_ xml: String = small) throws -> Migration {
        let assessment = try Inline.assessment(xml, rubric: Repo.spbe2020)
        return try Migrator(crosswalk: CrosswalkXML.shipped, source: Repo.spbe2020, target: Repo.pemdi2026).migrate(assessment)
    }

    @Test("a small SPBE file, worked by hand")
    func handWorked() throws {
        let migration = try Self.migrate()
        let byID = Dictionary(uniqueKeysWithValues: migration.indicators.map { ($0.target, $0) })

        // P01 ← I01 3, I02 3, I11 2, I12 2, I13 1 (weights 1.3, 1.3, 2.5, 2.5, 2.5):
        // 20.3 / 10.1 = 2.0099 → starting level 2. Only P01.L2.b has a proving source (I11.L2.a,
        // met); P01.L2.a is asked of the user, so P01 stays at the floor.
        let p01 = try #require(byID["P01"])
        #expect(p01.sources == [SourceLevel(indicator: "I01", level: 3), SourceLevel(indicator: "I02", level: 3),
                                SourceLevel(indicator: "I11", level: 2), SourceLevel(indicator: "I12", level: 2),
                                SourceLevel(indicator: "I13", level: 1)])
        #expect(p01.startingLevel == 2)
        #expect(p01.carried == ["P01.L2.b"])
        let p01Answer = try #require(migration.assessment.answer(for: "P01"))
        #expect(p01Answer.claimed == nil)
        #expect(p01Answer.met.map(\.documentIDs) == [["d-I11"]])
        #expect(p01Answer.note.text(in: .id).hasPrefix(
            "Dialihkan dari spbe-2020: I01 (level 3), I02 (level 3), I11 (level 2), I12 (level 2), I13 (level 1); aturan rata-rata tertimbang dibulatkan ke bawah: level awal 2."))
        #expect(p01Answer.note.text(in: .id).contains("Catatan I01: Catatan I01."))
        #expect(p01Answer.note.text(in: .en).hasPrefix("Carried over from spbe-2020: I01 (level 3)"))

        // P03 ← I25 2: P03.L2.a ← I25.L2.b and P03.L2.b ← I25.L2.a, both met → level 2.
        #expect(byID["P03"]?.carried == ["P03.L2.a", "P03.L2.b"])
        // P04: P04.L2.a ← I10.L2.a, P04.L2.b ← I19.L2.a, both met → level 2.
        #expect(byID["P04"]?.carried == ["P04.L2.a", "P04.L2.b"])
        // P09 ← I09 2, I29 1, I30 1, I31 2 under min → 1; its P09.L2.b source I29.L2.a is not met.
        #expect(byID["P09"]?.startingLevel == 1)
        #expect(byID["P09"]?.carried == [])
        // P18 ← I03 2, I23 2, I18 1 (unanswered: the floor): P18.L2.a ← I23.L2.b carried; L2.b asked.
        #expect(byID["P18"]?.sources.map(\.level) == [2, 2, 1])
        #expect(byID["P18"]?.carried == ["P18.L2.a"])
        // P12 ← I22, unanswered, so at the floor; capped at 1 anyway.
        #expect(byID["P12"]?.startingLevel == 1)

        // To-do: no source (P08, P11, P17) or measured (P05, P06, P07, P10, P19, P20), at the floor.
        #expect(migration.toDo.map(\.target) == ["P05", "P06", "P07", "P08", "P10", "P11", "P17", "P19", "P20"])
        #expect(migration.toDo.allSatisfy { $0.startingLevel == 1 })
        #expect(migration.assessment.answer(for: "P08") == nil)

        // Scored under Pemdi: P03 2 (w5), P04 2 (w5), every other indicator at the floor 1:
        // (10 + 10 + 90) / 100 = 1.10 → Kurang.
        let card = Scorer(rubric: Repo.pemdi2026).score(migration.assessment)
        #expect(card.index == IndexValue(weightedLevels: 110, totalWeight: 100))
        #expect(card.index.description == "1.10")
        #expect(card.predicate.label.text(in: .id) == "Kurang")

        // Only documents that a carried criterion cites are declared.
        #expect(migration.assessment.documents.map(\.id).sorted() == ["d-I10", "d-I11", "d-I19", "d-I23", "d-I25"])
    }

    @Test("the migrated file is written, loads back as valid Pemdi evidence and scores the same")
    func writtenFileLoads() throws {
        let migration = try Self.migrate()
        let xml = EvidenceWriter.write(migration.assessment)
        let again = try Inline.assessment(xml, rubric: Repo.pemdi2026)
        #expect(again.rubricID == "pemdi-2026")
        #expect(again.answers == migration.assessment.answers)
        #expect(again.unit.id == "kab-contoh")
        #expect(Scorer(rubric: Repo.pemdi2026).score(again).index == Scorer(rubric: Repo.pemdi2026).score(migration.assessment).index)
    }

    @Test("migrating to the rubric the file already uses is refused")
    func sameRubric() throws {
        let pemdi = Repo.pemdi2026
        let assessment = try Inline.assessment(EvidenceXML.profile(pemdi, levels: ["P01": 1]), rubric: pemdi)
        let problems = Inline.problems {
            _ = try Migrator(crosswalk: CrosswalkXML.shipped, source: Repo.spbe2020, target: pemdi).migrate(assessment)
        }
        #expect(problems.map(\.code) == [.sameRubric])
        #expect(problems.first?.message.contains("already uses rubric pemdi-2026") == true)
    }

    @Test("the Ketapang 2024 self-assessment migrates with the unmapped and measured indicators on the to-do list")
    func ketapang() throws {
        let path = Repo.path("fixtures/kab-ketapang-2024/kab-ketapang.xml")
        let assessment = try Repo.withCatalog { catalog in
            try catalog.evidenceLoader().open(path: path).assessment(against: catalog.rubric("spbe-2020"))
        }
        let migration = try Migrator(crosswalk: CrosswalkXML.shipped, source: Repo.spbe2020, target: Repo.pemdi2026).migrate(assessment)
        #expect(migration.toDo.map(\.target) == ["P05", "P06", "P07", "P08", "P10", "P11", "P17", "P19", "P20"])
        // 20 targets less the 9 on the to-do list.
        #expect(migration.assessment.answers.count == 11)
        let again = try Inline.assessment(EvidenceWriter.write(migration.assessment),
                                          rubric: Repo.pemdi2026)
        #expect(again.answers.count == 11)
        // Every carried criterion cites at least one declared document.
        let declared = Set(again.documents.map(\.id))
        #expect(again.answers.allSatisfy { $0.met.allSatisfy { !$0.documentIDs.isEmpty && $0.documentIDs.allSatisfy(declared.contains) } })
    }
}
