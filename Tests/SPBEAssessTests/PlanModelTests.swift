import Foundation
import Testing
@testable import SPBEAssess

/// Plans a Sekda can present: the default effort model, the step cap, quick wins first.
@Suite("Plans under the default effort model")
struct PlanModelTests {
    /// Two indicators on a 1…5 scale with the floor at 1 and no efforts in the rubric, so the
    /// default model applies: reaching 2 costs 1, 3 costs 2, 4 costs 4, 5 costs 8.
    /// Y1 weight 3, Y2 weight 1 (Σ 4); two criteria per level (a, b).
    static let rubric = try! Inline.rubric("""
        <rubric xmlns="urn:spbe-assess:rubric:1" id="dua" version="1" normalize="true"><title>Dua</title>
        <scale id="s" floor="1">\((1...5).map { "<level value=\"\($0)\"><label>\($0)</label></level>" }.joined())</scale>
        <predicate from="0"><label>Kurang</label></predicate>
        <aspect id="A"><title>A</title>
        \(["Y1": 3, "Y2": 1].sorted { $0.key < $1.key }.map { id, weight in
            "<indicator id=\"\(id)\" weight=\"\(weight)\" scale=\"s\" owners=\"o\(id)\"><title>\(id)</title><level value=\"1\"/>"
            + (2...5).map { "<level value=\"\($0)\"><criterion id=\"\(id).\($0)a\"><text>\(id) \($0) a</text></criterion><criterion id=\"\(id).\($0)b\"><text>\(id) \($0) b</text></criterion></level>" }.joined()
            + "</indicator>"
        }.joined())
        </aspect></rubric>
        """, name: "dua.xml")

    static func card(_ body: String) throws -> Scorecard {
        let xml = """
            <assessment xmlns="urn:spbe-assess:evidence:1" rubric="dua" period="2024" role="self">
              <unit id="kab" kind="instansi">Kab</unit>
            \(body)
              <document id="d">Bukti</document>
            </assessment>
            """
        return Scorer(rubric: rubric).score(try Inline.assessment(xml, rubric: rubric))
    }

    @Test("the default model grows with the level")
    func model() {
        #expect(Self.rubric.indicators[0].levels.map(\.effort) == [0, 1, 2, 4, 8].map(ExactDecimal.init))
        #expect(EffortModel.effort(ofLevel: 1, floor: 0) == ExactDecimal(1))
    }

    /// Both at 1 (index 1.00). Target 3.00 needs Σ w·l ≥ 4 × 2.995 = 11.98, i.e. a gain of 7.98
    /// over 4: Y1 +2 (gain 6, effort 1 + 2 = 3) and Y2 +2 (gain 2, effort 3) give exactly 8 for 6.
    /// Without the cap, Y1 +3 (gain 9, effort 1 + 2 + 4 = 7) is dearer; Y1 +2 and Y2 +1 (gain 7)
    /// falls short. So the least effort is 6, and the plan is 3.00.
    @Test("hand-worked: both indicators up two levels to reach 3.00, for effort 6")
    func toThree() throws {
        let card = try Self.card("")
        let plan = GapPlanner(maxStep: 2).plan(card, target: .index(hundredths: 300))
        #expect(plan.reachable)
        #expect(plan.totalEffort == ExactDecimal(6))
        #expect(plan.projected.hundredths == 300)
        // Best value first: Y1 1→2 (gain 3 for 1), Y1 2→3 (3 for 2) and Y2 1→2 (1 for 1) tie at
        // ≥ 1 per effort; exact order: 3/1, then 3/2 beats 1/1, then Y2 1→2 (1/1), Y2 2→3 (1/2).
        #expect(plan.steps.map { "\($0.indicatorID) \($0.to)" } == ["Y1 2", "Y1 3", "Y2 2", "Y2 3"])
        #expect(plan.steps.map(\.effort) == [1, 2, 1, 2].map(ExactDecimal.init))
    }

    /// Target 4.00 needs a gain of 4 × 3.995 − 4 = 11.98 → 12: every indicator at 4 (gain 9 + 3 =
    /// 12). Capped at 2 levels (max 3 each, gain 8) it is out of reach: the plan says so and shows
    /// the best within the cap, 3.00. With --max-step 3: effort (1 + 2 + 4) × 2 = 14.
    @Test("hand-worked: --max-step caps the levels per indicator")
    func maxStep() throws {
        let card = try Self.card("")
        let capped = GapPlanner(maxStep: 2).plan(card, target: .index(hundredths: 400))
        #expect(!capped.reachable)
        #expect(capped.projected.hundredths == 300)
        #expect(capped.steps.allSatisfy { $0.to <= 3 })
        let three = GapPlanner(maxStep: 3).plan(card, target: .index(hundredths: 400))
        #expect(three.reachable)
        #expect(three.totalEffort == ExactDecimal(14))
        #expect(Set(three.steps.map(\.to)) == [2, 3, 4])
        // Per-indicator targets are capped too: Y2 to 5 with a cap of 2 stops at 3.
        let levels = GapPlanner(maxStep: 2).plan(card, target: .levels(["Y2": 5]))
        #expect(levels.steps.map(\.to) == [2, 3])
        #expect(!levels.reachable)
    }

