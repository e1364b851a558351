/// Two or three assessments of one unit, rubric and period, by different roles, set side by side:
/// per indicator, per group (aspect, domain, pillar, overall) and as agreement statistics.
///
/// Sides are put in role order (self, inspectorate, assessor), so a delta is always the later
/// reviewer's value minus the earlier one's: negative when the review lowers a level.
///
/// ```swift
/// let comparison = try Comparison([selfCard, assessorCard])
/// comparison.indicators.filter { $0.delta != 0 }
/// ```
public struct Comparison: Sendable {
    /// The scorecards, in role order.
    public let sides: [Scorecard]
    public let indicators: [IndicatorComparison]
    /// Aspects, domains, pillars, then the overall index.
    public let groups: [GroupComparison]
    /// One per pair of sides: (0,1), (0,2), (1,2).
    public let agreements: [PairAgreement]

    public var roles: [Role] { sides.map(\.assessment.role) }

    /// Refuses fewer than two or more than three sides, a role given twice, and (unless `force`)
    /// sides that differ in unit, rubric or period. Every problem is reported.
    public init(_ cards: [Scorecard], force: Bool = false) throws(LoadError) {
        var problems: [Diagnostic] = []
        if !(2...3).contains(cards.count) {
            problems.append(Diagnostic(.unreadable, file: cards.first?.assessment.path ?? "compare",
                                       id: "perbandingan memerlukan dua atau tiga penilaian, bukan \(cards.count)",
                                       en: "compare takes two or three assessments, not \(cards.count)"))
        }
        var byRole: [Role: String] = [:]
        for card in cards {
            let a = card.assessment
            if let other = byRole[a.role], other == a.path {
                problems.append(Diagnostic(.duplicateIdentifier, file: a.path,
                    id: "berkas yang sama diberikan dua kali; bandingkan dengan penilaian oleh peran lain",
                    en: "the same file is given twice; compare it with another role's assessment"))
            } else if let other = byRole[a.role] {
                problems.append(Diagnostic(.duplicateIdentifier, file: a.path,
                    id: "peran \(a.role.indonesianName) juga dipakai oleh \(other); bandingkan penilaian oleh peran yang berbeda (mandiri, inspektorat, asesor)",
                    en: "role '\(a.role.rawValue)' is also the role of \(other); compare assessments by different roles (self, inspectorate, assessor)"))
            } else {
                byRole[a.role] = a.path
            }
        }
        if !force, let first = cards.first?.assessment {
            for card in cards.dropFirst() {
                let a = card.assessment
                for (what, kata, mine, theirs) in [("unit", "unit", a.unit.id, first.unit.id), ("rubric", "rubrik", a.rubricID, first.rubricID),
                                                   ("period", "periode", a.period, first.period)] where mine != theirs {
                    problems.append(Diagnostic(.rubricMismatch, file: a.path,
                        id: "\(kata) berkas ini '\(mine)', tetapi \(first.path) memiliki '\(theirs)'; bandingkan penilaian atas satu unit, rubrik, dan periode yang sama, atau gunakan --force",
                        en: "\(what) is '\(mine)', but \(first.path) has '\(theirs)'; compare assessments of one unit, rubric and period, or pass --force"))
                }
            }
        }
        guard problems.isEmpty else { throw LoadError(problems) }

        let sides = cards.sorted { $0.assessment.role.order < $1.assessment.role.order }
        self.sides = sides
        self.indicators = Self.compareIndicators(sides)
        self.groups = Self.compareGroups(sides)
        // Kappa over the ladder indicators, on the rubric's own categories (floor … top); measured
        // values are numbers, not categories, and are compared by their mean absolute difference.
        let rubric = sides[0].rubric
        let measured = Set(rubric.indicators.filter(\.isMeasured).map(\.id))
        let categories = (rubric.scales.map(\.floor).min() ?? 0)...(rubric.scales.map(\.maximum).max() ?? 5)
        var pairs: [PairAgreement] = []
        for i in sides.indices {
            for j in sides.indices where j > i {
                let both = indicators.filter { $0.sides[i].assessed && $0.sides[j].assessed }
                let ladder = both.filter { !measured.contains($0.id) }
                let values = both.filter { measured.contains($0.id) }
                pairs.append(PairAgreement(a: sides[i].assessment.role, b: sides[j].assessment.role,
                                           agreement: Agreement(pairs: ladder.map { ($0.sides[i].level, $0.sides[j].level) },
                                                                categories: categories),
                                           measured: MeasuredAgreement(pairs: values.map { ($0.sides[i].score, $0.sides[j].score) })))
            }
        }
        self.agreements = pairs
    }

