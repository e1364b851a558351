/// Plans the way from a scorecard to a target: the least total effort that reaches a target
/// index, the best index within a budget, or the steps to per-indicator target levels.
///
/// ```swift
/// let card = Scorer(rubric: rubric).score(assessment)
/// let plan = try GapPlanner(efforts: EffortTable()).plan(card, target: .index(hundredths: 350))
/// ```
/// Optimality comes from ``ParetoPlanner``; this type turns its choice into ordered steps with
/// their gains, projected indices and missing criteria.
public struct GapPlanner: Sendable {
    public let efforts: EffortTable
    /// At most this many levels per indicator in one plan (nil: up to the top), so no indicator
    /// is planned to jump further than an evaluation cycle can carry it.
    public let maxStep: Int?

    public init(efforts: EffortTable = EffortTable(), maxStep: Int? = nil) {
        self.efforts = efforts
        self.maxStep = maxStep.map { Swift.max(1, $0) }
    }

    public func plan(_ card: Scorecard, target: GapTarget, budget: ExactDecimal? = nil) -> GapPlan {
        let rubric = card.rubric
        let total = card.index.totalWeight
        let items = items(card)

        var raises: [Int]
        var reachable = true
        var alreadyMet = false
        switch target {
        case .levels(let levels):
            raises = zip(rubric.indicators, card.indicators).map { indicator, score in
                indicator.isMeasured ? 0 : min(maxStep ?? Int.max, max(0, (levels[indicator.id] ?? score.level) - score.level))
            }
            alreadyMet = raises.allSatisfy { $0 == 0 }
            if let budget {
                // Per-indicator targets within a budget: the most index gain among those steps.
                let capped = zip(items, raises).map { ParetoPlanner.Item(gainPerLevel: $0.gainPerLevel, stepEfforts: Array($0.stepEfforts.prefix($1))) }
                raises = ParetoPlanner.solve(capped, .budget(effort: budget.millionths))?.raises ?? raises.map { _ in 0 }
                reachable = raises == zip(rubric.indicators, card.indicators).map {
                    $0.isMeasured ? 0 : max(0, (levels[$0.id] ?? $1.level) - $1.level)
                }
            } else {
                // A target further than the step cap allows is not reached in this plan.
                reachable = zip(zip(rubric.indicators, card.indicators), raises).allSatisfy { pair, raise in
                    pair.0.isMeasured || raise == max(0, (levels[pair.0.id] ?? pair.1.level) - pair.1.level)
                }
            }
        case .index(let hundredths):
            let needed = Self.weightedLevelsNeeded(hundredths: hundredths, totalWeight: total)
            let gainNeeded = max(0, needed - card.index.weightedLevels)
            alreadyMet = gainNeeded == 0
            if let budget {
                raises = ParetoPlanner.solve(items, .budget(effort: budget.millionths))!.raises
                reachable = card.index.weightedLevels + gain(raises, items) >= needed
            } else if let solution = ParetoPlanner.solve(items, .reach(gain: gainNeeded)) {
                raises = solution.raises
            } else {
                // Out of reach even at the top of every scale: show the best there is.
                raises = items.map(\.stepEfforts.count)
                reachable = false
            }
        }
        return assemble(card, target: target, budget: budget, raises: raises, reachable: reachable, alreadyMet: alreadyMet)
    }

    /// What each indicator offers the optimiser: its gain per level and the efforts of the steps
    /// left to it, at most ``maxStep`` of them. A measured indicator rises with its survey or
    /// partner agency's result, not with criteria: it offers no steps (listed apart in
    /// ``GapPlan/measured``).
    func items(_ card: Scorecard) -> [ParetoPlanner.Item] {
        zip(card.rubric.indicators, card.indicators).map { indicator, score in
            ParetoPlanner.Item(gainPerLevel: Scorer.weightedLevel(indicator.weight, ExactDecimal(1)),
                               stepEfforts: indicator.isMeasured ? [] : (score.level + 1..<indicator.maximumLevel + 1)
                                   .prefix(maxStep ?? Int.max).map { efforts.effort(indicator, level: $0).millionths })
        }
    }

    /// The least Σ level × weight (millionths) whose index rounds half-up to at least
    /// `hundredths`: hundredths(S/W) = ⌊(200S + W) / 2W⌋ ≥ h ⇔ S ≥ W(2h − 1) / 200.
    static func weightedLevelsNeeded(hundredths: Int, totalWeight: Int64) -> Int64 {
        guard hundredths > 0 else { return 0 }
        let numerator = totalWeight * Int64(2 * hundredths - 1)
        return (numerator + 199) / 200
    }

    private func gain(_ raises: [Int], _ items: [ParetoPlanner.Item]) -> Int64 {
        zip(raises, items).reduce(0) { $0 + Int64($1.0) * $1.1.gainPerLevel }
    }

