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
///
/// **Bound.** Each kept point costs 5 bytes of back-links (the gains and efforts of only the
/// current front are held). ``pointBound(_:_:)`` is a guaranteed upper bound on the points a
/// solve keeps — n × min(Π(kᵢ+1), distinct gains) — and ``maximumPoints`` caps it: 500
/// indicators of five levels with SPBE-like weights (multiples of 0.05–0.2) need under a
/// million points, a fraction of a second and a few MB. A rubric beyond the cap (thousands of
/// indicators with irregular weights) is refused before solving (``GapPlanner/withinBound(_:target:budget:)``),
/// never allowed to run for minutes or take gigabytes.
struct ParetoPlanner {
    /// 40 million points: 200 MB of back-links at most, a few seconds in the worst case.
    static let maximumPoints = 40_000_000

    /// An upper bound on the points ``solve(_:_:)`` keeps for these items and objective.
    static func pointBound(_ items: [Item], _ objective: Objective) -> Int {
        var divisor: Int64 = 0
        var reachable: Int64 = 0
        for item in items where !item.stepEfforts.isEmpty && item.gainPerLevel > 0 {
            var (a, b) = (divisor, item.gainPerLevel)
            while b != 0 { (a, b) = (b, a % b) }
            divisor = a
            let (more, overflow) = item.gainPerLevel.multipliedReportingOverflow(by: Int64(item.stepEfforts.count))
            reachable = overflow ? Int64.max / 2 : min(Int64.max / 2, reachable + more)
        }
        if case .reach(let target) = objective { reachable = min(reachable, max(0, target)) }
        let distinct = divisor == 0 ? 1 : reachable / divisor + 1
        var total = 0
        var product = 1
        for item in items {
            product = product > maximumPoints ? product : product * (item.stepEfforts.count + 1)
            let front = Int(min(Int64(product), distinct))
            total += front
            if total > Int.max / 4 { return Int.max / 4 }
        }
        return total + 1
    }

    struct Item: Sendable {
        /// Gain of one level, in millionths of weight (= the indicator's weight).
        let gainPerLevel: Int64
        /// Effort of each remaining step, in millionths; `stepEfforts[0]` is the next level.
        let stepEfforts: [Int64]
    }

    enum Objective: Sendable {
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

    /// A past front's back-links only: 5 bytes a point instead of 24.
    private struct Links {
        var parents: [Int32]
        var raises: [UInt8]

        init(_ front: [Point]) {
            parents = front.map(\.parent)
            raises = front.map(\.raise)
        }
    }

    /// The optimal plan, or nil when the objective cannot be met (a gain beyond reach).
    static func solve(_ items: [Item], _ objective: Objective) -> Solution? {
        var fronts: [Links] = []
        var front = [Point(gain: 0, effort: 0, parent: -1, raise: 0)]
        for item in items {
            // One list per raise, each in the front's order (gain descending, effort ascending):
            // shifting every point by the same gain and effort, or capping gains, keeps it.
            var lists: [[Point]] = []
            for raise in 0...item.stepEfforts.count {
                let addedGain = item.gainPerLevel * Int64(raise)
                let addedEffort = item.stepEfforts.prefix(raise).reduce(0, +)
                var list: [Point] = []
                list.reserveCapacity(front.count)
                for (index, point) in front.enumerated() {
                    let effort = point.effort + addedEffort
                    if case .budget(let limit) = objective, effort > limit { continue }
                    var gain = point.gain + addedGain
                    if case .reach(let target) = objective { gain = min(gain, target) }
                    list.append(Point(gain: gain, effort: effort, parent: Int32(index), raise: UInt8(raise)))
                }
                lists.append(list)
            }
            fronts.append(Links(front))
            front = paretoFront(lists)
        }
        fronts.append(Links(front))

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
            raises[level - 1] = Int(fronts[level].raises[index])
            index = Int(fronts[level].parents[index])
        }
        let gain = zip(raises, items).reduce(Int64(0)) { $0 + Int64($1.0) * $1.1.gainPerLevel }
        let effort = zip(raises, items).reduce(Int64(0)) { $0 + $1.1.stepEfforts.prefix($1.0).reduce(0, +) }
        return Solution(raises: raises, gain: gain, effort: effort)
    }

    /// The non-dominated points of the merged lists, highest gain first (then least effort);
    /// equal points keep the earliest candidate (lowest parent, then lowest raise), so results
    /// never depend on merge internals. A k-way merge of sorted lists: O(C·k), no sort.
    private static func paretoFront(_ lists: [[Point]]) -> [Point] {
        var heads = [Int](repeating: 0, count: lists.count)
        var front: [Point] = []
        var leastEffort = Int64.max
        while true {
            var best = -1
            for list in lists.indices where heads[list] < lists[list].count {
                guard best >= 0 else { best = list; continue }
                let x = lists[list][heads[list]], y = lists[best][heads[best]]
                if x.gain != y.gain ? x.gain > y.gain
                    : x.effort != y.effort ? x.effort < y.effort
                    : (x.parent, x.raise) < (y.parent, y.raise) { best = list }
            }
            guard best >= 0 else { return front }
            let point = lists[best][heads[best]]
            heads[best] += 1
            if point.effort < leastEffort {
                front.append(point)
                leastEffort = point.effort
            }
        }
    }
}

extension GapPlanner {
    /// An upper bound on the points an exact plan for `card` keeps (its memory and time grow
    /// with it); ``withinBound(_:target:budget:)`` compares it with ``ParetoPlanner/maximumPoints``.
    ///
    /// The items are those ``plan(_:target:budget:)`` solves over; a capped per-indicator
    /// target solves over fewer steps, so the unlimited budget bounds it too.
    public func pointBound(_ card: Scorecard, target: GapTarget, budget: ExactDecimal? = nil) -> Int {
        let objective: ParetoPlanner.Objective
        switch target {
        case .index(let hundredths) where budget == nil:
            let needed = Self.weightedLevelsNeeded(hundredths: hundredths, totalWeight: card.index.totalWeight)
            objective = .reach(gain: max(0, needed - card.index.weightedLevels))
        default:
            objective = .budget(effort: .max)
        }
        return ParetoPlanner.pointBound(items(card), objective)
    }

    /// False when an exact plan for `card` could need more than ``ParetoPlanner/maximumPoints``
    /// points: callers refuse such a plan clearly instead of computing it.
    public func withinBound(_ card: Scorecard, target: GapTarget, budget: ExactDecimal? = nil) -> Bool {
        pointBound(card, target: target, budget: budget) <= ParetoPlanner.maximumPoints
    }
}
