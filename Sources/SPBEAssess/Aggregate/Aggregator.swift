/// Combines the OPD files of one instansi into the instansi's assessment, indicator by indicator.
///
/// For each indicator, the OPDs that answered it contribute their **supported** level (criteria
/// with documents, SPEC §1); the indicator's rule (``Indicator/aggregation``, the rubric's
/// default `min` when it names none) combines them into the instansi level L, and the claims
/// (where any OPD claimed) combine with the same rule. The result is an ordinary ``Assessment``
/// whose supported level for the indicator is exactly L: for every criterion of levels 1…L it
/// carries one `met` citing the documents of every contributing OPD that reached that level
/// (there is always one, as L never exceeds the highest contributing level). Of level L+1 it
/// carries the criteria every contributing OPD meets (never all of them); higher criteria are left
/// out, because OPDs' partial steps do not add up to a step of the instansi. Documents keep
/// their OPD: `diskominfo.perbup-arsitektur`.
///
/// ```swift
/// let result = try Aggregator(rubric: rubric).aggregate(opdAssessments, name: "Pemerintah Kabupaten Ketapang")
/// let text = EvidenceWriter.write(result.assessment)
/// ```
public struct Aggregator: Sendable {
    public let rubric: Rubric
    /// One rule for every indicator, instead of each indicator's own (what-if analysis).
    public let ruleOverride: Aggregation?

    public init(rubric: Rubric, ruleOverride: Aggregation? = nil) {
        self.rubric = rubric
        self.ruleOverride = ruleOverride
    }

    /// The instansi assessment built from `opds`, which must share instansi, rubric, period and
    /// role and hold one file per OPD (no instansi-kind file). Throws every problem found.
    public func aggregate(_ opds: [Assessment], name: String? = nil,
                          path: String = "aggregate.xml") throws(LoadError) -> AggregateResult {
        try Self.checkCompatible(opds, rubric: rubric)
        let instansi = opds[0].unit.instansi ?? ""
        let scorer = Scorer(rubric: rubric)
        var answers: [Answer] = []
        var indicators: [AggregatedIndicator] = []
        for indicator in rubric.indicators {
            let answered = opds.compactMap { opd in opd.answer(for: indicator.id).map { (opd, $0) } }
            guard !answered.isEmpty else { continue }
            let rule = ruleOverride ?? indicator.aggregation
            let contributions = answered.map { opd, answer in
                let score = scorer.score(indicator, answer)
                return Contribution(unitID: opd.unit.id, supported: score.supported, measured: score.measured,
                                    claimed: answer.claimed, owner: owns(opd.unit, indicator))
            }
            if indicator.isMeasured {
                // Values combine as numbers; only documented ones count, as in scoring.
                let counted = zip(contributions, answered).filter { $0.0.measured != nil }
                let value = rule.combine(counted.compactMap(\.0.measured))
                let documents = counted.flatMap { _, pair in
                    pair.1.valueDocumentIDs.map { DocumentIdentifier.qualified(unit: pair.0.unit.id, document: $0) }
                }
                answers.append(Answer(indicatorID: indicator.id, claimed: nil, met: [], value: value,
                                      valueDocumentIDs: value == nil ? [] : documents,
                                      note: note(rule: rule, contributions, answered.map(\.1))))
                indicators.append(AggregatedIndicator(indicatorID: indicator.id, rule: rule,
                                                      level: value.map { Int($0.millionths / ExactDecimal.scale) } ?? indicator.floor,
                                                      measured: value, claimed: nil, contributions: contributions))
                continue
            }
            let level = max(indicator.floor, rule.combine(contributions.map(\.supported)))
            let claims = contributions.compactMap(\.claimed)
            let claimed = claims.isEmpty ? nil : rule.combine(claims)

            var met: [MetCriterion] = []
            // Levels at or below the floor need no proof, so nothing of theirs is carried.
            for value in stride(from: indicator.floor + 1, through: level, by: 1) {
                for criterion in indicator.criteria(ofLevel: value) {
                    var documents: [String] = []
                    for (contribution, (opd, answer)) in zip(contributions, answered) where contribution.supported >= value {
                        let cited = answer.met.first { $0.criterionID == criterion.id }?.documentIDs ?? []
                        documents += cited.map { DocumentIdentifier.qualified(unit: opd.unit.id, document: $0) }
                    }
                    met.append(MetCriterion(criterionID: criterion.id, documentIDs: documents))
                }
            }
            // The next level's criteria that every contributing OPD meets with a document are
            // carried too, so `missingForNext` stays informative, unless they would complete that
            // level (possible under mean or median, where L may lie below a lower OPD's gap).
            let next = indicator.criteria(ofLevel: level + 1)
            let common = next.filter { criterion in
                answered.allSatisfy { _, answer in
                    answer.met.contains { $0.criterionID == criterion.id && !$0.documentIDs.isEmpty }
                }
            }
            if common.count < next.count {
                for criterion in common {
                    let documents = answered.flatMap { opd, answer in
                        (answer.met.first { $0.criterionID == criterion.id }?.documentIDs ?? [])
                            .map { DocumentIdentifier.qualified(unit: opd.unit.id, document: $0) }
                    }
                    met.append(MetCriterion(criterionID: criterion.id, documentIDs: documents))
                }
            }
            answers.append(Answer(indicatorID: indicator.id, claimed: claimed, met: met,
                                  note: note(rule: rule, contributions, answered.map(\.1))))
            indicators.append(AggregatedIndicator(indicatorID: indicator.id, rule: rule, level: level,
                                                  measured: nil, claimed: claimed, contributions: contributions))
        }

        var documents: [Document] = []
        for opd in opds {
            for document in opd.documents {
                documents.append(Document(id: DocumentIdentifier.qualified(unit: opd.unit.id, document: document.id),
                                          title: document.title, date: document.date, href: document.href,
                                          sha256: document.sha256))
            }
        }
        let unit = Unit(id: instansi, name: name ?? instansi, kind: .instansi, instansi: nil, roles: [instansi])
        let assessment = Assessment(path: path, rubricID: opds[0].rubricID, period: opds[0].period, role: opds[0].role,
                                    unit: unit, answers: answers, documents: documents, warnings: [])
        return AggregateResult(assessment: assessment, indicators: indicators, sources: opds.map(\.path),
                               warnings: ownershipWarnings(opds))
    }

