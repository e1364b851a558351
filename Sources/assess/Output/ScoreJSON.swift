import Foundation
import SPBEAssess

/// `assess score --format json`: one object per unit in a top-level array (SPEC §5).
///
/// Indices are full-precision numbers (`index`), with the two-decimal value the predicate is
/// read from beside them (`indexRounded`).
struct ScoreJSON: Encodable {
    let unit: UnitJSON
    let rubric: RubricJSON
    let period: String
    let role: String
    let file: String
    let index: Double
    let indexRounded: Double
    let predicate: String
    let options: OptionsJSON
    let domains: [GroupJSON]
    let aspects: [GroupJSON]
    let pillars: [GroupJSON]
    let indicators: [IndicatorJSON]

    struct UnitJSON: Encodable { let id, name, kind: String; let instansi: String? }
    struct RubricJSON: Encodable { let id, version: String }
    struct OptionsJSON: Encodable { let requireEvidence, trustClaims: Bool }

    struct GroupJSON: Encodable {
        let id: String
        let title: String
        let domain: String?
        let index: Double
        let indexRounded: Double
        let predicate: String
        let weight: Double
        let includeDomain: Bool

        enum CodingKeys: String, CodingKey { case id, title, domain, index, indexRounded, predicate, weight }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(title, forKey: .title)
            if includeDomain { try container.encode(domain, forKey: .domain) }
            try container.encode(index, forKey: .index)
            try container.encode(indexRounded, forKey: .indexRounded)
            try container.encode(predicate, forKey: .predicate)
            try container.encode(weight, forKey: .weight)
        }
    }

    struct IndicatorJSON: Encodable {
        let id: String
        let weight: Double
        let assessed: Bool
        let claimed: Int?
        let supported: Int
        let level: Int
        /// A measured indicator's documented value, written as its `supported` and `level`.
        let measured: Double?
        let overclaim: Bool
        let missingForNext: [String]
        let metWithoutDocument: [String]

        enum CodingKeys: String, CodingKey {
            case id, weight, assessed, claimed, supported, level, overclaim, missingForNext, metWithoutDocument
        }

        // `claimed` is written as null when nothing is claimed, never left out.
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(weight, forKey: .weight)
            try container.encode(assessed, forKey: .assessed)
            try container.encode(claimed, forKey: .claimed)
            if let measured {
                try container.encode(measured, forKey: .supported)
                try container.encode(measured, forKey: .level)
            } else {
                try container.encode(supported, forKey: .supported)
                try container.encode(level, forKey: .level)
            }
            try container.encode(overclaim, forKey: .overclaim)
            try container.encode(missingForNext, forKey: .missingForNext)
            try container.encode(metWithoutDocument, forKey: .metWithoutDocument)
        }
    }

    init(_ card: Scorecard, language: Language) {
        let assessment = card.assessment
        let rubric = card.rubric
        unit = UnitJSON(id: assessment.unit.id, name: assessment.unit.name, kind: assessment.unit.kind.rawValue,
                        instansi: assessment.unit.instansi)
        self.rubric = RubricJSON(id: rubric.id, version: rubric.version)
        period = assessment.period
        role = assessment.role.rawValue
        file = assessment.path
        index = card.index.value
        indexRounded = card.index.rounded
        predicate = card.predicate.label.text(in: language)
        options = OptionsJSON(requireEvidence: card.options.requireEvidence, trustClaims: card.options.trustClaims)
        func group(_ score: GroupScore, title: LocalizedText?, includeDomain: Bool) -> GroupJSON {
            GroupJSON(id: score.id, title: title?.text(in: language) ?? "", domain: score.domainID,
                      index: score.index.value, indexRounded: score.index.rounded,
                      predicate: score.predicate.label.text(in: language), weight: score.weight.doubleValue,
                      includeDomain: includeDomain)
        }
        domains = zip(card.domains, rubric.domains).map { group($0, title: $1.title, includeDomain: false) }
        aspects = zip(card.aspects, rubric.aspects).map { group($0, title: $1.title, includeDomain: true) }
        pillars = zip(card.pillars, rubric.pillars).map { group($0, title: $1.title, includeDomain: false) }
        indicators = card.indicators.map {
            IndicatorJSON(id: $0.id, weight: $0.weight.doubleValue, assessed: $0.assessed, claimed: $0.claimed,
                          supported: $0.supported, level: $0.level, measured: $0.measured?.doubleValue, overclaim: $0.overclaim,
                          missingForNext: $0.missingForNext, metWithoutDocument: $0.metWithoutDocument)
        }
    }

    static func render(_ cards: [Scorecard], language: Language) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(cards.map { ScoreJSON($0, language: language) })
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
