import Testing
@testable import SPBEAssess

@Suite("Aggregating OPD files")
struct AggregationTests {
    /// Worked by hand: sorted levels, lower middle for an even count, mean rounded down.
    @Test("the four rules on small sets of levels", arguments: [
        ([3], [3, 3, 3, 3]),
        ([1, 2, 3, 4], [1, 2, 2, 4]),          // median: lower middle of 2,3; mean 10/4 = 2.5 → 2
        ([2, 5, 3], [2, 3, 3, 5]),             // mean 10/3 = 3.33 → 3
        ([0, 3], [0, 0, 1, 3]),                // median: lower middle 0; mean 1.5 → 1
        ([4, 4, 1, 1, 1], [1, 1, 2, 4]),       // sorted 1 1 1 4 4: median 1; mean 11/5 = 2.2 → 2
        ([5, 5, 5, 4], [4, 5, 4, 5]),          // sorted 4 5 5 5: median lower middle 5; mean 19/4 = 4.75 → 4
        ([], [0, 0, 0, 0]),
    ])
    func rules(levels: [Int], expected: [Int]) {
        let results = [Aggregation.min, .median, .mean, .max].map { $0.combine(levels) }
        #expect(results == expected)
    }

    /// Three indicators on a three-level scale, weights 50/30/20; X1 uses the rubric default (min,
    /// named on the rubric: the built-in default is `responsible`, see ResponsibilityTests),
    /// X2 says max, X3 says mean. OPD a plays role a, b plays b, c plays "c b".
    static let rubricXML = """
    <?xml version="1.0" encoding="UTF-8"?>
    <rubric xmlns="urn:spbe-assess:rubric:1" id="tiga" version="1" aggregate="min">
      <title xml:lang="id">Rubrik tiga level</title>
      <scale id="s">
        <level value="1"><label xml:lang="id">Satu</label></level>
        <level value="2"><label xml:lang="id">Dua</label></level>
        <level value="3"><label xml:lang="id">Tiga</label></level>
      </scale>
      <predicate from="0"><label xml:lang="id">Kurang</label></predicate>
      <predicate from="2"><label xml:lang="id">Baik</label></predicate>
      <pillar id="governance"><title xml:lang="id">Tata kelola</title></pillar>
      <pillar id="living"><title xml:lang="id">Kehidupan</title></pillar>
      <aspect id="A1">
        <title xml:lang="id">Aspek</title>
        \(indicator("X1", weight: "50", extra: #"owners="a b" pillar="governance""#))
        \(indicator("X2", weight: "30", extra: #"owners="a b" aggregate="max" pillar="governance living""#))
        \(indicator("X3", weight: "20", extra: #"owners="b c" aggregate="mean" pillar="living""#))
      </aspect>
    </rubric>
    """

    static func indicator(_ id: String, weight: String, extra: String) -> String {
        """
        <indicator id="\(id)" weight="\(weight)" scale="s" \(extra)>
          <title xml:lang="id">Indikator \(id)</title>
          <level value="1"><criterion id="\(id).L1.a"><text xml:lang="id">Satu.</text></criterion></level>
          <level value="2"><criterion id="\(id).L2.a"><text xml:lang="id">Dua a.</text></criterion><criterion id="\(id).L2.b"><text xml:lang="id">Dua b.</text></criterion></level>
          <level value="3"><criterion id="\(id).L3.a"><text xml:lang="id">Tiga.</text></criterion></level>
        </indicator>
        """
    }

