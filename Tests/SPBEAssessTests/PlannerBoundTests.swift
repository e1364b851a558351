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

    @Test("500 indicators: an exact plan in under 2 s, within the bound")
    func fiveHundred() throws {
        let items = Self.items(500)
        // Half of the 400 weighted levels still to gain (weights in millionths).
        let target = Int64(200) * 1_000_000
        #expect(ParetoPlanner.pointBound(items, .reach(gain: target)) <= ParetoPlanner.maximumPoints)
        let start = Date()
        let solution = try #require(ParetoPlanner.solve(items, .reach(gain: target)))
        let seconds = Date().timeIntervalSince(start)
        // The 2 s bound is for release builds; this unoptimised test build took 4.6 s here, so
        // it is held to 20 s.
        #if DEBUG
        let limit = 20.0
        #else
        let limit = 2.0
        #endif
        #expect(seconds < limit, "took \(seconds) s")
        // 1,000 of the 2,000 steps are needed, each costing at least 1.
        #expect(solution.gain >= target)
        #expect(solution.effort >= 1_000 * 1_000_000)
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
