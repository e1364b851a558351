import Foundation
import SPBEAssess

/// One self-contained HTML page: inline CSS and SVG, no scripts, no fonts or images from
/// anywhere; readable on a laptop, printable on A4. Built as a ``Markup`` tree, so every text
/// from an evidence file is escaped.
public enum HTMLReport {
    public static func render(_ input: ReportInput) -> String {
        let lang = input.language
        var body: [Markup] = [.el("h1", children: [.text(Phrase.reportTitle.text(lang))])]
        if let regency = input.regency {
            body.append(unitSection(regency, plan: input.plans[regency.assessment.path], target: input.targetIndex, lang, details: false))
        }
        if let readiness = input.readiness {
            body.append(readinessTable(readiness, lang))
        }
        if let comparison = input.comparison {
            body.append(comparisonSection(comparison, lang))
        }
        if let trend = input.trend {
            body.append(trendSection(trend, lang))
        } else if input.cards.count > 1 {
            body.append(heatmap(input.cards, lang))
        }
        for card in input.cards {
            body.append(unitSection(card, plan: input.plans[card.assessment.path], target: input.targetIndex, lang,
                                    result: input.opdResults[card.assessment.path]))
        }
        body.append(.el("footer", children: [.text(Phrase.generatedBy.text(lang))]))
        let document = Markup.el("html", ["lang": lang.rawValue],
            .el("head",
                .el("meta", ["charset": "utf-8"]),
                .el("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"]),
                .el("title", children: [.text(title(input))]),
                .el("style", children: [.text(ReportStyle.css)])),
            .el("body", children: body))
        return "<!DOCTYPE html>\n" + document.render() + "\n"
    }

    private static func title(_ input: ReportInput) -> String {
        let names = input.cards.map(\.assessment.unit.name)
        return Phrase.reportTitle.text(input.language) + (names.count == 1 ? " — \(names[0])" : "")
    }

    static func unitSection(_ card: Scorecard, plan: GapPlan?, target: Double?, _ lang: Language, details: Bool = true,
                            result: OPDResult? = nil) -> Markup {
        let a = card.assessment
        let rubric = card.rubric
        var parts: [Markup] = []
        parts.append(.el("header", ["class": "unit"],
            .el("div", ["class": "who"],
                .el("h2", children: [.text(a.unit.name)]),
                .el("p", children: [.text("\(a.unit.id) · \(a.unit.kind.rawValue)" + (a.unit.instansi.map { " · \(Phrase.instansi.text(lang)) \($0)" } ?? ""))]),
                .el("p", children: [.text("\(rubric.title.text(in: lang)) · \(Phrase.period.text(lang)) \(a.period) · \(a.role.name(in: lang))")])),
            result.map { result in
                .el("div", ["class": "score p\(rubric.predicates.firstIndex(of: result.predicate) ?? 0)"],
                    .el("div", ["class": "index"], .text(result.index.description)),
                    .el("div", ["class": "predicate"], .text((lang == .id ? "Capaian OPD · " : "OPD result · ") + result.predicate.label.text(in: lang))))
            } ?? .el("div", ["class": "score p\(card.predicateRank)"],
                .el("div", ["class": "index"], .text(card.index.description)),
                .el("div", ["class": "predicate"], .text(card.predicate.label.text(in: lang))))))
        parts.append(.el("p", ["class": "lost"], .text(LostPointsLine.text(card, lang))))

        let aspects = zip(card.aspects, rubric.aspects).map {
            RadarChart.Axis(label: $1.id, value: $0.index.value)
        }
        // Left: the radar of aspects. Right: bars per domain (or per aspect) and per pillar.
        var left: [Markup] = []
        var right: [Markup] = []
        if aspects.count >= 3 {
            left.append(figure(RadarChart(axes: aspects, target: target).svg(title: Phrase.radarTitle.text(lang)), Phrase.radarTitle.text(lang), target: target, lang))
        }
        if !card.domains.isEmpty {
            let bars = zip(card.domains, rubric.domains).map { BarChart.Bar(label: "\($1.id) \($1.title.text(in: lang))", value: $0.index.value) }
            right.append(figure(BarChart(bars: bars, target: target).svg(title: Phrase.domainBarsTitle.text(lang)), Phrase.domainBarsTitle.text(lang), target: target, lang))
        } else {
            let bars = zip(card.aspects, rubric.aspects).map { BarChart.Bar(label: "\($1.id) \($1.title.text(in: lang))", value: $0.index.value) }
            right.append(figure(BarChart(bars: bars, target: target).svg(title: Phrase.radarTitle.text(lang)), Phrase.radarTitle.text(lang), target: target, lang))
        }
        if !card.pillars.isEmpty {
            let bars = zip(card.pillars, rubric.pillars).map { BarChart.Bar(label: $1.title.text(in: lang), value: $0.index.value) }
            right.append(figure(BarChart(bars: bars, target: target).svg(title: Phrase.pillarBarsTitle.text(lang)), Phrase.pillarBarsTitle.text(lang)))
        }
        let charts: [Markup] = [.el("div", ["class": "chart-column"], children: left), .el("div", ["class": "chart-column"], children: right)]
        parts.append(.el("div", ["class": "charts"], children: charts))
        parts.append(groupTable(card, lang))
        if let plan { parts.append(roadmap(plan, lang)) }
        if details {
            parts.append(problems(card, lang))
            parts.append(indicatorTable(card, lang))
        }
        return .el("section", ["class": "unit-report"], children: parts)
    }

    private static func figure(_ svg: Markup, _ caption: String, target: Double? = nil, _ lang: Language = .id) -> Markup {
        let legend = target.map { String(format: " — %@ %.2f (%@)", Phrase.target.text(lang), $0, Phrase.dashedLine.text(lang)) } ?? ""
        return .el("figure", svg, .el("figcaption", children: [.text(caption + legend)]))
    }

    private static func table(_ headers: [String], _ rows: [[Markup]], class name: String = "") -> Markup {
        .el("table", ["class": name],
            .el("thead", .el("tr", children: headers.map { .el("th", children: [.text($0)]) })),
            .el("tbody", children: rows.map { .el("tr", children: $0.map { .el("td", children: [$0]) }) }))
    }

    private static func groupTable(_ card: Scorecard, _ lang: Language) -> Markup {
        let rubric = card.rubric
        var rows: [[Markup]] = []
        func row(_ score: GroupScore, _ title: LocalizedText, _ kind: String) {
            rows.append([.text(score.id), .text(title.text(in: lang)), .text(kind), .text(score.index.description),
                         .text(score.weight.description), .text(score.predicate.label.text(in: lang))])
        }
        for (score, domain) in zip(card.domains, rubric.domains) { row(score, domain.title, Phrase.domains.text(lang)) }
        for (score, aspect) in zip(card.aspects, rubric.aspects) { row(score, aspect.title, Phrase.aspects.text(lang)) }
        for (score, pillar) in zip(card.pillars, rubric.pillars) { row(score, pillar.title, Phrase.pillars.text(lang)) }
        return .el("div", ["class": "block"],
            table(["", Phrase.title.text(lang), "", Phrase.index.text(lang), Phrase.weight.text(lang), Phrase.predicate.text(lang)], rows, class: "groups"))
    }

    private static func roadmap(_ plan: GapPlan, _ lang: Language) -> Markup {
        let rubric = plan.scorecard.rubric
        var parts: [Markup] = [.el("h3", children: [.text(Phrase.roadmap.text(lang))])]
        let summary: String
        if plan.alreadyMet {
            summary = Phrase.alreadyMet.text(lang)
        } else if plan.reachable {
            summary = "\(Phrase.reachable.text(lang)): \(plan.current) → \(plan.projected) \(plan.projectedPredicate.label.text(in: lang)) · \(Phrase.totalEffort.text(lang)) \(plan.totalEffort)"
        } else {
            summary = "\(Phrase.unreachable.text(lang)) \(plan.projected) \(plan.projectedPredicate.label.text(in: lang)) · \(Phrase.totalEffort.text(lang)) \(plan.totalEffort)"
        }
        parts.append(.el("p", children: [.text(summary)]))
        if !plan.steps.isEmpty {
            let rows: [[Markup]] = plan.steps.enumerated().map { number, step in
                [.text("\(number + 1)"),
                 .fragment([.el("strong", children: [.text(step.indicatorID)]), .text(" " + (rubric.indicator(step.indicatorID)?.title.text(in: lang) ?? ""))]),
                 .text("\(step.from)→\(step.to)"), .text(String(format: "+%.4f", step.gain.value)), .text(step.effort.description),
                 .text("\(step.projected) \(step.predicate.label.text(in: lang))"), .text(step.owners.joined(separator: ", ")),
                 .el("ul", children: step.missing.map { .el("li", children: [.text("\($0.id): \($0.text.text(in: lang))")]) })]
            }
            parts.append(table([Phrase.step.text(lang), Phrase.indicator.text(lang), Phrase.level.text(lang), Phrase.gain.text(lang),
                                Phrase.effort.text(lang), Phrase.projected.text(lang), Phrase.owner.text(lang), Phrase.missingForNext.text(lang)],
                               rows, class: "roadmap"))
        }
        return .el("div", ["class": "block"], children: parts)
    }

    private static func problems(_ card: Scorecard, _ lang: Language) -> Markup {
        let rubric = card.rubric
        var parts: [Markup] = [.el("h3", children: [.text(Phrase.overclaims.text(lang))])]
        let overclaims = card.overclaims
        if overclaims.isEmpty {
            parts.append(.el("p", children: [.text(Phrase.noOverclaims.text(lang))]))
        } else {
            parts.append(table([Phrase.indicator.text(lang), Phrase.claimed.text(lang), Phrase.supported.text(lang), Phrase.missingForNext.text(lang)],
                overclaims.map { score in
                    [.fragment([.el("strong", children: [.text(score.id)]), .text(" " + (rubric.indicator(score.id)?.title.text(in: lang) ?? ""))]),
                     .text("\(score.claimed ?? 0)"), .text("\(score.supported)"), .text(score.missingForNext.joined(separator: ", "))]
                }, class: "overclaims"))
        }
        parts.append(.el("h3", children: [.text(Phrase.evidenceProblems.text(lang))]))
        let undocumented = card.indicators.filter { !$0.metWithoutDocument.isEmpty }
        if undocumented.isEmpty {
            parts.append(.el("p", children: [.text(Phrase.noEvidenceProblems.text(lang))]))
        } else {
            parts.append(.el("ul", children: undocumented.map {
                .el("li", children: [.text("\($0.id): \($0.metWithoutDocument.joined(separator: ", ")) — \(Phrase.metWithoutDocument.text(lang))")])
            }))
        }
        return .el("div", ["class": "block"], children: parts)
    }

    private static func indicatorTable(_ card: Scorecard, _ lang: Language) -> Markup {
        let rubric = card.rubric
        let documents = Dictionary(card.assessment.documents.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let rows: [[Markup]] = zip(rubric.indicators, card.indicators).map { indicator, score in
            let answer = card.assessment.answer(for: indicator.id)
            let met = answer?.met.map(\.criterionID) ?? []
            let cited = Array(Set(answer?.met.flatMap(\.documentIDs) ?? [])).sorted()
            var notes: [Markup] = []
            if let note = answer?.note, !note.isEmpty { notes.append(.el("p", ["class": "note"], .text(note.text(in: lang)))) }
            return [
                .text(indicator.id),
                .fragment([.text(indicator.title.text(in: lang))] + notes),
                .text(score.claimed.map(String.init) ?? Phrase.none.text(lang)),
                .text(score.assessed ? "\(score.supported)" : Phrase.notAssessed.text(lang)),
                .el("span", ["class": "level l\(score.level)"], .text("\(score.level)")),
                .text(met.joined(separator: ", ")),
                .text(score.missingForNext.joined(separator: ", ")),
                .el("ul", children: cited.map { id in
                    .el("li", children: [.text(documents[id].map { "\($0.title)" + ($0.date.map { " (\($0))" } ?? "") } ?? id)])
                }),
            ]
        }
        return .el("div", ["class": "block"],
            .el("h3", children: [.text(Phrase.indicators.text(lang))]),
            table([Phrase.indicator.text(lang), Phrase.title.text(lang), Phrase.claimed.text(lang), Phrase.supported.text(lang),
                   Phrase.scored.text(lang), Phrase.criteriaMet.text(lang), Phrase.missingForNext.text(lang), Phrase.documents.text(lang)],
                  rows, class: "indicators"))
    }

    /// Two or three roles' assessments of one unit: group indices side by side (a predicate change
    /// marked), the indicators to discuss, and how far the roles agree.
    static func comparisonSection(_ comparison: Comparison, _ lang: Language) -> Markup {
        let roles = comparison.roles.map { $0.name(in: lang) }
        let groupRows: [[Markup]] = comparison.groups.map { group in
            [.text(group.id)]
                + group.sides.map { side in .text(side.map { "\($0.index) \($0.predicate.label.text(in: lang))" } ?? Phrase.none.text(lang)) }
                + [.text(group.deltaHundredths.map { String(format: "%+.2f", Double($0) / 100) } ?? ""),
                   group.predicateChanged ? .el("strong", ["class": "missing"], .text(Phrase.predicateChanged.text(lang))) : .text("")]
        }
        let indicatorRows: [[Markup]] = comparison.indicators.filter(\.needsAttention).map { indicator in
            [.text(indicator.id)]
                + indicator.sides.map { side in
                    .text("\(side.claimed.map(String.init) ?? "–")/\(side.supported)/\(side.level)" + (side.overclaim ? " !" : ""))
                }
                + [.text(String(format: "%+d", indicator.delta)),
                   .text(indicator.criteria.map { "\($0.criterionID) (\($0.acceptedBy.map(\.rawValue).joined(separator: ", ")))" }.joined(separator: ", ")),
                   .el("ul", children: indicator.sides.filter { !$0.note.isEmpty }.map {
                       .el("li", children: [.text("\($0.role.name(in: lang)): \($0.note.text(in: lang))")])
                   })]
        }
        let agreementRows: [[Markup]] = comparison.agreements.map { pair in
            let a = pair.agreement
            func percent(_ value: Double?) -> String { value.map { String(format: "%.1f%%", $0 * 100) } ?? Phrase.none.text(lang) }
            return [.text("\(pair.a.name(in: lang)) – \(pair.b.name(in: lang))"), .text("\(a.count)"), .text(percent(a.exact)),
                    .text(percent(a.withinOne)), .text(a.meanAbsoluteDifference.map { String(format: "%.2f", $0) } ?? Phrase.none.text(lang)),
                    .text(a.kappa.map { String(format: "%.3f", $0) } ?? Phrase.none.text(lang))]
        }
        return .el("section", ["class": "block comparison"],
            .el("h2", children: [.text(Phrase.comparison.text(lang))]),
            table(["", ] + roles + ["Δ", ""], groupRows, class: "groups"),
            .el("h3", children: [.text(Phrase.toDiscuss.text(lang))]),
            .el("p", ["class": "note"], .text(Phrase.comparisonCells.text(lang))),
            table([Phrase.indicator.text(lang)] + roles + ["Δ", Phrase.acceptedByOneSide.text(lang), Phrase.note.text(lang)], indicatorRows, class: "compare"),
            .el("h3", children: [.text(Phrase.agreement.text(lang))]),
            table(["", "n", Phrase.exactAgreement.text(lang), Phrase.withinOne.text(lang), Phrase.meanAbsoluteDifference.text(lang), "κ"],
                  agreementRows, class: "agreement"))
    }

    /// One unit over periods: a line of indices, and a caveat where the rubric changes.
    static func trendSection(_ trend: Trend, _ lang: Language) -> Markup {
        let points = trend.periods.enumerated().map { index, card in
            LineChart.Point(label: "\(card.assessment.period) (\(card.rubric.id))", value: card.index.value,
                            rubricChange: index > 0 && trend.periods[index - 1].rubric.id != card.rubric.id)
        }
        var parts: [Markup] = [.el("h2", children: [.text(Phrase.trend.text(lang))]),
                               figure(LineChart(points: points).svg(title: Phrase.trend.text(lang)), Phrase.trend.text(lang))]
        if trend.steps.contains(where: { !$0.sameRubric }) {
            parts.append(.el("p", ["class": "note"], .text(Phrase.rubricChangeCaveat.text(lang))))
        }
        let rows: [[Markup]] = trend.steps.map { step in
            let delta = step.indexDeltaHundredths.map { String(format: "%+.2f", Double($0) / 100) } ?? Phrase.none.text(lang)
            return [.text("\(step.from.assessment.period) → \(step.to.assessment.period)"),
                    .text(step.baseline.map { "\($0.index)" + (step.sameRubric ? "" : " (\(Phrase.migrated.text(lang)))") } ?? Phrase.none.text(lang)),
                    .text(step.to.index.description), .text(delta),
                    .text(step.indicators.filter { $0.delta > 0 }.map { "\($0.id) +\($0.delta)" }.joined(separator: ", ")),
                    .text(step.indicators.filter { $0.delta < 0 }.map { "\($0.id) \($0.delta)" }.joined(separator: ", "))]
        }
        parts.append(table([Phrase.period.text(lang), Phrase.from.text(lang), Phrase.to.text(lang), "Δ",
                            Phrase.rose.text(lang), Phrase.fell.text(lang)], rows, class: "trend"))
        return .el("section", ["class": "block trend"], children: parts)
    }

    /// The OPDs ranked, furthest behind first, with those that have not submitted.
    static func readinessTable(_ report: ReadinessReport, _ lang: Language) -> Markup {
        let rows: [[Markup]] = report.entries.enumerated().map { number, entry in
            [.text("\(number + 1)"), .text(entry.name ?? entry.unitID), .text(entry.roles.joined(separator: ", ")),
             .el("span", ["class": "level l\(min(5, entry.index.hundredths / 100))"], .text(entry.index.description)),
             .text(entry.predicate.label.text(in: lang)), .text(entry.overclaims.map(\.id).joined(separator: ", ")),
             .text(entry.unanswered.joined(separator: ", ")),
             .el("span", ["class": entry.submitted ? "ok" : "missing"],
                 .text(entry.submitted ? Phrase.submitted.text(lang) : Phrase.notSubmitted.text(lang)))]
        }
        return .el("section", ["class": "block readiness"],
            .el("h2", children: [.text(Phrase.readiness.text(lang))]),
            table(["#", "OPD", Phrase.roles.text(lang), Phrase.index.text(lang), Phrase.predicate.text(lang),
                   Phrase.overclaims.text(lang), Phrase.unanswered.text(lang), Phrase.status.text(lang)], rows, class: "readiness"))
    }

    /// Units × indicators, each cell coloured by the supported level; blank where a unit gave no
    /// answer. Shown when the report covers several units (a regency's OPDs).
    static func heatmap(_ cards: [Scorecard], _ lang: Language) -> Markup {
        let indicators = cards[0].rubric.indicators.map(\.id)
        let header: Markup = .el("tr", children: [.el("th", children: [.text(Phrase.units.text(lang))])]
            + indicators.map { .el("th", ["class": "vertical"], .text($0)) })
        let rows: [Markup] = cards.map { card in
            let byID = Dictionary(uniqueKeysWithValues: card.indicators.map { ($0.id, $0) })
            return .el("tr", children: [.el("th", ["class": "unit-name", "title": card.assessment.unit.name], .text(card.assessment.unit.name))] + indicators.map { id in
                guard let score = byID[id], score.assessed else { return .el("td", ["class": "cell empty"], .text("")) }
                return .el("td", ["class": "cell l\(score.supported)", "title": "\(card.assessment.unit.id) \(id): \(score.supported)"],
                           .text("\(score.supported)"))
            })
        }
        return .el("section", ["class": "block heatmap"],
            .el("h2", children: [.text(Phrase.heatmap.text(lang))]),
            .el("p", children: [.text(Phrase.heatmapTitle.text(lang))]),
            .el("div", ["class": "scroll"], .el("table", ["class": "heat"], .el("thead", header), .el("tbody", children: rows))))
    }
}
