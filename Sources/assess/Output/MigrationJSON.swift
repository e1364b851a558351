import Foundation
import SPBEAssess

/// `assess migrate --format json`: the summary as one object (see the README for its shape).
struct MigrationJSON: Encodable {
    let unit: UnitJSON
    let source: SourceJSON
    let target: TargetJSON
    let crosswalk: String
    let index: Double
    let indexRounded: Double
    let predicate: String
    let indicators: [IndicatorJSON]
    let toDo: [ToDoJSON]

    struct UnitJSON: Encodable { let id, name, kind: String }
    struct SourceJSON: Encodable { let file, rubric, period: String }
    struct TargetJSON: Encodable { let file, rubric, version, period: String }
    struct SourceLevelJSON: Encodable { let id: String; let level: Int }
    struct IndicatorJSON: Encodable {
        let id, title: String
        let weight: Double
        let sources: [SourceLevelJSON]
        let rule: String?
        let cap: Int?
        let startingLevel: Int
        let supported: Int
        let carried: [String]
        let open: [String]
        let ask: [String]

        enum CodingKeys: String, CodingKey { case id, title, weight, sources, rule, cap, startingLevel, supported, carried, open, ask }

        // `rule` and `cap` are written as null, never left out.
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(title, forKey: .title)
            try c.encode(weight, forKey: .weight)
            try c.encode(sources, forKey: .sources)
            try c.encode(rule, forKey: .rule)
            try c.encode(cap, forKey: .cap)
            try c.encode(startingLevel, forKey: .startingLevel)
            try c.encode(supported, forKey: .supported)
            try c.encode(carried, forKey: .carried)
            try c.encode(open, forKey: .open)
            try c.encode(ask, forKey: .ask)
        }
    }
    struct ToDoJSON: Encodable { let id, title, aspect: String; let weight: Double }

    init(_ migration: Migration, card: Scorecard, language: Language) {
        let original = migration.original
        let rubric = migration.target
        unit = UnitJSON(id: original.unit.id, name: original.unit.name, kind: original.unit.kind.rawValue)
        source = SourceJSON(file: original.path, rubric: original.rubricID, period: original.period)
        target = TargetJSON(file: migration.assessment.path, rubric: rubric.id, version: rubric.version,
                            period: migration.assessment.period)
        crosswalk = migration.crosswalk.path
        index = card.index.value
        indexRounded = card.index.rounded
        predicate = card.predicate.label.text(in: language)
        let supported = Dictionary(uniqueKeysWithValues: card.indicators.map { ($0.id, $0.supported) })
        indicators = migration.indicators.map { item in
            let indicator = rubric.indicator(item.target)
            return IndicatorJSON(id: item.target, title: indicator?.title.text(in: language) ?? "",
                                 weight: indicator?.weight.doubleValue ?? 0,
                                 sources: item.sources.map { SourceLevelJSON(id: $0.indicator, level: $0.level) },
                                 rule: item.rule?.rawValue, cap: item.cap, startingLevel: item.startingLevel,
                                 supported: supported[item.target] ?? 0, carried: item.carried, open: item.open,
                                 ask: item.sources.isEmpty ? [] : migration.crosswalk.mapping(for: item.target)?.ask ?? [])
        }
        toDo = migration.toDo.compactMap { item in
            guard let indicator = rubric.indicator(item.target) else { return nil }
            return ToDoJSON(id: item.target, title: indicator.title.text(in: language),
                            aspect: indicator.aspectID, weight: indicator.weight.doubleValue)
        }
    }

    static func render(_ migration: Migration, card: Scorecard, language: Language) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(MigrationJSON(migration, card: card, language: language))
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
