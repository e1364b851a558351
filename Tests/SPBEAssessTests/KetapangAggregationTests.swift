import Foundation
import Testing
@testable import SPBEAssess

/// The seven OPD files of fixtures/kab-ketapang-2024 aggregated into the regency, and the
/// readiness table built from them. Expected values are worked out by hand from NOTES.md.
@Suite("Aggregating fixtures/kab-ketapang-2024")
struct KetapangAggregationTests {
    static let opdNames = ["bappeda", "bkpsdm", "bpkad", "diskominfo", "dpmptsp", "inspektorat", "setda"]

    static func load(_ name: String) throws -> Assessment {
        try Repo.withCatalog { catalog in
            let file = try catalog.evidenceLoader().open(path: Repo.path("fixtures/kab-ketapang-2024/\(name).xml"))
            return try file.assessment(against: catalog.rubric(file.rubricID))
        }
    }

    static func opds() throws -> [Assessment] { try opdNames.map(load) }

    /// Each answered indicator is answered by exactly one OPD, so its aggregated level is that
    /// OPD's supported level (NOTES.md's table). Σ level × weight over the 39 answered:
    ///   I01–I08 (1.3):   3+3+2+3+2+2+2+2 = 19            → 24.70
    ///   I11–I20 (2.5):   3+2+3+2+2+3+3+2+2+3 = 25        → 62.50
    ///   I22–I25, I29–I31 (1.5): 2+2+2+2+1+1+1 = 11       → 16.50
    ///   I32–I41 (2.75):  3+4+4+4+3+2+2+2+3+2 = 29        → 79.75
    ///   I42–I45 (3):     3+2+3+3 = 11                    → 33.00
    ///   total 216.45; the 8 unanswered (I09, I10, I21, I26–I28, I46, I47) are at the floor, 1:
    ///   + 1 × (1.3 + 1.3 + 1.5 + 1.5 + 1.5 + 1.5 + 3 + 3 = 14.6) = 231.05.
    /// Cross-check: the instansi file's 247.15 less those 8 at its levels (1.3 + 3.9 + 1.5 + 3 + 3 +
    /// 3 + 9 + 6 = 30.7) is 216.45. Index 2.3105 → 2.31 Cukup (old 2.1645 → 2.16 with them at 0);
    /// the one pillar (governance) holds all 47.
    @Test("the aggregated file validates and scores to the hand-computed index")
    func regencyFromOPDs() throws {
        let rubric = Repo.spbe2020
        let result = try Aggregator(rubric: rubric).aggregate(try Self.opds(), name: "Pemerintah Kabupaten Ketapang")
        #expect(result.warnings.isEmpty)  // The shipped owners match who answers what.
        #expect(result.indicators.count == 39)
        #expect(result.assessment.unit.id == "kab-ketapang")
        #expect(result.assessment.unit.kind == .instansi)

        let text = EvidenceWriter.write(result.assessment)
        let reloaded = try Inline.assessment(text, rubric: rubric, name: "kab-ketapang-agregat.xml")
        let card = Scorer(rubric: rubric).score(reloaded)
        #expect(card.index == IndexValue(weightedLevels: 231_050_000, totalWeight: 100_000_000))
        #expect(card.index.description == "2.31")
        #expect(card.predicate.label.text(in: .id) == "Cukup")
        #expect(card.pillars.map(\.id) == ["governance"])
        #expect(card.pillars[0].index == card.index)
        #expect(card.notAssessed.map(\.id) == ["I09", "I10", "I21", "I26", "I27", "I28", "I46", "I47"])

        // Each answered indicator: the instansi file's supported level and claim (NOTES.md: the
        // OPD answers match it exactly).
        let instansi = Scorer(rubric: rubric).score(try Self.load("kab-ketapang"))
        for score in card.indicators where score.assessed {
            let expected = try #require(instansi.indicators.first { $0.id == score.id })
            #expect(score.supported == expected.supported, "\(score.id)")
            #expect(score.claimed == expected.claimed, "\(score.id)")
        }
        #expect(card.overclaims.map(\.id) == ["I15", "I38"])
        // I15: level 3's a is met with documents and carried; b has none, so only b is missing.
        #expect(card.indicators.first { $0.id == "I15" }?.missingForNext == ["I15.L3.b"])
        // Documents keep their OPD.
        #expect(reloaded.documents.contains { $0.id == "bappeda.rkpd-2024" })
        #expect(reloaded.documents.count == 8 + 7 + 10 + 37 + 3 + 5 + 19)
    }

