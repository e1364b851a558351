/// An OPD's own result ("capaian OPD"): its index over the indicators it answers for (see
/// ``Responsibility/scope(of:answered:rubric:)``), the rubric's weights renormalised over them:
/// Σ(level × weight) / Σ weight over that scope. Never the OPD scored as if it were the instansi.
///
/// ```swift
/// let result = OPDResult(card, responsibility: responsibility)   // nil for an instansi file
/// result?.index                                                  // 3.51
/// ```
public struct OPDResult: Sendable, Hashable {
    public let unitID: String
    /// The indicators counted, in rubric order; empty when the OPD answers for none.
    public let indicatorIDs: [String]
    /// Σ of their weights.
    public let weight: ExactDecimal
    public let index: IndexValue
    public let predicate: Predicate

    /// The result of an OPD file's scorecard; nil for an instansi file, or when the rubric names
    /// no owners and nothing is assigned (then no indicator is any OPD's own).
    public init?(_ card: Scorecard, responsibility: Responsibility) {
        let rubric = card.rubric
        guard card.assessment.unit.kind == .opd,
              !responsibility.assigned.isEmpty || rubric.indicators.contains(where: { !$0.owners.isEmpty })
        else { return nil }
        let answered = Set(card.indicators.filter(\.assessed).map(\.id))
        let scope = responsibility.scope(of: card.assessment.unit, answered: answered, rubric: rubric)
        self.init(unitID: card.assessment.unit.id, scope: scope, scores: card.indicators,
                  scorer: Scorer(rubric: rubric, options: card.options))
    }

    /// The result over `scope`, taking each indicator's level from `scores` (the floor when absent).
    init(unitID: String, scope: [Indicator], scores: [IndicatorScore], scorer: Scorer) {
        let levels = Dictionary(scores.map { ($0.id, $0.score) }, uniquingKeysWith: { a, _ in a })
        let index = scorer.index(scope, levels)
        self.unitID = unitID
        indicatorIDs = scope.map(\.id)
        weight = scope.reduce(.zero) { $0 + $1.weight }
        self.index = index
        predicate = scorer.rubric.predicate(for: index)
    }
}
