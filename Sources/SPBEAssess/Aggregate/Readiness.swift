/// How ready each OPD is: what the Sekda brings to the coordination meeting.
///
/// An OPD's index is its own result (``OPDResult``, "capaian OPD"): Σ(level × weight) / Σ weight
/// over the indicators it is **responsible for** (``Responsibility/scope(of:answered:rubric:)``),
/// with the rubric's predicate. An indicator several OPDs play a role for (four Setda bagian) is
/// not held against the one that left it to the one who answered. Every responsible role that no
/// submitted file or listed OPD plays is listed as **not submitted**, with its indicators at the floor.
///
/// Ranking: lowest index first, because the meeting starts with whoever is furthest behind; on
/// equal indices, OPDs that have not submitted come before those that have, then by id. An OPD
/// responsible for no indicator (it only contributes) has no number and comes last.
///
/// ```swift
/// let report = Readiness(rubric: rubric).assess(opdAssessments)
/// report.entries.first?.unitID   // the OPD most behind
/// ```
public struct Readiness: Sendable {
    public let rubric: Rubric
    public let options: ScoringOptions
    public let responsibility: Responsibility

    public init(rubric: Rubric, options: ScoringOptions = ScoringOptions(), responsibility: Responsibility = Responsibility()) {
        self.rubric = rubric
        self.options = options
        self.responsibility = responsibility
    }

    /// `expected` is the instansi's OPD list, when known (`assess template`'s CSV): an OPD on it
    /// without a file is listed as not submitted under its own id and name, standing for its roles.
    public func assess(_ opds: [Assessment], expected: [OPDEntry] = []) -> ReadinessReport {
        let scorer = Scorer(rubric: rubric, options: options)
        var entries: [OPDReadiness] = []
        for opd in opds {
            let card = scorer.score(opd)
            let answered = Set(card.indicators.filter(\.assessed).map(\.id))
            let scope = responsibility.scope(of: opd.unit, answered: answered, rubric: rubric)
            entries.append(entry(unitID: opd.unit.id, name: opd.unit.name, roles: opd.unit.roles, file: opd.path,
                                 scope: scope, scores: card.indicators, scorer: scorer))
        }
        var played = Set(opds.flatMap(\.unit.roles))
        let playedBySubmitted = played
        let submitted = opds.map(\.unit)
        for opd in expected where !submitted.contains(where: { $0.id == opd.id }) {
            // A listed OPD without a file stands for its roles that no submitted file plays, and
            // for what is assigned to it by name: all at the floor.
            let scope = rubric.indicators.filter { indicator in
                switch responsibility.party(for: indicator) {
                case .opd(let id): id == opd.id
                case .role(let role): opd.roles.contains(role) && !playedBySubmitted.contains(role)
                case .anyOPD: false
                }
            }
            entries.append(entry(unitID: opd.id, name: opd.name, roles: opd.roles, file: nil, scope: scope,
                                 scores: [], scorer: scorer))
            played.formUnion(opd.roles)
        }
        // Responsible roles that no file or listed OPD plays: not submitted, standing for the role.
        var roles: [String] = []
        for indicator in rubric.indicators {
            if case .role(let role) = responsibility.party(for: indicator), !played.contains(role), !roles.contains(role) {
                roles.append(role)
            }
        }
        for role in roles {
            let scope = rubric.indicators.filter { responsibility.party(for: $0) == .role(role) }
            entries.append(entry(unitID: role, name: nil, roles: [role], file: nil, scope: scope, scores: [], scorer: scorer))
        }
        // An OPD assigned indicators that has no file and is on no list: not submitted too.
        let known = Set(entries.map(\.unitID))
        for id in Set(responsibility.assigned.values).sorted() where !known.contains(id) {
            let scope = rubric.indicators.filter { responsibility.party(for: $0) == .opd(id) }
            entries.append(entry(unitID: id, name: nil, roles: [], file: nil, scope: scope, scores: [], scorer: scorer))
        }
        entries.sort { a, b in
            // An OPD responsible for nothing has no number of its own: after every other.
            if a.indicators.isEmpty != b.indicators.isEmpty { return b.indicators.isEmpty }
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

    /// The entry over `scope` (the OPD's own result, ``OPDResult``); `scores` are the OPD's
    /// (empty for one without a file: every indicator at the floor).
    private func entry(unitID: String, name: String?, roles: [String], file: String?, scope: [Indicator],
                       scores: [IndicatorScore], scorer: Scorer) -> OPDReadiness {
        let result = OPDResult(unitID: unitID, scope: scope, scores: scores, scorer: scorer)
        let byID = Dictionary(scores.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return OPDReadiness(unitID: unitID, name: name, roles: roles, file: file, index: result.index,
                            predicate: result.predicate,
                            owned: scope.filter { owns(roles, $0) }.map(\.id),
                            indicators: scope.map { indicator in
                                OPDReadiness.Item(score: byID[indicator.id] ?? scorer.score(indicator, nil), owned: owns(roles, indicator))
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
