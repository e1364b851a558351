/// Last period's recommendations against the new evidence: for each, whether the new evidence
/// **closes** it (the indicator's supported level reaches the target), **partly** (it rose above
/// the level the review found, short of the target) or leaves it **open**, with the documents that
/// show the levels gained and the indicator's owner.
///
/// ```swift
/// let items = FollowUp(rubric: rubric).evaluate(review, against: newCard)
/// ```
public struct FollowUp: Sendable {
    public enum Status: String, Sendable, Hashable { case closed, partial, open }

    public struct Item: Sendable, Hashable {
        public let recommendation: Recommendation
        /// The level the review found (its supported level for the indicator).
        public let reviewed: Int
        /// The level to reach: the recommendation's, or one above the reviewed level.
        public let target: Int
        /// The new evidence's supported level.
        public let now: Int
        public let status: Status
        /// Documents cited for the criteria of the levels gained (reviewed + 1 … now), in order.
        public let documents: [String]
        /// The indicator's owner roles (the first answers for it by default).
        public let owners: [String]
    }

    public let rubric: Rubric

    public init(rubric: Rubric) { self.rubric = rubric }

    /// `review` carries the recommendations; `current` is the new evidence, scored (an instansi
    /// file, or OPD files aggregated into one).
    public func evaluate(_ review: Assessment, against current: Scorecard) -> [Item] {
        let scorer = Scorer(rubric: rubric)
        let reviewed = scorer.score(review)
        return review.recommendations.compactMap { recommendation in
            guard let position = rubric.position(ofIndicator: recommendation.indicatorID) else { return nil }
            let indicator = rubric.indicators[position]
            let before = reviewed.indicators[position].supported
            let now = current.indicators[position].supported
            let target = recommendation.target ?? min(indicator.maximumLevel, before + 1)
            let status: Status = now >= target ? .closed : (now > before ? .partial : .open)
            var documents: [String] = []
            if now > before, let answer = current.assessment.answer(for: indicator.id) {
                for level in before + 1...now {
                    for criterion in indicator.criteria(ofLevel: level) {
                        for document in answer.met.first(where: { $0.criterionID == criterion.id })?.documentIDs ?? []
                        where !documents.contains(document) {
                            documents.append(document)
                        }
                    }
                }
            }
            return Item(recommendation: recommendation, reviewed: before, target: target, now: now, status: status,
                        documents: documents, owners: indicator.owners)
        }
    }
}
