import SPBEAssess
import SPBEReport

/// `assess trend` as a terminal table or Markdown: the periods, then each step with its index
/// change, aspect/domain changes and the indicators that rose or fell.
enum TrendText {
    static func render(_ trend: Trend, language lang: Language, markdown: Bool) -> String {
        var lines: [String] = []
        let unit = trend.unit
        let heading = "\(unit.name) (\(unit.id)) — \(lang.pick("tren", "trend")) \(trend.periods.count) \(lang.pick("periode", "periods"))"
        lines.append(markdown ? "# \(heading)" : heading)
        lines.append("")
        lines += table([lang.pick("Periode", "Period"), lang.pick("Rubrik", "Rubric"), lang.pick("Peran", "Role"),
                        lang.pick("Indeks", "Index"), lang.pick("Predikat", "Predicate"), lang.pick("Berkas", "File")],
                       trend.periods.map { card in
                           [card.assessment.period, card.rubric.id, card.assessment.role.name(in: lang), lang.number(card.index),
                            card.predicate.label.text(in: lang), card.assessment.path]
                       }, numeric: [3], markdown: markdown)

        for step in trend.steps {
            lines.append("")
            let title = "\(step.from.assessment.period) → \(step.to.assessment.period)"
                + (step.sameRubric ? " (\(step.to.rubric.id))" : " (\(step.from.rubric.id) → \(step.to.rubric.id))")
            lines.append(markdown ? "## \(title)" : title)
            guard let baseline = step.baseline else {
                lines.append("")
                lines.append(lang.pick(
                    "Rubrik berbeda dan tidak ada pemetaan (crosswalk-\(step.from.rubric.id)-\(step.to.rubric.id).xml): indeks tidak dapat dibandingkan; bobot dan batas predikat kedua rubrik berbeda.",
                    "Different rubrics and no crosswalk (crosswalk-\(step.from.rubric.id)-\(step.to.rubric.id).xml): the indices cannot be compared; the two rubrics' weights and predicate bands differ."))
                continue
            }
            lines.append("")
            if !step.sameRubric {
                lines.append((markdown ? "> " : "") + lang.pick(
                    "Catatan: periode \(step.from.assessment.period) dinilai dengan \(step.from.rubric.id) (indeks \(lang.number(step.from.index)) \(step.from.predicate.label.text(in: lang))). Untuk dibandingkan, buktinya dialihkan ke \(step.to.rubric.id) melalui \(step.crosswalkPath ?? "pemetaan"): pemetaan adalah pertimbangan, bukan peraturan, dan indikator tanpa sumber bernilai level terendah. Selisih di bawah menunjukkan arah, bukan ukuran pasti.",
                    "Caveat: period \(step.from.assessment.period) was assessed under \(step.from.rubric.id) (index \(lang.number(step.from.index)) \(step.from.predicate.label.text(in: lang))). To compare, its evidence was carried over to \(step.to.rubric.id) through \(step.crosswalkPath ?? "the crosswalk"): a crosswalk is judgement, not regulation, and indicators with no source start at the floor. The differences below show direction, not an exact measure."))
                lines.append("")
            }
            let fromLabel = step.sameRubric ? step.from.assessment.period : "\(step.from.assessment.period) (\(lang.pick("dialihkan", "migrated")))"
            lines.append("\(lang.pick("Indeks", "Index")): \(fromLabel) \(lang.number(baseline.index)) \(baseline.predicate.label.text(in: lang)) → \(step.to.assessment.period) \(lang.number(step.to.index)) \(step.to.predicate.label.text(in: lang)) (\(ReportFormat.signed(hundredths: step.indexDeltaHundredths ?? 0, lang)))")
            lines.append("")
            let titles = groupTitles(step.to.rubric, lang)
            lines += table([lang.pick("Kelompok", "Group"), "", fromLabel, step.to.assessment.period, lang.pick("Selisih", "Change")],
                           step.groups.map { change in
                               [change.id, titles[change.id] ?? "", lang.number(change.from), lang.number(change.to), ReportFormat.signed(hundredths: change.deltaHundredths, lang)]
                           }, numeric: [2, 3, 4], markdown: markdown)
            let rose = step.indicators.filter(\.rose)
            let fell = step.indicators.filter(\.fell)
            for (label, changes) in [(lang.pick("Naik", "Rose"), rose), (lang.pick("Turun", "Fell"), fell)] {
                lines.append("")
                guard !changes.isEmpty else {
                    lines.append("\(label): \(lang.pick("tidak ada", "none"))")
                    continue
                }
                lines.append("\(label) (\(changes.count)):")
                if markdown { lines.append("") }
                lines += table([lang.pick("Indikator", "Indicator"), lang.pick("Level", "Level"), lang.pick("Selisih", "Change"), lang.pick("Judul", "Title")],
                               changes.map { change in
                                   [change.id, "\(ReportFormat.score(change.from, lang)) → \(ReportFormat.score(change.to, lang))", ReportFormat.signed(change.delta, lang),
                                    step.to.rubric.indicator(change.id)?.title.text(in: lang) ?? ""]
                               }, numeric: [2], markdown: markdown, indent: markdown ? "" : "  ")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `+0.15`, `-0.03`, `0.00` from hundredths.
    private static func groupTitles(_ rubric: Rubric, _ lang: Language) -> [String: String] {
        var titles: [String: String] = [:]
        for domain in rubric.domains { titles[domain.id] = domain.title.text(in: lang) }
        for aspect in rubric.aspects { titles[aspect.id] = aspect.title.text(in: lang) }
        return titles
    }

    private static func table(_ header: [String], _ rows: [[String]], numeric: Set<Int>, markdown: Bool,
                              indent: String = "") -> [String] {
        if markdown {
            let escape = MarkdownText.escape
            return ["| " + header.map(escape).joined(separator: " | ") + " |",
                    "|" + header.indices.map { numeric.contains($0) ? " ---: " : " --- " }.joined(separator: "|") + "|"]
                + rows.map { "| " + $0.map(escape).joined(separator: " | ") + " |" }
        }
        var table = TextTable(header.indices.map { numeric.contains($0) ? .right : .left })
        table.add(header)
        rows.forEach { table.add($0) }
        return [table.render(indent: indent)]
    }
}
