import Foundation
import Testing
@testable import SPBEAssess

/// An OPD's own result (capaian OPD) and the points lost per indicator: one number whichever
/// command shows it.
@Suite("OPD result and lost points", .serialized)
struct OPDResultTests {
    /// bappeda answers for I12, I13, I14 (weight 2.5 each) and I32 (2.75). Its A2 aspect index is
    /// 2.75 with I11 unanswered at 1: (1 + I12 + I13 + I14) / 4 = 2.75, so I12 + I13 + I14 = 10;
    /// its file reaches I32 level 4. Capaian (10 × 2.5 + 4 × 2.75) / 10.25 = 36 / 10.25 = 3.512 → 3.51.
    @Test("bappeda's own result, worked by hand, from its file alone")
    func bappeda() throws {
        let (card, _) = try Self.card("bappeda")
        let result = try #require(OPDResult(card, responsibility: Responsibility()))
        #expect(result.indicatorIDs == ["I12", "I13", "I14", "I32"])
        #expect(result.weight == ExactDecimal(millionths: 10_250_000))
        // 36 / 10.25, in the scorer's units: weight-millionths × level-hundredths over weight-millionths × 100.
        #expect(result.index == IndexValue(weightedLevels: 3_600, totalWeight: 1_025))
        #expect(result.index.hundredths == 351)
    }

    @Test("score, readiness and report show every kab-contoh OPD's same number")
    func agreeOnKabContoh() throws {
        let readiness = try CLI.run("readiness", "--lang", "id", "--format", "json", "fixtures/kab-contoh-2024")
        #expect(readiness.status == 0, "\(readiness.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(readiness.stdout.utf8)) as? [String: Any])
        let opds = try #require(json["opds"] as? [[String: Any]])
        var fromReadiness: [String: String] = [:]
        for opd in opds where opd["file"] is String {
            let id = try #require(opd["id"] as? String)
            fromReadiness[id] = String(format: "%.2f", try #require(opd["indexRounded"] as? Double))
        }
        #expect(fromReadiness.count == 18)  // the 18 OPD files of the folder
        #expect(fromReadiness["bappeda"] == "3.51")

        let score = try CLI.run("score", "--lang", "id", "fixtures/kab-contoh-2024")
        #expect(score.status == 0, "\(score.stderr)")
        let report = try CLI.run("report", "--lang", "id", "--format", "md", "fixtures/kab-contoh-2024")
        #expect(report.status == 0, "\(report.stderr)")
        for (id, index) in fromReadiness {
            // score: "Capaian OPD 3,51" (decimal comma) in the unit's block, which starts "(bappeda, opd)".
            let block = score.stdout.components(separatedBy: "\n\n").first { $0.contains("(\(id), opd)") } ?? ""
            #expect(block.contains("Capaian OPD \(index.replacingOccurrences(of: ".", with: ","))"), "score, \(id)")
            let section = report.stdout.components(separatedBy: "\n## ").first { $0.contains("\n\(id) · opd") } ?? ""
            #expect(section.contains("**Capaian OPD \(index.replacingOccurrences(of: ".", with: ",")) —"), "report, \(id)")
        }
    }

    /// Every spbe-2020 indicator tops out at 5, so the lost points add up to 5 − index exactly:
    /// Σ w(5 − l)/Σw = 5 − Σ wl/Σw. Checked on the fraction, not on rounded figures.
    @Test("lost points sum to top − index, for the unit and each aspect, largest first")
    func lostPointsSum() throws {
        for name in ["bappeda", "diskominfo", "setda-organisasi"] {
            let (card, rubric) = try Self.card(name)
            let lost = LostPoints(card)
            func check(_ items: [LostPoints.Item], _ index: IndexValue) {
                let total = index.totalWeight
                #expect(items.allSatisfy { $0.points.totalWeight == total })
                let sum = items.reduce(Int64(0)) { $0 + $1.points.weightedLevels }
                #expect(sum == 5 * total - index.weightedLevels, "\(name)")
                #expect(zip(items, items.dropFirst()).allSatisfy { !($0.0.points < $0.1.points) })
            }
            check(lost.overall, card.index)
            for (score, aspect) in zip(card.aspects, rubric.aspects) { check(lost.aspects[aspect.id] ?? [], score.index) }
        }
        // By hand for bappeda's A2 (I11–I14, weight 2.5 each, Σ 10): I11 at 1 loses 2.5 × 4 / 10 = 1.00.
        let (card, _) = try Self.card("bappeda")
        let a2 = try #require(LostPoints(card).aspects["A2"])
        #expect(a2.first?.indicatorID == "I11")
        #expect(a2.first?.points.hundredths == 100)
    }

    static func card(_ name: String) throws -> (Scorecard, Rubric) {
        try Repo.withCatalog { catalog in
            let file = try catalog.evidenceLoader().open(path: Repo.path("fixtures/kab-contoh-2024/\(name).xml"))
            let rubric = try catalog.rubric(file.rubricID)
            return (Scorer(rubric: rubric).score(try file.assessment(against: rubric)), rubric)
        }
    }
}
