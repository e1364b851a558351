import Foundation
import SPBEAssess

/// `assess readiness --format json`: the instansi's aggregated index and pillars, and the ranked
/// OPDs. Keys are sorted; numbers are full precision beside their two-decimal rounding.
struct ReadinessJSON: Encodable {
    let rubric: ScoreJSON.RubricJSON
    let period: String
    let role: String
    let instansi: InstansiJSON
    let opds: [OPDJSON]
    let missing: [String]

    struct InstansiJSON: Encodable {
        let id, name: String
        let index, indexRounded: Double
        let predicate: String
        let pillars: [PillarJSON]
    }

    struct PillarJSON: Encodable {
        let id, title: String
        let index, indexRounded: Double
        let predicate: String
        let weight: Double
    }

    struct OPDJSON: Encodable {
        let rank: Int
        let id: String
        let name: String?
        let roles: [String]
        let submitted: Bool
        let file: String?
        let index, indexRounded: Double
        let predicate: String
        let owned, answeredNotOwned, unanswered, overclaims: [String]
        let indicators: [IndicatorJSON]

        enum CodingKeys: String, CodingKey {
            case rank, id, name, roles, submitted, file, index, indexRounded, predicate
            case owned, answeredNotOwned, unanswered, overclaims, indicators
        }

        // `name` and `file` are null for an OPD that has not submitted, never left out.
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(rank, forKey: .rank)
            try c.encode(id, forKey: .id)
            try c.encode(name, forKey: .name)
            try c.encode(roles, forKey: .roles)
            try c.encode(submitted, forKey: .submitted)
            try c.encode(file, forKey: .file)
            try c.encode(index, forKey: .index)
            try c.encode(indexRounded, forKey: .indexRounded)
            try c.encode(predicate, forKey: .predicate)
            try c.encode(owned, forKey: .owned)
            try c.encode(answeredNotOwned, forKey: .answeredNotOwned)
            try c.encode(unanswered, forKey: .unanswered)
            try c.encode(overclaims, forKey: .overclaims)
            try c.encode(indicators, forKey: .indicators)
        }
    }

    struct IndicatorJSON: Encodable {
        let id: String
        let weight: Double
        let owned, assessed: Bool
        let claimed: Int?
        let supported, level: Int
        let overclaim: Bool
        let missingForNext: [String]

        enum CodingKeys: String, CodingKey { case id, weight, owned, assessed, claimed, supported, level, overclaim, missingForNext }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(weight, forKey: .weight)
            try c.encode(owned, forKey: .owned)
            try c.encode(assessed, forKey: .assessed)
            try c.encode(claimed, forKey: .claimed)
            try c.encode(supported, forKey: .supported)
            try c.encode(level, forKey: .level)
            try c.encode(overclaim, forKey: .overclaim)
            try c.encode(missingForNext, forKey: .missingForNext)
        }
    }

    init(_ report: ReadinessReport, instansi card: Scorecard, language: Language) {
        let a = card.assessment
        rubric = ScoreJSON.RubricJSON(id: card.rubric.id, version: card.rubric.version)
        period = a.period
        role = a.role.rawValue
        instansi = InstansiJSON(
            id: a.unit.id, name: a.unit.name, index: card.index.value, indexRounded: card.index.rounded,
            predicate: card.predicate.label.text(in: language),
            pillars: zip(card.pillars, card.rubric.pillars).map { score, pillar in
                PillarJSON(id: pillar.id, title: pillar.title.text(in: language), index: score.index.value,
                           indexRounded: score.index.rounded, predicate: score.predicate.label.text(in: language),
                           weight: score.weight.doubleValue)
            })
        opds = report.entries.enumerated().map { rank, entry in
            OPDJSON(rank: rank + 1, id: entry.unitID, name: entry.name, roles: entry.roles, submitted: entry.submitted,
                    file: entry.file, index: entry.index.value, indexRounded: entry.index.rounded,
                    predicate: entry.predicate.label.text(in: language), owned: entry.owned,
                    answeredNotOwned: entry.answeredNotOwned, unanswered: entry.unanswered,
                    overclaims: entry.overclaims.map(\.id),
                    indicators: entry.indicators.map { item in
                        let s = item.score
                        return IndicatorJSON(id: s.id, weight: s.weight.doubleValue, owned: item.owned, assessed: s.assessed,
                                             claimed: s.claimed, supported: s.supported, level: s.level,
                                             overclaim: s.overclaim, missingForNext: s.missingForNext)
                    })
        }
        missing = report.missing.map(\.unitID)
    }

    static func render(_ report: ReadinessReport, instansi: Scorecard, language: Language) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(ReadinessJSON(report, instansi: instansi, language: language))
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
