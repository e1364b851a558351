/// What it takes to reach a target: the steps in order, their effort, and where the index ends.
public struct GapPlan: Sendable {
    public let scorecard: Scorecard
    public let target: GapTarget
    /// Set in budget mode: the plan is the best index within this effort.
    public let budget: ExactDecimal?
    /// True when the plan reaches the target (always true for per-indicator targets).
    public let reachable: Bool
    /// True when the target was met before any step.
    public let alreadyMet: Bool
    /// The steps, in the order to take them.
    public let steps: [Step]
    public let projected: IndexValue
    public let projectedPredicate: Predicate
    public let totalEffort: ExactDecimal
    /// Measured indicators, which no criteria raise: their value comes from a survey or a partner
    /// agency's evaluation, so the plan lists them instead of planning steps.
    public let measured: [MeasuredIndicator]
    /// Indices before and after the plan, per aspect, domain and pillar.
    public let aspects: [GroupChange]
    public let domains: [GroupChange]
    public let pillars: [GroupChange]

    public var current: IndexValue { scorecard.index }

    /// One level step on one indicator.
    public struct Step: Sendable, Hashable {
        public let indicatorID: String
        public let from: Int
        public let to: Int
        /// Index gain of this step alone: weight / Σ weights.
        public let gain: IndexValue
        public let effort: ExactDecimal
        /// The whole index after this step (and all before it).
        public let projected: IndexValue
        public let predicate: Predicate
        /// Criteria of level `to` not yet met, in rubric order.
        public let missing: [Criterion]
        /// OPD roles that own the indicator, when the rubric names them.
        public let owners: [String]
        /// Set when the step is a quick win; such steps come first in the plan.
        public let quickWin: QuickWin?
    }

    /// The cheapest real fixes: evidence already there but not attached, or one criterion short.
    public enum QuickWin: Sendable, Hashable {
        /// These criteria are marked met without a document: attaching the documents completes the level.
        case attachDocuments([String])
        /// This one criterion is all the level misses.
        case oneCriterion(String)
    }

    /// A measured indicator as it stands.
    public struct MeasuredIndicator: Sendable, Hashable {
        public let indicatorID: String
        /// The value that counts now (the floor when none is documented).
        public let current: ExactDecimal
        /// False when no documented value was given.
        public let answered: Bool
        public let owners: [String]
    }

    /// A group's index before and after the plan.
    public struct GroupChange: Sendable, Hashable {
        public let id: String
        public let current: IndexValue
        public let projected: IndexValue
    }

    /// Aspects still below an index target after the plan, weakest first; empty for other targets.
    public var weakestAspects: [GroupChange] {
        guard case .index(let hundredths) = target else { return [] }
        return aspects.filter { $0.projected.hundredths < hundredths }
            .sorted { $0.projected < $1.projected || (!($1.projected < $0.projected) && $0.id < $1.id) }
    }
}
