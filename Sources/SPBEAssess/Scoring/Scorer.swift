/// Scores assessments against a rubric, as the official method does (SPEC §1–§2).
///
/// An indicator's supported level is the highest L such that every criterion of levels 1…L is
/// met; levels are cumulative, so a met level-3 criterion above a gap at level 2 does not count.
/// A group's index is Σ(level × weight) / Σ weight over its indicators, computed exactly.
///
/// ```swift
/// let card = Scorer(rubric: rubric).score(assessment)
/// print(card.index, card.predicate.label.text(in: .id))   // 2.60 Baik
/// ```
public struct Scorer: Sendable {
    public let rubric: Rubric
    public let options: ScoringOptions

    public init(rubric: Rubric, options: ScoringOptions = ScoringOptions()) {
        self.rubric = rubric
        self.options = options
    }

    public func score(_ assessment: Assessment) -> Scorecard {
        // Answers by indicator position (the first answer to an indicator counts), and groups by
        // the positions the rubric keeps: no dictionary or grouping built per file.
        // (Positions in `assessment.answers`, not copies of the answers: copying each twice over
        // was a tenth of scoring.)
        var answerAt = [Int](repeating: -1, count: rubric.indicators.count)
        for (index, answer) in assessment.answers.enumerated() {
            if let position = rubric.position(ofIndicator: answer.indicatorID), answerAt[position] < 0 {
                answerAt[position] = index
            }
        }
        var indicators: [IndicatorScore] = []
        indicators.reserveCapacity(rubric.indicators.count)
        // Through spans, which lend their elements: an array's subscript hands out a copy, and
        // copying an answer (its criteria, documents and note) for each of 47 indicators was a
        // twentieth of scoring.
        let rubricIndicators = rubric.indicators.span
        let answers = assessment.answers.span
        for position in rubricIndicators.indices {
            let index = answerAt[position]
            indicators.append(index < 0 ? unanswered(rubricIndicators[position])
                                        : score(rubricIndicators[position], answered: answers[index]))
        }
        let levels = indicators.map(\.score)

        func group(_ id: String, domainID: String?, _ members: [Int]) -> GroupScore {
            let index = self.index(positions: members, levels)
            return GroupScore(id: id, domainID: domainID, index: index,
                              weight: members.reduce(.zero) { $0 + rubric.indicators[$1].weight }, predicate: rubric.predicate(for: index))
        }
        let overall = index(positions: rubric.indicators.indices, levels)
        return Scorecard(
            assessment: assessment, rubric: rubric, options: options,
            index: overall, predicate: rubric.predicate(for: overall),
            domains: zip(rubric.domains, rubric.domainMembers).map { group($0.id, domainID: nil, $1) },
            aspects: zip(rubric.aspects, rubric.aspectMembers).map { group($0.id, domainID: $0.domainID, $1) },
            pillars: zip(rubric.pillars, rubric.pillarMembers).map { group($0.id, domainID: nil, $1) },
            indicators: indicators)
    }

    /// ``index(_:_:)`` over indicator positions, with `levels` aligned with the rubric's indicators.
    private func index(positions: some Sequence<Int>, _ levels: [ExactDecimal]) -> IndexValue {
        var weighted: Int64 = 0
        var total: Int64 = 0
        for position in positions {
            let weight = rubric.indicators[position].weight
            weighted += Self.weightedLevel(weight, levels[position])
            total += Self.weightedLevel(weight, ExactDecimal(1))
        }
        return IndexValue(weightedLevels: weighted, totalWeight: total)
    }

    /// Σ(level × weight) / Σ weight, exactly. Levels have at most two decimals (measured values),
    /// so the fraction is kept in weight-millionths × level-hundredths over weight-millionths × 100.
    /// An indicator missing from `levels` counts at its floor.
    func index(_ members: [Indicator], _ levels: [String: ExactDecimal]) -> IndexValue {
        var weighted: Int64 = 0
        var total: Int64 = 0
        for indicator in members {
            weighted += Self.weightedLevel(indicator.weight, levels[indicator.id] ?? ExactDecimal(indicator.floor))
            total += Self.weightedLevel(indicator.weight, ExactDecimal(1))
        }
        return IndexValue(weightedLevels: weighted, totalWeight: total)
    }

