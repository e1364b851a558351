/// Combines the OPD files of one instansi into the instansi's assessment, indicator by indicator.
///
/// For each indicator, the parties of ``Responsibility`` contribute their **supported** level
/// (criteria with documents, SPEC §1): under the default rule `responsible` the responsible OPD
/// alone; under `min`, `median`, `mean` and `max` also the indicator's other owner roles, each at
/// the floor when no submitted OPD plays it. Other answers are contributions, shown but not
/// counted. The indicator's rule (``Indicator/aggregation``, the rubric's default when it names
/// none) combines the parties' levels into the instansi level L, and their claims likewise. The result is an ordinary ``Assessment``
/// whose supported level for the indicator is exactly L: for every criterion of levels 1…L it
/// carries one `met` citing the documents of every counted answer that reached that level. Of level L+1 it
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

    /// Who answers for the instansi on each indicator.
    public let responsibility: Responsibility

    public init(rubric: Rubric, ruleOverride: Aggregation? = nil, responsibility: Responsibility = Responsibility()) {
        self.rubric = rubric
        self.ruleOverride = ruleOverride
        self.responsibility = responsibility
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
        var notSubmitted: [NotSubmitted] = []
        for indicator in rubric.indicators {
            let rule = ruleOverride ?? indicator.aggregation
            var parties = responsibility.parties(for: indicator, rule: rule)
            if !opds.contains(where: { parties[0].includes($0.unit) }) {
                notSubmitted.append(NotSubmitted(indicatorID: indicator.id, party: parties[0]))
            }
            let answered = opds.compactMap { opd in opd.answer(for: indicator.id).map { (opd, $0) } }
            guard !answered.isEmpty else { continue }
            // No owners and no assignment: under min, median, mean and max every answering OPD
            // is a party, as when nobody is responsible (removing a file may then raise the level).
            if parties == [.anyOPD] && rule != .responsible {
                parties = answered.map { .opd($0.0.unit.id) }
            }
            let scores = answered.map { scorer.score(indicator, $0.1) }
            // Each party's answer is its best-supported player's (ties: the lower unit id), so the
            // result never depends on input order and removing a file never raises it.
            let chosen: [Int?] = parties.map { party in
                answered.indices.filter { party.includes(answered[$0].0.unit) }.max { a, b in
                    let sa = scores[a].measured ?? ExactDecimal(scores[a].supported)
                    let sb = scores[b].measured ?? ExactDecimal(scores[b].supported)
                    if sa != sb { return sa < sb }
                    return answered[a].0.unit.id > answered[b].0.unit.id
                }
            }
            let counted = Set(chosen.compactMap { $0 })
            let contributions = answered.indices.map { i in
                Contribution(unitID: answered[i].0.unit.id, supported: scores[i].supported, measured: scores[i].measured,
                             claimed: answered[i].1.claimed, owner: owns(answered[i].0.unit, indicator),
                             counted: counted.contains(i), responsible: chosen[0] == i)
            }
            let sources = answered.indices.filter(counted.contains).map { answered[$0] }
            if indicator.isMeasured {
                // Values combine as numbers; only documented ones count, as in scoring. A party
                // without one stands at the floor.
                let values = chosen.map { $0.flatMap { scores[$0].measured } }
                let value = values.allSatisfy({ $0 == nil }) ? nil
                    : rule.combine(values.map { $0 ?? ExactDecimal(indicator.floor) })
                let documents = sources.flatMap { opd, answer in
                    answer.valueDocumentIDs.map { DocumentIdentifier.qualified(unit: opd.unit.id, document: $0) }
                }
                answers.append(Answer(indicatorID: indicator.id, claimed: nil, met: [], value: value,
                                      valueDocumentIDs: value == nil ? [] : documents,
                                      note: note(rule: rule, contributions, answered.map(\.1))))
                indicators.append(AggregatedIndicator(indicatorID: indicator.id, rule: rule,
                                                      level: value.map { Int($0.millionths / ExactDecimal.scale) } ?? indicator.floor,
                                                      measured: value, claimed: nil, contributions: contributions,
                                                      responsible: parties[0]))
                continue
            }
            let partyLevels = chosen.map { $0.map { scores[$0].supported } ?? indicator.floor }
            let level = max(indicator.floor, rule.combine(partyLevels))
            let claims = chosen.compactMap { $0.flatMap { answered[$0].1.claimed } }
            let claimed = claims.isEmpty ? nil : rule.combine(claims)

            var met: [MetCriterion] = []
            // Levels at or below the floor need no proof, so nothing of theirs is carried.
            for value in stride(from: indicator.floor + 1, through: level, by: 1) {
                for criterion in indicator.criteria(ofLevel: value) {
                    var documents: [String] = []
                    for (opd, answer) in sources where scorer.score(indicator, answer).supported >= value {
                        let cited = answer.met.first { $0.criterionID == criterion.id }?.documentIDs ?? []
                        documents += cited.map { DocumentIdentifier.qualified(unit: opd.unit.id, document: $0) }
                    }
                    met.append(MetCriterion(criterionID: criterion.id, documentIDs: documents))
                }
            }
            // The next level's criteria that every counted answer meets with a document are
            // carried too, so `missingForNext` stays informative, unless they would complete that
            // level (possible under mean or median, where L may lie below a lower party's gap).
            let next = indicator.criteria(ofLevel: level + 1)
            let common = next.filter { criterion in
                !sources.isEmpty && sources.allSatisfy { _, answer in
                    answer.met.contains { $0.criterionID == criterion.id && !$0.documentIDs.isEmpty }
                }
            }
            if common.count < next.count {
                for criterion in common {
                    let documents = sources.flatMap { opd, answer in
                        (answer.met.first { $0.criterionID == criterion.id }?.documentIDs ?? [])
                            .map { DocumentIdentifier.qualified(unit: opd.unit.id, document: $0) }
                    }
                    met.append(MetCriterion(criterionID: criterion.id, documentIDs: documents))
                }
            }
            answers.append(Answer(indicatorID: indicator.id, claimed: claimed, met: met,
                                  note: note(rule: rule, contributions, answered.map(\.1))))
            indicators.append(AggregatedIndicator(indicatorID: indicator.id, rule: rule, level: level,
                                                  measured: nil, claimed: claimed, contributions: contributions,
                                                  responsible: parties[0]))
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
                               warnings: ownershipWarnings(opds), notSubmitted: notSubmitted)
    }

    /// True when the unit plays one of the indicator's owner roles, or the indicator names none.
    public func owns(_ unit: Unit, _ indicator: Indicator) -> Bool {
        indicator.owners.isEmpty || indicator.owners.contains { unit.roles.contains($0) }
            || responsibility.assigned[indicator.id] == unit.id
    }

    /// One warning per answer to an indicator the OPD does not own. Such an answer is shown as a
    /// contribution but does not count: the responsible OPD (or the owners, under the other rules)
    /// answers for the instansi; the warning lets the Sekda fix the unit's `roles` or the rubric.
    func ownershipWarnings(_ opds: [Assessment]) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for opd in opds {
            for (index, answer) in opd.answers.enumerated() {
                guard let indicator = rubric.indicator(answer.indicatorID), !owns(opd.unit, indicator) else { continue }
                let location = opd.location(ofAnswer: index)
                warnings.append(Diagnostic(.answerNotOwned, file: opd.path, line: location.line, column: location.column,
                    id: "\(opd.unit.id) menjawab \(indicator.id), yang oleh rubrik \(rubric.id) diberikan kepada \(indicator.owners.joined(separator: ", ")) (peran unit ini: \(opd.unit.roles.joined(separator: " "))); jawaban ditampilkan sebagai kontribusi tetapi tidak dihitung — tambahkan peran pada <unit roles=\"…\"> atau tetapkan OPD ini sebagai penanggung jawab",
                    en: "\(opd.unit.id) answers \(indicator.id), which rubric \(rubric.id) gives to \(indicator.owners.joined(separator: ", ")) (this unit's roles: \(opd.unit.roles.joined(separator: " "))); the answer is shown as a contribution but not counted — add the role to <unit roles=\"…\"> or make this OPD the responsible one",
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
            throw LoadError([Diagnostic(.emptyDirectory, file: "aggregate",
                                        id: "tidak ada berkas bukti dukung OPD untuk diagregasi",
                                        en: "no OPD evidence files to aggregate")])
        }
        var problems: [Diagnostic] = []
        var seen: [String: String] = [:]
        for opd in opds {
            if opd.unit.kind == .instansi {
                problems.append(Diagnostic(.notAnOPD, file: opd.path,
                    id: "ini berkas instansi (unit \(opd.unit.id), kind=\"instansi\"); agregasi hanya menggabungkan berkas OPD — keluarkan berkas ini dari masukan",
                    en: "this is an instansi file (unit \(opd.unit.id), kind=\"instansi\"); aggregate combines OPD files only — leave it out of the inputs"))
                continue
            }
            if opd.unit.instansi == nil {
                problems.append(Diagnostic(.mixedInputs, file: opd.path,
                    id: "unit \(opd.unit.id) tidak menyebutkan instansi; tambahkan instansi=\"…\" pada <unit> agar berkas dapat diagregasi",
                    en: "unit \(opd.unit.id) names no instansi; add instansi=\"…\" to <unit> so the file can be aggregated"))
            }
            if let other = seen[opd.unit.id] {
                problems.append(other == opd.path
                    ? Diagnostic(.duplicateUnit, file: opd.path,
                                 id: "berkas ini diberikan dua kali; berikan satu berkas untuk setiap OPD",
                                 en: "this file is given twice; give each OPD one file")
                    : Diagnostic(.duplicateUnit, file: opd.path,
                                 id: "OPD '\(opd.unit.id)' juga ada di \(other); berikan satu berkas untuk setiap OPD",
                                 en: "OPD '\(opd.unit.id)' is also in \(other); give each OPD one file"))
            } else {
                seen[opd.unit.id] = opd.path
            }
        }
        // Each property's expected value is the one most files share (the earliest on a tie), so
        // one stray file is named rather than all the others. A role is compared by its id but an
        // Indonesian sentence names it in Indonesian (mandiri, inspektorat, asesor).
        let properties: [(String, String, (Assessment) -> String?, (String) -> String)] = [
            ("instansi", "instansi", { $0.unit.kind == .instansi ? nil : $0.unit.instansi }, { $0 }),
            ("rubric", "rubrik", { $0.rubricID }, { $0 }), ("period", "periode", { $0.period }, { $0 }),
            ("role", "peran", { $0.role.rawValue }, { Role(rawValue: $0)?.indonesianName ?? $0 }),
        ]
        for (name, kata, value, indonesian) in properties {
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
                    id: "\(kata) berkas ini '\(indonesian(found))', sedangkan pada \(others == 1 ? example.path : "\(others) berkas (mis. \(example.path))") '\(indonesian(expected))'; setiap agregasi hanya untuk berkas dengan instansi, rubrik, periode, dan peran yang sama",
                    en: "\(name) is '\(found)', but \(others == 1 ? "\(example.path) has" : "\(others) files (e.g. \(example.path)) have") '\(expected)'; aggregate files of one instansi, rubric, period and role at a time"))
            }
        }
        if rubric.id != first.rubricID && problems.isEmpty {
            problems.append(Diagnostic(.rubricMismatch, file: first.path,
                id: "bukti dukung ini untuk rubrik '\(first.rubricID)', tetapi yang diberikan rubrik '\(rubric.id)'",
                en: "this evidence is for rubric '\(first.rubricID)', but rubric '\(rubric.id)' was given"))
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
    /// Answers to indicators the OPD does not own (shown, not counted).
    public let warnings: [Diagnostic]
    /// Indicators whose responsible OPD (or role) has no file: at the floor, "belum menyerahkan".
    public let notSubmitted: [NotSubmitted]
}

/// An indicator at the floor because its responsible party did not submit.
public struct NotSubmitted: Sendable, Hashable {
    public let indicatorID: String
    public let party: Responsibility.Party
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
    /// Who answers for the instansi on this indicator.
    public let responsible: Responsibility.Party
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
    /// True when this answer entered the rule (its party's best answer); false for one shown beside it.
    public let counted: Bool
    /// True when this is the responsible party's answer.
    public let responsible: Bool
}