    /// Orders the chosen steps best value first — highest gain per effort, steps of one indicator
    /// in level order — and projects the index after each.
    private func assemble(_ card: Scorecard, target: GapTarget, budget: ExactDecimal?, raises: [Int],
                          reachable: Bool, alreadyMet: Bool) -> GapPlan {
        let rubric = card.rubric
        let total = card.index.totalWeight
        var next = card.indicators.map(\.level)
        let goal = zip(next, raises).map { $0 + $1 }
        var levels = Dictionary(uniqueKeysWithValues: card.indicators.map { ($0.id, $0.score) })
        var weighted = card.index.weightedLevels
        var steps: [GapPlan.Step] = []
        var totalEffort = ExactDecimal.zero
        while true {
            // Quick wins first (a document to attach, one criterion to meet), then best value.
            var best: (index: Int, gain: Int64, effort: Int64, quick: Bool)?
            for (index, indicator) in rubric.indicators.enumerated() where next[index] < goal[index] {
                let quick = Self.quickWin(card, index, level: next[index] + 1) != nil
                let candidate = (index, Scorer.weightedLevel(indicator.weight, ExactDecimal(1)),
                             efforts.effort(indicator, level: next[index] + 1).millionths, quick)
                if best == nil || (quick && !best!.quick)
                    || (quick == best!.quick && Self.betterValue(candidate.1, candidate.2, than: best!.gain, best!.effort)) {
                    best = candidate
                }
            }
            guard let (index, gain, effort, _) = best else { break }
            let indicator = rubric.indicators[index]
            let level = next[index] + 1
            next[index] = level
            levels[indicator.id] = ExactDecimal(level)
            weighted += gain
            totalEffort = totalEffort + ExactDecimal(millionths: effort)
            let projected = IndexValue(weightedLevels: weighted, totalWeight: total)
            let met = Set(card.assessment.answer(for: indicator.id)?.met
                .filter { !card.options.requireEvidence || !$0.documentIDs.isEmpty }.map(\.criterionID) ?? [])
            steps.append(GapPlan.Step(
                indicatorID: indicator.id, from: level - 1, to: level,
                gain: IndexValue(weightedLevels: gain, totalWeight: total),
                effort: ExactDecimal(millionths: effort), projected: projected,
                predicate: rubric.predicate(for: projected),
                missing: indicator.criteria(ofLevel: level).filter { !met.contains($0.id) },
                owners: indicator.owners, quickWin: Self.quickWin(card, index, level: level)))
        }
        let projected = IndexValue(weightedLevels: weighted, totalWeight: total)
        let measured = zip(rubric.indicators, card.indicators).filter { $0.0.isMeasured }.map { indicator, score in
            GapPlan.MeasuredIndicator(indicatorID: indicator.id, current: score.score, answered: score.measured != nil,
                                      owners: indicator.owners)
        }
        let scorer = Scorer(rubric: rubric, options: card.options)
        func changes(_ groups: [GroupScore], members: (GroupScore) -> [Indicator]) -> [GapPlan.GroupChange] {
            groups.map { GapPlan.GroupChange(id: $0.id, current: $0.index, projected: scorer.index(members($0), levels)) }
        }
        return GapPlan(
            scorecard: card, target: target, budget: budget, reachable: reachable, alreadyMet: alreadyMet,
            steps: steps, projected: projected, projectedPredicate: rubric.predicate(for: projected),
            totalEffort: totalEffort, measured: measured,
            aspects: changes(card.aspects) { g in rubric.indicators.filter { $0.aspectID == g.id } },
            domains: changes(card.domains) { g in rubric.indicators.filter { $0.domainID == g.id } },
            pillars: changes(card.pillars) { g in rubric.indicators.filter { $0.pillarIDs.contains(g.id) } })
    }

    /// The step to `level` of the card's indicator at `position` is a quick win when its missing
    /// criteria are all marked met without a document (attach it), or it misses one criterion.
    /// Only the step right above the supported level can be: higher ones wait for it.
    static func quickWin(_ card: Scorecard, _ position: Int, level: Int) -> GapPlan.QuickWin? {
        let indicator = card.rubric.indicators[position]
        let score = card.indicators[position]
        guard !indicator.isMeasured, level == score.supported + 1, !score.missingForNext.isEmpty else { return nil }
        let undocumented = Set(score.metWithoutDocument)
        if score.missingForNext.allSatisfy(undocumented.contains) { return .attachDocuments(score.missingForNext) }
        return score.missingForNext.count == 1 ? .oneCriterion(score.missingForNext[0]) : nil
    }

    /// gain₁/effort₁ > gain₂/effort₂, exactly (a free step beats any paid one); ties keep the
    /// earlier indicator.
    static func betterValue(_ gain1: Int64, _ effort1: Int64, than gain2: Int64, _ effort2: Int64) -> Bool {
        let left = gain1.multipliedFullWidth(by: effort2)
        let right = gain2.multipliedFullWidth(by: effort1)
        if effort1 == 0 && effort2 == 0 { return gain1 > gain2 }
        return (left.high, left.low) > (right.high, right.low)
    }
}
