/// A versioned maturity model: what is assessed, how each level is reached, and how levels
/// combine into an index and a predicate.
///
/// A rubric is data, loaded from XML by ``RubricLoader``; nothing about a particular framework
/// (SPBE 2020, Pemdi 2026) is written in code. Once loaded it is immutable and `Sendable`, so one
/// rubric serves every file of a run.
public struct Rubric: Sendable {
    public let id: String
    public let version: String
    public let title: LocalizedText
    /// True when weights need not sum to 100 (indices divide by the actual sum).
    public let normalize: Bool
    /// The aggregation rule for indicators that name none.
    public let aggregation: Aggregation
    public let scales: [Scale]
    /// Ascending by threshold; the first has the lowest threshold.
    public let predicates: [Predicate]
    public let pillars: [Pillar]
    /// Empty for a rubric whose aspects stand directly under it.
    public let domains: [Domain]
    public let aspects: [Aspect]
    /// In rubric order.
    public let indicators: [Indicator]

    private let indicatorPositions: [String: Int]
    private let criterionPositions: [String: CriterionPosition]
    /// The positions in `indicators` of each domain's, aspect's and pillar's indicators (aligned
    /// with `domains`, `aspects`, `pillars`; in rubric order): grouped once here, not per file.
    let domainMembers: [[Int]]
    let aspectMembers: [[Int]]
    let pillarMembers: [[Int]]

    /// Where a criterion sits: which indicator, which level.
    public struct CriterionPosition: Sendable, Hashable {
        public let indicator: Int
        public let level: Int
    }

    init(id: String, version: String, title: LocalizedText, normalize: Bool, aggregation: Aggregation, scales: [Scale],
         predicates: [Predicate], pillars: [Pillar], domains: [Domain], aspects: [Aspect],
         indicators: [Indicator]) {
        self.id = id
        self.version = version
        self.title = title
        self.normalize = normalize
        self.aggregation = aggregation
        self.scales = scales
        self.predicates = predicates
        self.pillars = pillars
        self.domains = domains
        self.aspects = aspects
        self.indicators = indicators
        indicatorPositions = Dictionary(indicators.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var criteria: [String: CriterionPosition] = [:]
        for (position, indicator) in indicators.enumerated() {
            for level in indicator.levels {
                for criterion in level.criteria {
                    criteria[criterion.id] = CriterionPosition(indicator: position, level: level.value)
                }
            }
        }
        criterionPositions = criteria
        let positions = indicators.indices
        domainMembers = domains.map { domain in positions.filter { (indicators[$0].domainID ?? "") == domain.id } }
        aspectMembers = aspects.map { aspect in positions.filter { indicators[$0].aspectID == aspect.id } }
        pillarMembers = pillars.map { pillar in positions.filter { indicators[$0].pillarIDs.contains(pillar.id) } }
    }

    public func indicator(_ id: String) -> Indicator? {
        indicatorPositions[id].map { indicators[$0] }
    }

    public func position(ofIndicator id: String) -> Int? { indicatorPositions[id] }

    public func position(ofCriterion id: String) -> CriterionPosition? { criterionPositions[id] }

    public func scale(_ id: String) -> Scale? { scales.first { $0.id == id } }

    /// Σ of all indicator weights.
    public var totalWeight: ExactDecimal { indicators.reduce(.zero) { $0 + $1.weight } }

    /// The predicate for an index: the one with the highest threshold not above the index rounded
    /// half-up to two decimals; the lowest predicate for anything below every threshold.
    public func predicate(for index: IndexValue) -> Predicate {
        let rounded = ExactDecimal(millionths: Int64(index.hundredths) * (ExactDecimal.scale / 100))
        return predicates.last { $0.threshold <= rounded } ?? predicates[0]
    }
}

public struct Scale: Sendable, Hashable {
    public let id: String
    public let title: LocalizedText
    /// Levels 1…N in order.
    public let levels: [Level]
    /// The starting level: no indicator on this scale scores below it, and levels at or below it
    /// need no criteria ("belum atau telah tersedia" is level 1 of SPBE 2020 and Pemdi). 0 when
    /// the rubric declares none.
    public let floor: Int

    public struct Level: Sendable, Hashable {
        public let value: Int
        public let label: LocalizedText
    }

    public var maximum: Int { levels.count }

    /// The levels an indicator on this scale can take: floor (or 1) … maximum.
    public var range: ClosedRange<Int> { Swift.max(floor, 1)...maximum }

