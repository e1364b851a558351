import Foundation
import SPBEAssess

/// `assess trend --format json` (see the README for its shape). Indices are full precision;
/// `deltaRounded` is the difference of the two-decimal values, as the table shows it.
struct TrendJSON: Encodable {
    let unit: UnitJSON
    let periods: [PeriodJSON]
    let steps: [StepJSON]

    struct UnitJSON: Encodable { let id, name, kind: String }
    struct RubricJSON: Encodable { let id, version: String }
    struct GroupJSON: Encodable { let id, title: String; let index, indexRounded: Double }
    struct PeriodJSON: Encodable {
        let period, file, role, predicate: String
        let rubric: RubricJSON
        let index, indexRounded: Double
        let domains, aspects: [GroupJSON]
    }
    struct IndexJSON: Encodable { let from, to, fromRounded, toRounded, deltaRounded: Double; let fromPredicate, toPredicate: String }
    struct GroupChangeJSON: Encodable { let kind, id: String; let from, to, fromRounded, toRounded, deltaRounded: Double }
    /// Levels are whole numbers; a measured indicator's values are decimals (SPEC §5).
    struct IndicatorChangeJSON: Encodable { let id: String; let from, to, delta: Double }
    struct StepJSON: Encodable {
        let from, to: String
        let sameRubric, comparable: Bool
        let crosswalk: String?
        let caveat: String?
        let index: IndexJSON?
        let groups: [GroupChangeJSON]
        let indicators: [IndicatorChangeJSON]

        enum CodingKeys: String, CodingKey { case from, to, sameRubric, comparable, crosswalk, caveat, index, groups, indicators }

        // Absent values are written as null, never left out.
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(from, forKey: .from)
            try c.encode(to, forKey: .to)
            try c.encode(sameRubric, forKey: .sameRubric)
            try c.encode(comparable, forKey: .comparable)
            try c.encode(crosswalk, forKey: .crosswalk)
            try c.encode(caveat, forKey: .caveat)
            try c.encode(index, forKey: .index)
            try c.encode(groups, forKey: .groups)
            try c.encode(indicators, forKey: .indicators)
        }
    }

    init(_ trend: Trend, language lang: Language) {
        unit = UnitJSON(id: trend.unit.id, name: trend.unit.name, kind: trend.unit.kind.rawValue)
        periods = trend.periods.map { card in
            let rubric = card.rubric
            return PeriodJSON(period: card.assessment.period, file: card.assessment.path, role: card.assessment.role.rawValue,
                              predicate: card.predicate.label.text(in: lang),
                              rubric: RubricJSON(id: rubric.id, version: rubric.version),
                              index: card.index.value, indexRounded: card.index.rounded,
                              domains: zip(card.domains, rubric.domains).map {
                                  GroupJSON(id: $0.id, title: $1.title.text(in: lang), index: $0.index.value, indexRounded: $0.index.rounded)
                              },
                              aspects: zip(card.aspects, rubric.aspects).map {
                                  GroupJSON(id: $0.id, title: $1.title.text(in: lang), index: $0.index.value, indexRounded: $0.index.rounded)
                              })
        }
        steps = trend.steps.map { step in
            let caveat: String? = step.sameRubric ? nil : step.comparable
                ? lang.pick("Periode \(step.from.assessment.period) dialihkan dari \(step.from.rubric.id) ke \(step.to.rubric.id) melalui pemetaan; pemetaan adalah pertimbangan dan indikator tanpa sumber bernilai level terendah: selisih menunjukkan arah, bukan ukuran pasti.",
                            "Period \(step.from.assessment.period) was carried over from \(step.from.rubric.id) to \(step.to.rubric.id) through a crosswalk; a crosswalk is judgement and indicators with no source start at the floor: the differences show direction, not an exact measure.")
                : lang.pick("Rubrik berbeda dan tidak ada pemetaan: indeks tidak dapat dibandingkan.",
                            "Different rubrics and no crosswalk: the indices cannot be compared.")
            let index = step.baseline.map { base in
                IndexJSON(from: base.index.value, to: step.to.index.value, fromRounded: base.index.rounded,
                          toRounded: step.to.index.rounded, deltaRounded: Double(step.indexDeltaHundredths ?? 0) / 100,
                          fromPredicate: base.predicate.label.text(in: lang), toPredicate: step.to.predicate.label.text(in: lang))
            }
            return StepJSON(from: step.from.assessment.period, to: step.to.assessment.period, sameRubric: step.sameRubric,
                            comparable: step.comparable, crosswalk: step.crosswalkPath, caveat: caveat, index: index,
                            groups: step.groups.map {
                                GroupChangeJSON(kind: $0.kind.rawValue, id: $0.id, from: $0.from.value, to: $0.to.value,
                                                fromRounded: $0.from.rounded, toRounded: $0.to.rounded,
                                                deltaRounded: Double($0.deltaHundredths) / 100)
                            },
                            indicators: step.indicators.map { IndicatorChangeJSON(id: $0.id, from: $0.from.doubleValue, to: $0.to.doubleValue, delta: $0.delta.doubleValue) })
        }
    }

    static func render(_ trend: Trend, language: Language) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(TrendJSON(trend, language: language))
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
