import Foundation
import Testing
@testable import SPBEAssess

/// The gap planner's documented bound (``ParetoPlanner/maximumPoints``): large rubrics within
/// it plan fast and small; beyond it the plan is refused before any work.
@Suite("Planner bound")
struct PlannerBoundTests {
    /// `count` indicators of equal weight summing to 100, each at level 1 of 5, with step
    /// efforts 1…4 varying by indicator (so fronts do not collapse to one point).
    static func items(_ count: Int, weight: Int64? = nil) -> [ParetoPlanner.Item] {
        (0..<count).map { index in
            ParetoPlanner.Item(gainPerLevel: weight ?? 100_000_000 / Int64(count),
                               stepEfforts: (0..<4).map { Int64(1 + (index + $0) % 4) * 1_000_000 })
        }
    }

    /// Its time and memory are measured by `scripts/bench` (the gap planner row), not here.
    @Test("500 indicators: within the bound, and the exact plan takes the 1,000 cheapest steps")
    func fiveHundred() throws {
        let items = Self.items(500)
        // Half of the 400 weighted levels still to gain (weights in millionths).
        let target = Int64(200) * 1_000_000
        #expect(ParetoPlanner.pointBound(items, .reach(gain: target)) <= ParetoPlanner.maximumPoints)
        let solution = try #require(ParetoPlanner.solve(items, .reach(gain: target)))
        // 1,000 of the 2,000 steps are needed. The least effort, from a plain dynamic programme
        // over "steps taken so far" (independent of the Pareto front): 2,126.
        var least = [Int64](repeating: .max, count: 2_001)
        least[0] = 0
        for item in items {
            var next = [Int64](repeating: .max, count: 2_001)
            for (taken, cost) in least.enumerated() where cost != .max {
                var added: Int64 = 0
                for steps in 0...item.stepEfforts.count where taken + steps <= 2_000 {
                    if steps > 0 { added += item.stepEfforts[steps - 1] }
                    next[taken + steps] = min(next[taken + steps], cost + added)
                }
            }
            least = next
        }
        #expect(least[1_000] == 2_126 * 1_000_000)
        #expect(solution.gain == target)
        #expect(solution.effort == least[1_000])
    }

    @Test("irregular weights over thousands of indicators are beyond the bound and refused")
    func beyond() {
        // 5,000 indicators of co-prime weights: distinct gains in the millions.
        let items = (0..<5000).map { ParetoPlanner.Item(gainPerLevel: 19_997 + Int64($0 % 7), stepEfforts: [1_000_000, 2_000_000, 3_000_000, 4_000_000]) }
        #expect(ParetoPlanner.pointBound(items, .reach(gain: 100_000_000)) > ParetoPlanner.maximumPoints)
    }

    @Test("SPBE 2020 is far within the bound")
    func spbe() throws {
        let card = Scorer(rubric: Repo.spbe2020).score(try Inline.assessment(EvidenceXML.wrap(""), rubric: Repo.spbe2020))
        #expect(GapPlanner().withinBound(card, target: .index(hundredths: 500)))
        #expect(GapPlanner().withinBound(card, target: .index(hundredths: 350), budget: ExactDecimal(10)))
    }
}
