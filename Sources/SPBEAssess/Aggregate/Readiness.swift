/// How ready each OPD is: what the Sekda brings to the coordination meeting.
///
/// An OPD's index is Σ(level × weight) / Σ weight over the indicators it **answered, or owns and
/// nobody answered** (those count at the floor), with the rubric's predicate. An indicator several roles
/// share (JDIH: Bagian Hukum and Diskominfo) or several OPDs play a role for (four Setda bagian)
/// is not held against the co-owner that left it to the one who answered. Every owner
/// role of the rubric that no submitted file plays is listed as an OPD that has **not
/// submitted**, with all its owned indicators at the floor.
///
/// Ranking: lowest index first, because the meeting starts with whoever is furthest behind; on
/// equal indices, OPDs that have not submitted come before those that have, then by id.
///
/// ```swift
/// let report = Readiness(rubric: rubric).assess(opdAssessments)
/// report.entries.first?.unitID   // the OPD most behind
/// ```
public struct Readiness: Sendable {
    public let rubric: Rubric
    public let options: ScoringOptions

    public init(rubric: Rubric, options: ScoringOptions = ScoringOptions()) {
        self.rubric = rubric
        self.options = options
    }

    /// `expected` is the instansi's OPD list, when known (`assess template`'s CSV): an OPD on it
    /// without a file is listed as not submitted under its own id and name, standing for its roles.
    public func assess(_ opds: [Assessment], expected: [OPDEntry] = []) -> ReadinessReport {
        let scorer = Scorer(rubric: rubric, options: options)
        var entries: [OPDReadiness] = []
        let answeredByAnyone = Set(opds.flatMap { $0.answers.map(\.indicatorID) })
        for opd in opds {
            let answered = Set(opd.answers.map(\.indicatorID))
            let scope = rubric.indicators.filter {
                answered.contains($0.id) || (owns(opd.unit.roles, $0) && !answeredByAnyone.contains($0.id))
            }
            let card = scorer.score(opd)
            let scores = card.indicators.filter { score in scope.contains { $0.id == score.id } }
            entries.append(entry(unitID: opd.unit.id, name: opd.unit.name, roles: opd.unit.roles, file: opd.path,
                                 scope: scope, scores: scores, scorer: scorer))
        }
        var played = Set(opds.flatMap(\.unit.roles))
        let submittedIDs = Set(opds.map(\.unit.id))
        for opd in expected where !submittedIDs.contains(opd.id) {
            let scope = rubric.indicators.filter { owns(opd.roles, $0) }
            entries.append(entry(unitID: opd.id, name: opd.name, roles: opd.roles, file: nil, scope: scope,
                                 scores: scope.map { scorer.score($0, nil) }, scorer: scorer))
            played.formUnion(opd.roles)
        }
        var ownerRoles: [String] = []
        for indicator in rubric.indicators {
            for role in indicator.owners where !ownerRoles.contains(role) { ownerRoles.append(role) }
        }
        for role in ownerRoles where !played.contains(role) {
            let scope = rubric.indicators.filter { $0.owners.contains(role) }
            let scores = scope.map { scorer.score($0, nil) }
            entries.append(entry(unitID: role, name: nil, roles: [role], file: nil, scope: scope, scores: scores, scorer: scorer))
        }
        entries.sort { a, b in
            // By value: 0/8.55 and 0/28.4 are equal indices, though not equal fractions.
            if a.index < b.index { return true }
            if b.index < a.index { return false }
            if a.submitted != b.submitted { return !a.submitted }
            return a.unitID < b.unitID
        }
        return ReadinessReport(rubric: rubric, entries: entries)
    }

    func owns(_ roles: [String], _ indicator: Indicator) -> Bool {
        indicator.owners.contains { roles.contains($0) }
    }

    private func entry(unitID: String, name: String?, roles: [String], file: String?, scope: [Indicator],
                       scores: [IndicatorScore], scorer: Scorer) -> OPDReadiness {
        let levels = Dictionary(uniqueKeysWithValues: scores.map { ($0.id, $0.score) })
        let index = scorer.index(scope, levels)
        return OPDReadiness(unitID: unitID, name: name, roles: roles, file: file, index: index,
                            predicate: rubric.predicate(for: index),
                            owned: scope.filter { owns(roles, $0) }.map(\.id),
                            indicators: scores.map { score in
                                OPDReadiness.Item(score: score, owned: rubric.indicator(score.id).map { owns(roles, $0) } ?? false)
                            })
    }
}

/// The readiness of every OPD, ranked (lowest index first).
public struct ReadinessReport: Sendable {
    public let rubric: Rubric
    public let entries: [OPDReadiness]

    public var missing: [OPDReadiness] { entries.filter { !$0.submitted } }
}

/// One OPD's (or one missing owner role's) readiness.
public struct OPDReadiness: Sendable, Hashable {
    /// The unit id, or for an OPD that has not submitted, the owner role.
    public let unitID: String
    /// Nil for an owner role with no file and no entry in the OPD list.
    public let name: String?
    public let roles: [String]
    /// The evidence file; nil when the OPD has not submitted.
    public let file: String?
    public let index: IndexValue
    public let predicate: Predicate
    /// Indicators the OPD owns (by its roles), in rubric order.
    public let owned: [String]
    /// The indicators the index is over (owned or answered), in rubric order.
    public let indicators: [Item]

    public struct Item: Sendable, Hashable {
        public let score: IndicatorScore
        /// False for an answer to an indicator the rubric gives to other roles.
        public let owned: Bool
    }

    public var submitted: Bool { file != nil }
    public var overclaims: [IndicatorScore] { indicators.map(\.score).filter(\.overclaim) }
    /// Owned indicators with no answer.
    public var unanswered: [String] { indicators.filter { !$0.score.assessed }.map(\.score.id) }
    /// Answered indicators the OPD does not own.
    public var answeredNotOwned: [String] { indicators.filter { !$0.owned }.map(\.score.id) }
}
