import SPBEAssess

/// `assess compare --format json` (the shape is documented in the README).
enum CompareJSON {
    static func render(_ comparison: Comparison, findings: [[EvidenceFinding]], language: Language) throws -> String {
        let roles = comparison.roles.map(\.rawValue)
        func byRole<T>(_ values: [T], _ transform: (T) -> JSONValue) -> JSONValue {
            .object(Dictionary(uniqueKeysWithValues: zip(roles, values.map(transform))))
        }
        let units: [JSONValue] = comparison.sides.map { card in
            let a = card.assessment
            return ["role": .string(a.role.rawValue), "file": .string(a.path), "unit": a.unit.json,
                    "rubric": ["id": .string(card.rubric.id), "version": .string(card.rubric.version)],
                    "period": .string(a.period), "index": .double(card.index.value), "indexRounded": .double(card.index.rounded),
                    "predicate": .string(card.predicate.label.text(in: language)),
                    "overclaims": .array(card.overclaims.map { .string($0.id) })]
        }
        let indicators: [JSONValue] = comparison.indicators.map { item in
            ["id": .string(item.id), "weight": .double(item.weight.doubleValue),
             "levels": byRole(item.sides) { .double($0.score.doubleValue) },
             "claimed": byRole(item.sides) { .optional($0.claimed) },
             "supported": byRole(item.sides) { .int($0.supported) },
             "assessed": byRole(item.sides) { .bool($0.assessed) },
             "overclaim": byRole(item.sides) { .bool($0.overclaim) },
             "notes": byRole(item.sides) { $0.note.isEmpty ? .null : .string($0.note.text(in: language)) },
             "delta": .int(item.delta), "spread": .int(item.spread), "indexEffect": .double(item.indexEffect),
             "criteria": .array(item.criteria.map { ["id": .string($0.criterionID), "acceptedBy": .array($0.acceptedBy.map { .string($0.rawValue) })] })]
        }
        let groups: [JSONValue] = comparison.groups.map { group in
            ["kind": .string(group.kind.rawValue), "id": .string(group.id),
             "index": byRole(group.sides) { .optional($0?.index.value) },
             "indexRounded": byRole(group.sides) { .optional($0?.index.rounded) },
             "predicate": byRole(group.sides) { .optional($0?.predicate.label.text(in: language)) },
             "delta": .optional(group.delta), "predicateChanged": .bool(group.predicateChanged)]
        }
        let agreement: [JSONValue] = comparison.agreements.map { pair in
            let a = pair.agreement
            return ["a": .string(pair.a.rawValue), "b": .string(pair.b.rawValue), "n": .int(a.count),
                    "exact": .optional(a.exact.map { $0 * 100 }), "withinOne": .optional(a.withinOne.map { $0 * 100 }),
                    "meanAbsDiff": .optional(a.meanAbsoluteDifference), "kappa": .optional(a.kappa),
                    "measured": ["n": .int(pair.measured.count), "meanAbsDiff": .optional(pair.measured.meanAbsoluteDifference)]]
        }
        let evidence: [JSONValue] = zip(comparison.sides, findings).map { card, found in
            ["role": .string(card.assessment.role.rawValue), "file": .string(card.assessment.path),
             "findings": .array(found.map(\.json))]
        }
        let root: JSONValue = [
            "roles": .array(roles.map(JSONValue.string)), "units": .array(units), "indicators": .array(indicators),
            "groups": .array(groups), "agreement": .array(agreement), "evidence": .array(evidence),
            "options": ["requireEvidence": .bool(comparison.sides[0].options.requireEvidence)],
        ]
        return root.rendered()
    }
}
