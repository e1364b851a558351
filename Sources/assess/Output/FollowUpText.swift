import SPBEAssess
import SPBEReport

/// `assess followup` as a table, Markdown or JSON.
enum FollowUpText {
    static func status(_ status: FollowUp.Status, _ lang: Language) -> String {
        switch status {
        case .closed: lang.pick("selesai", "closed")
        case .partial: lang.pick("sebagian", "partial")
        case .open: lang.pick("belum", "open")
        }
    }

    static func render(_ items: [FollowUp.Item], review: Assessment, current: Assessment, _ lang: Language, markdown: Bool) -> String {
        var lines = [(markdown ? "# " : "") + lang.pick("Tindak lanjut rekomendasi", "Recommendations followed up")
                     + ": \(review.unit.name) — \(review.period) → \(current.period)", ""]
        let header = [lang.pick("Indikator", "Indicator"), lang.pick("Status", "Status"), lang.pick("Level", "Level"),
                      lang.pick("Target", "Target"), lang.pick("Tenggat", "Due"), lang.pick("Penanggung jawab", "Owner"),
                      lang.pick("Dokumen", "Documents"), lang.pick("Rekomendasi", "Recommendation")]
        let rows = items.map { item in
            [item.recommendation.indicatorID, status(item.status, lang), "\(item.reviewed)→\(item.now)", "\(item.target)",
             item.recommendation.due ?? "—", item.owners.first ?? "—",
             item.documents.isEmpty ? "—" : item.documents.joined(separator: " "), item.recommendation.text.text(in: lang)]
        }
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
        let counts = [FollowUp.Status.closed, .partial, .open].map { s in "\(status(s, lang)) \(items.filter { $0.status == s }.count)" }
        lines += ["", counts.joined(separator: " · ")]
        return lines.joined(separator: "\n") + "\n"
    }

    static func json(_ items: [FollowUp.Item], review: Assessment, current: Assessment, _ lang: Language) throws -> String {
        let value: JSONValue = [
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
        return value.rendered()
    }
}
