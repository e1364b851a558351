import Foundation
import Testing
@testable import SPBEAssess

/// The scale floor (level 1 "belum atau telah tersedia" of PermenPANRB 59/2020) and measured
/// indicators (`measure="value"`), SPEC §1. Every expected value is worked out by hand below.
@Suite("Floor and measured indicators")
struct FloorAndMeasuredTests {
    /// Floor 1 on a 1–5 scale; X1 (weight 2.5) is a ladder with one criterion on levels 2–5,
    /// X2 (1.5) and X3 (1) are measured. Σw = 5, normalize.
    static func rubricXML(floor: String = "1") -> String {
        let ladder = (2...5).map { level in
            #"<level value="\#(level)"><criterion id="X1.L\#(level).a"><text xml:lang="id">Kriteria level \#(level).</text></criterion></level>"#
        }.joined()
        let measuredLevels = (1...5).map { #"<level value="\#($0)"><description xml:lang="id">Nilai \#($0).</description></level>"# }.joined()
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <rubric xmlns="urn:spbe-assess:rubric:1" id="mini" version="1" normalize="true">
          <title xml:lang="id">Rubrik kecil</title>
          <scale id="lima" floor="\(floor)">
            <level value="1"><label xml:lang="id">Satu</label></level>
            <level value="2"><label xml:lang="id">Dua</label></level>
            <level value="3"><label xml:lang="id">Tiga</label></level>
            <level value="4"><label xml:lang="id">Empat</label></level>
            <level value="5"><label xml:lang="id">Lima</label></level>
          </scale>
          <predicate from="0"><label xml:lang="id">Kurang</label></predicate>
          <predicate from="2.6"><label xml:lang="id">Baik</label></predicate>
          <aspect id="A1">
            <title xml:lang="id">Aspek satu</title>
            <indicator id="X1" weight="2.5" scale="lima">
              <title xml:lang="id">Tangga</title>
              <level value="1"><description xml:lang="id">Belum atau telah tersedia.</description></level>
              \(ladder)
            </indicator>
            <indicator id="X2" weight="1.5" scale="lima" measure="value">
              <title xml:lang="id">Kepuasan pengguna</title>
              <description xml:lang="id">Dari survei, dikonversi ke 1–5.</description>
              \(measuredLevels)
            </indicator>
            <indicator id="X3" weight="1" scale="lima" measure="value">
              <title xml:lang="id">Hasil evaluasi instansi lain</title>
              \(measuredLevels)
            </indicator>
          </aspect>
        </rubric>
        """
    }

    static let rubric: Rubric = try! Inline.rubric(rubricXML())

    static func evidence(_ answers: String, documents: String = #"<document id="survei">Laporan survei 2026</document><document id="sk">SK</document>"#) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <assessment xmlns="urn:spbe-assess:evidence:1" rubric="mini" period="2026" role="self">
          <unit id="kab-contoh" kind="instansi">Pemerintah Kabupaten Contoh</unit>
          \(answers)
          \(documents)
        </assessment>
        """
    }

    static func score(_ answers: String, options: ScoringOptions = .init()) throws -> Scorecard {
        Scorer(rubric: rubric, options: options).score(try Inline.assessment(evidence(answers), rubric: rubric))
    }

    @Test("a file with no answers scores exactly 1.00 Kurang on spbe-2020 and pemdi-2026")
    func emptyFileIsTheFloor() throws {
        for rubric in [Repo.spbe2020, Repo.pemdi2026] {
            let xml = EvidenceXML.wrap(rubric: rubric.id, "")
            let card = Scorer(rubric: rubric).score(try Inline.assessment(xml, rubric: rubric))
            // Every indicator at the floor 1: Σ(1 × w) / Σw = 1 exactly.
            #expect(card.index == IndexValue(weightedLevels: 1, totalWeight: 1))
            #expect(card.index.description == "1.00")
            #expect(card.predicate.label.text(in: .id) == "Kurang")
            #expect(card.indicators.allSatisfy { !$0.assessed && $0.level == 1 && $0.supported == 1 })
            #expect(card.aspects.allSatisfy { $0.index.description == "1.00" })
        }
    }

    @Test("a mixed profile with two measured values, by hand")
    func mixedProfile() throws {
        let card = try Self.score("""
            <answer indicator="X1" claimed="4"><met criterion="X1.L2.a" documents="sk"/><met criterion="X1.L3.a" documents="sk"/></answer>
            <answer indicator="X2" value="3.42" documents="survei"/>
            <answer indicator="X3" value="2.17" documents="sk"/>
            """)
        // X1 supported 3 (levels 2 and 3 met); (3 × 2.5 + 3.42 × 1.5 + 2.17 × 1) / 5
        // = (7.5 + 5.13 + 2.17) / 5 = 14.8 / 5 = 2.96 → Baik.
        #expect(card.index == IndexValue(weightedLevels: 296, totalWeight: 100))
        #expect(card.index.description == "2.96")
        #expect(card.predicate.label.text(in: .id) == "Baik")
        #expect(card.indicators.map(\.score) == [ExactDecimal(3), ExactDecimal(parsing: "3.42")!, ExactDecimal(parsing: "2.17")!])
        #expect(card.indicators[0].overclaim)
        #expect(card.indicators[1].missingForNext.isEmpty && !card.indicators[1].overclaim)
    }

    @Test("an undocumented value scores the floor unless evidence is not required; an unanswered one too")
    func undocumentedValue() throws {
        let answers = #"<answer indicator="X2" value="4.5"/>"#
        let strict = try Self.score(answers)
        // (1 × 2.5 + 1 × 1.5 + 1 × 1) / 5 = 1.00: X2 has no document, X1 and X3 no answer.
        #expect(strict.index.description == "1.00")
        #expect(strict.indicators[1].measured == nil && strict.indicators[1].level == 1)
        let lenient = try Self.score(answers, options: .init(requireEvidence: false))
        // (2.5 + 4.5 × 1.5 + 1) / 5 = 10.25 / 5 = 2.05
        #expect(lenient.index == IndexValue(weightedLevels: 205, totalWeight: 100))
        let assessment = try Inline.assessment(Self.evidence(answers), rubric: Self.rubric)
        #expect(assessment.warnings.map(\.code) == [.metWithoutDocument])
    }

    @Test("a met at or below the floor is accepted, changes nothing, and is reported once per file")
    func metAtFloor() throws {
        let xml = RubricXML.mini(weights: ["1", "1"], normalize: true)
            .replacingOccurrences(of: #"<scale id="dua">"#, with: #"<scale id="dua" floor="1">"#)
        let mini = try Inline.rubric(xml)
        let evidence = EvidenceXML.wrap(rubric: "mini", """
            <answer indicator="X1"><met criterion="X1.L1.a" documents="doc"/></answer>
            <answer indicator="X2"><met criterion="X2.L1.a" documents="doc"/><met criterion="X2.L2.a" documents="doc"/></answer>
            """)
        let assessment = try Inline.assessment(evidence, rubric: mini)
        #expect(assessment.warnings.map(\.code) == [.metAtFloor])
        #expect(assessment.warnings[0].message.contains("2 criteria"))
        #expect(assessment.warnings[0].message(in: .id).contains("2 kriteria"))
        let card = Scorer(rubric: mini).score(assessment)
        // X1 at the floor 1, X2 at 2: (1 + 2) / 2 = 1.50.
        #expect(card.indicators.map(\.supported) == [1, 2])
        #expect(card.index.description == "1.50")
    }

    @Test("an Indonesian message is the default rendering's language, English on request")
    func bilingualDiagnostic() {
        let problems = Inline.problems { _ = try Self.score(#"<answer indicator="X2" value="tiga" documents="survei"/>"#) }
        #expect(problems.count == 1)
        #expect(problems[0].description(in: .id).contains(": galat: value=\"tiga\" indikator X2 bukan bilangan desimal"))
        #expect(problems[0].description(in: .en).contains(": error: value=\"tiga\" of indicator X2 is not a decimal number"))
    }

    /// Each bad input with its code, line and column (the evidence's answers start on line 4,
    /// column 3; `value=` or `claimed=` then stands at column 3 + 23 = 26).
    @Test("bad evidence for measured and ladder indicators", arguments: [
        (#"<answer indicator="X2" value="3.456" documents="survei"/>"#, Diagnostic.Code.invalidDecimal, "more than two decimals", 26),
        (#"<answer indicator="X2" value="5.5" documents="survei"/>"#, .levelOutOfRange, "outside its scale (1–5)", 26),
        (#"<answer indicator="X2" value="0.5" documents="survei"/>"#, .levelOutOfRange, "outside its scale (1–5)", 26),
        (#"<answer indicator="X2" value="tiga" documents="survei"/>"#, .invalidDecimal, "not a decimal number", 26),
        (#"<answer indicator="X2" value="-1" documents="survei"/>"#, .invalidDecimal, "not a decimal number", 26),
        (#"<answer indicator="X1" value="3"/>"#, .invalidDecimal, "assessed by the criteria met, not by a value", 26),
        (#"<answer indicator="X2" claimed="3" value="3" documents="survei"/>"#, .levelOutOfRange, "not a claimed level", 26),
        (#"<answer indicator="X2" value="3" documents="survei"><met criterion="X1.L2.a" documents="sk"/></answer>"#, .criterionOutOfPlace, "measured by a value, not by criteria", 60),
        (#"<answer indicator="X2" value="3" documents="tidak-ada"/>"#, .undeclaredDocument, "'tidak-ada' is cited but not declared", 36),
    ])
    func badEvidence(answer: String, code: Diagnostic.Code, message: String, column: Int) {
        let problems = Inline.problems { _ = try Self.score(answer) }
        #expect(problems.map(\.code) == [code], "\(problems)")
        #expect(problems.first?.message.contains(message) == true, "\(problems)")
        #expect(problems.first?.line == 4)
        #expect(problems.first?.column == column)
        #expect(problems.first?.indonesian?.isEmpty == false)
    }

    @Test("a floor outside the scale is refused at its line and column", arguments: [
        ("6", Diagnostic.Code.levelOutOfRange), ("5", .levelOutOfRange), ("-1", .schemaViolation), ("satu", .schemaViolation),
    ])
    func badFloor(floor: String, code: Diagnostic.Code) {
        let problems = Inline.problems { _ = try Inline.rubric(Self.rubricXML(floor: floor)) }
        #expect(problems.first?.code == code, "\(problems)")
        #expect(problems.first?.line == 4)
        #expect(problems.first?.column != nil)
    }

    @Test("a ladder level above the floor without criteria is refused")
    func ladderNeedsCriteria() {
        let xml = Self.rubricXML().replacingOccurrences(
            of: #"<level value="2"><criterion id="X1.L2.a"><text xml:lang="id">Kriteria level 2.</text></criterion></level>"#,
            with: #"<level value="2"><description xml:lang="id">Kosong.</description></level>"#)
        let problems = Inline.problems { _ = try Inline.rubric(xml) }
        #expect(problems.map(\.code) == [.incompleteLevels])
        #expect(problems.first?.message.contains("level 2 is above the floor (1)") == true)
    }

    @Test("kappa runs over the scale's own categories; a 7-level scale is not clamped to 5")
    func agreementOnAWideScale() {
        // Raters (7, 1), (6, 2), (1, 7): no exact matches, none within one; Σ|a − b| = 6 + 4 + 6 = 16.
        let wide = Agreement(pairs: [(7, 1), (6, 2), (1, 7)], categories: 1...7)
        #expect(wide.exact == 0)
        #expect(wide.withinOne == 0)
        #expect(wide.absoluteDifferenceSum == 16)
        // Observed: n · Σ(i − j)² n_ij = 3 · (36 + 16 + 36) = 264. Rows r: 1→1, 6→1, 7→1;
        // columns c: 1→1, 2→1, 7→1. Expected Σ(i − j)² r_i c_j over i ∈ {1, 6, 7}, j ∈ {1, 2, 7}:
        // i=1: 0 + 1 + 36 = 37; i=6: 25 + 16 + 1 = 42; i=7: 36 + 25 + 0 = 61; total 140.
        // κ = 1 − 264 / 140 = −0.8857…
        #expect(wide.observedDisagreement == 264)
        #expect(wide.expectedDisagreement == 140)
        #expect(abs((wide.kappa ?? 0) - (1 - 264.0 / 140.0)) < 1e-12)
    }

    @Test("kappa over the SPBE categories 1…5, by hand")
    func kappaOnOneToFive() {
        // Pairs (1,1), (2,3), (5,4), (3,3): exact 2 of 4, all within one, Σ|a − b| = 2.
        // Observed n · Σ(i − j)² n_ij = 4 · (0 + 1 + 1 + 0) = 8. Rows r: 1, 2, 3, 5 once each;
        // columns c: 1 once, 3 twice, 4 once. Expected Σ(i − j)² r_i c_j:
        // i=1: 0 + 4·2 + 9 = 17; i=2: 1 + 1·2 + 4 = 7; i=3: 4 + 0 + 1 = 5; i=5: 16 + 4·2 + 1 = 25; Σ 54.
        // κ = 1 − 8/54 = 23/27.
        let agreement = Agreement(pairs: [(1, 1), (2, 3), (5, 4), (3, 3)], categories: 1...5)
        #expect(agreement.exactMatches == 2 && agreement.withinOneMatches == 4 && agreement.absoluteDifferenceSum == 2)
        #expect(agreement.observedDisagreement == 8 && agreement.expectedDisagreement == 54)
        #expect(abs((agreement.kappa ?? 0) - 23.0 / 27.0) < 1e-12)
    }

    @Test("measured values are compared as numbers, kappa only over ladder indicators")
    func compareMeasured() throws {
        func card(_ role: String, _ answers: String) throws -> Scorecard {
            let xml = Self.evidence(answers).replacingOccurrences(of: #"role="self""#, with: #"role="\#(role)""#)
            return Scorer(rubric: Self.rubric).score(try Inline.assessment(xml, rubric: Self.rubric, name: "\(role).xml"))
        }
        let mine = try card("self", """
            <answer indicator="X1"><met criterion="X1.L2.a" documents="sk"/></answer>
            <answer indicator="X2" value="3.42" documents="survei"/><answer indicator="X3" value="2" documents="sk"/>
            """)
        let theirs = try card("assessor", """
            <answer indicator="X1"><met criterion="X1.L2.a" documents="sk"/></answer>
            <answer indicator="X2" value="3.10" documents="survei"/><answer indicator="X3" value="2.5" documents="sk"/>
            """)
        let comparison = try Comparison([mine, theirs])
        let pair = try #require(comparison.agreements.first)
        // One ladder pair (X1: 2 vs 2), two measured pairs: |3.42 − 3.10| + |2 − 2.5| = 0.82, mean 0.41.
        #expect(pair.agreement.count == 1 && pair.agreement.exactMatches == 1)
        #expect(pair.measured.count == 2)
        #expect(pair.measured.absoluteDifferenceSum == 820_000)
        #expect(pair.measured.meanAbsoluteDifference == 0.41)
        // X2's effect on the index: (3.10 − 3.42) × 1.5 / 5 = −0.096.
        #expect(abs(comparison.indicators[1].indexEffect - (-0.096)) < 1e-12)
    }

    @Test("aggregation combines measured values as numbers; a plan lists them instead of planning criteria")
    func aggregateAndPlanMeasured() throws {
        func opd(_ id: String, _ answers: String) throws -> Assessment {
            let xml = Self.evidence(answers).replacingOccurrences(
                of: #"<unit id="kab-contoh" kind="instansi">Pemerintah Kabupaten Contoh</unit>"#,
                with: #"<unit id="\#(id)" kind="opd" instansi="kab-contoh">\#(id)</unit>"#)
            return try Inline.assessment(xml, rubric: Self.rubric, name: "\(id).xml")
        }
        let a = try opd("a", #"<answer indicator="X2" value="3.42" documents="survei"/>"#)
        let b = try opd("b", #"<answer indicator="X2" value="2.91" documents="survei"/>"#)
        let result = try Aggregator(rubric: Self.rubric, ruleOverride: .mean).aggregate([a, b])
        // mean(3.42, 2.91) = 3.165, rounded down to two decimals: 3.16.
        #expect(result.assessment.answer(for: "X2")?.value == ExactDecimal(parsing: "3.16"))
        #expect(result.assessment.answer(for: "X2")?.valueDocumentIDs == ["a.survei", "b.survei"])
        let card = Scorer(rubric: Self.rubric).score(result.assessment)
        // (1 × 2.5 + 3.16 × 1.5 + 1 × 1) / 5 = 8.24 / 5 = 1.648 → 1.65
        #expect(card.index == IndexValue(weightedLevels: 1648, totalWeight: 1000))

        // To reach 2.00 only X1 can move (by criteria): needed Σ ≥ 1.995 × 5 = 9.975, so X1 must
        // rise from 1 by ⌈(9.975 − 8.24) / 2.5⌉ = 1 level → (2 × 2.5 + 4.74 + 1) / 5 = 2.148 → 2.15.
        let plan = GapPlanner().plan(card, target: .index(hundredths: 200))
        #expect(plan.steps.map(\.indicatorID) == ["X1"])
        #expect(plan.steps.map(\.from) == [1] && plan.steps.map(\.to) == [2])
        #expect(plan.projected.description == "2.15")
        #expect(plan.measured.map(\.indicatorID) == ["X2", "X3"])
        #expect(plan.measured.map(\.current) == [ExactDecimal(parsing: "3.16")!, ExactDecimal(1)])
        #expect(plan.measured.map(\.answered) == [true, false])
        // Out of reach without the measured ones: X1 at 5 gives (12.5 + 4.74 + 1) / 5 = 3.648 → 3.65 < 4.
        let far = GapPlanner().plan(card, target: .index(hundredths: 400))
        #expect(!far.reachable)
        #expect(far.projected.description == "3.65")
    }

    /// The fixture's P05 answer is `value="2.85"` with its document: every report shows 2.85 (or
    /// 2,85) as both supported and scored, never its whole level 2.
    @Test("reports show a measured value as it was given: CSV, Markdown, HTML")
    func measuredInReports() throws {
        let file = "fixtures/kab-ketapang-2026/kab-ketapang.xml"
        let csv = try CLI.run("report", "--lang", "id", "--format", "csv", file)
        #expect(csv.stdout.contains(",P05,Tata Kelola Data,5,1,,2.85,2.85,0,,"), "\(csv.stdout)")
        let md = try CLI.run("report", "--lang", "id", "--format", "md", file)
        #expect(md.stdout.contains("| P05 | Tata Kelola Data |  | 2,85 | 2,85 |"))
        let html = try CLI.run("report", "--lang", "id", file)
        #expect(html.stdout.contains(#"<span class="level l2">2,85</span>"#))
    }
}