    /// True when the unit plays one of the indicator's owner roles, or the indicator names none.
    public func owns(_ unit: Unit, _ indicator: Indicator) -> Bool {
        indicator.owners.isEmpty || indicator.owners.contains { unit.roles.contains($0) }
    }

    /// One warning per answer to an indicator the OPD does not own. Such answers still count:
    /// evidence is evidence whoever files it, and dropping it silently would lower the index
    /// for a bookkeeping reason; the warning lets the Sekda fix the unit's `roles` or the rubric.
    func ownershipWarnings(_ opds: [Assessment]) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for opd in opds {
            for answer in opd.answers {
                guard let indicator = rubric.indicator(answer.indicatorID), !owns(opd.unit, indicator) else { continue }
                let location = opd.locations.answers[answer.indicatorID]
                warnings.append(Diagnostic(.answerNotOwned, file: opd.path, line: location?.line, column: location?.column,
                    "\(opd.unit.id) answers \(indicator.id), which rubric \(rubric.id) gives to \(indicator.owners.joined(separator: ", ")) (this unit's roles: \(opd.unit.roles.joined(separator: " "))); the answer is still counted — add the role to <unit roles=\"…\"> if this OPD does own it",
                    severity: .warning))
            }
        }
        return warnings
    }

    /// Names the rule and every OPD's levels, then each OPD's own note.
    func note(rule: Aggregation, _ contributions: [Contribution], _ answers: [Answer]) -> LocalizedText {
        func summary(_ language: Language) -> String {
            let parts = contributions.map { c in
                let claim = c.claimed.map { language == .en ? "claimed \($0)" : "klaim \($0)" }
                    ?? (language == .en ? "no claim" : "tanpa klaim")
                if let value = c.measured { return "\(c.unitID) \(language == .en ? "value" : "nilai") \(value)" }
                return "\(c.unitID) level \(c.supported) (\(claim))"
            }
            let head = language == .en
                ? "Aggregated with rule \(rule.rawValue) from \(contributions.count) OPD\(contributions.count == 1 ? "" : "s"): "
                : "Agregasi aturan \(rule.rawValue) dari \(contributions.count) OPD: "
            var text = head + parts.joined(separator: "; ") + "."
            for (contribution, answer) in zip(contributions, answers) where !answer.note.isEmpty {
                text += " [\(contribution.unitID)] " + answer.note.text(in: language)
            }
            return text
        }
        return LocalizedText(id: summary(.id), en: summary(.en))
    }

    /// Every reason the files cannot be combined: none at all, an instansi-kind file, an OPD file
    /// without `instansi`, a second file for the same OPD, or a different instansi, rubric,
    /// period or role than the first file.
    static func checkCompatible(_ opds: [Assessment], rubric: Rubric) throws(LoadError) {
        guard let first = opds.first else {
            throw LoadError([Diagnostic(.emptyDirectory, file: "aggregate", "no OPD evidence files to aggregate")])
        }
        var problems: [Diagnostic] = []
        var seen: [String: String] = [:]
        for opd in opds {
            if opd.unit.kind == .instansi {
                problems.append(Diagnostic(.notAnOPD, file: opd.path,
                    "this is an instansi file (unit \(opd.unit.id), kind=\"instansi\"); aggregate combines OPD files only — leave it out of the inputs"))
                continue
            }
            if opd.unit.instansi == nil {
                problems.append(Diagnostic(.mixedInputs, file: opd.path,
                    "unit \(opd.unit.id) names no instansi; add instansi=\"…\" to <unit> so the file can be aggregated"))
            }
            if let other = seen[opd.unit.id] {
                problems.append(Diagnostic(.duplicateUnit, file: opd.path, other == opd.path
                    ? "this file is given twice; give each OPD one file"
                    : "OPD '\(opd.unit.id)' is also in \(other); give each OPD one file"))
            } else {
                seen[opd.unit.id] = opd.path
            }
        }
        // Each property's expected value is the one most files share (the earliest on a tie), so
        // one stray file is named rather than all the others.
        let properties: [(String, (Assessment) -> String?)] = [
            ("instansi", { $0.unit.kind == .instansi ? nil : $0.unit.instansi }),
            ("rubric", { $0.rubricID }), ("period", { $0.period }), ("role", { $0.role.rawValue }),
        ]
        for (name, value) in properties {
            let values = opds.compactMap(value)
            let counts = Dictionary(values.map { ($0, 1) }, uniquingKeysWith: +)
            guard counts.count > 1,
                  let expected = values.first(where: { counts[$0] == counts.values.max() }),
                  let example = opds.first(where: { value($0) == expected })
            else { continue }
            for opd in opds {
                guard let found = value(opd), found != expected else { continue }
                let others = counts[expected] ?? 0
                problems.append(Diagnostic(.mixedInputs, file: opd.path,
                    "\(name) is '\(found)', but \(others == 1 ? "\(example.path) has" : "\(others) files (e.g. \(example.path)) have") '\(expected)'; aggregate files of one instansi, rubric, period and role at a time"))
            }
        }
        if rubric.id != first.rubricID && problems.isEmpty {
            problems.append(Diagnostic(.rubricMismatch, file: first.path,
                "this evidence is for rubric '\(first.rubricID)', but rubric '\(rubric.id)' was given"))
        }
        guard problems.isEmpty else { throw LoadError(problems) }
    }
}

