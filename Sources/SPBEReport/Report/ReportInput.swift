import SPBEAssess

/// What a report shows: the scored units, and for each the gap plan when a target was given.
public struct ReportInput: Sendable {
    public var cards: [Scorecard]
    /// Gap plans by evidence path.
    public var plans: [String: GapPlan]
    public var language: Language
    /// For a regency's OPD files: the instansi assessment aggregated from them, scored.
    public var regency: Scorecard?
    /// For a regency's OPD files: the OPD readiness ranking.
    public var readiness: ReadinessReport?
    /// For one unit over several periods: its trend.
    public var trend: Trend?
    /// With `--compare`: the unit's assessment beside other roles' (inspectorate, assessor).
    public var comparison: Comparison?
    /// The date printed on every page and on the berita acara; nil prints none.
    public var date: ReportDate?
    /// Who signs the berita acara (Word report); empty leaves blank lines to sign on.
    public var signatures: SignatureList = SignatureList(signatories: [])
    /// Each OPD file's own result ("capaian OPD") by evidence path: shown instead of its index,
    /// which would score the OPD as if it were the whole instansi.
    public var opdResults: [String: OPDResult] = [:]
    /// With `--followup`: last period's review and its recommendations against the headline card.
    public var followUp: FollowUpSection?

    public init(cards: [Scorecard], plans: [String: GapPlan] = [:], language: Language = .id,
                regency: Scorecard? = nil, readiness: ReadinessReport? = nil) {
        self.cards = cards
        self.plans = plans
        self.language = language
        self.regency = regency
        self.readiness = readiness
    }

    /// The card the report is about: the regency when OPD files were aggregated, else the
    /// latest period of a trend, else the first unit.
    public var headline: Scorecard? { regency ?? trend?.periods.last ?? cards.first }

    /// The name on the title page and in the page footer.
    public var title: String { headline.map { DisplayName.of($0.assessment.unit) } ?? "" }

    /// The target index of the plans, when one was given as an index.
    var targetIndex: Double? {
        for plan in plans.values {
            if case .index(let hundredths) = plan.target { return Double(hundredths) / 100 }
        }
        return nil
    }
}

/// Last period's recommendations (from the assessor's or inspectorate's review file), each
/// closed, partly closed or open by the evidence the report is about.
public struct FollowUpSection: Sendable {
    public let review: Assessment
    /// The evidence the recommendations are checked against.
    public let current: Assessment
    public let items: [FollowUp.Item]

    public init(review: Assessment, current: Assessment, items: [FollowUp.Item]) {
        self.review = review
        self.current = current
        self.items = items
    }

    /// `selesai 2 · sebagian 1 · belum 1`.
    public func counts(_ lang: Language) -> String {
        [FollowUp.Status.closed, .partial, .open]
            .map { status in "\(Phrase.status(status).text(lang)) \(items.filter { $0.status == status }.count)" }
            .joined(separator: " · ")
    }

    /// The table every report shows: indicator, status, level reviewed → now (target), due,
    /// owner, documents, the recommendation's text.
    public var header: [Phrase] { [.indicator, .status, .levelTarget, .due, .owner, .documents, .recommendation] }

    public func rows(_ lang: Language) -> [[String]] {
        items.map { item in
            [item.recommendation.indicatorID, Phrase.status(item.status).text(lang),
             ReportFormat.levels(from: item.reviewed, to: item.now, lang) + " (\(ReportFormat.level(item.target, lang)))",
             item.recommendation.due.map { ReportDate(iso: $0)?.text(lang) ?? $0 } ?? "—", item.owners.first ?? "—",
             item.documents.isEmpty ? "—" : item.documents.joined(separator: " "), item.recommendation.text.text(in: lang)]
        }
    }
}

extension Scorecard {
    /// The rubric's predicates in order; the position of this card's predicate among them, for
    /// colouring (0 = lowest).
    var predicateRank: Int { rubric.predicates.firstIndex(of: predicate) ?? 0 }
}
