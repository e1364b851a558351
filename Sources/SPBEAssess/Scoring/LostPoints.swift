/// Why an index is what it is: the index points each indicator loses against the top of its
/// scale, weight × (top − level) / Σ weights of the group, largest first. Over a group whose
/// indicators share one top, they add up to exactly top − index.
///
/// ```swift
/// let lost = LostPoints(card)          // the instansi
/// lost.aspects["A2"]?.first?.points    // the A2 indicator costing most
/// ```
public struct LostPoints: Sendable {
    public struct Item: Sendable, Hashable {
        public let indicatorID: String
        /// The points lost, as an exact fraction (shown like an index: two decimals).
        public let points: IndexValue
    }

    /// For the whole rubric, largest first (ties: rubric order); indicators at the top are left out.
    public let overall: [Item]
    /// Aspect id → its indicators' points, against the aspect's Σ weights.
    public let aspects: [String: [Item]]

    public init(_ card: Scorecard) {
        let rubric = card.rubric
        let scores = Dictionary(card.indicators.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func lost(_ members: [Indicator]) -> [Item] {
            let total = members.reduce(Int64(0)) { $0 + Scorer.weightedLevel($1.weight, ExactDecimal(1)) }
            let items = members.compactMap { indicator -> Item? in
                let score = scores[indicator.id]?.score ?? ExactDecimal(indicator.floor)
                let gap = ExactDecimal(indicator.maximumLevel) - score
                guard gap > .zero else { return nil }
                return Item(indicatorID: indicator.id,
                            points: IndexValue(weightedLevels: Scorer.weightedLevel(indicator.weight, gap), totalWeight: total))
            }
            // Stable: equal losses keep rubric order.
            return items.enumerated().sorted { a, b in
                a.element.points == b.element.points ? a.offset < b.offset : b.element.points < a.element.points
            }.map(\.element)
        }
        overall = lost(rubric.indicators)
        var byAspect: [String: [Item]] = [:]
        for aspect in rubric.aspects {
            byAspect[aspect.id] = lost(aspect.indicatorIDs.compactMap(rubric.indicator))
        }
        aspects = byAspect
    }
}
