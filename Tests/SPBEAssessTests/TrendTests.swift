import Foundation
import Testing
@testable import SPBEAssess

@Suite("Trend over periods")
struct TrendTests {
    static func card(_ rubric: Rubric, _ levels: [String: Int], period: String, unit: String = "diskominfo",
                     path: String? = nil) throws -> Scorecard {
        let xml = EvidenceXML.profile(rubric, levels: levels)
            .replacingOccurrences(of: #"period="2024""#, with: "period=\"\(period)\"")
            .replacingOccurrences(of: #"unit id="diskominfo""#, with: "unit id=\"\(unit)\"")
        return Scorer(rubric: rubric).score(try Inline.assessment(xml, rubric: rubric, name: path ?? "\(unit)-\(period).xml"))
    }

    static func shipped(_ source: String, _ target: String) -> Crosswalk? {
        source == "spbe-2020" && target == "pemdi-2026" ? CrosswalkXML.shipped : nil
    }

    @Test("same rubric: index, domain and indicator changes, by hand")
    func sameRubric() throws {
        // 2023: all 47 at 1 → 1.00. 2024: I01–I10 (D1, weight 13) at 2, the rest at 1:
        // (13 × 2 + 87 × 1) / 100 = 1.13 → +0.13; D1 1.00 → 2.00; ten indicators rose by 1.
        let spbe = Repo.spbe2020
        let y2023 = try Self.card(spbe, EvidenceXML.levels([(1...47, 1)]), period: "2023")
        let y2024 = try Self.card(spbe, EvidenceXML.levels([(1...10, 2), (11...47, 1)]), period: "2024")
        let trend = try TrendBuilder.build([y2024, y2023], crosswalk: { _, _ in nil })  // any order in
        #expect(trend.periods.map(\.assessment.period) == ["2023", "2024"])
        let step = try #require(trend.steps.first)
        #expect(step.sameRubric)
        #expect(step.indexDeltaHundredths == 13)
        #expect(step.groups.first { $0.id == "D1" }?.deltaHundredths == 100)
        #expect(step.groups.first { $0.id == "D2" }?.deltaHundredths == 0)
        #expect(step.indicators.map(\.id) == (1...10).map { String(format: "I%02d", $0) })
        #expect(step.indicators.allSatisfy { $0.delta == ExactDecimal(1) })
    }

    /// A measured indicator moves by its value, not its whole level: P05 2.85 → 3.34 is a rise
    /// of 0.49 although both are "level 3" rounded down (it was once reported as no change).
    @Test("a measured value that rises is a rise, by its decimal change")
    func measuredChange() throws {
        let source = try String(contentsOfFile: Repo.path("fixtures/kab-ketapang-2026/kab-ketapang.xml"), encoding: .utf8)
        let scratch = try Scratch()
        let later = source.replacingOccurrences(of: #"period="2026""#, with: #"period="2027""#)
            .replacingOccurrences(of: #"<answer indicator="P05" value="2.85""#, with: #"<answer indicator="P05" value="3.34""#)
        let first = try scratch.write("ketapang-2026.xml", source)
        let second = try scratch.write("ketapang-2027.xml", later)
        let result = try CLI.run("trend", "--lang", "id", first, second)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Naik (1):"), "\(result.stdout)")
        // P05 weighs 5 of 100: 2.3746 + 0.49 × 5 / 100 = 2.3991 → 2.40, +0.03 in two-decimal values.
        #expect(result.stdout.contains("Indeks: 2026 2,37 Cukup → 2027 2,40 Cukup (+0,03)"))
        #expect(result.stdout.contains("P05        2,85 → 3,34    +0,49  Tata Kelola Data"), "\(result.stdout)")
        let json = try CLI.run("trend", "--format", "json", first, second)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let change = try #require(((object["steps"] as? [[String: Any]])?.first?["indicators"] as? [[String: Any]])?.first)
        #expect(change["id"] as? String == "P05")
        #expect(change["from"] as? Double == 2.85 && change["to"] as? Double == 3.34 && change["delta"] as? Double == 0.49)
    }

    @Test("across a rubric change the earlier period is migrated, by hand")
    func rubricChange() throws {
        // 2024 (SPBE): I01–I10 at 2, the rest at 1. Through the crosswalk no Pemdi indicator gets
        // past the floor: a level-2 target needs both its criteria, and each has one asked of the
        // user or carried only from a source at level 1 (P01.L2.a asked; P04.L2.b ← I19.L2.a, I19
        // at 1; P13.L2.a ← I15.L2.b, I15 at 1; P09, P14 ask their L2.a; P12 capped at 1), and the
        // measured P05, P06, P07, P10, P19, P20 and the unmapped P08, P11, P17 start at the floor.
        // So the baseline is 1 × 100 / 100 = 1.00. 2026 (Pemdi): every indicator at 2 (measured
        // ones by value="2") → 2.00, so +1.00.
        let y2024 = try Self.card(Repo.spbe2020, EvidenceXML.levels([(1...10, 2), (11...47, 1)]), period: "2024")
        var pemdiLevels: [String: Int] = [:]
        for indicator in Repo.pemdi2026.indicators { pemdiLevels[indicator.id] = 2 }
        let y2026 = try Self.card(Repo.pemdi2026, pemdiLevels, period: "2026")
        let trend = try TrendBuilder.build([y2024, y2026], crosswalk: Self.shipped)
        let step = try #require(trend.steps.first)
        #expect(!step.sameRubric)
        #expect(step.comparable)
        let baseline = try #require(step.migrated)
        #expect(baseline.index == IndexValue(weightedLevels: 1, totalWeight: 1))
        #expect(step.indexDeltaHundredths == 100)
        // Every aspect goes from the floor 1.00 to 2.00, e.g. PA4 (P09–P12) and PA7 (P19, P20).
        #expect(step.groups.first { $0.id == "PA4" }?.from.description == "1.00")
        #expect(step.groups.first { $0.id == "PA4" }?.deltaHundredths == 100)
        #expect(step.groups.first { $0.id == "PA7" }?.deltaHundredths == 100)
        #expect(step.indicators.count == 20)
        #expect(step.indicators.allSatisfy { $0.delta == ExactDecimal(1) })
    }

    @Test("across a rubric change with no crosswalk nothing is compared")
    func noCrosswalk() throws {
        let y2024 = try Self.card(Repo.spbe2020, ["I01": 1], period: "2024")
        let y2026 = try Self.card(Repo.pemdi2026, ["P01": 1], period: "2026")
        let step = try #require(try TrendBuilder.build([y2024, y2026], crosswalk: { _, _ in nil }).steps.first)
        #expect(!step.comparable)
        #expect(step.indexDeltaHundredths == nil)
        #expect(step.indicators.isEmpty)
    }

    @Test("repeated periods and differing units are refused, naming the files")
    func refused() throws {
        let spbe = Repo.spbe2020
        let a = try Self.card(spbe, ["I01": 1], period: "2024", path: "a.xml")
        let b = try Self.card(spbe, ["I01": 2], period: "2024", path: "b.xml")
        let repeated = Inline.problems { _ = try TrendBuilder.build([a, b], crosswalk: { _, _ in nil }) }
        #expect(repeated.map(\.code) == [.repeatedPeriod])
        #expect(repeated.first?.file == "b.xml")
        #expect(repeated.first?.message == "period 2024 is also the period of a.xml; give one file per period")

        let other = try Self.card(spbe, ["I01": 1], period: "2025", unit: "bappeda", path: "c.xml")
        let units = Inline.problems { _ = try TrendBuilder.build([a, other], crosswalk: { _, _ in nil }) }
        #expect(units.map(\.code) == [.unitMismatch])
        #expect(units.first?.message.contains("unit 'bappeda' is not unit 'diskominfo' of a.xml") == true)
    }
}

@Suite("migrate and trend on the command line", .serialized)
struct PemdiCommandLineTests {
    static let ketapang = ["fixtures/kab-ketapang-2023/kab-ketapang.xml", "fixtures/kab-ketapang-2024/kab-ketapang.xml",
                           "fixtures/kab-ketapang-2026/kab-ketapang.xml"]

    @Test("assess migrate writes valid Pemdi evidence and prints the to-do list")
    func migrate() throws {
        let scratch = try Scratch()
        let output = scratch.path("pemdi.xml")
        let result = try CLI.run("migrate", "--lang", "id", Self.ketapang[1], "--to", "pemdi-2026", "--output", output)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("P08   bobot 4  Pelindungan Data Pribadi"))
        #expect(result.stdout.contains("P11   bobot 3  Penerapan Kriptografi"))
        // Measured targets wait for their survey or partner agency, like those with no source.
        #expect(result.stdout.contains("P20  bobot 15"))
        let validate = try CLI.run("validate", output)
        #expect(validate.status == 0, "\(validate.stderr)")
        #expect(validate.stdout.contains("ok (evidence)"))
        let written = try String(contentsOfFile: output, encoding: .utf8)
        #expect(written.contains("Dialihkan dari spbe-2020: I03 (level 2), I23 (level 2), I18 (level 2)"))

        let json = try CLI.run("migrate", Self.ketapang[1], "--to", "pemdi-2026", "--output", output, "--format", "json")
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        // No source (P08, P11, P17) or measured (P05, P06, P07, P10, P19, P20).
        #expect((object["toDo"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
                == ["P05", "P06", "P07", "P08", "P10", "P11", "P17", "P19", "P20"])
        #expect((object["indicators"] as? [[String: Any]])?.count == 20)
    }

    @Test("migrating to the rubric the file already uses exits 1 and writes nothing")
    func migrateSameRubric() throws {
        let scratch = try Scratch()
        let output = scratch.path("x.xml")
        let result = try CLI.run("migrate", Self.ketapang[2], "--to", "pemdi-2026", "--output", output)
        #expect(result.status == 1)
        #expect(result.stderr.contains("fixtures/kab-ketapang-2026/kab-ketapang.xml:3:"))
        #expect(result.stderr.contains("already uses rubric pemdi-2026"))
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test("a crosswalk naming unknown indicators fails validate and migrate with file:line:col")
    func badCrosswalk() throws {
        let scratch = try Scratch()
        let bad = try scratch.write("cw.xml", CrosswalkXML.wrap("  <map target=\"P01\"><source indicator=\"I99\"/></map>"))
        let validate = try CLI.run("validate", bad)
        #expect(validate.status == 1)
        #expect(validate.stderr.contains("cw.xml:4:29: error: source indicator 'I99' is not in rubric spbe-2020"))
        let migrate = try CLI.run("migrate", Self.ketapang[1], "--to", "pemdi-2026", "--crosswalk", bad, "--output", scratch.path("o.xml"))
        #expect(migrate.status == 1)
        #expect(migrate.stderr.contains("cw.xml:4:29"))
        #expect(try CLI.run("validate", "rubrics/crosswalk-spbe-2020-pemdi-2026.xml").stdout.contains("ok (crosswalk)"))
    }

    @Test("hostile text in the source evidence is carried into a valid file, unchanged")
    func migrateHostileText() throws {
        let scratch = try Scratch()
        let hostile = #"<script>alert("x")</script> & 'kutip'"#
        let escaped = hostile.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
        // I25 at level 2: migration carries only criteria above the floor (level 1 of both rubrics),
        // and a document goes along only when a carried criterion cites it. At level 1 nothing is
        // carried and the migrated file rightly keeps no document.
        let source = try scratch.write("spbe.xml", EvidenceXML.wrap("""
          <answer indicator="I25" claimed="2">
            <met criterion="I25.L2.a" documents="doc"/>
            <met criterion="I25.L2.b" documents="doc"/>
            <note xml:lang="id">\(escaped)</note>
          </answer>
        """, documents: "<document id=\"doc\" href=\"bukti/a.pdf?x=1&amp;y=&quot;2&quot;\">\(escaped)</document>"))
        let output = scratch.path("pemdi.xml")
        let result = try CLI.run("migrate", source, "--to", "pemdi-2026", "--output", output)
        #expect(result.status == 0, "\(result.stderr)")
        let migrated = try Repo.withCatalog { catalog in
            try catalog.evidenceLoader().open(path: output).assessment(against: catalog.rubric("pemdi-2026"))
        }
        #expect(migrated.documents.first?.title == hostile)
        #expect(migrated.documents.first?.href == #"bukti/a.pdf?x=1&y="2""#)
        #expect(migrated.answer(for: "P03")?.note.text(in: .id).hasSuffix("Catatan I25: " + hostile) == true)
    }

    @Test("rubric list leaves crosswalks out; validate checks a crosswalk's rubric ids")
    func crosswalkFiles() throws {
        #expect(try CLI.run("rubric", "list").stdout == "pemdi-2026\nsmart-city-2023\nspbe-2020\n")
        let scratch = try Scratch()
        let unknown = try scratch.write("cw.xml", CrosswalkXML.wrap(source: "spbe-1999", "  <map target=\"P01\"/>"))
        let result = try CLI.run("validate", unknown)
        #expect(result.status == 1)
        // Line 2 is <crosswalk …>; `<crosswalk ` is 11 characters and `xmlns="urn:spbe-assess:crosswalk:1" ` 36, so `source=` is column 48.
        #expect(result.stderr.contains("cw.xml:2:48: error: unknown rubric 'spbe-1999'"), "\(result.stderr)")
    }

    @Test("assess trend over 2023, 2024 (SPBE) and 2026 (Pemdi) tells the story")
    func trend() throws {
        let table = try CLI.runArray(["trend", "--lang", "id"] + Self.ketapang)
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("2023 → 2024 (spbe-2020)"))
        #expect(table.stdout.contains("2024 → 2026 (spbe-2020 → pemdi-2026)"))
        #expect(table.stdout.contains("Catatan: periode 2024 dinilai dengan spbe-2020"))
        let markdown = try CLI.runArray(["trend", "--format", "md", "--lang", "en"] + Self.ketapang)
        #expect(markdown.stdout.contains("## 2024 → 2026 (spbe-2020 → pemdi-2026)"))
        #expect(markdown.stdout.contains("> Caveat:"))
        let json = try CLI.runArray(["trend", "--format", "json"] + Self.ketapang)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let periods = try #require(object["periods"] as? [[String: Any]])
        // Indices worked out from the fixtures: see fixtures/kab-ketapang-2026/NOTES.md.
        #expect(periods.map { $0["indexRounded"] as? Double } == [2.17, 2.47, 2.37])
        let steps = try #require(object["steps"] as? [[String: Any]])
        #expect(steps.map { $0["sameRubric"] as? Bool } == [true, false])
        #expect(steps[1]["caveat"] is String)
    }

    @Test("trend refuses repeated periods and differing units with exit 1")
    func trendRefuses() throws {
        let repeated = try CLI.run("trend", Self.ketapang[1], Self.ketapang[1])
        #expect(repeated.status == 1)
        #expect(repeated.stderr.contains("period 2024 is also the period of"))
        let units = try CLI.run("trend", Self.ketapang[1], "fixtures/kab-ketapang-2024/diskominfo.xml")
        #expect(units.status == 1)
        #expect(units.stderr.contains("unit 'diskominfo' is not unit 'kab-ketapang'"))
    }
}
