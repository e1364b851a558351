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
        #expect(md.stdout.contains("| I21 | partial | 1→2 | 3 |"))
        let json = try CLI.run("followup", "--lang", "id", "--format", "json", "fixtures/followup/review-2024.xml", "fixtures/followup/evidence-2025.xml")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let items = try #require(object["recommendations"] as? [[String: Any]])
        #expect(items.map { $0["status"] as? String } == ["closed", "partial", "open"])
    }
}
