import Foundation
import Testing
@testable import SPBEAssess

/// Recommendations carried in a review file and followed up against the next period's evidence
/// (fixtures/followup, worked out in its NOTES.md).
@Suite("Recommendations followed up", .serialized)
struct FollowUpTests {
    static func load(_ name: String) throws -> Assessment {
        try Repo.withCatalog { catalog in
            let file = try catalog.evidenceLoader().open(path: Repo.path("fixtures/followup/\(name)"))
            return try file.assessment(against: catalog.rubric(file.rubricID))
        }
    }

    @Test("both readers read the recommendations the same")
    func readers() throws {
        let dom = try Self.load("review-2024.xml")
        #expect(dom.recommendations.map(\.indicatorID) == ["I09", "I21", "I29"])
        #expect(dom.recommendations.map(\.target) == [2, 3, 2])
        #expect(dom.recommendations.map(\.due) == ["2025-06-30", "2025-09-30", "2025-12-31"])
        #expect(dom.recommendations[2].text.text(in: .id) == "Laksanakan audit infrastruktur SPBE.")
        let reader = try Repo.withCatalog { try StreamingEvidenceReader(resolver: RubricResolver(catalog: $0)) }
        let streamed = try #require(try reader.read(paths: [Repo.path("fixtures/followup/review-2024.xml")], jobs: 1) { _, r in r }.first?.get())
        #expect(streamed.assessment.recommendations == dom.recommendations)
    }

    @Test("closed, partial and open, with the documents and owners")
    func statuses() throws {
        let review = try Self.load("review-2024.xml")
        let current = try Self.load("evidence-2025.xml")
        let items = FollowUp(rubric: Repo.spbe2020).evaluate(review, against: Scorer(rubric: Repo.spbe2020).score(current))
        // I09: 1 → 2, target 2: closed. I21: 1 → 2 (L3.b missing), target 3: partial. I29: 1 → 1: open.
        #expect(items.map(\.status) == [.closed, .partial, .open])
        #expect(items.map(\.reviewed) == [1, 1, 1])
        #expect(items.map(\.now) == [2, 2, 1])
        #expect(items[0].documents == ["perbup-audit-tik-2025"])
        #expect(items[1].documents == ["perbup-risiko-spbe-2025", "register-risiko-2025"])
        #expect(items[2].documents.isEmpty)
        #expect(items.map { $0.owners.first } == ["inspektorat", "diskominfo", "inspektorat"])
    }

    @Test("a recommendation for an indicator the rubric lacks, or off the scale, is refused in both languages")
    func refused() throws {
        // No documents, so the recommendations (which follow the documents) sit right after the unit.
        let xml = EvidenceXML.wrap("""
              <recommendation indicator="I99" target="2">x</recommendation>
              <recommendation indicator="I01" target="9">y</recommendation>
            """, documents: "")
        let problems = Inline.problems { _ = try Inline.assessment(xml, rubric: Repo.spbe2020) }
        #expect(problems.map(\.code) == [.unknownReference, .levelOutOfRange])
        #expect(problems[0].message(in: .en) == "recommendation for indicator 'I99', which rubric spbe-2020 does not have")
        #expect(problems[0].message(in: .id) == "rekomendasi untuk indikator 'I99', yang tidak ada dalam rubrik spbe-2020")
        #expect(problems[1].line == 5)
    }

