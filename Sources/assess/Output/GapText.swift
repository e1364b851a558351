import SPBEAssess
import SPBEReport

/// `assess gap` for people: the target, the plan's steps in order with what each still needs
/// and who owns it, then aspects and domains before and after. As a terminal table or Markdown.
enum GapText {
    static func render(_ plan: GapPlan, language lang: Language, markdown: Bool) -> String {
        let card = plan.scorecard
        let rubric = card.rubric
        let unit = card.assessment.unit
        var out: [String] = []
        func heading(_ text: String) { out.append(markdown ? "\n## \(text)\n" : "\n\(text)") }

        out.append((markdown ? "# " : "") + "\(unit.name) (\(unit.id)) — \(rubric.id), \(lang.pick("periode", "period")) \(card.assessment.period)")
        out.append("")
        out.append("\(lang.pick("Indeks saat ini", "Current index")) \(lang.number(plan.current)) \(card.predicate.label.text(in: lang)) → \(targetText(plan, lang))")
        if let budget = plan.budget { out.append("\(lang.pick("Batas upaya", "Effort budget")): \(lang.number(budget))") }
        if plan.alreadyMet {
            out.append(lang.pick("Target sudah tercapai: tidak ada langkah yang diperlukan.", "The target is already met: no steps are needed."))
        } else if !plan.reachable {
            out.append(lang.pick("Target TIDAK dapat dicapai", "The target is NOT reachable")
                       + (plan.budget == nil ? lang.pick(" bahkan dengan semua indikator di level tertinggi", " even with every indicator at its top level")
                                             : lang.pick(" dengan batas upaya ini", " within this budget"))
                       + lang.pick("; indeks terbaik yang dapat dicapai: ", "; best reachable index: ")
                       + "\(lang.number(plan.projected)) \(plan.projectedPredicate.label.text(in: lang)).")
        }
        if !plan.steps.isEmpty {
            out.append("\(lang.pick("Rencana", "Plan")): \(plan.steps.count) \(lang.pick("langkah", "steps")), \(lang.pick("total upaya", "total effort")) \(lang.number(plan.totalEffort)), \(lang.pick("indeks proyeksi", "projected index")) \(lang.number(plan.projected)) \(plan.projectedPredicate.label.text(in: lang))")
            let quick = GapByOPD.quickWins(plan, lang)
            if !quick.isEmpty {
                heading(lang.pick("Langkah cepat (didahulukan)", "Quick wins (first)"))
                out += quick
            }
            heading(lang.pick("Langkah, berurutan", "Steps, in order"))
            out.append(steps(plan, lang, markdown: markdown))
            heading(lang.pick("Per OPD: daftar tugas", "Per OPD: to-do lists"))
            out += GapByOPD.render(plan, lang, markdown: markdown)
        }
        if !plan.measured.isEmpty {
            heading(lang.pick("Indikator terukur: menunggu survei atau instansi mitra", "Measured indicators: waiting on the survey or partner agency"))
            out.append(lang.pick("Nilai indikator ini berasal dari survei atau hasil evaluasi instansi lain, bukan dari kriteria; rencana tidak menaikkannya.",
                                 "These values come from a survey or another agency's evaluation, not from criteria; the plan does not raise them."))
            for item in plan.measured {
                let title = rubric.indicator(item.indicatorID)?.title.text(in: lang) ?? ""
                let current = ReportFormat.measured(item.current, lang)
                let value = item.answered ? current : lang.pick("tidak dijawab (\(current))", "not answered (\(current))")
                let owners = item.owners.isEmpty ? "" : " — " + item.owners.joined(separator: ", ")
                out.append((markdown ? "- " : "  ") + "\(item.indicatorID) \(markdown ? MarkdownText.escape(title) : title): \(value)\(owners)")
            }
        }
        heading(lang.pick("Aspek: saat ini dan setelah rencana", "Aspects: now and after the plan"))
        out.append(groups(plan.aspects, titles: Dictionary(uniqueKeysWithValues: rubric.aspects.map { ($0.id, $0.title) }), plan, lang, markdown))
        if !plan.domains.isEmpty {
            heading(lang.pick("Domain: saat ini dan setelah rencana", "Domains: now and after the plan"))
            out.append(groups(plan.domains, titles: Dictionary(uniqueKeysWithValues: rubric.domains.map { ($0.id, $0.title) }), plan, lang, markdown))
        }
        if !plan.pillars.isEmpty {
            heading(lang.pick("Pilar", "Pillars"))
            out.append(groups(plan.pillars, titles: Dictionary(uniqueKeysWithValues: rubric.pillars.map { ($0.id, $0.title) }), plan, lang, markdown))
        }
        let weakest = plan.weakestAspects
        if !weakest.isEmpty {
            out.append("")
            out.append(lang.pick("Aspek terlemah terhadap target (setelah rencana): ", "Weakest aspects against the target (after the plan): ")
                       + weakest.map { "\($0.id) \(lang.number($0.projected))" }.joined(separator: ", "))
        }
        return out.joined(separator: "\n") + "\n"
    }

