/// An assessor's (or inspectorate's) recommendation for one indicator: what to do, the level to
/// reach and by when. Carried in the evidence file as
/// `<recommendation indicator="I05" target="3" due="2025-06-30" xml:lang="id">…</recommendation>`.
public struct Recommendation: Sendable, Hashable {
    public let indicatorID: String
    /// The level to reach; nil when the recommendation names none (then: one level up).
    public let target: Int?
    /// ISO date, when given.
    public let due: String?
    public let text: LocalizedText

    public init(indicatorID: String, target: Int?, due: String?, text: LocalizedText) {
        self.indicatorID = indicatorID
        self.target = target
        self.due = due
        self.text = text
    }
}

extension EvidenceChecker {
    /// The records checked against `rubric`: an indicator the rubric lacks, or a target off the
    /// indicator's scale, is a problem.
    func recommendations(_ records: [EvidenceRecord.RecommendationRecord], into problems: inout [Diagnostic]) -> [Recommendation] {
        var result: [Recommendation] = []
        for record in records {
            let id = record.indicator ?? ""
            guard let indicator = rubric.indicator(id) else {
                problems.append(diagnostic(.unknownReference, at: record.place, attribute: "indicator",
                    id: "rekomendasi untuk indikator '\(id)', yang tidak ada dalam rubrik \(rubric.id)",
                    en: "recommendation for indicator '\(id)', which rubric \(rubric.id) does not have"))
                continue
            }
            let target = record.target.flatMap { Int($0.trimmingSpaces) }
            if let target, !(indicator.floor + 1...indicator.maximumLevel).contains(target) {
                problems.append(diagnostic(.levelOutOfRange, at: record.place, attribute: "target",
                    id: "target \(target) rekomendasi \(id) di luar skala indikator (\(indicator.floor + 1)–\(indicator.maximumLevel))",
                    en: "target \(target) of the recommendation for \(id) is outside the indicator's scale (\(indicator.floor + 1)–\(indicator.maximumLevel))"))
                continue
            }
            var texts: [String: String] = [:]
            texts[record.language ?? "id"] = record.text
            result.append(Recommendation(indicatorID: id, target: target, due: record.due, text: LocalizedText(texts)))
        }
        return result
    }
}