    /// Y2 has 2a marked met without a document and 2b with one: attaching the document completes
    /// level 2 (a quick win). Y1 has 2a documented: one criterion (2b) short, another quick win.
    /// Target 1.50 needs a gain of 4 × 1.495 − 4 = 1.98 → 2: Y1 +1 (gain 3, effort 1) alone
    /// suffices, but Y2 +1 (gain 1) and Y1 +1 cost 2. The least effort is 1 (Y1 only).
    /// Target 2.00 (gain 3.98): Y1 +1 (3) and Y2 +1 (1) = 4 for effort 2, both quick wins: Y1
    /// first by value (3 per effort), Y2 next, each marked.
    @Test("hand-worked: quick wins first, marked, and the plan stays least-effort")
    func quickWins() throws {
        let card = try Self.card("""
            <answer indicator="Y1"><met criterion="Y1.2a" documents="d"/></answer>
            <answer indicator="Y2"><met criterion="Y2.2a"/><met criterion="Y2.2b" documents="d"/></answer>
            """)
        let small = GapPlanner(maxStep: 2).plan(card, target: .index(hundredths: 150))
        #expect(small.totalEffort == ExactDecimal(1))
        #expect(small.steps.map(\.indicatorID) == ["Y1"])
        #expect(small.steps[0].quickWin == .oneCriterion("Y1.2b"))
        let plan = GapPlanner(maxStep: 2).plan(card, target: .index(hundredths: 200))
        #expect(plan.totalEffort == ExactDecimal(2))
        #expect(plan.steps.map(\.indicatorID) == ["Y1", "Y2"])
        #expect(plan.steps[1].quickWin == .attachDocuments(["Y2.2a"]))
        // With a third step that is not quick (Y1 2→3, both criteria missing), quick ones still
        // come first: target 2.75 needs 4 × 2.745 − 4 = 6.98 → Y1 +2 (6) and Y2 +1 (1) = 7,
        // effort 1 + 2 + 1 = 4; order Y1 2 (quick), Y2 2 (quick), then Y1 3.
        let longer = GapPlanner(maxStep: 2).plan(card, target: .index(hundredths: 275))
        #expect(longer.totalEffort == ExactDecimal(4))
        #expect(longer.steps.map { "\($0.indicatorID) \($0.to)" } == ["Y1 2", "Y2 2", "Y1 3"])
        #expect(longer.steps.map { $0.quickWin != nil } == [true, true, false])
    }

    /// The exhaustive cross-check under the default model and the cap: random starting levels on
    /// the two-indicator rubric, every target from 1.05 to 5.00 by 0.05.
    @Test("under the default model and the cap, the plan's effort is the exhaustive minimum")
    func exhaustive() throws {
        var rng = SeededGenerator(seed: 1505)
        for _ in 0..<20 {
            let start = ["Y1": Int.random(in: 1...5, using: &rng), "Y2": Int.random(in: 1...5, using: &rng)]
            let body = start.sorted { $0.key < $1.key }.map { id, level in
                "<answer indicator=\"\(id)\">" + (stride(from: 2, through: level, by: 1)).flatMap { l in
                    ["a", "b"].map { "<met criterion=\"\(id).\(l)\($0)\" documents=\"d\"/>" } }.joined() + "</answer>"
            }.joined(separator: "\n")
            let card = try Self.card(body)
            let cap = Int.random(in: 1...4, using: &rng)
            for hundredths in stride(from: 105, through: 500, by: 5) {
                let plan = GapPlanner(maxStep: cap).plan(card, target: .index(hundredths: hundredths))
                // Brute force: raises r1, r2 ≤ cap and the top; effort Σ 2^(k−1) over the steps.
                var best: Int?
                for r1 in 0...min(cap, 5 - start["Y1"]!) {
                    for r2 in 0...min(cap, 5 - start["Y2"]!) {
                        let weighted = 3 * (start["Y1"]! + r1) + (start["Y2"]! + r2)
                        guard IndexValue(weightedLevels: Int64(weighted), totalWeight: 4).hundredths >= hundredths else { continue }
                        func cost(_ from: Int, _ raise: Int) -> Int { (0..<raise).reduce(0) { $0 + (1 << (from + $1 - 1)) } }
                        let effort = cost(start["Y1"]!, r1) + cost(start["Y2"]!, r2)
                        best = min(best ?? effort, effort)
                    }
                }
                if let best {
                    #expect(plan.reachable && plan.totalEffort == ExactDecimal(best), "\(start) cap \(cap) → \(hundredths)")
                } else {
                    #expect(!plan.reachable, "\(start) cap \(cap) → \(hundredths)")
                }
            }
        }
    }
}
