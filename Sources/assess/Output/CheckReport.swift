import SPBEAssess

/// `assess check`: per evidence file, a summary of its findings and each finding at its element.
enum CheckReport {
    static func render(_ cards: [Scorecard], findings: [[EvidenceFinding]], language lang: Language,
                       style: ReviewDocument.Style) -> String {
        var doc = ReviewDocument()
        for (card, found) in zip(cards, findings) {
            let a = card.assessment
            doc.heading("\(a.path) — \(a.unit.name) (\(a.unit.id)) · \(a.role.name(in: lang)) · \(lang.pick("periode", "period")) \(a.period)")
            doc.line(FindingSummary.counts(found, lang))
            doc.bullets(found.map { $0.line(in: lang) })
            if !card.overclaims.isEmpty {
                doc.line(lang.pick("Klaim berlebih: ", "Overclaims: ") + card.overclaims.map {
                    "\($0.id) (\($0.claimed ?? 0) → \($0.supported))"
                }.joined(separator: ", "))
            }
        }
        return doc.render(style)
    }

    /// A top-level array, one object per file, in argument order.
    static func json(_ cards: [Scorecard], findings: [[EvidenceFinding]]) throws -> String {
        let files: [JSONValue] = zip(cards, findings).map { card, found in
            let a = card.assessment
            return ["file": .string(a.path), "unit": a.unit.json, "role": .string(a.role.rawValue), "period": .string(a.period),
                    "rubric": .string(a.rubricID), "overclaims": .array(card.overclaims.map { .string($0.id) }),
                    "findings": .array(found.map(\.json))]
        }
        return JSONValue.array(files).rendered()
    }
}
