import SPBEAssess

/// The report as Markdown: the same content as the HTML page, without the charts. Text from
/// evidence files is escaped so it cannot become Markdown (or HTML) structure.
public enum MarkdownReport {
    public static func render(_ input: ReportInput) -> String {
        let lang = input.language
        var out = ["# \(Phrase.reportTitle.text(lang))", ""]
        if let regency = input.regency {
            out += ["## \(MarkdownText.escape(regency.assessment.unit.name))", "",
                    "**\(Phrase.index.text(lang)) \(ReportFormat.index(regency.index, lang)) — \(regency.predicate.label.text(in: lang))**", ""]
            out += table(["", Phrase.title.text(lang), Phrase.index.text(lang), Phrase.weight.text(lang), Phrase.predicate.text(lang)],
                         groupRows(regency, lang))
            out.append("")
        }
        if let readiness = input.readiness {
            out += ["## \(Phrase.readiness.text(lang))", ""]
            out += table(["#", "OPD", Phrase.roles.text(lang), Phrase.index.text(lang), Phrase.predicate.text(lang),
                          Phrase.overclaims.text(lang), Phrase.unanswered.text(lang), Phrase.status.text(lang)],
                         readiness.entries.enumerated().map { number, entry in
                             ["\(number + 1)", MarkdownText.escape(entry.name ?? entry.unitID), MarkdownText.escape(entry.roles.joined(separator: ", ")),
                              ReportFormat.index(entry.index, lang), entry.predicate.label.text(in: lang), entry.overclaims.map(\.id).joined(separator: ", "),
                              entry.unanswered.joined(separator: ", "),
                              entry.submitted ? Phrase.submitted.text(lang) : "**\(Phrase.notSubmitted.text(lang))**"]
                         })
            out.append("")
        }
        if let comparison = input.comparison {
            out += ["## \(Phrase.comparison.text(lang))", ""]
            out += table([""] + comparison.roles.map { $0.name(in: lang) } + ["Δ", ""], comparison.groups.map { group in
                [group.id] + group.sides.map { side in side.map { "\(ReportFormat.index($0.index, lang)) \($0.predicate.label.text(in: lang))" } ?? "" }
                    + [group.deltaHundredths.map { ReportFormat.signed(hundredths: $0, lang) } ?? "",
                       group.predicateChanged ? "**\(Phrase.predicateChanged.text(lang))**" : ""]
            })
            out += ["", "### \(Phrase.toDiscuss.text(lang))", "", Phrase.comparisonCells.text(lang), ""]
            out += table([Phrase.indicator.text(lang)] + comparison.roles.map { $0.name(in: lang) } + ["Δ", Phrase.acceptedByOneSide.text(lang)],
                         comparison.indicators.filter(\.needsAttention).map { indicator in
                             [indicator.id] + indicator.sides.map { "\($0.claimed.map(String.init) ?? "–")/\($0.supported)/\($0.level)" + ($0.overclaim ? " !" : "") }
                                 + [String(format: "%+d", indicator.delta),
                                    indicator.criteria.map { "\($0.criterionID) (\($0.acceptedBy.map { $0.shortName(in: lang) }.joined(separator: ", ")))" }.joined(separator: ", ")]
                         })
            out += ["", "### \(Phrase.agreement.text(lang))", ""]
            out += table(["", "n", Phrase.exactAgreement.text(lang), Phrase.withinOne.text(lang), Phrase.meanAbsoluteDifference.text(lang), "κ"],
                         comparison.agreements.map { pair in
                             let a = pair.agreement
                             return ["\(pair.a.name(in: lang)) – \(pair.b.name(in: lang))", "\(a.count)",
                                     a.exact.map { ReportFormat.fixed($0 * 100, places: 1, lang) + "%" } ?? "", a.withinOne.map { ReportFormat.fixed($0 * 100, places: 1, lang) + "%" } ?? "",
                                     a.meanAbsoluteDifference.map { ReportFormat.fixed($0, places: 2, lang) } ?? "", a.kappa.map { ReportFormat.fixed($0, places: 3, lang) } ?? ""]
                         })
            out.append("")
        }
        if let followUp = input.followUp {
            out += ["## \(Phrase.followUp.text(lang)) (\(followUp.review.role.name(in: lang)) \(MarkdownText.escape(followUp.review.period)))", "",
                    followUp.counts(lang), "", "_\(Phrase.followUpNote.text(lang))_", ""]
            out += table(followUp.header.map { $0.text(lang) }, followUp.rows(lang).map { $0.map(MarkdownText.escape) })
            out.append("")
        }
        if let trend = input.trend {
            out += ["## \(Phrase.trend.text(lang))", ""]
            out += table([Phrase.period.text(lang), Phrase.rubric.text(lang), Phrase.index.text(lang), Phrase.predicate.text(lang)],
                         trend.periods.map { [MarkdownText.escape($0.assessment.period), $0.rubric.id, ReportFormat.index($0.index, lang), $0.predicate.label.text(in: lang)] })
            if trend.steps.contains(where: { !$0.sameRubric }) { out += ["", "_\(Phrase.rubricChangeCaveat.text(lang))_"] }
            out.append("")
        }
        for card in input.cards {
            let a = card.assessment
            let rubric = card.rubric
            out += ["## \(MarkdownText.escape(a.unit.name))", "",
                    "\(MarkdownText.escape(a.unit.id)) · \(a.unit.kind.rawValue) · \(MarkdownText.escape(rubric.title.text(in: lang))) · \(Phrase.period.text(lang)) \(MarkdownText.escape(a.period)) · \(a.role.name(in: lang))", "",
                    "**\(Phrase.index.text(lang)) \(ReportFormat.index(card.index, lang)) — \(card.predicate.label.text(in: lang))**", ""]
            if let result = input.opdResults[a.path] {
                out += ["**\(lang == .id ? "Capaian OPD" : "OPD result") \(ReportFormat.index(result.index, lang)) — \(result.predicate.label.text(in: lang))** "
                        + (lang == .id ? "(\(result.indicatorIDs.count) indikator tanggung jawabnya, bobot dinormalkan)"
                                       : "(\(result.indicatorIDs.count) indicators it answers for, weights renormalised)"), ""]
            }
            out += [MarkdownText.escape(LostPointsLine.text(card, lang)), ""]
            out += table(["", Phrase.title.text(lang), Phrase.index.text(lang), Phrase.weight.text(lang), Phrase.predicate.text(lang)],
                         groupRows(card, lang))
            if let plan = input.plans[a.path] {
                out += ["", "### \(Phrase.roadmap.text(lang))", ""]
                if plan.alreadyMet {
                    out.append(Phrase.alreadyMet.text(lang))
                } else {
                    out.append("\(plan.reachable ? Phrase.reachable.text(lang) : Phrase.unreachable.text(lang)): \(ReportFormat.index(plan.current, lang)) → \(ReportFormat.index(plan.projected, lang)) \(plan.projectedPredicate.label.text(in: lang)) · \(Phrase.totalEffort.text(lang)) \(ReportFormat.exact(plan.totalEffort, lang))")
                    out.append("")
                    out += table([Phrase.step.text(lang), Phrase.indicator.text(lang), Phrase.level.text(lang), Phrase.effort.text(lang),
                                  Phrase.projected.text(lang), Phrase.owner.text(lang), Phrase.missingForNext.text(lang)],
                                 plan.steps.enumerated().map { number, step in
                                     ["\(number + 1)", step.indicatorID, "\(step.from)→\(step.to)", ReportFormat.exact(step.effort, lang),
                                      "\(ReportFormat.index(step.projected, lang)) \(step.predicate.label.text(in: lang))", MarkdownText.escape(step.owners.joined(separator: ", ")),
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
                             return [indicator.id, MarkdownText.escape(indicator.title.text(in: lang)), score.claimed.map(String.init) ?? "",
                                     score.assessed ? ReportFormat.supported(score, lang) : Phrase.notAssessed.text(lang), ReportFormat.score(score.score, lang),
                                     score.missingForNext.joined(separator: ", "), MarkdownText.escape(documents.joined(separator: ", ")),
                                     MarkdownText.escape(answer?.note.text(in: lang) ?? "")]
                         })
            out.append("")
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func groupRows(_ card: Scorecard, _ lang: Language) -> [[String]] {
        let rubric = card.rubric
        func rows(_ scores: [GroupScore], _ titles: [LocalizedText]) -> [[String]] {
            zip(scores, titles).map { [$0.id, MarkdownText.escape($1.text(in: lang)), ReportFormat.index($0.index, lang), ReportFormat.exact($0.weight, lang), $0.predicate.label.text(in: lang)] }
        }
        return rows(card.domains, rubric.domains.map(\.title)) + rows(card.aspects, rubric.aspects.map(\.title))
            + rows(card.pillars, rubric.pillars.map(\.title))
    }

    static func table(_ header: [String], _ rows: [[String]]) -> [String] {
        ["| " + header.joined(separator: " | ") + " |", "|" + String(repeating: " --- |", count: header.count)]
            + rows.map { "| " + $0.joined(separator: " | ") + " |" }
    }

}
