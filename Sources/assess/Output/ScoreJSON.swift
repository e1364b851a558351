import Foundation
import SPBEAssess

/// `assess score --format json`: one object per unit in a top-level array (SPEC §5).
///
/// Indices are full-precision numbers (`index`), with the two-decimal value the predicate is
/// read from beside them (`indexRounded`). Written member by member with ``JSONWriter`` (keys in
/// sorted order), as a national run writes tens of megabytes of it.
enum ScoreJSON {
    /// Shared with `gap` and `readiness`, which still encode through `Codable`.
    struct UnitJSON: Encodable { let id, name, kind: String; let instansi: String? }
    struct RubricJSON: Encodable { let id, version: String }

    /// One unit's object as an element of the top-level array, rendered on its own (on the
    /// thread that scored it, while the card is fresh in its cache) for
    /// ``JSONWriter/element(rendered:)``.
    static func element(_ card: Scorecard, language: Language) -> [UInt8] {
        var json = JSONWriter(reserving: 1 << 15, insideArray: true)
        write(card, language: language, to: &json)
        return json.bytes
    }

    /// One unit's object.
    static func write(_ card: Scorecard, language: Language, to json: inout JSONWriter) {
        let assessment = card.assessment
        let rubric = card.rubric
        json.beginObject()
        json.key("aspects")
        groups(card.aspects, titles: rubric.aspects.map(\.title), includeDomain: true, language: language, to: &json)
        json.key("domains")
        groups(card.domains, titles: rubric.domains.map(\.title), includeDomain: false, language: language, to: &json)
        json.key("file"); json.string(assessment.path)
        json.key("index"); json.number(card.index)
        json.key("indexRounded"); json.number(card.index.rounded)
        json.key("indicators")
        json.beginArray()
        for indicator in card.indicators {
            json.beginObject()
            json.key("assessed"); json.bool(indicator.assessed)
            // `claimed` is written as null when nothing is claimed, never left out.
            json.key("claimed"); json.number(indicator.claimed)
            json.key("id"); json.string(indicator.id)
            // A measured indicator's level is its documented value, a decimal (SPEC §5).
            json.key("level")
            if let measured = indicator.measured { json.number(measured) } else { json.number(indicator.level) }
            json.key("metWithoutDocument"); strings(indicator.metWithoutDocument, to: &json)
            json.key("missingForNext"); strings(indicator.missingForNext, to: &json)
            json.key("overclaim"); json.bool(indicator.overclaim)
            json.key("supported")
            json.number(indicator.supportedScore)
            json.key("weight"); json.number(indicator.weight)
            json.endObject()
        }
        json.endArray()
        json.key("options")
        json.beginObject()
        json.key("requireEvidence"); json.bool(card.options.requireEvidence)
        json.key("trustClaims"); json.bool(card.options.trustClaims)
        json.endObject()
        json.key("period"); json.string(assessment.period)
        json.key("pillars")
        groups(card.pillars, titles: rubric.pillars.map(\.title), includeDomain: false, language: language, to: &json)
        json.key("predicate"); json.string(card.predicate.label.text(in: language))
        json.key("role"); json.string(assessment.role.rawValue)
        json.key("rubric")
        json.beginObject()
        json.key("id"); json.string(rubric.id)
        json.key("version"); json.string(rubric.version)
        json.endObject()
        json.key("unit")
        json.beginObject()
        json.key("id"); json.string(assessment.unit.id)
        if let instansi = assessment.unit.instansi { json.key("instansi"); json.string(instansi) }
        json.key("kind"); json.string(assessment.unit.kind.rawValue)
        json.key("name"); json.string(assessment.unit.name)
        json.endObject()
        json.endObject()
    }

    /// Domains, aspects or pillars; only aspects carry their `domain`.
    private static func groups(_ scores: [GroupScore], titles: [LocalizedText], includeDomain: Bool,
                               language: Language, to json: inout JSONWriter) {
        json.beginArray()
        for (score, title) in zip(scores, titles) {
            json.beginObject()
            if includeDomain { json.key("domain"); json.string(score.domainID) }
            json.key("id"); json.string(score.id)
            json.key("index"); json.number(score.index)
            json.key("indexRounded"); json.number(score.index.rounded)
            json.key("predicate"); json.string(score.predicate.label.text(in: language))
            json.key("title"); json.string(title.text(in: language))
            json.key("weight"); json.number(score.weight)
            json.endObject()
        }
        json.endArray()
    }

    private static func strings(_ values: [String], to json: inout JSONWriter) {
        json.beginArray()
        for value in values { json.string(value) }
        json.endArray()
    }
}
