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
        let answers = Dictionary(assessment.answers.map { ($0.indicatorID, $0) }, uniquingKeysWith: { a, _ in a })
        let indicators = rubric.indicators.map { score($0, answers[$0.id]) }
        let levels = Dictionary(uniqueKeysWithValues: indicators.map { ($0.id, $0.score) })

        func group(_ id: String, domainID: String?, _ members: [Indicator]) -> GroupScore {
            let index = self.index(members, levels)
            return GroupScore(id: id, domainID: domainID, index: index,
                              weight: members.reduce(.zero) { $0 + $1.weight }, predicate: rubric.predicate(for: index))
        }
        let byAspect = Dictionary(grouping: rubric.indicators, by: \.aspectID)
        let byDomain = Dictionary(grouping: rubric.indicators) { $0.domainID ?? "" }
        let overall = index(rubric.indicators, levels)
        return Scorecard(
            assessment: assessment, rubric: rubric, options: options,
            index: overall, predicate: rubric.predicate(for: overall),
            domains: rubric.domains.map { group($0.id, domainID: nil, byDomain[$0.id] ?? []) },
            aspects: rubric.aspects.map { group($0.id, domainID: $0.domainID, byAspect[$0.id] ?? []) },
            pillars: rubric.pillars.map { pillar in
                group(pillar.id, domainID: nil, rubric.indicators.filter { $0.pillarIDs.contains(pillar.id) })
            },
            indicators: indicators)
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
        let floor = indicator.floor
        guard let answer else {
            return IndicatorScore(id: indicator.id, weight: indicator.weight, assessed: false, claimed: nil,
                                  supported: floor, level: floor, missingForNext: nextCriteria(indicator, above: floor, counted: []),
                                  metWithoutDocument: [])
        }
        if indicator.isMeasured {
            let documented = !options.requireEvidence || !answer.valueDocumentIDs.isEmpty
            let value = documented ? answer.value : nil
            let whole = value.map { Int($0.millionths / ExactDecimal.scale) } ?? floor
            return IndicatorScore(id: indicator.id, weight: indicator.weight, assessed: true, claimed: nil,
                                  supported: whole, level: whole, measured: value, missingForNext: [], metWithoutDocument: [])
        }
        let counted = Set(answer.met.filter { !options.requireEvidence || !$0.documentIDs.isEmpty }.map(\.criterionID))
        var supported = floor
        for level in indicator.ladder {
            guard level.criteria.allSatisfy({ counted.contains($0.id) }) else { break }
            supported = level.value
        }
        let level = options.trustClaims ? max(floor, answer.claimed ?? supported) : supported
        // In rubric order, not file order, so a result never depends on how the file is laid out.
        let undocumented = Set(answer.met.filter { $0.documentIDs.isEmpty }.map(\.criterionID))
        return IndicatorScore(id: indicator.id, weight: indicator.weight, assessed: true, claimed: answer.claimed,
                              supported: supported, level: level,
                              missingForNext: nextCriteria(indicator, above: supported, counted: counted),
                              metWithoutDocument: indicator.levels.flatMap(\.criteria).map(\.id).filter(undocumented.contains))
    }

    /// The criteria of the level above `level` not yet counted, in rubric order.
    private func nextCriteria(_ indicator: Indicator, above level: Int, counted: Set<String>) -> [String] {
        indicator.isMeasured ? [] : indicator.criteria(ofLevel: level + 1).map(\.id).filter { !counted.contains($0) }
    }
}
