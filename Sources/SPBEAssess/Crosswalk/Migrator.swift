/// Carries an assessment made under one rubric over to another through a ``Crosswalk``.
///
/// For each target indicator with sources:
/// 1. each source's **supported** level is read from the evidence (criteria met with a document;
///    an unanswered source counts 0);
/// 2. the mapping's rule (and cap) gives the **starting level** L;
/// 3. every target criterion of levels 1…L is carried, except those the crosswalk asks the user
///    to answer; a level-k criterion cites the documents behind the sources' met level-k criteria
///    (some source always has level k when k ≤ L under min, max or a mean rounded down);
/// 4. each criterion mapping whose source criteria are all met with documents carries its target
///    criterion too, with their documents, whatever L is.
///
/// Carried answers have no `claimed` (the unit has not claimed anything under the new rubric yet)
/// and a note in each language naming the sources and their levels. Targets with no source are
/// left unanswered: they are the unit's to-do list.
///
/// ```swift
/// let migration = try Migrator(crosswalk: crosswalk, source: spbe, target: pemdi).migrate(assessment)
/// print(EvidenceWriter.write(migration.assessment))
/// ```
public struct Migrator: Sendable {
    public let crosswalk: Crosswalk
    public let source: Rubric
    public let target: Rubric

    public init(crosswalk: Crosswalk, source: Rubric, target: Rubric) {
        self.crosswalk = crosswalk
        self.source = source
        self.target = target
    }

    /// `period` replaces the assessment's period in the result when given.
    public func migrate(_ assessment: Assessment, period: String? = nil, path: String = "") throws(LoadError) -> Migration {
        if assessment.rubricID == target.id {
            throw LoadError([Diagnostic(.sameRubric, file: assessment.path,
                id: "bukti dukung ini sudah memakai rubrik \(target.id); tidak ada yang perlu dimigrasikan",
                en: "this evidence already uses rubric \(target.id); there is nothing to migrate")])
        }
        guard assessment.rubricID == source.id, crosswalk.sourceRubricID == source.id, crosswalk.targetRubricID == target.id else {
            throw LoadError([Diagnostic(.rubricMismatch, file: assessment.path,
                id: "bukti dukung ini untuk rubrik \(assessment.rubricID), tetapi crosswalk \(crosswalk.path) memetakan \(crosswalk.sourceRubricID) ke \(crosswalk.targetRubricID)",
                en: "this evidence is for rubric \(assessment.rubricID), but crosswalk \(crosswalk.path) maps \(crosswalk.sourceRubricID) to \(crosswalk.targetRubricID)")])
        }
        let scorer = Scorer(rubric: source)
        let answers = Dictionary(assessment.answers.map { ($0.indicatorID, $0) }, uniquingKeysWith: { a, _ in a })
        var levels: [String: Int] = [:]
        for indicator in source.indicators {
            levels[indicator.id] = scorer.score(indicator, answers[indicator.id]).supported
        }
        /// Criteria met with at least one document, with those documents.
        var documented: [String: [String]] = [:]
        for answer in assessment.answers {
            for met in answer.met where !met.documentIDs.isEmpty { documented[met.criterionID] = Array(met.documentIDs) }
        }

        var results: [MigratedIndicator] = []
        var newAnswers: [Answer] = []
        var cited: Set<String> = []
        for indicator in target.indicators {
            // A measured indicator's value comes from its survey or partner agency, never from old
            // criteria; it starts at the floor and waits on the to-do list like one with no source.
            guard let mapping = crosswalk.mapping(for: indicator.id), !mapping.sources.isEmpty, !indicator.isMeasured else {
                results.append(MigratedIndicator(target: indicator.id, sources: [], rule: nil, cap: nil,
                                                 startingLevel: indicator.floor, carried: [],
                                                 open: indicator.ladder.flatMap(\.criteria).map(\.id)))
                continue
            }
            let sourceLevels = mapping.sources.map { SourceLevel(indicator: $0, level: levels[$0] ?? 0) }
            var start = mapping.rule.apply(sourceLevels.map { ($0.level, source.indicator($0.indicator)?.weight ?? .zero) })
            if let cap = mapping.cap { start = Swift.min(start, cap) }
            start = Swift.max(start, indicator.floor)

            var met: [MetCriterion] = []
            let explicit = Dictionary(mapping.criteria.map { ($0.target, $0.sources) }, uniquingKeysWith: { a, _ in a })
            for level in indicator.ladder {
                for criterion in level.criteria where !mapping.ask.contains(criterion.id) {
                    var documents: [String] = []
                    // A criterion with its own mapping cites only what proves it, never the level's documents.
                    if level.value <= start, explicit[criterion.id] == nil {
                        for sourceID in mapping.sources {
                            for sourceCriterion in source.indicator(sourceID)?.criteria(ofLevel: level.value) ?? [] {
                                documents += documented[sourceCriterion.id] ?? []
                            }
                        }
                    }
                    if let sources = explicit[criterion.id], sources.allSatisfy({ documented[$0] != nil }) {
                        documents += sources.flatMap { documented[$0] ?? [] }
                    }
                    let unique = documents.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
                    if !unique.isEmpty { met.append(MetCriterion(criterionID: criterion.id, documentIDs: unique)) }
                }
            }
            cited.formUnion(met.flatMap(\.documentIDs))
            let carried = met.map(\.criterionID)
            let result = MigratedIndicator(target: indicator.id, sources: sourceLevels, rule: mapping.rule, cap: mapping.cap,
                                           startingLevel: start, carried: carried,
                                           open: indicator.ladder.flatMap(\.criteria).map(\.id).filter { !carried.contains($0) })
            results.append(result)
            newAnswers.append(Answer(indicatorID: indicator.id, claimed: nil, met: met,
                                     note: note(result, answers: answers)))
        }
        let migrated = Assessment(path: path, rubricID: target.id, period: period ?? assessment.period,
                                  role: assessment.role, unit: assessment.unit, answers: newAnswers,
                                  documents: assessment.documents.filter { cited.contains($0.id) }, warnings: [])
        return Migration(original: assessment, assessment: migrated, indicators: results, crosswalk: crosswalk,
                         source: source, target: target)
    }