/// What ``Aggregator/aggregate(_:name:path:)`` produced.
public struct AggregateResult: Sendable {
    /// The instansi assessment (unit kind `instansi`, id = the instansi id), ready to write.
    public let assessment: Assessment
    /// One per indicator that at least one OPD answered, in rubric order.
    public let indicators: [AggregatedIndicator]
    /// The OPD files, in input order.
    public let sources: [String]
    /// Answers to indicators the OPD does not own (counted all the same).
    public let warnings: [Diagnostic]
}

/// How one indicator's instansi level came about.
public struct AggregatedIndicator: Sendable, Hashable {
    public let indicatorID: String
    public let rule: Aggregation
    /// The combined supported level (a measured value rounded down).
    public let level: Int
    /// The combined value of a measured indicator; nil for a ladder one, or when no OPD gave one.
    public let measured: ExactDecimal?
    /// The combined claim; nil when no OPD claimed.
    public let claimed: Int?
    /// In input order.
    public let contributions: [Contribution]
}

/// One OPD's part in an aggregated indicator.
public struct Contribution: Sendable, Hashable {
    public let unitID: String
    public let supported: Int
    /// The OPD's documented value of a measured indicator.
    public let measured: ExactDecimal?
    public let claimed: Int?
    /// False when the OPD answered an indicator the rubric gives to other roles.
    public let owner: Bool
}