    private static func targetText(_ plan: GapPlan, _ lang: Language) -> String {
        switch plan.target {
        case .index(let hundredths):
            let value = IndexValue(weightedLevels: Int64(hundredths), totalWeight: 100)
            let predicate = plan.scorecard.rubric.predicate(for: value).label.text(in: lang)
            return "target \(lang.number(value)) (\(predicate))"
        case .levels(let levels):
            return lang.pick("target level untuk \(levels.count) indikator", "target levels for \(levels.count) indicators")
        }
    }

    private static func steps(_ plan: GapPlan, _ lang: Language, markdown: Bool) -> String {
        let rubric = plan.scorecard.rubric
        let header = ["#", lang.pick("Indikator", "Indicator"), "Level", lang.pick("+Indeks", "+Index"), lang.pick("Upaya", "Effort"),
                      lang.pick("Proyeksi", "Projected"), lang.pick("Penanggung jawab", "Owner")]
        if markdown {
            var lines = ["| " + header.joined(separator: " | ") + " | " + lang.pick("Kriteria yang belum terpenuhi", "Criteria still missing") + " |",
                         "|" + String(repeating: "---|", count: header.count + 1)]
            for (number, step) in plan.steps.enumerated() {
                let title = rubric.indicator(step.indicatorID)?.title.text(in: lang) ?? ""
                let missing = step.missing.map { "\($0.id): \(MarkdownText.escape($0.text.text(in: lang)))" }.joined(separator: "<br>")
                lines.append("| \(number + 1) | \(step.indicatorID) \(MarkdownText.escape(title)) | \(step.from)→\(step.to) | +\(gain(step, lang)) | \(lang.number(step.effort)) | \(lang.number(step.projected)) \(step.predicate.label.text(in: lang)) | \(step.owners.joined(separator: ", ")) | \(missing) |")
            }
            return lines.joined(separator: "\n")
        }
        // One table for all step rows so columns align; each row is followed by its details.
        var table = TextTable([.right, .left, .left, .right, .right, .left, .left])
        table.add(header)
        for (number, step) in plan.steps.enumerated() {
            table.add(["\(number + 1)", step.indicatorID, "\(step.from)→\(step.to)", "+\(gain(step, lang))", lang.number(step.effort),
                       "\(lang.number(step.projected)) \(step.predicate.label.text(in: lang))", step.owners.joined(separator: ", ")])
        }
        let rows = table.render().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var lines = [rows[0]]
        for (step, row) in zip(plan.steps, rows.dropFirst()) {
            lines.append(row)
            lines.append("      " + (rubric.indicator(step.indicatorID)?.title.text(in: lang) ?? ""))
            for criterion in step.missing {
                lines.append("      - \(criterion.id): \(criterion.text.text(in: lang))")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The step's index gain to four decimals: one level of a 1.3-weight indicator is +0.0130.
    /// A step's index gain to four decimals (a weight of 1.3 of 100 is 0.0130 a level).
    private static func gain(_ step: GapPlan.Step, _ lang: Language) -> String {
        ReportFormat.fixed(step.gain.value, places: 4, lang)
    }

    private static func groups(_ changes: [GapPlan.GroupChange], titles: [String: LocalizedText], _ plan: GapPlan,
                               _ lang: Language, _ markdown: Bool) -> String {
        let header = ["", lang.pick("Judul", "Title"), lang.pick("Saat ini", "Now"), lang.pick("Setelah", "After")]
        let rows = changes.map { [$0.id, titles[$0.id]?.text(in: lang) ?? "", lang.number($0.current), lang.number($0.projected)] }
        if markdown {
            return (["| " + header.joined(separator: " | ") + " |", "|---|---|---:|---:|"]
                    + rows.map { "| " + $0.map(MarkdownText.escape).joined(separator: " | ") + " |" }).joined(separator: "\n")
        }
        var table = TextTable([.left, .left, .right, .right])
        table.add(header)
        rows.forEach { table.add($0) }
        return table.render()
    }
}

