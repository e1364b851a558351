import Foundation
import SPBEAssess

/// `assess gap --format json`: the plan as in the README.
struct GapJSON: Encodable {
    let unit: ScoreJSON.UnitJSON
    let rubric: ScoreJSON.RubricJSON
    let period: String
    let current: Double
    let currentPredicate: String
    let target: Double?
    let targetPredicate: String?
    let targetLevels: [String: Int]?
    let budget: Double?
    let reachable: Bool
    let alreadyMet: Bool
    let projected: Double
    let projectedRounded: Double
    let projectedPredicate: String
    let totalEffort: Double
    let steps: [StepJSON]
    /// Measured indicators, which the plan does not raise (their value comes from a survey or
    /// a partner agency): id, current value, whether a documented value was given, owners.
    let measured: [MeasuredJSON]
    let aspects: [ChangeJSON]
    let domains: [ChangeJSON]
    let pillars: [ChangeJSON]
    let weakestAspects: [String]

    struct StepJSON: Encodable {
        let indicator: String
        let from: Int
        let to: Int
        let gain: Double
        let effort: Double
        let projected: Double
        let projectedRounded: Double
        let predicate: String
        let missing: [String]
        let missingText: [String]
        let owners: [String]
    }

    struct MeasuredJSON: Encodable {
        let indicator: String
        let current: Double
        let answered: Bool
        let owners: [String]
    }

    struct ChangeJSON: Encodable {
        let id: String
        let current: Double
        let projected: Double
    }

    init(_ plan: GapPlan, language: Language) {
        let card = plan.scorecard
        let unitValue = card.assessment.unit
        unit = ScoreJSON.UnitJSON(id: unitValue.id, name: unitValue.name, kind: unitValue.kind.rawValue, instansi: unitValue.instansi)
        rubric = ScoreJSON.RubricJSON(id: card.rubric.id, version: card.rubric.version)
        period = card.assessment.period
        current = card.index.value
        currentPredicate = card.predicate.label.text(in: language)
        switch plan.target {
        case .index(let hundredths):
            let value = IndexValue(weightedLevels: Int64(hundredths), totalWeight: 100)
            target = value.value
            targetPredicate = card.rubric.predicate(for: value).label.text(in: language)
            targetLevels = nil
        case .levels(let levels):
            target = nil
            targetPredicate = nil
            targetLevels = levels
        }
        budget = plan.budget?.doubleValue
        reachable = plan.reachable
        alreadyMet = plan.alreadyMet
        projected = plan.projected.value
        projectedRounded = plan.projected.rounded
        projectedPredicate = plan.projectedPredicate.label.text(in: language)
        totalEffort = plan.totalEffort.doubleValue
        steps = plan.steps.map {
            StepJSON(indicator: $0.indicatorID, from: $0.from, to: $0.to, gain: $0.gain.value, effort: $0.effort.doubleValue,
                     projected: $0.projected.value, projectedRounded: $0.projected.rounded,
                     predicate: $0.predicate.label.text(in: language), missing: $0.missing.map(\.id),
                     missingText: $0.missing.map { $0.text.text(in: language) }, owners: $0.owners)
        }
        measured = plan.measured.map {
            MeasuredJSON(indicator: $0.indicatorID, current: $0.current.doubleValue, answered: $0.answered, owners: $0.owners)
        }
        func changes(_ list: [GapPlan.GroupChange]) -> [ChangeJSON] {
            list.map { ChangeJSON(id: $0.id, current: $0.current.value, projected: $0.projected.value) }
        }
        aspects = changes(plan.aspects)
        domains = changes(plan.domains)
        pillars = changes(plan.pillars)
        weakestAspects = plan.weakestAspects.map(\.id)
    }

    static func render(_ plan: GapPlan, language: Language) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(GapJSON(plan, language: language)), as: UTF8.self) + "\n"
    }
}