    /// One indicator's term of an index numerator, in the units ``index(_:_:)`` uses.
    static func weightedLevel(_ weight: ExactDecimal, _ level: ExactDecimal) -> Int64 {
        weight.millionths * (level.millionths / 10_000)
    }

    func score(_ indicator: Indicator, _ answer: Answer?) -> IndicatorScore {
        guard let answer else { return unanswered(indicator) }
        return score(indicator, answered: answer)
    }

    /// An indicator nobody answered: at its floor.
    private func unanswered(_ indicator: borrowing Indicator) -> IndicatorScore {
        let floor = indicator.floor
        return IndicatorScore(id: indicator.id, weight: indicator.weight, assessed: false, claimed: nil,
                              supported: floor, level: floor, missingForNext: nextCriteria(indicator, above: floor, counted: []),
                              metWithoutDocument: [])
    }

    private func score(_ indicator: borrowing Indicator, answered answer: borrowing Answer) -> IndicatorScore {
        let floor = indicator.floor
        if indicator.isMeasured {
            let documented = !options.requireEvidence || !answer.valueDocumentIDs.isEmpty
            let value = documented ? answer.value : nil
            let whole = value.map { Int($0.millionths / ExactDecimal.scale) } ?? floor
            return IndicatorScore(id: indicator.id, weight: indicator.weight, assessed: true, claimed: nil,
                                  supported: whole, level: whole, measured: value, missingForNext: [], metWithoutDocument: [])
        }
        // A list, not a Set: an answer meets each of its indicator's few criteria at most once
        // (the checker refuses anything else), and comparing short ids beats hashing them.
        // (The flag is read out first: a closure reading `options` would copy the whole scorer,
        // rubric and all, for every indicator.)
        let requireEvidence = options.requireEvidence
        var counted: [String] = []
        counted.reserveCapacity(answer.met.count)
        var anyUndocumented = false
        let met = answer.met.span
        for index in met.indices {
            if met[index].documentIDs.isEmpty { anyUndocumented = true }
            if !requireEvidence || !met[index].documentIDs.isEmpty { counted.append(met[index].criterionID) }
        }
        var supported = floor
        let ladder = indicator.ladder
        let steps = ladder.span
        climbing: for step in steps.indices {
            let criteria = steps[step].criteria.span
            for index in criteria.indices where !counted.contains(criteria[index].id) { break climbing }
            supported = steps[step].value
        }
        let level = options.trustClaims ? max(floor, answer.claimed ?? supported) : supported
        // In rubric order, not file order, so a result never depends on how the file is laid out.
        var metWithoutDocument: [String] = []
        if anyUndocumented {
            let undocumented = answer.met.filter { $0.documentIDs.isEmpty }.map(\.criterionID)
            metWithoutDocument = indicator.levels.flatMap(\.criteria).map(\.id).filter(undocumented.contains)
        }
        return IndicatorScore(id: indicator.id, weight: indicator.weight, assessed: true, claimed: answer.claimed,
                              supported: supported, level: level,
                              missingForNext: nextCriteria(indicator, above: supported, counted: counted),
                              metWithoutDocument: metWithoutDocument)
    }

    /// The criteria of the level above `level` not yet counted, in rubric order.
    private func nextCriteria(_ indicator: borrowing Indicator, above level: Int, counted: [String]) -> [String] {
        guard !indicator.isMeasured else { return [] }
        let next = indicator.criteria(ofLevel: level + 1)
        let criteria = next.span
        var missing: [String] = []
        missing.reserveCapacity(criteria.count)
        for index in criteria.indices where !counted.contains(criteria[index].id) { missing.append(criteria[index].id) }
        return missing
    }
}
