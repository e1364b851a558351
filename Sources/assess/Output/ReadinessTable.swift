import SPBEAssess
import SPBEReport

/// The readiness table as the Sekda reads it (terminal or Markdown): the instansi's index and
/// pillars, then one row per OPD, lowest index first, then per OPD what its next level needs.
enum ReadinessTable {
    static func render(_ report: ReadinessReport, instansi card: Scorecard, language lang: Language, markdown: Bool) -> String {
        let a = card.assessment
        var lines: [String] = []
        let title = "\(a.unit.name) (\(a.unit.id)) · \(card.rubric.id) · \(lang.pick("periode", "period")) \(a.period) · \(a.role.name(in: lang))"
        lines.append(markdown ? "# \(lang.pick("Kesiapan OPD", "OPD readiness")): \(title)" : title)
        lines.append("")
        var summary = "\(lang.pick("Indeks agregat", "Aggregated index")) \(lang.number(card.index)) \(card.predicate.label.text(in: lang))"
        for (score, pillar) in zip(card.pillars, card.rubric.pillars) {
            summary += " · \(lang.pick("pilar", "pillar")) \(pillar.title.text(in: lang)) \(lang.number(score.index)) \(score.predicate.label.text(in: lang))"
        }
        lines.append(summary)
        let missing = report.missing
        lines.append(missing.isEmpty
            ? lang.pick("Semua OPD pemilik indikator sudah menyerahkan.", "Every owning OPD has submitted.")
            : lang.pick("Belum menyerahkan: ", "Not submitted: ") + missing.map(\.unitID).joined(separator: ", "))
        lines.append("")

        let header = ["#", "OPD", lang.pick("Nama", "Name"), lang.pick("Capaian OPD", "OPD result"), lang.pick("Predikat", "Predicate"),
                      lang.pick("Indikator", "Indicators"), lang.pick("Klaim berlebih", "Overclaims"),
                      lang.pick("Belum dijawab", "Unanswered"), lang.pick("Status", "Status")]
        var rows: [[String]] = []
        for (rank, entry) in report.entries.enumerated() {
            // An OPD responsible for no indicator only contributes: it has no number of its own.
            let own = !entry.indicators.isEmpty
            rows.append([String(rank + 1), entry.unitID, entry.name ?? "—", own ? lang.number(entry.index) : "—",
                         own ? entry.predicate.label.text(in: lang) : "—", String(entry.indicators.count),
                         entry.overclaims.isEmpty ? "—" : entry.overclaims.map(\.id).joined(separator: " "),
                         entry.unanswered.isEmpty ? "—" : entry.unanswered.joined(separator: " "),
                         entry.submitted ? lang.pick("diserahkan", "submitted") : lang.pick("BELUM MENYERAHKAN", "NOT SUBMITTED")])
        }
        if markdown {
            lines.append("| " + header.joined(separator: " | ") + " |")
            lines.append("|" + header.indices.map { [0, 3, 5].contains($0) ? "---:|" : "---|" }.joined())
            for row in rows { lines.append("| " + row.map(MarkdownText.escape).joined(separator: " | ") + " |") }
        } else {
            var table = TextTable([.right, .left, .left, .right, .left, .right, .left, .left, .left])
            table.add(header)
            for row in rows { table.add(row) }
            lines.append(table.render())
        }

        lines.append("")
        lines.append(markdown ? "## \(lang.pick("Yang dibutuhkan untuk level berikutnya", "What the next level needs"))"
                              : lang.pick("Yang dibutuhkan untuk level berikutnya:", "What the next level needs:"))
        for entry in report.entries where entry.submitted {
            let needs = entry.indicators.filter { !$0.score.missingForNext.isEmpty }
            guard !needs.isEmpty else { continue }
            lines.append("")
            lines.append(markdown ? "### \(entry.unitID)" : "\(entry.unitID):")
            for item in needs {
                let score = item.score
                let owner = item.owned ? "" : lang.pick(" (bukan pemilik)", " (not owner)")
                let text = "\(score.id)\(owner) \(lang.pick("level", "level")) \(score.supported) → \(score.supported + 1): "
                    + score.missingForNext.joined(separator: ", ")
                lines.append(markdown ? "- " + MarkdownText.escape(text) : "  " + text)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

}
