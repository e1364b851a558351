/// One unit over several periods: each period's scorecard and, between consecutive periods, what
/// rose or fell.
///
/// Between two periods under the same rubric, indices and levels compare directly. Across a
/// rubric change (SPBE 2020 → Pemdi 2026) the earlier assessment is first migrated in memory
/// through the crosswalk and scored under the later rubric; that comparison is approximate (the
/// crosswalk is judgement, and indicators with no source start at the floor), which ``TrendStep/migrated``
/// lets a renderer say.
public struct Trend: Sendable {
    public let unit: Unit
    /// Ordered by period.
    public let periods: [Scorecard]
    /// `steps[i]` goes from `periods[i]` to `periods[i + 1]`.
    public let steps: [TrendStep]
}

/// The change from one period to the next.
public struct TrendStep: Sendable {
    public let from: Scorecard
    public let to: Scorecard
    /// Across a rubric change: the earlier assessment migrated to the later rubric and scored;
    /// nil when the rubric is the same, or when no crosswalk joins the two.
    public let migrated: Scorecard?
    /// The crosswalk used across a rubric change.
    public let crosswalkPath: String?
    /// Aspect and domain indices, in the later rubric's order.
    public let groups: [GroupChange]
    /// Indicators whose scored level changed, in the later rubric's order.
    public let indicators: [IndicatorChange]

    public var sameRubric: Bool { from.rubric.id == to.rubric.id }
    /// What the later period is compared with: the earlier scorecard, or its migration.
    public var baseline: Scorecard? { sameRubric ? from : migrated }
    public var comparable: Bool { baseline != nil }

    /// Change of the index as people read it: the difference of the two-decimal values, in
    /// hundredths (2.47 → 2.62 is +15); nil when the periods cannot be compared.
    public var indexDeltaHundredths: Int? { baseline.map { to.index.hundredths - $0.index.hundredths } }
}

/// The index of one aspect or domain in two periods.
public struct GroupChange: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case domain, aspect }
    public let kind: Kind
    public let id: String
    public let from: IndexValue
    public let to: IndexValue

    public var deltaHundredths: Int { to.hundredths - from.hundredths }
}

/// An indicator's scored level in two periods.
/// An indicator whose score changed: its level, or a measured indicator's decimal value.
public struct IndicatorChange: Sendable, Hashable {
    public let id: String
    public let from: ExactDecimal
    public let to: ExactDecimal

    public var delta: ExactDecimal { to - from }
    public var rose: Bool { from < to }
    public var fell: Bool { to < from }
}

public enum TrendBuilder {
    /// The trend of `cards` (in any order). Every card must be of the same unit and no period may
    /// repeat; otherwise every such problem is thrown, naming the files. `crosswalk(from, to)`
    /// gives the crosswalk between two rubric ids, or nil when there is none.
    public static func build(_ cards: [Scorecard],
                             crosswalk: (String, String) throws(LoadError) -> Crosswalk?) throws(LoadError) -> Trend {
        guard let first = cards.first else {
            throw LoadError([Diagnostic(.emptyDirectory, file: "", id: "tidak ada berkas bukti dukung yang diberikan", en: "no evidence files given")])
        }
        var problems: [Diagnostic] = []
        var seenPeriods: [String: String] = [:]
        for card in cards {
            let a = card.assessment
            if a.unit.id != first.assessment.unit.id {
                problems.append(Diagnostic(.unitMismatch, file: a.path,
                    id: "unit '\(a.unit.id)' bukan unit '\(first.assessment.unit.id)' dari \(first.assessment.path); tren mengikuti satu unit",
                    en: "unit '\(a.unit.id)' is not unit '\(first.assessment.unit.id)' of \(first.assessment.path); a trend follows one unit"))
            }
            if let other = seenPeriods[a.period] {
                problems.append(Diagnostic(.repeatedPeriod, file: a.path,
                    id: "periode \(a.period) juga merupakan periode \(other); berikan satu berkas untuk setiap periode",
                    en: "period \(a.period) is also the period of \(other); give one file per period"))
            } else {
                seenPeriods[a.period] = a.path
            }
        }
        guard problems.isEmpty else { throw LoadError(problems) }

        let periods = cards.sorted { $0.assessment.period < $1.assessment.period }
        var steps: [TrendStep] = []
        for (from, to) in zip(periods, periods.dropFirst()) {
            var migrated: Scorecard?
            var path: String?
            if from.rubric.id != to.rubric.id, let map = try crosswalk(from.rubric.id, to.rubric.id) {
                let migration = try Migrator(crosswalk: map, source: from.rubric, target: to.rubric)
                    .migrate(from.assessment, path: from.assessment.path)
                migrated = Scorer(rubric: to.rubric, options: to.options).score(migration.assessment)
                path = map.path
            }
            let baseline = from.rubric.id == to.rubric.id ? from : migrated
            steps.append(TrendStep(from: from, to: to, migrated: migrated, crosswalkPath: path,
                                   groups: baseline.map { groups($0, to) } ?? [],
                                   indicators: baseline.map { indicators($0, to) } ?? []))
        }
        return Trend(unit: periods[periods.count - 1].assessment.unit, periods: periods, steps: steps)
    }

    /// Both cards are scored under one rubric, so their groups line up one to one.
    private static func groups(_ from: Scorecard, _ to: Scorecard) -> [GroupChange] {
        zip(from.domains, to.domains).map { GroupChange(kind: .domain, id: $1.id, from: $0.index, to: $1.index) }
            + zip(from.aspects, to.aspects).map { GroupChange(kind: .aspect, id: $1.id, from: $0.index, to: $1.index) }
    }

    private static func indicators(_ from: Scorecard, _ to: Scorecard) -> [IndicatorChange] {
        zip(from.indicators, to.indicators).compactMap { before, after in
            before.score == after.score ? nil : IndicatorChange(id: after.id, from: before.score, to: after.score)
        }
    }
}
