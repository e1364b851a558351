import SPBEAssess
import SPBEReport

/// `assess followup` as a table, Markdown or JSON.
enum FollowUpText {
    static func render(_ section: FollowUpSection, _ lang: Language, markdown: Bool) -> String {
        let (review, current) = (section.review, section.current)
        var lines = [(markdown ? "# " : "") + lang.pick("Tindak lanjut rekomendasi", "Recommendations followed up")
                     + ": \(review.unit.name) — \(review.period) → \(current.period)", ""]
        let header = section.header.map { $0.text(lang) }
        let rows = section.rows(lang)
        if markdown {
            lines.append("| " + header.joined(separator: " | ") + " |")
            lines.append("|" + String(repeating: "---|", count: header.count))
            lines += rows.map { "| " + $0.map(MarkdownText.escape).joined(separator: " | ") + " |" }
        } else {
            var table = TextTable(header.map { _ in .left })
            table.add(header)
            rows.forEach { table.add($0) }
            lines.append(table.render())
        }
        lines += ["", section.counts(lang)]
        return lines.joined(separator: "\n") + "\n"
    }

    static func value(_ section: FollowUpSection, _ lang: Language) -> JSONValue {
        let (review, current, items) = (section.review, section.current, section.items)
        return [
            "review": ["file": .string(review.path), "period": .string(review.period), "role": .string(review.role.rawValue)],
            "evidence": ["file": .string(current.path), "period": .string(current.period)],
            "recommendations": .array(items.map { item in
                ["indicator": .string(item.recommendation.indicatorID), "status": .string(item.status.rawValue),
                 "reviewed": .int(item.reviewed), "now": .int(item.now), "target": .int(item.target),
                 "due": .optional(item.recommendation.due), "owners": .array(item.owners.map { .string($0) }),
                 "documents": .array(item.documents.map { .string($0) }),
                 "text": .string(item.recommendation.text.text(in: lang))]
            }),
        ]
    }

    static func json(_ section: FollowUpSection, _ lang: Language) -> String {
        value(section, lang).rendered()
    }
}
