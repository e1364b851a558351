/// Exact optimisation of level raises: which indicators to raise, and by how many levels, for
/// the least effort that reaches a weighted gain, or the most gain within an effort budget.
///
/// This is a multiple-choice knapsack: each indicator offers "raise by k levels" for k = 0…K
/// (steps taken in order), with gain k·w and effort the sum of its first k step efforts. We keep,
/// after each indicator, the Pareto front of (gain, effort) pairs reachable with the indicators so
/// far — a pair is kept only if no other has at least its gain for at most its effort. The front
/// of the last indicator holds every optimal plan; a parent link per point rebuilds the choice.
///
/// Gains and efforts are exact integers (millionths), so there is no rounding anywhere. In
/// target mode gains are capped at the target (more gain is worth nothing extra), which bounds
/// the front by the number of distinct gains below the target. Cost: O(n · k · F) time and
/// O(n · F) memory for n indicators, k levels and a front of at most F points; F is at most the
/// number of distinct reachable gains (for SPBE 2020, whose weights are multiples of 0.05, at
/// most 8,000) and in practice far smaller.
struct ParetoPlanner {
    struct Item {
        /// Gain of one level, in millionths of weight (= the indicator's weight).
        let gainPerLevel: Int64
        /// Effort of each remaining step, in millionths; `stepEfforts[0]` is the next level.
        let stepEfforts: [Int64]
    }

    enum Objective {
        /// The least effort whose total gain is at least this.
        case reach(gain: Int64)
        /// The most gain whose total effort is at most this (ties: less effort).
        case budget(effort: Int64)
    }

    struct Solution: Equatable {
        /// Levels to raise, per item.
        let raises: [Int]
        let gain: Int64
        let effort: Int64
    }

    private struct Point {
        var gain: Int64
        var effort: Int64
        var parent: Int32
        var raise: UInt8
    }

    /// The optimal plan, or nil when the objective cannot be met (a gain beyond reach).
    static func solve(_ items: [Item], _ objective: Objective) -> Solution? {
        var fronts: [[Point]] = []
        var front = [Point(gain: 0, effort: 0, parent: -1, raise: 0)]
        for item in items {
            var candidates: [Point] = []
            candidates.reserveCapacity(front.count * (item.stepEfforts.count + 1))
            for (index, point) in front.enumerated() {
                var gain = point.gain, effort = point.effort
                for raise in 0...item.stepEfforts.count {
                    if raise > 0 {
                        gain += item.gainPerLevel
                        effort += item.stepEfforts[raise - 1]
                    }
                    if case .budget(let limit) = objective, effort > limit { break }
                    var capped = gain
                    if case .reach(let target) = objective { capped = min(gain, target) }
                    candidates.append(Point(gain: capped, effort: effort, parent: Int32(index), raise: UInt8(raise)))
                }
            }
            fronts.append(front)
            front = paretoFront(candidates)
        }
        fronts.append(front)

        let best: Int?
        switch objective {
        case .reach(let target):
            best = front.indices.filter { front[$0].gain >= target }.min { front[$0].effort < front[$1].effort }
        case .budget:
            best = front.isEmpty ? nil : 0  // the front is sorted by gain, highest first
        }
        guard let best else { return nil }

        var raises = [Int](repeating: 0, count: items.count)
        var index = best
        for level in stride(from: items.count, to: 0, by: -1) {
            let point = fronts[level][index]
            raises[level - 1] = Int(point.raise)
            index = Int(point.parent)
        }
        let gain = zip(raises, items).reduce(Int64(0)) { $0 + Int64($1.0) * $1.1.gainPerLevel }
        let effort = zip(raises, items).reduce(Int64(0)) { $0 + $1.1.stepEfforts.prefix($1.0).reduce(0, +) }
        return Solution(raises: raises, gain: gain, effort: effort)
    }

    /// The non-dominated points, highest gain first (then least effort); equal points keep the
    /// earliest candidate, so results never depend on sort internals.
    private static func paretoFront(_ candidates: [Point]) -> [Point] {
        let order = candidates.indices.sorted { a, b in
            let x = candidates[a], y = candidates[b]
            if x.gain != y.gain { return x.gain > y.gain }
            if x.effort != y.effort { return x.effort < y.effort }
            return a < b
        }
        var front: [Point] = []
        var leastEffort = Int64.max
        for index in order where candidates[index].effort < leastEffort {
            front.append(candidates[index])
            leastEffort = candidates[index].effort
        }
        return front
    }
}
