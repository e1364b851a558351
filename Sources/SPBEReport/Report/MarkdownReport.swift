import SPBEAssess

/// The report as Markdown: the same content as the HTML page, without the charts. Text from
/// evidence files is escaped so it cannot become Markdown (or HTML) structure.
public enum MarkdownReport {
    public static func render(_ input: ReportInput) -> String {
        let lang = input.language
        var out = ["# \(Phrase.reportTitle.text(lang))", ""]
        for card in input.cards {
            let a = card.assessment
            let rubric = card.rubric
            out += ["## \(escape(a.unit.name))", "",
                    "\(escape(a.unit.id)) · \(a.unit.kind.rawValue) · \(escape(rubric.title.text(in: lang))) · \(Phrase.period.text(lang)) \(escape(a.period)) · \(a.role.name(in: lang))", "",
                    "**\(Phrase.index.text(lang)) \(card.index) — \(card.predicate.label.text(in: lang))**", ""]
            out += table(["", Phrase.title.text(lang), Phrase.index.text(lang), Phrase.weight.text(lang), Phrase.predicate.text(lang)],
                         groupRows(card, lang))
            if let plan = input.plans[a.path] {
                out += ["", "### \(Phrase.roadmap.text(lang))", ""]
                if plan.alreadyMet {
                    out.append(Phrase.alreadyMet.text(lang))
                } else {
                    out.append("\(plan.reachable ? Phrase.reachable.text(lang) : Phrase.unreachable.text(lang)): \(plan.current) → \(plan.projected) \(plan.projectedPredicate.label.text(in: lang)) · \(Phrase.totalEffort.text(lang)) \(plan.totalEffort)")
                    out.append("")
                    out += table([Phrase.step.text(lang), Phrase.indicator.text(lang), Phrase.level.text(lang), Phrase.effort.text(lang),
                                  Phrase.projected.text(lang), Phrase.owner.text(lang), Phrase.missingForNext.text(lang)],
                                 plan.steps.enumerated().map { number, step in
                                     ["\(number + 1)", step.indicatorID, "\(step.from)→\(step.to)", step.effort.description,
                                      "\(step.projected) \(step.predicate.label.text(in: lang))", escape(step.owners.joined(separator: ", ")),
                                      step.missing.map(\.id).joined(separator: ", ")]
                                 })
                }
            }
            out += ["", "### \(Phrase.overclaims.text(lang))", ""]
            if card.overclaims.isEmpty {
                out.append(Phrase.noOverclaims.text(lang))
            } else {
                out += table([Phrase.indicator.text(lang), Phrase.claimed.text(lang), Phrase.supported.text(lang), Phrase.missingForNext.text(lang)],
                             card.overclaims.map { [$0.id, "\($0.claimed ?? 0)", "\($0.supported)", $0.missingForNext.joined(separator: ", ")] })
            }
            let undocumented = card.indicators.filter { !$0.metWithoutDocument.isEmpty }
            out += ["", "### \(Phrase.evidenceProblems.text(lang))", ""]
            out += undocumented.isEmpty ? [Phrase.noEvidenceProblems.text(lang)]
                : undocumented.map { "- \($0.id): \($0.metWithoutDocument.joined(separator: ", ")) — \(Phrase.metWithoutDocument.text(lang))" }
            out += ["", "### \(Phrase.indicators.text(lang))", ""]
            out += table([Phrase.indicator.text(lang), Phrase.title.text(lang), Phrase.claimed.text(lang), Phrase.supported.text(lang),
                          Phrase.scored.text(lang), Phrase.missingForNext.text(lang), Phrase.documents.text(lang), Phrase.note.text(lang)],
                         zip(rubric.indicators, card.indicators).map { indicator, score in
                             let answer = a.answer(for: indicator.id)
                             let documents = Set(answer?.met.flatMap(\.documentIDs) ?? []).sorted()
                             return [indicator.id, escape(indicator.title.text(in: lang)), score.claimed.map(String.init) ?? "",
                                     score.assessed ? "\(score.supported)" : Phrase.notAssessed.text(lang), "\(score.level)",
                                     score.missingForNext.joined(separator: ", "), escape(documents.joined(separator: ", ")),
                                     escape(answer?.note.text(in: lang) ?? "")]
                         })
            out.append("")
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func groupRows(_ card: Scorecard, _ lang: Language) -> [[String]] {
        let rubric = card.rubric
        func rows(_ scores: [GroupScore], _ titles: [LocalizedText]) -> [[String]] {
            zip(scores, titles).map { [$0.id, escape($1.text(in: lang)), $0.index.description, $0.weight.description, $0.predicate.label.text(in: lang)] }
        }
        return rows(card.domains, rubric.domains.map(\.title)) + rows(card.aspects, rubric.aspects.map(\.title))
            + rows(card.pillars, rubric.pillars.map(\.title))
    }

    static func table(_ header: [String], _ rows: [[String]]) -> [String] {
        ["| " + header.joined(separator: " | ") + " |", "|" + String(repeating: " --- |", count: header.count)]
            + rows.map { "| " + $0.joined(separator: " | ") + " |" }
    }

    /// Backslash-escapes Markdown's structural characters and HTML's `<` and `&`, and folds
    /// newlines, so a note stays one table cell of plain text.
    public static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "|", "#", "<", ">", "!": result += "\\\(character)"
            case "&": result += "&amp;"
            case "\n", "\r", "\r\n": result += " "
            default: result.append(character)
            }
        }
        return result
    }
}