    public func label(_ value: Int) -> LocalizedText? {
        value >= 1 && value <= levels.count ? levels[value - 1].label : nil
    }
}

public struct Predicate: Sendable, Hashable {
    /// The lowest two-decimal index that takes this predicate.
    public let threshold: ExactDecimal
    public let label: LocalizedText
    /// A second name for the band (Pemdi's maturity label, `Merintis` / `Initiate`); empty when
    /// the rubric gives none.
    public let description: LocalizedText
}

public struct Pillar: Sendable, Hashable {
    public let id: String
    public let title: LocalizedText
}

public struct Domain: Sendable, Hashable {
    public let id: String
    public let title: LocalizedText
    public let aspectIDs: [String]
}

public struct Aspect: Sendable, Hashable {
    public let id: String
    public let title: LocalizedText
    /// Nil in a rubric without domains.
    public let domainID: String?
    public let indicatorIDs: [String]
}

/// One indicator of a rubric. A class, immutable once loaded: the checker and the scorer reach
/// every indicator of every file, and a copy of a struct of a dozen references into the rubric
/// retained and released each of them, on reference counts that every thread shares (two
/// cores then took turns for the same cache lines). A reference is one count.
public final class Indicator: Sendable, Hashable {
    public let id: String
    public let title: LocalizedText
    public let weight: ExactDecimal
    public let scaleID: String
    public let pillarIDs: [String]
    /// OPD roles that own the indicator; empty when the rubric names none.
    public let owners: [String]
    /// How several OPDs' answers combine; the rubric's default when the indicator names none.
    public let aggregation: Aggregation
    public let aspectID: String
    public let domainID: String?
    /// Levels 1…N of the indicator's scale, in order; `levels[0]` is level 1.
    public let levels: [Level]
    /// The scale's floor: the level of an unanswered indicator, below which nothing scores.
    public let floor: Int
    /// How the level is found: from criteria (a ladder), or from a measured value.
    public let measure: Measure
    /// Where the value comes from and how it converts to the scale (measured indicators).
    public let description: LocalizedText

    init(id: String, title: LocalizedText, weight: ExactDecimal, scaleID: String, pillarIDs: [String], owners: [String],
         aggregation: Aggregation, aspectID: String, domainID: String?, levels: [Level], floor: Int, measure: Measure,
         description: LocalizedText) {
        self.id = id
        self.title = title
        self.weight = weight
        self.scaleID = scaleID
        self.pillarIDs = pillarIDs
        self.owners = owners
        self.aggregation = aggregation
        self.aspectID = aspectID
        self.domainID = domainID
        self.levels = levels
        self.floor = floor
        self.measure = measure
        self.description = description
    }

    /// Equal when everything the rubric says of them is (as the struct's synthesized `==` was).
    public static func == (a: Indicator, b: Indicator) -> Bool {
        a === b || (a.id == b.id && a.title == b.title && a.weight == b.weight && a.scaleID == b.scaleID
            && a.pillarIDs == b.pillarIDs && a.owners == b.owners && a.aggregation == b.aggregation
            && a.aspectID == b.aspectID && a.domainID == b.domainID && a.levels == b.levels && a.floor == b.floor
            && a.measure == b.measure && a.description == b.description)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(weight)
        hasher.combine(levels)
    }

    /// How an indicator's level is found.
    public enum Measure: String, Sendable, Hashable {
        /// The highest level whose criteria, and all lower levels' above the floor, are met.
        case criteria
        /// A number from a survey or another agency's evaluation, floor … top, two decimals.
        case value
    }

    public struct Level: Sendable, Hashable {
        public let value: Int
        public let criteria: [Criterion]
        /// What the level means (always for a level at or below the floor: the starting state).
        public let description: LocalizedText
        public let guidance: LocalizedText
        /// Effort of the step from the level below to this one (default 1).
        public let effort: ExactDecimal
    }

    public var maximumLevel: Int { levels.count }

    /// True when the level comes from a measured value, not from criteria.
    public var isMeasured: Bool { measure == .value }

    /// The levels above the floor, whose criteria count.
    public var ladder: ArraySlice<Level> { levels.dropFirst(floor) }

    /// The level holding criterion `id`, when it is one of this indicator's.
    public func level(ofCriterion id: String) -> Int? {
        for level in levels where level.criteria.contains(where: { $0.id == id }) { return level.value }
        return nil
    }

    public func criteria(ofLevel value: Int) -> [Criterion] {
        value >= 1 && value <= levels.count ? levels[value - 1].criteria : []
    }
}

/// How the answers of several OPDs to one indicator combine into the instansi's level.
public enum Aggregation: String, Sendable, Hashable, CaseIterable {
    /// The responsible OPD's answer alone (the default): see ``Responsibility``.
    case responsible
    case min, median, mean, max
}

public struct Criterion: Sendable, Hashable {
    public let id: String
    public let text: LocalizedText
}