    @Test("assess followup: table, Markdown and JSON")
    func command() throws {
        let table = try CLI.run("followup", "--lang", "id", "fixtures/followup/review-2024.xml", "fixtures/followup/evidence-2025.xml")
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("selesai 1 · sebagian 1 · belum 1"))
        let md = try CLI.run("followup", "--lang", "id", "--format", "md", "--lang", "en", "fixtures/followup/review-2024.xml", "fixtures/followup/evidence-2025.xml")
        #expect(md.stdout.contains("| I21 | partial | 1→2 (3) |"))
        let json = try CLI.run("followup", "--lang", "id", "--format", "json", "fixtures/followup/review-2024.xml", "fixtures/followup/evidence-2025.xml")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let items = try #require(object["recommendations"] as? [[String: Any]])
        #expect(items.map { $0["status"] as? String } == ["closed", "partial", "open"])
    }

    /// The report carries the same follow-up (NOTES.md: I09 closed, I21 partial, I29 open) on its
    /// first page's findings and in a section of its own, in every format people read.
    @Test("assess report --followup: HTML, Markdown, JSON and Word")
    func report() throws {
        let arguments = ["report", "--followup", "fixtures/followup/review-2024.xml", "fixtures/followup/evidence-2025.xml"]
        let html = try CLI.runArray(arguments + ["--lang", "id"])
        #expect(html.status == 0, "\(html.stderr)")
        #expect(html.stdout.contains("Tindak lanjut rekomendasi periode lalu (penilaian asesor eksternal 2024)"))
        #expect(html.stdout.contains("<li>Rekomendasi 2024: selesai 1 · sebagian 1 · belum 1.</li>"))
        #expect(html.stdout.contains(#"<span class="status partial">sebagian</span>"#))
        let md = try CLI.runArray(arguments + ["--lang", "en", "--format", "md"])
        #expect(md.stdout.contains("| I21 | partial | 1→2 (3) | 30 September 2025 | diskominfo | perbup-risiko-spbe-2025 register-risiko-2025 |"))
        #expect(md.stdout.contains("| I29 | open | 1→1 (2) | 31 December 2025 | inspektorat | — |"))
        let json = try CLI.runArray(arguments + ["--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let followup = try #require(object["followup"] as? [String: Any])
        let items = try #require(followup["recommendations"] as? [[String: Any]])
        #expect(items.map { $0["status"] as? String } == ["closed", "partial", "open"])
        #expect((followup["evidence"] as? [String: Any])?["period"] as? String == "2025")

        // Word: the section and its table, read back from the package by Python's zipfile.
        let scratch = try Scratch()
        let docx = scratch.path("laporan.docx")
        #expect(try CLI.runArray(arguments + ["--lang", "id", "--format", "docx", "--output", docx]).status == 0)
        let python = try #require(DocumentTests.tool("python3"), "python3 is needed to read the Word package")
        let script = """
            import sys, zipfile, re
            xml = zipfile.ZipFile(sys.argv[1]).read('word/document.xml').decode()
            print('|'.join(re.findall(r'<w:t[^>]*>([^<]*)</w:t>', xml)))
            """
        let text = try DocumentTests.shell(python, ["-c", script, docx]).output
        #expect(text.contains("Tindak lanjut rekomendasi periode lalu|selesai 1 · sebagian 1 · belum 1"))
        #expect(text.contains("I21|sebagian|1→2 (3)|30 September 2025|diskominfo"))
    }

    @Test("assess report --followup with a review of another rubric is refused, naming the file")
    func reportOtherRubric() throws {
        let result = try CLI.run("report", "--lang", "en", "--followup", "fixtures/kab-ketapang-2026/kab-ketapang.xml", "fixtures/followup/evidence-2025.xml")
        #expect(result.status == 1)
        #expect(result.stderr.contains("fixtures/kab-ketapang-2026/kab-ketapang.xml: error: this review file is for rubric 'pemdi-2026', but the report is for 'spbe-2020'"))
        #expect(result.stdout.isEmpty)
    }

    @Test("assess report --followup with a review of another regency is refused, naming both")
    func reportOtherUnit() throws {
        let result = try CLI.run("report", "--lang", "en", "--followup", "fixtures/followup/review-2024.xml", "fixtures/kab-ketapang-2024")
        #expect(result.status == 1)
        #expect(result.stderr.contains("fixtures/followup/review-2024.xml: error: this review file is about Pemerintah Kabupaten Contoh (kab-contoh), but the report is about Pemerintah Kabupaten Ketapang (kab-ketapang)"))
    }
}