    static func opd(_ id: String, roles: String? = nil, period: String = "2024", instansi: String = "kab-x", _ answers: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <assessment xmlns="urn:spbe-assess:evidence:1" rubric="tiga" period="\(period)" role="self">
          <unit id="\(id)" kind="opd" instansi="\(instansi)"\(roles.map { " roles=\"\($0)\"" } ?? "")>OPD \(id)</unit>
        \(answers)
          <document id="doc">Bukti \(id)</document>
        </assessment>
        """
    }

    static func met(_ criteria: String...) -> String {
        criteria.map { "<met criterion=\"\($0)\" documents=\"doc\"/>" }.joined()
    }

    static var rubric: Rubric { get throws { try Inline.rubric(rubricXML) } }

    /// The rules combine the owner roles' levels (ResponsibilityTests: a role's is its best player's).
    /// X1 (min, owners a b): a at 3 (claims 3), b at 1 (claims 2) → level 1, claim 2.
    /// X2 (max): a at 1, b at 2 → 2; nobody claims → no claim.
    /// X3 (mean, owners b c): role b's best is b at 3 (c also plays b, at 0); role c is c at 0 (it
    /// meets X3.L2.a/b and L3.a but not L1.a) → ⌊3/2⌋ = 1. Both meet
    /// both level-2 criteria, which would complete level 2: so they are not carried.
    /// Index = (1·50 + 2·30 + 1·20) / 100 = 130 / 100 = 1.30 Kurang.
    /// Pillars: governance (X1, X2) = (50 + 60) / 80 = 1.375 → 1.38; living (X2, X3) = (60 + 20) / 50 = 1.60.
    static func inputs() throws -> [Assessment] {
        let rubric = try rubric
        let a = try Inline.assessment(opd("a", """
          <answer indicator="X1" claimed="3">\(met("X1.L1.a", "X1.L2.a", "X1.L2.b", "X1.L3.a"))<note xml:lang="id">Catatan a</note></answer>
          <answer indicator="X2">\(met("X1.L1.a".replacingOccurrences(of: "X1", with: "X2"), "X2.L2.a"))</answer>
        """), rubric: rubric, name: "a.xml")
        let b = try Inline.assessment(opd("b", """
          <answer indicator="X1" claimed="2">\(met("X1.L1.a", "X1.L2.a"))</answer>
          <answer indicator="X2">\(met("X2.L1.a", "X2.L2.a", "X2.L2.b"))</answer>
          <answer indicator="X3">\(met("X3.L1.a", "X3.L2.a", "X3.L2.b", "X3.L3.a"))</answer>
        """), rubric: rubric, name: "b.xml")
        let c = try Inline.assessment(opd("c", roles: "c b", """
          <answer indicator="X3">\(met("X3.L2.a", "X3.L2.b", "X3.L3.a"))</answer>
        """), rubric: rubric, name: "c.xml")
        return [a, b, c]
    }

    @Test("hand-worked aggregation: levels, claims, carried criteria, documents and the index of the file read back")
    func handWorked() throws {
        let rubric = try Self.rubric
        let result = try Aggregator(rubric: rubric).aggregate(try Self.inputs(), name: "Kabupaten X")
        #expect(result.indicators.map(\.level) == [1, 2, 1])
        #expect(result.indicators.map(\.claimed) == [2, nil, nil])
        #expect(result.indicators.map(\.rule) == [.min, .max, .mean])
        #expect(result.indicators[0].contributions.map(\.owner) == [true, true])

        let answers = result.assessment.answers
        // X1 at 1: L1.a from both; of level 2, only X1.L2.a is met by both a and b.
        #expect(answers[0].met.map(\.criterionID) == ["X1.L1.a", "X1.L2.a"])
        #expect(answers[0].met[0].documentIDs == ["a.doc", "b.doc"])
        // X2 at 2 (max): levels 1–2 from b only (a reached level 1 only for level 1 → both for L1).
        #expect(answers[1].met.map(\.criterionID) == ["X2.L1.a", "X2.L2.a", "X2.L2.b"])
        #expect(answers[1].met[0].documentIDs == ["a.doc", "b.doc"])
        #expect(answers[1].met[1].documentIDs == ["b.doc"])
        // X3 at 1 (mean): L1.a from b; level 2 is met by both and would complete, so not carried.
        #expect(answers[2].met.map(\.criterionID) == ["X3.L1.a"])
        #expect(answers[2].note.text(in: .id).hasPrefix("Agregasi aturan mean dari 2 OPD: b level 3 (tanpa klaim); c level 0 (tanpa klaim)."))
        #expect(answers[0].note.text(in: .id).contains("[a] Catatan a"))
        #expect(result.assessment.documents.map(\.id) == ["a.doc", "b.doc", "c.doc"])
        #expect(result.assessment.unit == Unit(id: "kab-x", name: "Kabupaten X", kind: .instansi, instansi: nil, roles: ["kab-x"]))

        // Every answer is an owner's (the non-owner warning is in ResponsibilityTests).
        #expect(result.warnings.isEmpty)

        let reloaded = try Inline.assessment(EvidenceWriter.write(result.assessment), rubric: rubric)
        let card = Scorer(rubric: rubric).score(reloaded)
        #expect(card.indicators.map(\.supported) == [1, 2, 1])
        #expect(card.indicators.map(\.claimed) == [2, nil, nil])
        #expect(card.index == IndexValue(weightedLevels: 130_000_000, totalWeight: 100_000_000))
        #expect(card.predicate.label.text(in: .id) == "Kurang")
        #expect(card.pillars.map(\.index.description) == ["1.38", "1.60"])
        #expect(card.indicators[0].missingForNext == ["X1.L2.b"])
    }

    @Test("a rule given for every indicator overrides the rubric's")
    func override() throws {
        // max everywhere: X1 max(a 3, b 1) = 3, X2 max(1, 2) = 2, X3 max(role b 3, role c 0) = 3
        // → (150 + 60 + 60) / 100 = 2.70.
        let result = try Aggregator(rubric: try Self.rubric, ruleOverride: .max).aggregate(try Self.inputs())
        #expect(result.indicators.map(\.level) == [3, 2, 3])
        let card = Scorer(rubric: try Self.rubric).score(try Inline.assessment(EvidenceWriter.write(result.assessment), rubric: try Self.rubric))
        #expect(card.index.description == "2.70")
    }

    @Test("mixed instansi, period, duplicate OPDs, instansi files and no files are refused, naming the files")
    func refusals() throws {
        let rubric = try Self.rubric
        let aggregator = Aggregator(rubric: rubric)
        let base = try Self.inputs()
        let later = try Inline.assessment(Self.opd("d", period: "2025", ""), rubric: rubric, name: "d.xml")
        let other = try Inline.assessment(Self.opd("e", instansi: "kab-y", ""), rubric: rubric, name: "e.xml")
        let again = try Inline.assessment(Self.opd("a", ""), rubric: rubric, name: "a-lagi.xml")
        let instansi = try Inline.assessment(Self.opd("kab-x", "").replacingOccurrences(of: #"kind="opd" instansi="kab-x""#, with: #"kind="instansi""#),
                                             rubric: rubric, name: "kab.xml")
        let problems = Inline.problems { _ = try aggregator.aggregate(base + [later, other, again, instansi]) }
        let text = problems.map(\.description)
        #expect(text.contains("kab.xml: error: this is an instansi file (unit kab-x, kind=\"instansi\"); aggregate combines OPD files only — leave it out of the inputs"))
        #expect(text.contains("a-lagi.xml: error: OPD 'a' is also in a.xml; give each OPD one file"))
        #expect(text.contains("d.xml: error: period is '2025', but 6 files (e.g. a.xml) have '2024'; aggregate files of one instansi, rubric, period and role at a time"))
        #expect(text.contains("e.xml: error: instansi is 'kab-y', but 5 files (e.g. a.xml) have 'kab-x'; aggregate files of one instansi, rubric, period and role at a time"))
        #expect(problems.count == 4)
        #expect(Inline.problems { _ = try aggregator.aggregate([]) }.map(\.code) == [.emptyDirectory])
    }

    @Test("document ids longer than an identifier allows are shortened, stably and distinctly")
    func longDocumentIDs() {
        let long = String(repeating: "d", count: 60)
        let a = DocumentIdentifier.qualified(unit: "diskominfo", document: long + "1")
        let b = DocumentIdentifier.qualified(unit: "diskominfo", document: long + "2")
        #expect(a.count == 64 && b.count == 64 && a != b)
        #expect(a == DocumentIdentifier.qualified(unit: "diskominfo", document: long + "1"))
        #expect(DocumentIdentifier.qualified(unit: "bappeda", document: "rkpd-2024") == "bappeda.rkpd-2024")
    }
}