    /// "Dialihkan dari spbe-2020: I03 (level 2), I23 (level 1); aturan …: level awal 1." plus the
    /// sources' own notes, so the unit sees where every carried answer came from.
    private func note(_ result: MigratedIndicator, answers: [String: Answer]) -> LocalizedText {
        var values: [String: String] = [:]
        for language in Language.allCases {
            let sources = result.sources.map { "\($0.indicator) (level \($0.level))" }.joined(separator: ", ")
            let rule = result.rule?.phrase(in: language) ?? ""
            let cap = result.cap.map { language == .id ? ", paling tinggi \($0)" : ", at most \($0)" } ?? ""
            var text = language == .id
                ? "Dialihkan dari \(source.id): \(sources); aturan \(rule)\(cap): level awal \(result.startingLevel). Periksa kembali terhadap kriteria \(target.id)."
                : "Carried over from \(source.id): \(sources); rule \(rule)\(cap): starting level \(result.startingLevel). Check again against the \(target.id) criteria."
            for sourceLevel in result.sources {
                if let original = answers[sourceLevel.indicator]?.note.values[language.rawValue] {
                    text += (language == .id ? " Catatan \(sourceLevel.indicator): " : " Note \(sourceLevel.indicator): ") + original
                }
            }
            values[language.rawValue] = text
        }
        return LocalizedText(values)
    }
}

/// The result of a migration: the new assessment and, per target indicator, how it was derived.
public struct Migration: Sendable {
    /// The assessment migrated from.
    public let original: Assessment
    /// The assessment under the target rubric (path as given to ``Migrator/migrate(_:period:path:)``).
    public let assessment: Assessment
    /// One per target indicator, in target rubric order.
    public let indicators: [MigratedIndicator]
    public let crosswalk: Crosswalk
    public let source: Rubric
    public let target: Rubric

    /// Target indicators with no source: what the unit must assess from scratch.
    public var toDo: [MigratedIndicator] { indicators.filter(\.sources.isEmpty) }
}

/// How one target indicator was carried over.
public struct MigratedIndicator: Sendable, Hashable {
    public let target: String
    /// Source indicators with their supported levels; empty when the target has no source.
    public let sources: [SourceLevel]
    /// Nil when there is no source.
    public let rule: DerivationRule?
    public let cap: Int?
    /// The level the rule gives (before criteria asked of the user are taken out).
    public let startingLevel: Int
    /// Target criteria carried as met, in rubric order.
    public let carried: [String]
    /// Target criteria left for the unit to answer, in rubric order.
    public let open: [String]
}

/// A source indicator and its supported level in the evidence migrated from.
public struct SourceLevel: Sendable, Hashable {
    public let indicator: String
    public let level: Int
}
