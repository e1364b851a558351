import Foundation
import SPBEAssess

/// One self-contained HTML page: inline CSS and SVG, no scripts, no fonts or images from
/// anywhere; readable on a laptop, printable on A4. Built as a ``Markup`` tree, so every text
/// from an evidence file is escaped.
///
/// Printed, page 1 is the summary a Sekda reads in a minute (who, period, role, index and
/// predicate, target, the findings that matter); every page carries the unit's name, the date
/// and "page n of m" in its margin; the OPD × indicator heatmap gets a landscape page. For a
/// regency's OPD files each OPD shows only its own indicators.
public enum HTMLReport {
    public static func render(_ input: ReportInput) -> String {
        let lang = input.language
        var body: [Markup] = []
        if let headline = input.headline {
            body.append(summaryPage(input, headline))
        }
        if let regency = input.regency {
            body.append(details(regency, input: input, indicators: false))
        }
        if let readiness = input.readiness {
            body.append(readinessTable(readiness, lang))
        }
        if let comparison = input.comparison {
            body.append(comparisonSection(comparison, lang))
        }
        if let followUp = input.followUp {
            body.append(followUpSection(followUp, lang))
        }
        if let trend = input.trend {
            body.append(trendSection(trend, lang))
        } else if input.cards.count > 1 {
            body.append(heatmap(input.cards, lang))
        }
        if let readiness = input.readiness, input.regency != nil {
            body.append(opdSection(input.cards, readiness, lang))
        } else if input.cards.count == 1, let card = input.cards.first, input.trend == nil {
            body.append(details(card, input: input, indicators: true))
        } else {
            for card in input.cards {
                body.append(.el("section", ["class": "unit-report"], unitHeader(card, lang), details(card, input: input, indicators: true)))
            }
        }
        body.append(.el("footer", children: [.text(Phrase.generatedBy.text(lang))]))
        let document = Markup.el("html", ["lang": lang.rawValue],
            .el("head",
                .el("meta", ["charset": "utf-8"]),
                .el("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"]),
                .el("title", children: [.text(Phrase.reportTitle.text(lang) + " — " + input.title)]),
                .el("style", children: [.text(ReportStyle.css + ReportStyle.pageMargins(footer: footer(input), page: Phrase.page.text(lang), of: Phrase.of.text(lang)))])),
            .el("body", children: body))
        return "<!DOCTYPE html>\n" + document.render() + "\n"
    }

    /// The text in every printed page's margin: the unit and the date.
    static func footer(_ input: ReportInput) -> String {
        ([Phrase.reportTitle.text(input.language), input.title] + (input.date.map { [$0.text(input.language)] } ?? [])).joined(separator: " · ")
    }

    // MARK: The summary page

    static func summaryPage(_ input: ReportInput, _ card: Scorecard) -> Markup {
        let lang = input.language
        let a = card.assessment
        var meta: [[String]] = [
            [Phrase.period.text(lang), a.period],
            [Phrase.role.text(lang), a.role.name(in: lang)],
            [Phrase.rubric.text(lang), card.rubric.title.text(in: lang)],
        ]
        if input.regency != nil, let readiness = input.readiness {
            let submitted = readiness.entries.filter(\.submitted).count
            meta.append([Phrase.basis.text(lang), "\(submitted) OPD " + Phrase.aggregated.text(lang)])
        }
        if let target = input.targetIndex {
            meta.append([Phrase.target.text(lang), ReportFormat.fixed(target, places: 2, lang)])
        }
        if let date = input.date { meta.append([Phrase.date.text(lang), date.text(lang)]) }
        let findings = KeyFindings.of(input)
        var parts: [Markup] = [
            .el("p", ["class": "kicker"], .text(Phrase.reportTitle.text(lang))),
            .el("h1", children: [.text(input.title)]),
            .el("div", ["class": "headline"],
                .el("table", ["class": "meta"], children: meta.map { .el("tr", .el("th", children: [.text($0[0])]), .el("td", children: [.text($0[1])])) }),
                .el("div", ["class": "score p\(card.predicateRank)"],
                    .el("div", ["class": "label"], .text(Phrase.index.text(lang))),
                    .el("div", ["class": "index"], .text(ReportFormat.index(card.index, lang))),
                    .el("div", ["class": "predicate"], .text(card.predicate.label.text(in: lang))))),
        ]
        if !findings.isEmpty {
            parts.append(.el("h2", children: [.text(Phrase.keyFindings.text(lang))]))
            parts.append(.el("ol", ["class": "findings"], children: findings.map { .el("li", children: [.text($0)]) }))
        }
        parts.append(charts(card, target: input.targetIndex, lang))
        return .el("section", ["class": "summary"], children: parts)
    }

    static func charts(_ card: Scorecard, target: Double?, _ lang: Language) -> Markup {
        let rubric = card.rubric
        let scale = ChartScale(rubric)
        let aspects = zip(card.aspects, rubric.aspects).map {
            RadarChart.Axis(label: $1.id, title: $1.title.text(in: lang), value: $0.index.value)
        }
        var figures: [Markup] = []
        if aspects.count >= 3 {
            figures.append(figure(RadarChart(axes: aspects, scale: scale, target: target, language: lang).svg(title: Phrase.radarTitle.text(lang)),
                                  Phrase.radarTitle.text(lang), target: target, lang, class: "radar"))
        }
        let groups = card.domains.isEmpty ? Array(zip(card.aspects, rubric.aspects.map(\.title)).map { ($0.id, $1, $0.index.value) })
                                          : Array(zip(card.domains, rubric.domains.map(\.title)).map { ($0.id, $1, $0.index.value) })
        // "struktur Struktur: …" says the id twice: a title that starts with its id stands alone.
        let bars = groups.map { id, title, value in
            let text = title.text(in: lang)
            return BarChart.Bar(label: text.lowercased().hasPrefix(id.lowercased()) ? text : "\(id) \(text)", value: value)
        }
        let barTitle = card.domains.isEmpty ? Phrase.radarTitle.text(lang) : Phrase.domainBarsTitle.text(lang)
        figures.append(figure(BarChart(bars: bars, scale: scale, target: target, language: lang).svg(title: barTitle), barTitle, target: target, lang, class: "bars"))
        if !card.pillars.isEmpty {
            let pillars = zip(card.pillars, rubric.pillars).map { BarChart.Bar(label: $1.title.text(in: lang), value: $0.index.value) }
            figures.append(figure(BarChart(bars: pillars, scale: scale, target: target, language: lang).svg(title: Phrase.pillarBarsTitle.text(lang)),
                                  Phrase.pillarBarsTitle.text(lang), target: target, lang, class: "bars"))
        }
        return .el("div", ["class": "charts"], children: figures)
    }

    // MARK: A unit's details

    static func unitHeader(_ card: Scorecard, _ lang: Language) -> Markup {
        let a = card.assessment
        return .el("header", ["class": "unit"],
            .el("div", ["class": "who"],
                .el("h2", children: [.text(DisplayName.of(a.unit))]),
                .el("p", children: [.text("\(card.rubric.title.text(in: lang)) · \(Phrase.period.text(lang)) \(a.period) · \(a.role.name(in: lang))")])),
            .el("div", ["class": "score small p\(card.predicateRank)"],
                .el("div", ["class": "index"], .text(ReportFormat.index(card.index, lang))),
                .el("div", ["class": "predicate"], .text(card.predicate.label.text(in: lang)))))
    }

    /// Group indices, then what to correct (overclaims, evidence problems), then the roadmap,
    /// then (for a single unit) every indicator.
    static func details(_ card: Scorecard, input: ReportInput, indicators: Bool) -> Markup {
        let lang = input.language
        var parts: [Markup] = [.el("h2", children: [.text(Phrase.results.text(lang))]), groupTable(card, lang),
                               .el("p", ["class": "lost"], .text(LostPointsLine.text(card, lang)))]
        if input.regency != nil, let readiness = input.readiness {
            parts.append(opdOverclaims(readiness, input.cards, lang))
        } else {
            parts.append(problems(card, lang))
        }
        if let plan = input.plans[card.assessment.path] { parts.append(roadmap(plan, lang)) }
        if indicators { parts.append(indicatorTable(card, lang)) }
        return .el("section", ["class": "details"], children: parts)
    }

    private static func figure(_ svg: Markup, _ caption: String, target: Double? = nil, _ lang: Language = .id, class name: String = "") -> Markup {
        let legend = target.map { " — \(Phrase.target.text(lang)) \(ReportFormat.fixed($0, places: 2, lang)) (\(Phrase.dashedLine.text(lang)))" } ?? ""
        return .el("figure", ["class": name], svg, .el("figcaption", children: [.text(caption + legend)]))
    }

    private static func table(_ headers: [String], _ rows: [[Markup]], class name: String = "") -> Markup {
        .el("table", ["class": name],
            .el("thead", .el("tr", children: headers.map { .el("th", children: [.text($0)]) })),
            .el("tbody", children: rows.map { .el("tr", children: $0.map { .el("td", children: [$0]) }) }))
    }

    /// A heading kept on the page of what follows it.
    private static func block(_ heading: String, _ content: [Markup], level: String = "h3", class name: String = "block") -> Markup {
        .el("div", ["class": name], children: [.el(level, children: [.text(heading)])] + content)
    }

    private static func groupTable(_ card: Scorecard, _ lang: Language) -> Markup {
        let rubric = card.rubric
        var rows: [[Markup]] = []
        func row(_ score: GroupScore, _ title: LocalizedText, _ kind: String) {
            rows.append([.text(score.id), .text(title.text(in: lang)), .text(kind), .text(ReportFormat.index(score.index, lang)),
                         .text(ReportFormat.exact(score.weight, lang)), .text(score.predicate.label.text(in: lang))])
        }
        for (score, domain) in zip(card.domains, rubric.domains) { row(score, domain.title, Phrase.domain.text(lang)) }
        for (score, aspect) in zip(card.aspects, rubric.aspects) { row(score, aspect.title, Phrase.aspect.text(lang)) }
        for (score, pillar) in zip(card.pillars, rubric.pillars) { row(score, pillar.title, Phrase.pillar.text(lang)) }
        return block(Phrase.groupIndices.text(lang), [
            table(["", Phrase.title.text(lang), "", Phrase.index.text(lang), Phrase.weight.text(lang), Phrase.predicate.text(lang)], rows, class: "groups")])
    }

    /// `belum terpenuhi: I21.L2.a, I21.L2.b`, so that nobody reads a predicate in it.
    static func missingText(_ ids: [String], _ lang: Language) -> String {
        ids.isEmpty ? "" : Phrase.notYetMet.text(lang) + ": " + ids.joined(separator: ", ")
    }

    private static func roadmap(_ plan: GapPlan, _ lang: Language) -> Markup {
        let rubric = plan.scorecard.rubric
        var parts: [Markup] = [.el("p", children: [.text(KeyFindings.planHeadline(plan, lang) + " " + Phrase.totalEffort.text(lang) + " " + ReportFormat.exact(plan.totalEffort, lang) + ".")])]
        if !plan.steps.isEmpty {
            let rows: [[Markup]] = plan.steps.enumerated().map { number, step in
                [.text("\(number + 1)"),
                 .fragment([.el("strong", children: [.text(step.indicatorID)]), .text(" " + (rubric.indicator(step.indicatorID)?.title.text(in: lang) ?? ""))]),
                 .text(ReportFormat.levels(from: step.from, to: step.to, lang)), .text("+" + ReportFormat.fixed(step.gain.value, places: 4, lang)),
                 .text(ReportFormat.exact(step.effort, lang)),
                 .text("\(ReportFormat.index(step.projected, lang)) \(step.predicate.label.text(in: lang))"), .text(step.owners.joined(separator: ", ")),
                 .text(step.missing.map(\.id).joined(separator: ", "))]
            }
            parts.append(table([Phrase.step.text(lang), Phrase.indicator.text(lang), Phrase.level.text(lang), Phrase.gain.text(lang),
                                Phrase.effort.text(lang), Phrase.projected.text(lang), Phrase.owner.text(lang), Phrase.toFulfil.text(lang)],
                               rows, class: "roadmap"))
        }
        return block(Phrase.roadmap.text(lang), parts, class: "block roadmap-block")
    }

    private static func overclaimRows(_ scores: [IndicatorScore], _ rubric: Rubric, unit: String?, _ lang: Language) -> [[Markup]] {
        scores.map { score in
            (unit.map { [Markup.text($0)] } ?? [])
                + [.fragment([.el("strong", children: [.text(score.id)]), .text(" " + (rubric.indicator(score.id)?.title.text(in: lang) ?? ""))]),
                   .text(score.claimed.map { ReportFormat.level($0, lang) } ?? ""), .text(ReportFormat.level(score.supported, lang)),
                   .text(score.missingForNext.joined(separator: ", "))]
        }
    }

    private static func problems(_ card: Scorecard, _ lang: Language) -> Markup {
        let rubric = card.rubric
        var parts: [Markup] = []
        if card.overclaims.isEmpty {
            parts.append(.el("p", children: [.text(Phrase.noOverclaims.text(lang))]))
        } else {
            parts.append(table([Phrase.indicator.text(lang), Phrase.claimed.text(lang), Phrase.supported.text(lang), Phrase.notYetMetNext.text(lang)],
                               overclaimRows(card.overclaims, rubric, unit: nil, lang), class: "overclaims"))
        }
        return .fragment([block(Phrase.overclaims.text(lang), parts), evidenceProblems([card], lang)])
    }

    /// Every OPD's overclaims in one table: what the regency must correct before the ministry sees it.
    private static func opdOverclaims(_ readiness: ReadinessReport, _ cards: [Scorecard], _ lang: Language) -> Markup {
        var rows: [[Markup]] = []
        for entry in readiness.entries where !entry.overclaims.isEmpty {
            rows += overclaimRows(entry.overclaims, readiness.rubric, unit: entry.name ?? entry.unitID, lang)
        }
        let content: [Markup] = rows.isEmpty ? [.el("p", children: [.text(Phrase.noOverclaims.text(lang))])]
            : [table(["OPD", Phrase.indicator.text(lang), Phrase.claimed.text(lang), Phrase.supported.text(lang), Phrase.notYetMetNext.text(lang)],
                     rows, class: "overclaims")]
        return .fragment([block(Phrase.overclaims.text(lang), content), evidenceProblems(cards, lang)])
    }

    private static func evidenceProblems(_ cards: [Scorecard], _ lang: Language) -> Markup {
        var items: [Markup] = []
        for card in cards {
            for score in card.indicators where !score.metWithoutDocument.isEmpty {
                let who = cards.count > 1 ? DisplayName.of(card.assessment.unit) + " — " : ""
                items.append(.el("li", children: [.text("\(who)\(score.id): \(score.metWithoutDocument.joined(separator: ", ")) — \(Phrase.metWithoutDocument.text(lang))")]))
            }
        }
        return block(Phrase.evidenceProblems.text(lang), items.isEmpty ? [.el("p", children: [.text(Phrase.noEvidenceProblems.text(lang))])] : [.el("ul", children: items)])
    }

    private static func indicatorTable(_ card: Scorecard, _ lang: Language) -> Markup {
        let rubric = card.rubric
        let documents = Dictionary(card.assessment.documents.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let rows: [[Markup]] = zip(rubric.indicators, card.indicators).map { indicator, score in
            let answer = card.assessment.answer(for: indicator.id)
            let cited = Array(Set(answer?.met.flatMap(\.documentIDs) ?? [])).sorted()
            var notes: [Markup] = []
            if let note = answer?.note, !note.isEmpty { notes.append(.el("p", ["class": "note"], .text(note.text(in: lang)))) }
            return [
                .fragment([.el("strong", children: [.text(indicator.id)]), .text(" " + indicator.title.text(in: lang))] + notes),
                .text(score.claimed.map { ReportFormat.level($0, lang) } ?? Phrase.none.text(lang)),
                .text(score.assessed ? ReportFormat.supported(score, lang) : Phrase.notAssessed.text(lang)),
                .el("span", ["class": "level l\(score.level)"], .text(ReportFormat.score(score.score, lang))),
                .text(score.missingForNext.joined(separator: ", ")),
                .el("ul", children: cited.map { id in
                    .el("li", children: [.text(documents[id].map { "\($0.title)" + ($0.date.map { " (\($0))" } ?? "") } ?? id)])
                }),
            ]
        }
        return block(Phrase.indicators.text(lang), [
            table([Phrase.indicator.text(lang), Phrase.claimed.text(lang), Phrase.supported.text(lang),
                   Phrase.scored.text(lang), Phrase.notYetMetNext.text(lang), Phrase.documents.text(lang)],
                  rows, class: "indicators")], class: "block indicators-block")
    }

    /// Each OPD with only the indicators it owns or answered: its index, and per indicator the
    /// claimed, supported and scored level and what the next level still needs.
    static func opdSection(_ cards: [Scorecard], _ readiness: ReadinessReport, _ lang: Language) -> Markup {
        let byUnit = Dictionary(cards.map { ($0.assessment.unit.id, $0) }, uniquingKeysWith: { a, _ in a })
        var parts: [Markup] = [.el("h2", children: [.text(Phrase.perOPD.text(lang))])]
        for entry in readiness.entries where entry.submitted {
            guard let card = byUnit[entry.unitID] else { continue }
            let rows: [[Markup]] = entry.indicators.map { item in
                let score = item.score
                return [.fragment([.el("strong", children: [.text(score.id)]), .text(" " + (card.rubric.indicator(score.id)?.title.text(in: lang) ?? ""))]),
                        .text(score.claimed.map { ReportFormat.level($0, lang) } ?? Phrase.none.text(lang)),
                        .text(score.assessed ? ReportFormat.supported(score, lang) : Phrase.notAssessed.text(lang)),
                        .el("span", ["class": "level l\(score.level)"], .text(ReportFormat.score(score.score, lang))),
                        .text(score.missingForNext.joined(separator: ", ") + (score.overclaim ? " (" + Phrase.overclaimMark.text(lang) + ")" : ""))]
            }
            parts.append(.el("div", ["class": "opd"],
                .el("h3", children: [.text(DisplayName.of(card.assessment.unit)),
                                     .el("span", ["class": "opd-index"], .text(" · \(Phrase.index.text(lang)) \(ReportFormat.index(entry.index, lang)) \(entry.predicate.label.text(in: lang))"))]),
                table([Phrase.indicator.text(lang), Phrase.claimed.text(lang), Phrase.supported.text(lang), Phrase.scored.text(lang),
                       Phrase.notYetMetNext.text(lang)], rows, class: "opd-table")))
        }
        return .el("section", ["class": "opds"], children: parts)
    }

    /// Two or three roles' assessments of one unit: group indices side by side (a predicate change
    /// marked), the indicators to discuss, and how far the roles agree.
    static func comparisonSection(_ comparison: Comparison, _ lang: Language) -> Markup {
        let roles = comparison.roles.map { $0.name(in: lang) }
        let groupRows: [[Markup]] = comparison.groups.map { group in
            [.text(group.id)]
                + group.sides.map { side in .text(side.map { "\(ReportFormat.index($0.index, lang)) \($0.predicate.label.text(in: lang))" } ?? Phrase.none.text(lang)) }
                + [.text(group.deltaHundredths.map { ReportFormat.signed(hundredths: $0, lang) } ?? ""),
                   group.predicateChanged ? .el("strong", ["class": "missing"], .text(Phrase.predicateChanged.text(lang))) : .text("")]
        }
        let indicatorRows: [[Markup]] = comparison.indicators.filter(\.needsAttention).map { indicator in
            [.text(indicator.id)]
                + indicator.sides.map { side in
                    .text("\(side.claimed.map { ReportFormat.level($0, lang) } ?? "–")/\(ReportFormat.level(side.supported, lang))/\(ReportFormat.level(side.level, lang))" + (side.overclaim ? " !" : ""))
                }
                + [.text(String(format: "%+d", indicator.delta)),
                   .text(indicator.criteria.map { "\($0.criterionID) (\($0.acceptedBy.map { $0.shortName(in: lang) }.joined(separator: ", ")))" }.joined(separator: ", ")),
                   .el("ul", children: indicator.sides.filter { !$0.note.isEmpty }.map {
                       .el("li", children: [.text("\($0.role.name(in: lang)): \($0.note.text(in: lang))")])
                   })]
        }
        let agreementRows: [[Markup]] = comparison.agreements.map { pair in
            let a = pair.agreement
            func percent(_ value: Double?) -> String { value.map { ReportFormat.fixed($0 * 100, places: 1, lang) + "%" } ?? Phrase.none.text(lang) }
            return [.text("\(pair.a.name(in: lang)) – \(pair.b.name(in: lang))"), .text("\(a.count)"), .text(percent(a.exact)),
                    .text(percent(a.withinOne)), .text(a.meanAbsoluteDifference.map { ReportFormat.fixed($0, places: 2, lang) } ?? Phrase.none.text(lang)),
                    .text(a.kappa.map { ReportFormat.fixed($0, places: 3, lang) } ?? Phrase.none.text(lang))]
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

    /// Last period's recommendations, each with its status now and the documents that show it.
    static func followUpSection(_ section: FollowUpSection, _ lang: Language) -> Markup {
        .el("section", ["class": "block followup"],
            .el("h2", children: [.text(Phrase.followUp.text(lang) + " (\(section.review.role.name(in: lang)) \(section.review.period))")]),
            .el("p", children: [.text(section.counts(lang))]),
            .el("p", ["class": "note"], .text(Phrase.followUpNote.text(lang))),
            table(section.header.map { $0.text(lang) },
                  zip(section.items, section.rows(lang)).map { item, row in
                      row.enumerated().map { column, text in
                          column == 1 ? .el("span", ["class": "status \(item.status.rawValue)"], .text(text)) : .text(text)
                      }
                  }, class: "followup-table"))
    }

    /// One unit over periods: a line of indices, and a caveat where the rubric changes.
    static func trendSection(_ trend: Trend, _ lang: Language) -> Markup {
        let points = trend.periods.enumerated().map { index, card in
            let change = index > 0 && trend.periods[index - 1].rubric.id != card.rubric.id
            let migrated = index > 0 && change ? trend.steps[index - 1].migrated?.index.value : nil
            return LineChart.Point(label: "\(card.assessment.period) (\(card.rubric.id))", value: card.index.value,
                                   rubricChange: change, migratedPrevious: migrated)
        }
        let scale = trend.periods.last.map { ChartScale($0.rubric) } ?? ChartScale()
        let chart = LineChart(points: points, scale: scale, language: lang, migratedLabel: Phrase.migratedSeries.text(lang))
        var parts: [Markup] = [.el("h2", children: [.text(Phrase.trend.text(lang))]),
                               figure(chart.svg(title: Phrase.trend.text(lang)), Phrase.trend.text(lang))]
        if trend.steps.contains(where: { !$0.sameRubric }) {
            parts.append(.el("p", ["class": "note"], .text(Phrase.rubricChangeCaveat.text(lang))))
        }
        let rows: [[Markup]] = trend.steps.map { step in
            let delta = step.indexDeltaHundredths.map { ReportFormat.signed(hundredths: $0, lang) } ?? Phrase.none.text(lang)
            return [.text("\(step.from.assessment.period) → \(step.to.assessment.period)"),
                    .text(step.baseline.map { ReportFormat.index($0.index, lang) + (step.sameRubric ? "" : " (\(Phrase.migrated.text(lang)))") } ?? Phrase.none.text(lang)),
                    .text(ReportFormat.index(step.to.index, lang)), .text(delta),
                    .text(step.indicators.filter(\.rose).map { "\($0.id) \(ReportFormat.signed($0.delta, lang))" }.joined(separator: ", ")),
                    .text(step.indicators.filter(\.fell).map { "\($0.id) \(ReportFormat.signed($0.delta, lang))" }.joined(separator: ", "))]
        }
        parts.append(table([Phrase.period.text(lang), Phrase.from.text(lang), Phrase.to.text(lang), "Δ",
                            Phrase.rose.text(lang), Phrase.fell.text(lang)], rows, class: "trend"))
        return .el("section", ["class": "block trend"], children: parts)
    }

    /// The OPDs ranked, furthest behind first, with those that have not submitted.
    static func readinessTable(_ report: ReadinessReport, _ lang: Language) -> Markup {
        let rows: [[Markup]] = report.entries.enumerated().map { number, entry in
            [.text("\(number + 1)"), .text(entry.name ?? entry.unitID), .text(entry.roles.joined(separator: ", ")),
             .el("span", ["class": "level l\(min(5, entry.index.hundredths / 100))"], .text(ReportFormat.index(entry.index, lang))),
             .text(entry.predicate.label.text(in: lang)), .text(entry.overclaims.map(\.id).joined(separator: ", ")),
             .text(entry.unanswered.joined(separator: ", ")),
             .el("span", ["class": entry.submitted ? "ok" : "missing"],
                 .text(entry.submitted ? Phrase.submitted.text(lang) : Phrase.notSubmitted.text(lang)))]
        }
        return .el("section", ["class": "block readiness"],
            .el("h2", children: [.text(Phrase.readiness.text(lang))]),
            .el("p", ["class": "note"], .text(Phrase.ownerRoles.text(lang))),
            table(["#", "OPD", Phrase.roles.text(lang), Phrase.index.text(lang), Phrase.predicate.text(lang),
                   Phrase.overclaims.text(lang), Phrase.unanswered.text(lang), Phrase.status.text(lang)], rows, class: "readiness"))
    }

    /// Units × indicators, each cell coloured by the supported level; blank where a unit gave no
    /// answer. Shown when the report covers several units (a regency's OPDs). The table has a
    /// fixed layout at the full width, so every column stays on the screen and, on its own
    /// landscape page, on paper; a first header row names the domains (or aspects).
    static func heatmap(_ cards: [Scorecard], _ lang: Language) -> Markup {
        let rubric = cards[0].rubric
        let indicators = rubric.indicators.map(\.id)
        // Domains when the rubric has them, else aspects: a run of columns each.
        var groups: [(id: String, title: String, count: Int)] = []
        if !rubric.domains.isEmpty {
            for domain in rubric.domains {
                let count = rubric.aspects.filter { $0.domainID == domain.id }.reduce(0) { $0 + $1.indicatorIDs.count }
                groups.append((domain.id, domain.title.text(in: lang), count))
            }
        } else {
            groups = rubric.aspects.map { ($0.id, $0.title.text(in: lang), $0.indicatorIDs.count) }
        }
        let groupRow: Markup = .el("tr", children: [.el("th", ["class": "corner"], .text(""))] + groups.map { group in
            .el("th", ["colspan": "\(group.count)", "class": "group", "title": group.title], .text(group.count >= 4 ? "\(group.id) \(group.title)" : group.id))
        })
        let header: Markup = .el("tr", children: [.el("th", ["class": "unit-name"], .text(Phrase.units.text(lang)))]
            + indicators.map { .el("th", ["class": "vertical"], .el("span", .text($0))) })
        let rows: [Markup] = cards.map { card in
            let byID = Dictionary(uniqueKeysWithValues: card.indicators.map { ($0.id, $0) })
            let name = DisplayName.of(card.assessment.unit)
            return .el("tr", children: [.el("th", ["class": "unit-name", "title": name], .text(name))] + indicators.map { id in
                guard let score = byID[id], score.assessed else { return .el("td", ["class": "cell empty"], .text("")) }
                return .el("td", ["class": "cell l\(score.supported)", "title": "\(name) \(id): \(ReportFormat.supported(score, lang))"],
                           .text(ReportFormat.supported(score, lang)))
            })
        }
        let columns: [Markup] = [.el("col", ["class": "name-column"])] + indicators.map { _ in .el("col", ["class": "cell-column"]) }
        return .el("section", ["class": "block heatmap"],
            .el("h2", children: [.text(Phrase.heatmap.text(lang))]),
            .el("p", children: [.text(Phrase.heatmapTitle.text(lang))]),
            .el("table", ["class": "heat", "id": "heatmap"], .el("colgroup", children: columns), .el("thead", groupRow, header), .el("tbody", children: rows)))
    }
}
