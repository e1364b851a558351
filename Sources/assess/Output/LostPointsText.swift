import Foundation
import SPBEAssess

/// "Why this number": the index points lost per indicator, for the whole unit and each aspect.
enum LostPointsText {
    /// How many indicators the whole-unit line names; each aspect names its three largest.
    static let overallCount = 10

    static func lines(_ lost: LostPoints, rubric: Rubric, _ lang: Language) -> [String] {
        guard !lost.overall.isEmpty else { return [] }
        func list(_ items: ArraySlice<LostPoints.Item>) -> String {
            items.map { "\($0.indicatorID) −\(lang.number($0.points))" }.joined(separator: ", ")
        }
        var lines = ["", lang.pick("Poin indeks yang hilang (bobot × (level puncak − level) / Σ bobot), terbesar lebih dahulu:",
                                   "Index points lost (weight × (top level − level) / Σ weights), largest first:")]
        lines.append("  " + list(lost.overall.prefix(overallCount)) + (lost.overall.count > overallCount
            ? lang.pick(" … (\(lost.overall.count - overallCount) lainnya)", " … (\(lost.overall.count - overallCount) more)") : ""))
        for aspect in rubric.aspects {
            guard let items = lost.aspects[aspect.id], !items.isEmpty else { continue }
            lines.append("  \(aspect.id) \(aspect.title.text(in: lang)): " + list(items.prefix(3)))
        }
        return lines
    }
}

/// "Capaian OPD": an OPD's own result, named as such.
enum OPDResultText {
    static func line(_ result: OPDResult, _ lang: Language) -> String {
        guard !result.indicatorIDs.isEmpty else {
            return lang.pick("Capaian OPD: — (tidak menjadi penanggung jawab indikator mana pun)",
                             "OPD result: — (responsible for no indicator)")
        }
        return lang.pick("Capaian OPD", "OPD result") + " \(lang.number(result.index))  \(result.predicate.label.text(in: lang))  "
            + lang.pick("(\(result.indicatorIDs.count) indikator tanggung jawabnya, bobot dinormalkan: \(result.indicatorIDs.joined(separator: " ")))",
                        "(\(result.indicatorIDs.count) indicators it answers for, weights renormalised: \(result.indicatorIDs.joined(separator: " ")))")
    }
}
