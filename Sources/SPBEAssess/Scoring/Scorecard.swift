/// The scored result of one assessment: indices per indicator, aspect, domain, pillar and overall.
public struct Scorecard: Sendable {
    public let assessment: Assessment
    public let rubric: Rubric
    public let options: ScoringOptions
    public let index: IndexValue
    public let predicate: Predicate
    public let domains: [GroupScore]
    public let aspects: [GroupScore]
    public let pillars: [GroupScore]
    /// In rubric order, one per rubric indicator (answered or not).
    public let indicators: [IndicatorScore]

    public var overclaims: [IndicatorScore] { indicators.filter(\.overclaim) }
    public var notAssessed: [IndicatorScore] { indicators.filter { !$0.assessed } }
}

/// The index of a group of indicators (aspect, domain or pillar).
public struct GroupScore: Sendable, Hashable {
    public let id: String
    /// The domain an aspect belongs to; nil for domains, pillars and aspects of a rubric without
    /// domains.
    public let domainID: String?
    public let index: IndexValue
    /// Σ of its indicators' weights.
    public let weight: ExactDecimal
    public let predicate: Predicate
}

/// One indicator's levels.
public struct IndicatorScore: Sendable, Hashable {
    public let id: String
    public let weight: ExactDecimal
    /// False when the assessment has no answer for it: it then scores the floor ("tidak dijawab").
    public let assessed: Bool
    public let claimed: Int?
    /// The highest level whose criteria, and all lower levels' criteria above the floor, are
    /// met; never below the floor. For a measured indicator, its value rounded down.
    public let supported: Int
    /// The level that counts: supported, or claimed under `trustClaims`. For a measured
    /// indicator, its value rounded down; ``score`` holds the exact value.
    public let level: Int
    /// A measured indicator's documented value; nil for a ladder indicator, and for a measured one
    /// whose value is missing or undocumented (it then scores the floor).
    public let measured: ExactDecimal?
    /// What enters the index: the measured value, or `level`.
    public var score: ExactDecimal { measured ?? ExactDecimal(level) }
    /// What the evidence supports, exactly: a measured indicator's value, or `supported`.
    public var supportedScore: ExactDecimal { measured ?? ExactDecimal(supported) }
    /// What the indicator needs for the level above `supported`, in rubric order; empty at the
    /// top of the scale.
    public let missingForNext: [String]
    /// Criteria marked met with no document cited.
    public let metWithoutDocument: [String]

    /// Claimed more than the evidence supports.
    public var overclaim: Bool { (claimed ?? 0) > supported }

    public init(id: String, weight: ExactDecimal, assessed: Bool, claimed: Int?, supported: Int, level: Int,
                measured: ExactDecimal? = nil, missingForNext: [String], metWithoutDocument: [String]) {
        self.id = id
        self.weight = weight
        self.assessed = assessed
        self.claimed = claimed
        self.supported = supported
        self.level = level
        self.measured = measured
        self.missingForNext = missingForNext
        self.metWithoutDocument = metWithoutDocument
    }
}
