import Foundation
import Testing
@testable import SPBEAssess

/// The shipped regency self-assessment. Expected values come from fixtures/kab-ketapang-2024/
/// NOTES.md, computed when the fixture was written, independently of this engine, with the
/// official weights and exact decimals.
@Suite("fixtures/kab-ketapang-2024")
struct KetapangFixtureTests {
    static let files = ["bappeda", "bkpsdm", "bpkad", "diskominfo", "dpmptsp", "inspektorat", "kab-ketapang", "setda"]

    func load(_ name: String) throws -> Assessment {
        try Repo.withCatalog { catalog in
            let file = try catalog.evidenceLoader().open(path: Repo.path("fixtures/kab-ketapang-2024/\(name).xml"))
            return try file.assessment(against: catalog.rubric(file.rubricID))
        }
    }

    @Test("every file is valid", arguments: files)
    func valid(name: String) throws {
        let assessment = try load(name)
        #expect(assessment.rubricID == "spbe-2020")
        #expect(assessment.period == "2024")
        #expect(assessment.role == .self)
    }

    /// NOTES.md: Σ level × weight = 247.15 with evidence required, 249.65 without (I15 rises from
    /// 2 to 3: + 2.5), 259.5 when claims are trusted.
    @Test("the regency's index under each scoring rule", arguments: [
        (ScoringOptions(), Int64(247_150_000), "2.47", "Cukup"),
        (ScoringOptions(requireEvidence: false), 249_650_000, "2.50", "Cukup"),
        (ScoringOptions(trustClaims: true), 259_500_000, "2.60", "Baik"),
    ])
    func regencyIndex(options: ScoringOptions, weighted: Int64, index: String, predicate: String) throws {
        let card = Scorer(rubric: Repo.spbe2020, options: options).score(try load("kab-ketapang"))
        #expect(card.index.numerator == weighted)
        #expect(card.index.description == index)
        #expect(card.predicate.label.text(in: .id) == predicate)
        #expect(card.notAssessed.isEmpty)
    }

    @Test("the deliberate overclaims are found, with the supported levels NOTES.md gives")
    func overclaims() throws {
        let card = Scorer(rubric: Repo.spbe2020).score(try load("kab-ketapang"))
        let found = card.overclaims.map { "\($0.id) \($0.claimed ?? 0)→\($0.supported)" }
        #expect(found == ["I09 3→1", "I15 3→2", "I21 2→1", "I38 3→2", "I47 3→2"])
        #expect(card.indicators.first { $0.id == "I09" }?.missingForNext == ["I09.L2.b"])
        #expect(card.indicators.flatMap(\.metWithoutDocument) == ["I15.L3.b"])

        let bpkad = Scorer(rubric: Repo.spbe2020).score(try load("bpkad"))
        #expect(bpkad.overclaims.map(\.id) == ["I38"])
        #expect(bpkad.notAssessed.count == 44)
        let diskominfo = Scorer(rubric: Repo.spbe2020).score(try load("diskominfo"))
        #expect(diskominfo.overclaims.map(\.id) == ["I15"])
    }
}
