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
        let levels = Dictionary(uniqueKeysWithValues: indicators.map { ($0.id, $0.level) })

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

    /// Σ(level × weight) / Σ weight; under `normalize="false"` the rubric's weights sum to 100,
    /// so the overall index is Σ(level × weight) / 100 as the regulation writes it.
    func index(_ members: [Indicator], _ levels: [String: Int]) -> IndexValue {
        var weighted: Int64 = 0
        var total: Int64 = 0
        for indicator in members {
            weighted += indicator.weight.millionths * Int64(levels[indicator.id] ?? 0)
            total += indicator.weight.millionths
        }
        return IndexValue(weightedLevels: weighted, totalWeight: total)
    }

    func score(_ indicator: Indicator, _ answer: Answer?) -> IndicatorScore {
        guard let answer else {
            return IndicatorScore(id: indicator.id, weight: indicator.weight, assessed: false, claimed: nil,
                                  supported: 0, level: 0,
                                  missingForNext: indicator.criteria(ofLevel: 1).map(\.id), metWithoutDocument: [])
        }
        let counted = Set(answer.met.filter { !options.requireEvidence || !$0.documentIDs.isEmpty }.map(\.criterionID))
        var supported = 0
        for level in indicator.levels {
            guard level.criteria.allSatisfy({ counted.contains($0.id) }) else { break }
            supported = level.value
        }
        let missing = indicator.criteria(ofLevel: supported + 1).map(\.id).filter { !counted.contains($0) }
        let level = options.trustClaims ? (answer.claimed ?? supported) : supported
        // In rubric order, not file order, so a result never depends on how the file is laid out.
        let undocumented = Set(answer.met.filter { $0.documentIDs.isEmpty }.map(\.criterionID))
        return IndicatorScore(id: indicator.id, weight: indicator.weight, assessed: true, claimed: answer.claimed,
                              supported: supported, level: level, missingForNext: missing,
                              metWithoutDocument: indicator.levels.flatMap(\.criteria).map(\.id).filter(undocumented.contains))
    }
}