    private static func compareIndicators(_ sides: [Scorecard]) -> [IndicatorComparison] {
        let rubric = sides[0].rubric
        let totalWeight = rubric.indicators.reduce(ExactDecimal.zero) { $0 + $1.weight }
        let scores = sides.map { card in Dictionary(card.indicators.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }) }
        return rubric.indicators.map { indicator in
            let perSide = sides.enumerated().map { index, card in
                let score = scores[index][indicator.id]
                let answer = card.assessment.answer(for: indicator.id)
                let accepted = answer?.met.filter { !card.options.requireEvidence || !$0.documentIDs.isEmpty }.map(\.criterionID) ?? []
                return IndicatorSide(role: card.assessment.role, assessed: score?.assessed ?? false, claimed: score?.claimed,
                                     supported: score?.supported ?? indicator.floor, level: score?.level ?? indicator.floor,
                                     score: score?.score ?? ExactDecimal(indicator.floor),
                                     accepted: accepted, note: answer?.note ?? LocalizedText([:]))
            }
            // Criteria some side accepted and another did not, in rubric order.
            let order = indicator.levels.flatMap { $0.criteria.map(\.id) }
            let differing = order.compactMap { id -> CriterionDifference? in
                let by = perSide.filter { $0.accepted.contains(id) }.map(\.role)
                return by.isEmpty || by.count == perSide.count ? nil : CriterionDifference(criterionID: id, acceptedBy: by)
            }
            return IndicatorComparison(id: indicator.id, weight: indicator.weight, totalWeight: totalWeight,
                                       sides: perSide, criteria: differing)
        }
    }

    private static func compareGroups(_ sides: [Scorecard]) -> [GroupComparison] {
        func compare(_ kind: GroupComparison.Kind, _ select: (Scorecard) -> [GroupScore]) -> [GroupComparison] {
            select(sides[0]).map { group in
                GroupComparison(kind: kind, id: group.id, sides: sides.map { card in
                    select(card).first { $0.id == group.id }.map { GroupSide(index: $0.index, predicate: $0.predicate) }
                })
            }
        }
        return compare(.aspect, \.aspects) + compare(.domain, \.domains) + compare(.pillar, \.pillars)
            + [GroupComparison(kind: .overall, id: sides[0].rubric.id,
                               sides: sides.map { GroupSide(index: $0.index, predicate: $0.predicate) })]
    }
}

/// One side's view of an indicator.
public struct IndicatorSide: Sendable, Hashable {
    public let role: Role
    public let assessed: Bool
    public let claimed: Int?
    public let supported: Int
    /// The scored level (a measured value rounded down).
    public let level: Int
    /// What enters the index: the scored level, or a measured indicator's exact value.
    public let score: ExactDecimal
    /// Criteria that count on this side (met, and documented unless evidence is not required).
    public let accepted: [String]
    public let note: LocalizedText

    public var overclaim: Bool { (claimed ?? 0) > supported }
}

/// A criterion some sides accept and others do not.
public struct CriterionDifference: Sendable, Hashable {
    public let criterionID: String
    public let acceptedBy: [Role]
}

/// An indicator on every side.
public struct IndicatorComparison: Sendable, Hashable {
    public let id: String
    public let weight: ExactDecimal
    /// Σ of all the rubric's indicator weights, for ``indexEffect``.
    public let totalWeight: ExactDecimal
    /// In the comparison's side order.
    public let sides: [IndicatorSide]
    public let criteria: [CriterionDifference]

    /// Scored level of the last side minus the first's (assessor or inspectorate minus self).
    public var delta: Int { sides[sides.count - 1].level - sides[0].level }
    /// What the last side's score moves the overall index by against the first's:
    /// (score_last − score_first) × weight / Σ weights (exact values for measured indicators).
    public var indexEffect: Double {
        let difference = Double(sides[sides.count - 1].score.millionths - sides[0].score.millionths) / Double(ExactDecimal.scale)
        return totalWeight.millionths == 0 ? 0 : difference * Double(weight.millionths) / Double(totalWeight.millionths)
    }

    /// True when the sides differ in scored level or in the criteria they accept, or some side overclaims.
    public var needsAttention: Bool { spread > 0 || !criteria.isEmpty || sides.contains(where: \.overclaim) }

    /// Highest scored level minus lowest, over all sides.
    public var spread: Int { (sides.map(\.level).max() ?? 0) - (sides.map(\.level).min() ?? 0) }
}

/// One side's index for a group.
public struct GroupSide: Sendable, Hashable {
    public let index: IndexValue
    public let predicate: Predicate
}

/// An aspect, domain, pillar or the whole rubric on every side.
public struct GroupComparison: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case aspect, domain, pillar, overall }

    public let kind: Kind
    public let id: String
    /// Nil where a side's rubric lacks the group (only under `force` with different rubrics).
    public let sides: [GroupSide?]

    /// Last side's index minus the first's, full precision.
    public var delta: Double? {
        guard let first = sides.first ?? nil, let last = sides.last ?? nil else { return nil }
        return last.index.value - first.index.value
    }

    /// The two-decimal indices' difference, as a reader of the rounded figures sees it.
    public var deltaHundredths: Int? {
        guard let first = sides.first ?? nil, let last = sides.last ?? nil else { return nil }
        return last.index.hundredths - first.index.hundredths
    }

    /// True when the sides do not all reach the same predicate.
    public var predicateChanged: Bool {
        Set(sides.map { $0?.predicate.threshold }).count > 1
    }
}

/// Agreement between two roles.
public struct PairAgreement: Sendable, Hashable {
    public let a: Role
    public let b: Role
    /// Over the ladder indicators both assessed.
    public let agreement: Agreement
    /// Over the measured indicators both assessed.
    public let measured: MeasuredAgreement
}

/// How close two raters' measured values are: count and mean absolute difference, exactly.
public struct MeasuredAgreement: Sendable, Hashable {
    public let count: Int
    /// Σ|a − b|, in millionths.
    public let absoluteDifferenceSum: Int64

    public init(pairs: [(ExactDecimal, ExactDecimal)]) {
        count = pairs.count
        absoluteDifferenceSum = pairs.reduce(0) { $0 + abs($1.0.millionths - $1.1.millionths) }
    }

    public var meanAbsoluteDifference: Double? {
        count == 0 ? nil : Double(absoluteDifferenceSum) / Double(ExactDecimal.scale) / Double(count)
    }
}

extension Role {
    /// Self, then inspectorate, then assessor: the order in which a unit's levels are reviewed.
    var order: Int { Role.allCases.firstIndex(of: self) ?? 0 }

    /// The role in an Indonesian sentence: mandiri, inspektorat, asesor.
    public var indonesianName: String {
        switch self {
        case .self: "mandiri"
        case .inspectorate: "inspektorat"
        case .assessor: "asesor"
        }
    }
}
