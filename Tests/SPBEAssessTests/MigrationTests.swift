import Foundation
import Testing
@testable import SPBEAssess

@Suite("Migrating SPBE 2020 evidence to Pemdi 2026")
struct MigrationTests {
    /// A small SPBE file: each answered indicator cites its own document `d-Ixx` for every met
    /// criterion, so carried documents show where they came from.
    static let small: String = {
        func answer(_ id: String, upTo level: Int, extra: [String] = [], skip: [String] = []) -> String {
            var lines = ["  <answer indicator=\"\(id)\">"]
            for value in stride(from: 1, through: level, by: 1) {
                for letter in ["a", "b"] where !skip.contains("\(id).L\(value).\(letter)") {
                    lines.append("    <met criterion=\"\(id).L\(value).\(letter)\" documents=\"d-\(id)\"/>")
                }
            }
            for criterion in extra { lines.append("    <met criterion=\"\(criterion)\" documents=\"d-\(id)\"/>") }
            lines.append("    <note xml:lang=\"id\">Catatan \(id).</note>")
            lines.append("  </answer>")
            return lines.joined(separator: "\n")
        }
        let answers = [
            answer("I01", upTo: 3), answer("I02", upTo: 3), answer("I11", upTo: 2), answer("I12", upTo: 2), answer("I13", upTo: 1),
            // I03: L1.b missing, so supported 0 although both level-2 criteria are met.
            answer("I03", upTo: 2, skip: ["I03.L1.b"]), answer("I23", upTo: 1),
            answer("I09", upTo: 2), answer("I29", upTo: 1), answer("I30", upTo: 1), answer("I31", upTo: 2),
            answer("I42", upTo: 3), answer("I43", upTo: 3),
        ]
        let ids = ["I01", "I02", "I11", "I12", "I13", "I03", "I23", "I09", "I29", "I30", "I31", "I42", "I43"]
        return EvidenceXML.wrap(answers.joined(separator: "\n"),
                                documents: ids.map { "<document id=\"d-\($0)\">Bukti \($0)</document>" }.joined(separator: "\n  "))
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
        // 20.3 / 10.1 = 2.0099 → starting level 2; all four level-1 and level-2 criteria carried.
        let p01 = try #require(byID["P01"])
        #expect(p01.sources == [SourceLevel(indicator: "I01", level: 3), SourceLevel(indicator: "I02", level: 3),
                                SourceLevel(indicator: "I11", level: 2), SourceLevel(indicator: "I12", level: 2),
                                SourceLevel(indicator: "I13", level: 1)])
        #expect(p01.startingLevel == 2)
        #expect(p01.carried == ["P01.L1.a", "P01.L1.b", "P01.L2.a", "P01.L2.b"])
        // A level-1 target criterion cites the documents of every source's met level-1 criteria;
        // at level 2 I13 (level 1) has nothing to give.
        let p01Answer = try #require(migration.assessment.answer(for: "P01"))
        #expect(p01Answer.claimed == nil)
        #expect(p01Answer.met[0].documentIDs == ["d-I01", "d-I02", "d-I11", "d-I12", "d-I13"])
        #expect(p01Answer.met[2].documentIDs == ["d-I01", "d-I02", "d-I11", "d-I12"])
        #expect(p01Answer.note.text(in: .id).hasPrefix(
            "Dialihkan dari spbe-2020: I01 (level 3), I02 (level 3), I11 (level 2), I12 (level 2), I13 (level 1); aturan rata-rata tertimbang dibulatkan ke bawah: level awal 2."))
        #expect(p01Answer.note.text(in: .id).contains("Catatan I01: Catatan I01."))
        #expect(p01Answer.note.text(in: .en).hasPrefix("Carried over from spbe-2020: I01 (level 3)"))

        // P05 ← I03 0, I23 1 (1.3, 1.5): 1.5 / 2.8 = 0.54 → 0. The criterion mapping
        // P05.L2.a ← I03.L2.a + I03.L2.b still carries, as both are met with a document.
        let p05 = try #require(byID["P05"])
        #expect(p05.startingLevel == 0)
        #expect(p05.carried == ["P05.L2.a"])
        #expect(migration.assessment.answer(for: "P05")?.met.first?.documentIDs == ["d-I03"])

        // P09 ← I09 2, I29 1, I30 1, I31 2 under min → 1.
        #expect(byID["P09"]?.startingLevel == 1)
        // P06 ← I43 3, capped at 2.
        #expect(byID["P06"]?.startingLevel == 2)
        // P18 ← I07 0, I18 0, I43 3 (1.3, 2.5, 3): 9 / 6.8 = 1.32 → 1.
        #expect(byID["P18"]?.startingLevel == 1)
        // P17 ← I32…I47: only I42 3 and I43 3 (weight 3 each) of Σw 45.5: 18 / 45.5 = 0.40 → 0.
        #expect(byID["P17"]?.startingLevel == 0)
        // P19 ← I42 3, capped at 2. P20 ← I42 3, capped at 1, and P20.L1.a is asked of the user.
        #expect(byID["P19"]?.startingLevel == 2)
        #expect(byID["P20"]?.startingLevel == 1)
        #expect(byID["P20"]?.carried == ["P20.L1.b"])

        // To-do: the targets with no source.
        #expect(migration.toDo.map(\.target) == ["P08", "P11", "P12"])
        #expect(migration.assessment.answer(for: "P08") == nil)

        // Scored under Pemdi: P01 2 (w5), P06 2 (3), P07 2 (3), P09 1 (4), P18 1 (3), P19 2 (10),
        // everything else 0 (P20's L1.a is open, so P20 is 0):
        // (10 + 6 + 6 + 4 + 3 + 20) / 100 = 49 / 100 = 0.49 → Kurang.
        let card = Scorer(rubric: Repo.pemdi2026).score(migration.assessment)
        #expect(card.index == IndexValue(weightedLevels: 49_000_000, totalWeight: 100_000_000))
        #expect(card.index.description == "0.49")
        #expect(card.predicate.label.text(in: .id) == "Kurang")

        // Only documents that a carried criterion cites are declared.
        #expect(migration.assessment.documents.map(\.id).sorted() == ["d-I01", "d-I02", "d-I03", "d-I09", "d-I11", "d-I12", "d-I13",
                                                                      "d-I29", "d-I30", "d-I31", "d-I42", "d-I43"])
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

    @Test("the Ketapang 2024 self-assessment migrates with the unsourced and measured indicators on the to-do list")
    func ketapang() throws {
        let path = Repo.path("fixtures/kab-ketapang-2024/kab-ketapang.xml")
        let assessment = try Repo.withCatalog { catalog in
            try catalog.evidenceLoader().open(path: path).assessment(against: catalog.rubric("spbe-2020"))
        }
        let migration = try Migrator(crosswalk: CrosswalkXML.shipped, source: Repo.spbe2020, target: Repo.pemdi2026).migrate(assessment)
        // No source in the crosswalk: P08, P11, P17 (nothing proves them) and the measured P05, P06,
        // P07, P10, P19, P20; the other 11 targets are carried.
        #expect(migration.toDo.map(\.target) == ["P05", "P06", "P07", "P08", "P10", "P11", "P17", "P19", "P20"])
        #expect(migration.assessment.answers.count == 11)
        let again = try Inline.assessment(EvidenceWriter.write(migration.assessment),
                                          rubric: Repo.pemdi2026)
        #expect(again.answers.count == 11)
        // Every carried criterion cites at least one declared document.
        let declared = Set(again.documents.map(\.id))
        #expect(again.answers.allSatisfy { $0.met.allSatisfy { !$0.documentIDs.isEmpty && $0.documentIDs.allSatisfy(declared.contains) } })
    }
}
