import Foundation
import Testing
@testable import SPBEAssess

@Suite("Evidence templates")
struct TemplateTests {
    static let csv = #"""
    id,name,roles
    diskominfo,Dinas Komunikasi dan Informatika,
    rsud,"RSUD dr. Agoesdjam, ""Ketapang""",layanan-publik rsud
    bagian-umum,Bagian Umum <script>&"',setda

    """#

    @Test("the CSV: quoted names, empty roles meaning the id, blank lines skipped")
    func parsesCSV() throws {
        let entries = try OPDList.parse(Self.csv, path: "opd.csv")
        #expect(entries == [
            OPDEntry(id: "diskominfo", name: "Dinas Komunikasi dan Informatika", roles: ["diskominfo"]),
            OPDEntry(id: "rsud", name: "RSUD dr. Agoesdjam, \"Ketapang\"", roles: ["layanan-publik", "rsud"]),
            OPDEntry(id: "bagian-umum", name: "Bagian Umum <script>&\"'", roles: ["setda"]),
        ])
        #expect(try OPDList.parse("\u{FEFF}id,name,roles\r\nx,X,\r\n", path: "crlf.csv") == [OPDEntry(id: "x", name: "X", roles: ["x"])])
    }

    @Test("every bad row is reported with its line")
    func badRows() {
        let text = "id,name,roles\nx y,Nama,a\n,Tanpa id,\nok,,\ndua,Dua,b\ndua,Lagi,b\nlebih,A,b,c\nr,R,bad/role\n"
        let problems = Inline.problems { _ = try OPDList.parse(text, path: "opd.csv") }
        #expect(problems.map(\.description) == [
            "opd.csv:2: error: OPD id 'x y' is not an identifier (1–64 letters, digits, '.', '_', '-', starting with a letter or digit)",
            "opd.csv:3: error: OPD id '' is not an identifier (1–64 letters, digits, '.', '_', '-', starting with a letter or digit)",
            "opd.csv:4: error: OPD 'ok' has no name",
            "opd.csv:6: error: OPD 'dua' is listed twice (first on line 5)",
            "opd.csv:7: error: this row has 4 fields; expected 3 (id,name,roles) — quote a name that contains a comma",
            "opd.csv:8: error: role 'bad/role' is not an identifier (1–64 letters, digits, '.', '_', '-')",
        ])
        #expect(Inline.problems { _ = try OPDList.parse("", path: "e.csv") }.map(\.description)
                == ["e.csv: error: the OPD list is empty; expected the header id,name,roles and one row per OPD"])
        #expect(Inline.problems { _ = try OPDList.parse("nama,id\n", path: "h.csv") }.map(\.description)
                == ["h.csv:1: error: the header is 'nama,id'; expected id,name,roles or id,name,roles,penanggung-jawab"])
        #expect(Inline.problems { _ = try OPDList.parse("id,name,roles\na,\"never closed\n", path: "q.csv") }.first?.description
                == "q.csv:2: error: a quoted field is never closed")
    }

    @Test("a template holds the OPD's owned indicators, validates as written and scores the floor, 1.00")
    func blankTemplate() throws {
        let rubric = Repo.spbe2020
        let builder = TemplateBuilder(rubric: rubric, period: "2025", instansi: "kab-ketapang")
        let entries = try OPDList.parse(Self.csv, path: "opd.csv")
        // NOTES.md's split plus the owners of I10/I21/I26–I28 gives diskominfo 22; it also co-owns
        // the audits I29–I31 (with inspektorat) and complaints I42 (with setda): 26.
        #expect(builder.owned(by: entries[0]).count == 26)
        // layanan-publik stands for the sector services I45–I47 (with dpmptsp and dukcapil).
        #expect(builder.owned(by: entries[1]).map(\.id) == ["I45", "I46", "I47"])
        for entry in entries {
            let assessment = try Inline.assessment(builder.template(for: entry), rubric: rubric, name: "\(entry.id).xml")
            #expect(assessment.unit.name == entry.name)
            #expect(assessment.unit.roles == entry.roles)
            #expect(assessment.unit.instansi == "kab-ketapang")
            #expect(assessment.period == "2025")
            #expect(assessment.answers.map(\.indicatorID) == builder.owned(by: entry).map(\.id))
            // Every indicator at the floor: Σ 1 × w / Σ w = 1.
            #expect(Scorer(rubric: rubric).score(assessment).index == IndexValue(weightedLevels: 100_000_000, totalWeight: 100_000_000))
            // Criteria are offered above the floor only: nothing of level 1 to uncomment.
            #expect(!builder.template(for: entry).contains(".L1."))
        }
    }

    /// Filled by hand as an officer would: uncomment the `met` lines of I01 level 2 and I11 levels
    /// 2–3 (level 1 is the floor), cite one document, declare it. Σ = 2 × 1.3 + 3 × 2.5 + 1 × (100 −
    /// 1.3 − 2.5) = 10.1 + 96.2 = 106.3 → index 1.063 → 1.06.
    @Test("a filled template round-trips through score")
    func filledTemplate() throws {
        let rubric = Repo.spbe2020
        let entry = OPDEntry(id: "diskominfo", name: "Diskominfo", roles: ["diskominfo"])
        var text = TemplateBuilder(rubric: rubric, period: "2025", instansi: "kab-ketapang").template(for: entry)
        for criterion in ["I01.L2.a", "I01.L2.b", "I11.L2.a", "I11.L2.b", "I11.L3.a", "I11.L3.b"] {
            let commented = "<!-- <met criterion=\"\(criterion)\" documents=\"\"/> -->"
            #expect(text.contains(commented))
            text = text.replacingOccurrences(of: commented, with: "<met criterion=\"\(criterion)\" documents=\"perbup\"/>")
        }
        text = text.replacingOccurrences(of: "<answer indicator=\"I11\">", with: "<answer indicator=\"I11\" claimed=\"4\">")
        text = text.replacingOccurrences(of: "</assessment>", with: "  <document id=\"perbup\" date=\"2024-05-02\">Perbup SPBE</document>\n</assessment>")
        let card = Scorer(rubric: rubric).score(try Inline.assessment(text, rubric: rubric))
        #expect(card.indicators.first { $0.id == "I01" }?.supported == 2)
        #expect(card.indicators.first { $0.id == "I11" }?.supported == 3)
        #expect(card.overclaims.map(\.id) == ["I11"])
        #expect(card.index.numerator == 106_300_000)
        #expect(card.index.description == "1.06")
    }

    @Test("criterion texts with -- and markup stay inside their comments")
    func hostileCriteria() throws {
        let rubricXML = RubricXML.mini(weights: ["100"]).replacingOccurrences(of: "Ada rancangan.", with: "Ada -- rancangan --> &lt;b&gt; &amp; -")
            .replacingOccurrences(of: #"scale="dua">"#, with: #"scale="dua" owners="umum">"#)
        let rubric = try Inline.rubric(rubricXML)
        let text = TemplateBuilder(rubric: rubric, period: "2025").template(for: OPDEntry(id: "umum", name: "A -- B", roles: ["umum"]))
        #expect(text.contains("<!-- L1 X1.L1.a: Ada - - rancangan - -> <b> & - -->"))
        let assessment = try Inline.assessment(text, rubric: rubric)
        #expect(assessment.unit.name == "A -- B")
        #expect(assessment.answers.map(\.indicatorID) == ["X1"])
    }
}