    /// Index of each OPD over the indicators it owns or answered (owned and unanswered count at
    /// the floor, 1; before the floor they counted 0):
    ///   inspektorat: I09 1·1.3 + I29–I31 1·1.5·3 + I39 2·2.75 = 11.3 / 8.55 = 1.3216 → 1.32 (old 10 → 1.17)
    ///   diskominfo: 24.7 (I01–I08) + 15·2.5 (I11 3, I12 2, I15 2, I16 3, I17 3, I18 2) + 9·1.5
    ///               (I21 1, I22–I24 2, I26 1, I28 1) + 3·2 + 3·3 (I43 2, I44 3) = 90.7 / 40.4 = 2.2450 → 2.25
    ///               (old 86.2 with I21, I26, I28 at 0 → 2.13; + 3 × 1.5 = 90.7)
    ///   bkpsdm: 2·1.5 + 3·2.75 + 2·2.75 = 16.75 / 7 = 2.39
    ///   setda: I10 1·1.3 + I19 2·2.5 + I20 3·2.5 + I27 1·1.5 + (I35 4 + I37 2 + I40 3)·2.75 + I42 3·3
    ///          = 49.05 / 19.05 = 2.5748 → 2.57 (old 46.25 → 2.43; + 1.3 + 1.5)
    ///   bappeda: 3·2.5 + 2·2.5 + 3·2.75 = 20.75 / 7.75 = 2.6774 → 2.68
    ///   dpmptsp: 3.00; bpkad: (4 + 4 + 2)·2.75 / 8.25 = 3.33
    ///   dukcapil (I46) and layanan-publik (I45–I47, shared) have no file: every owned indicator at
    ///   the floor, 1.00 (old 0.00), listed first. The order is the old one: nobody crosses.
    ///   Co-owned indicators someone else answered (I12 for bappeda, I42/I44 for setda) do not count.
    @Test("readiness ranks OPDs lowest first and lists owners without a file")
    func readiness() throws {
        let report = Readiness(rubric: Repo.spbe2020).assess(try Self.opds())
        #expect(report.entries.map(\.unitID) == ["dukcapil", "layanan-publik", "inspektorat", "diskominfo", "bkpsdm",
                                                 "setda", "bappeda", "dpmptsp", "bpkad"])
        #expect(report.entries.map(\.index.description) == ["1.00", "1.00", "1.32", "2.25", "2.39", "2.57", "2.68", "3.00", "3.33"])
        #expect(report.missing.map(\.unitID) == ["dukcapil", "layanan-publik"])
        // What each missing party answers for: I46's first owner is dukcapil; I45's is dpmptsp
        // (which submitted), so layanan-publik answers for I47 alone.
        #expect(report.missing.map(\.owned) == [["I46"], ["I47"]])
        let inspektorat = report.entries[2]
        #expect(inspektorat.index == IndexValue(weightedLevels: 11_300_000, totalWeight: 8_550_000))
        #expect(inspektorat.unanswered == ["I09"])
        #expect(inspektorat.predicate.label.text(in: .id) == "Kurang")
        let bpkad = report.entries[8]
        #expect(bpkad.overclaims.map(\.id) == ["I38"])
        #expect(bpkad.indicators.first { $0.score.id == "I38" }?.score.missingForNext == ["I38.L3.a", "I38.L3.b"])
        #expect(report.entries[3].overclaims.map(\.id) == ["I15"])
    }

    @Test("an OPD that plays a role is not missing; one responsible for nothing comes last")
    func rolesAndTies() throws {
        let rubric = Repo.spbe2020
        let rsud = try Inline.assessment("""
            <?xml version="1.0" encoding="UTF-8"?>
            <assessment xmlns="urn:spbe-assess:evidence:1" rubric="spbe-2020" period="2024" role="self">
              <unit id="rsud" kind="opd" instansi="kab-ketapang" roles="rsud layanan-publik">RSUD dr. Agoesdjam</unit>
            </assessment>
            """, rubric: rubric, name: "rsud.xml")
        let report = Readiness(rubric: rubric).assess(try Self.opds() + [rsud])
        #expect(report.missing.map(\.unitID) == ["dukcapil"])
        // rsud plays layanan-publik, the responsible role of I47, but answered nothing and is not
        // the OPD named like the role: it answers for no indicator, has no number of its own and
        // comes last; dukcapil (not submitted, I46 at the floor 1) comes first.
        #expect(report.entries.first?.unitID == "dukcapil")
        #expect(report.entries.last?.unitID == "rsud")
        #expect(report.entries.last?.indicators.isEmpty == true)
        #expect(report.entries.last?.submitted == true)
    }

    @Test("equal indices over different weights tie, and ties go by id; the OPD list names missing OPDs")
    func tiesAndOPDList() throws {
        let three = try ["bappeda", "bpkad", "setda"].map(Self.load)
        let report = Readiness(rubric: Repo.spbe2020).assess(three)
        // Every missing role scores the floor (28.4/28.4 for diskominfo, 8.55/8.55 for inspektorat,
        // …: 1.00, as 0.00 before the floor): equal, so by id.
        #expect(report.missing.map(\.unitID) == ["bkpsdm", "diskominfo", "dpmptsp", "dukcapil", "inspektorat", "layanan-publik"])
        #expect(report.missing.allSatisfy { $0.index.description == "1.00" })
        let listed = Readiness(rubric: Repo.spbe2020).assess(three, expected: [
            OPDEntry(id: "disdukcapil", name: "Dinas Kependudukan dan Pencatatan Sipil", roles: ["dukcapil"]),
            OPDEntry(id: "bappeda", name: "Bappeda", roles: ["bappeda"]),
        ])
        #expect(listed.missing.map(\.unitID) == ["bkpsdm", "disdukcapil", "diskominfo", "dpmptsp", "inspektorat", "layanan-publik"])
        #expect(listed.missing[1].name == "Dinas Kependudukan dan Pencatatan Sipil")
        #expect(listed.missing[1].owned == ["I46"])
        // Each OPD's own result is over what it answers for, decided from its own file whatever
        // else is submitted (co-owned I12, I24, I44 belong to their first owners), so the figures
        // are those of readiness() above: setda 49.05 / 19.05 = 2.57, bappeda 20.75 / 7.75 = 2.68,
        // bpkad 27.5 / 8.25 = 3.33; lowest first.
        #expect(listed.entries.filter(\.submitted).map(\.index.description) == ["2.57", "2.68", "3.33"])
        #expect(listed.entries.filter(\.submitted).map(\.unitID) == ["setda", "bappeda", "bpkad"])
    }
}
