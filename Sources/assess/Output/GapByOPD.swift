import SPBEAssess
import SPBEReport

/// The plan as each OPD's to-do list: its steps in plan order, the criteria to meet (text) and
/// the documents to bring, quick wins marked. Steps go to the indicator's first owner role (the
/// default responsible OPD); an indicator without owners goes under "—".
enum GapByOPD {
    static func render(_ plan: GapPlan, _ lang: Language, markdown: Bool) -> [String] {
        guard !plan.steps.isEmpty else { return [] }
        let rubric = plan.scorecard.rubric
        var order: [String] = []
        var byOwner: [String: [(Int, GapPlan.Step)]] = [:]
        for (number, step) in plan.steps.enumerated() {
            let owner = step.owners.first ?? "—"
            if byOwner[owner] == nil { order.append(owner) }
            byOwner[owner, default: []].append((number + 1, step))
        }
        var lines: [String] = []
        for owner in order {
            let steps = byOwner[owner] ?? []
            lines.append(markdown ? "\n### \(owner)\n" : "\n\(owner):")
            for (number, step) in steps {
                let title = rubric.indicator(step.indicatorID)?.title.text(in: lang) ?? ""
                let mark = step.quickWin == nil ? "" : lang.pick(" [cepat]", " [quick win]")
                lines.append((markdown ? "- " : "  ") + "\(number). \(step.indicatorID) \(step.from)→\(step.to)\(mark) — \(markdown ? MarkdownText.escape(title) : title)")
                let undocumented: Set<String> = if case .attachDocuments(let ids) = step.quickWin { Set(ids) } else { [] }
                for criterion in step.missing {
                    let text = criterion.text.text(in: lang)
                    let action = undocumented.contains(criterion.id)
                        ? lang.pick("lampirkan dokumen yang sudah ada: ", "attach the document you already have: ")
                        : lang.pick("bawa dokumen bukti: ", "bring the document showing: ")
                    lines.append((markdown ? "    - " : "      - ") + "\(criterion.id): \(action)\(markdown ? MarkdownText.escape(text) : text)")
                }
            }
        }
        return lines
    }

    /// The quick wins of the plan, one line each; empty when there are none.
    static func quickWins(_ plan: GapPlan, _ lang: Language) -> [String] {
        plan.steps.compactMap { step in
            switch step.quickWin {
            case .attachDocuments(let ids)?:
                return "  \(step.indicatorID) \(step.from)→\(step.to): " + lang.pick("lampirkan dokumen untuk ", "attach the documents for ") + ids.joined(separator: ", ")
            case .oneCriterion(let id)?:
                return "  \(step.indicatorID) \(step.from)→\(step.to): " + lang.pick("satu kriteria lagi: ", "one criterion left: ") + id
            case nil:
                return nil
            }
        }
    }
}
