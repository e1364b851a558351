import Testing
@testable import SPBEAssess

/// Loads a crosswalk written inline, as the file `name`, against two rubrics.
enum CrosswalkXML {
    static func load(_ xml: String, source: Rubric = Repo.spbe2020, target: Rubric = Repo.pemdi2026,
                     name: String = "crosswalk.xml") throws(LoadError) -> Crosswalk {
        let schema = try! Repo.withCatalog { try $0.schema(for: .crosswalk) }
        return try CrosswalkLoader(schema: schema).open(document: Inline.document(xml, name: name))
            .crosswalk(source: source, target: target)
    }

    static func wrap(source: String = "spbe-2020", target: String = "pemdi-2026", _ maps: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <crosswalk xmlns="urn:spbe-assess:crosswalk:1" source="\(source)" target="\(target)" rule="min">
          <title xml:lang="id">Uji</title>
        \(maps)
        </crosswalk>
        """
    }

    static var shipped: Crosswalk {
        try! Repo.withCatalog { try $0.crosswalk(from: "spbe-2020", to: "pemdi-2026") }
    }
}

@Suite("Crosswalks")
struct CrosswalkTests {
    @Test("the shipped crosswalk maps every Pemdi indicator; unproven and measured targets have no source")
    func shipped() {
        let crosswalk = CrosswalkXML.shipped
        #expect(crosswalk.mappings.map(\.target) == Repo.pemdi2026.indicators.map(\.id))
        #expect(crosswalk.warnings.isEmpty)
        #expect(crosswalk.mappings.filter(\.sources.isEmpty).map(\.target) == ["P05", "P06", "P07", "P08", "P10", "P11", "P17", "P19", "P20"])
        #expect(crosswalk.mapping(for: "P01")?.sources == ["I01", "I02", "I11", "I12", "I13"])
        #expect(crosswalk.mapping(for: "P18")?.sources == ["I03", "I23", "I18"])
        #expect(crosswalk.mapping(for: "P04")?.sources == ["I10", "I19", "I20"])
        #expect(crosswalk.mapping(for: "P09")?.rule == .min)
        #expect(crosswalk.mapping(for: "P01")?.rule == .weightedMeanFloor)
        // Only mapped criteria carry: P12's other seven criteria are asked afresh.
        #expect(crosswalk.mapping(for: "P12")?.ask.count == 7)
        #expect(crosswalk.mapping(for: "P12")?.criteria.map(\.target) == ["P12.L2.a"])
    }

    @Test("derivation rules, by hand")
    func rules() {
        // Levels 3, 3, 2, 2, 1 with SPBE weights 1.3, 1.3, 2.5, 2.5, 2.5 (P01's sources):
        // weighted = 3×1.3×2 + 2×2.5×2 + 1×2.5 = 7.8 + 10 + 2.5 = 20.3; Σw = 10.1; 20.3/10.1 = 2.0099 → 2.
        let w = { (text: String) in ExactDecimal(parsing: text)! }
        let levels = [(3, w("1.3")), (3, w("1.3")), (2, w("2.5")), (2, w("2.5")), (1, w("2.5"))]
        #expect(DerivationRule.weightedMeanFloor.apply(levels.map { (level: $0.0, weight: $0.1) }) == 2)
        #expect(DerivationRule.min.apply(levels.map { (level: $0.0, weight: $0.1) }) == 1)
        #expect(DerivationRule.max.apply(levels.map { (level: $0.0, weight: $0.1) }) == 3)
        // (3 + 3 + 2 + 2 + 1) / 5 = 11 / 5 = 2.2 → 2.
        #expect(DerivationRule.meanFloor.apply(levels.map { (level: $0.0, weight: $0.1) }) == 2)
        // 2 × 1.3 + 1 × 2.5 = 5.1 over 3.8 = 1.34 → 1; but 3 × 1.3 + 1 × 2.5 = 6.4 / 3.8 = 1.68 → 1.
        #expect(DerivationRule.weightedMeanFloor.apply([(level: 2, weight: w("1.3")), (level: 1, weight: w("2.5"))]) == 1)
        #expect(DerivationRule.weightedMeanFloor.apply([(level: 3, weight: w("1.3")), (level: 1, weight: w("2.5"))]) == 1)
        // Exactly 2.0: 2 × 1.5 + 2 × 1.3 = 5.6 / 2.8.
        #expect(DerivationRule.weightedMeanFloor.apply([(level: 2, weight: w("1.5")), (level: 2, weight: w("1.3"))]) == 2)
        #expect(DerivationRule.weightedMeanFloor.apply([]) == 0)
    }

    struct Bad: Sendable, CustomStringConvertible {
        let name: String
        let maps: String
        let code: Diagnostic.Code
        let line: Int
        let column: Int
        let message: String
        var description: String { name }
    }

    // Line 1 is the XML declaration, 2 <crosswalk>, 3 <title>, maps from line 4; columns count from 1
    // at the start of the line (two spaces of indent before `<map`, so `target=` is column 8).
    static let bad: [Bad] = [
        Bad(name: "unknown target indicator", maps: #"  <map target="P21"/>"#, code: .unknownReference, line: 4, column: 8,
            message: "target indicator 'P21' is not in rubric pemdi-2026"),
        Bad(name: "unknown source indicator", maps: #"  <map target="P01"><source indicator="I48"/></map>"#,
            code: .unknownReference, line: 4, column: 29, message: "source indicator 'I48' is not in rubric spbe-2020"),
        Bad(name: "duplicate target", maps: "  <map target=\"P01\"/>\n  <map target=\"P01\"/>", code: .duplicateIdentifier,
            line: 5, column: 8, message: "target indicator P01 is mapped twice"),
        Bad(name: "unknown target criterion",
            maps: #"  <map target="P18"><source indicator="I03"/><criterion target="P18.L6.a" sources="I03.L2.a"/></map>"#,
            code: .unknownReference, line: 4, column: 57, message: "target criterion 'P18.L6.a' is not in rubric pemdi-2026"),
        Bad(name: "unknown source criterion",
            maps: #"  <map target="P18"><source indicator="I03"/><criterion target="P18.L2.a" sources="I03.L2.z"/></map>"#,
            code: .unknownReference, line: 4, column: 75, message: "source criterion 'I03.L2.z' is not in rubric spbe-2020"),
        Bad(name: "source criterion of an indicator that is not a source",
            maps: #"  <map target="P18"><source indicator="I03"/><criterion target="P18.L2.a" sources="I23.L2.a"/></map>"#,
            code: .criterionOutOfPlace, line: 4, column: 75, message: "belongs to I23, which is not a source of P18"),
        Bad(name: "target criterion of another indicator", maps: #"  <map target="P04" ask="P03.L2.a"/>"#,
            code: .criterionOutOfPlace, line: 4, column: 21, message: "target criterion 'P03.L2.a' belongs to P03, not P04"),
        Bad(name: "cap off the scale", maps: #"  <map target="P06" cap="6"><source indicator="I43"/></map>"#,
            code: .levelOutOfRange, line: 4, column: 21, message: "cap 6 is outside P06's scale (1–5)"),
    ]

    @Test("bad crosswalks are refused at file:line:col", arguments: bad)
    func refused(_ bad: Bad) {
        let problems = Inline.problems { _ = try CrosswalkXML.load(CrosswalkXML.wrap(bad.maps)) }
        #expect(problems.count == 1, "\(problems)")
        #expect(problems.first?.code == bad.code)
        #expect(problems.first?.file == "crosswalk.xml")
        #expect(problems.first?.line == bad.line)
        #expect(problems.first?.column == bad.column)
        #expect(problems.first?.message.contains(bad.message) == true, "\(problems)")
    }

    @Test("a crosswalk from a rubric to itself must not lead back to a target")
    func cycles() {
        let spbe = Repo.spbe2020
        let selfLoop = CrosswalkXML.wrap(source: "spbe-2020", target: "spbe-2020", #"  <map target="I01"><source indicator="I01"/></map>"#)
        let problems = Inline.problems { _ = try CrosswalkXML.load(selfLoop, source: spbe, target: spbe) }
        #expect(problems.map(\.code) == [.cycle])
        #expect(problems.first?.message.contains("I01 ← I01") == true)
        #expect(problems.first?.line == 4)

        let loop = CrosswalkXML.wrap(source: "spbe-2020", target: "spbe-2020", """
          <map target="I02"><source indicator="I03"/></map>
          <map target="I03"><source indicator="I04"/></map>
          <map target="I04"><source indicator="I02"/></map>
        """)
        let longer = Inline.problems { _ = try CrosswalkXML.load(loop, source: spbe, target: spbe) }
        #expect(longer.map(\.code) == [.cycle])
        #expect(longer.first?.message.contains("I02 ← I03 ← I04 ← I02") == true)

        // A chain without a loop is fine.
        let chain = CrosswalkXML.wrap(source: "spbe-2020", target: "spbe-2020", """
          <map target="I02"><source indicator="I03"/></map>
          <map target="I03"><source indicator="I04"/></map>
        """)
        #expect(Inline.problems { _ = try CrosswalkXML.load(chain, source: spbe, target: spbe) }.isEmpty)
    }

    @Test("a crosswalk given the wrong rubric says so at its attribute")
    func wrongRubric() {
        let problems = Inline.problems { _ = try CrosswalkXML.load(CrosswalkXML.wrap("  <map target=\"I01\"/>"), target: Repo.spbe2020) }
        #expect(problems.first?.code == .rubricMismatch)
        #expect(problems.first?.message.contains("target rubric is 'pemdi-2026', but rubric 'spbe-2020' was given") == true)
    }

    @Test("targets left out are a warning, and have no source")
    func unlisted() throws {
        let crosswalk = try CrosswalkXML.load(CrosswalkXML.wrap(#"  <map target="P03"><source indicator="I25"/></map>"#))
        #expect(crosswalk.mappings.count == 20)
        #expect(crosswalk.mapping(for: "P01")?.sources == [])
        #expect(crosswalk.warnings.count == 1)
        #expect(crosswalk.warnings.first?.severity == .warning)
    }
}
