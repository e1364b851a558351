import Foundation
import SPBEAssess
import SPBEReport

/// The results as a workbook for people who work in Excel: `Ringkasan` (index, predicate and
/// every group, numbers as numbers with two-decimal formats, predicates coloured), `Indikator`
/// (levels, overclaims, the missing criteria with their text); for a regency `OPD` (readiness)
/// and `Peta` (OPD × indicator); with a target `Rencana`; with a comparison `Perbandingan`.
///
/// Rendering only: it lays values out in ``SheetSpec``s; ``WorkbookWriter`` makes the file.
public enum ResultsWorkbook {
    public static func render(_ input: ReportInput) throws -> Data {
        try WorkbookWriter.write(sheets(input))
    }

    static func sheets(_ input: ReportInput) -> [SheetSpec] {
        let language = input.language
        let units = (input.regency.map { [$0] } ?? []) + input.cards
        // In a regency's workbook each OPD shows only its own result and indicators, as the HTML
        // report does; one OPD's file alone also shows its index as the file scores.
        let ownOnly = input.regency != nil
        var sheets = [summary(units, results: input.opdResults, ownOnly: ownOnly, language),
                      indicators(units, results: ownOnly ? input.opdResults : [:], language)]
        if let readiness = input.readiness { sheets.append(opds(readiness, language)) }
        if input.regency != nil { sheets.append(map(input.cards, language)) }
        let planned = units.compactMap { card in input.plans[card.assessment.path].map { (card, $0) } }
        if !planned.isEmpty { sheets.append(plan(planned, language)) }
        if let comparison = input.comparison { sheets.append(compare(comparison, language)) }
        return sheets
    }

    static func pick(_ language: Language, _ id: String, _ en: String) -> String { language == .en ? en : id }

    /// Two decimals as a number cell; the exact fraction rounded half-up once, as everywhere.
    static func index(_ value: IndexValue) -> SheetSpec.Content {
        let hundredths = value.hundredths
        return .number("\(hundredths / 100).\(String(format: "%02d", hundredths % 100))")
    }

    static func predicateStyle(_ predicate: SPBEAssess.Predicate, of rubric: Rubric) -> WorkbookStyle {
        WorkbookStyle.band(rubric.predicates.firstIndex(of: predicate) ?? 0, of: rubric.predicates.count)
    }

    static func unitName(_ card: Scorecard) -> String {
        card.assessment.unit.name.isEmpty ? card.assessment.unit.id : card.assessment.unit.name
    }

    /// `results`: each OPD file's own result by path (capaian OPD), in the row after its index;
    /// with `ownOnly`, instead of it and its group rows, which would mix in every indicator the
    /// OPD does not answer for.
    static func summary(_ units: [Scorecard], results: [String: OPDResult] = [:], ownOnly: Bool = false,
                        _ language: Language) -> SheetSpec {
        var sheet = SheetSpec(name: "Ringkasan")
        sheet.widths = [14, 17, 46, 10, 10, 18]
        sheet.frozenRows = 1
        sheet.printTitleRows = 1
        sheet.landscape = false
        let headers = [pick(language, "unit", "unit"), pick(language, "kelompok", "group"), pick(language, "judul", "title"),
                       pick(language, "indeks", "index"), pick(language, "bobot", "weight"), pick(language, "predikat", "predicate")]
        for (column, header) in headers.enumerated() { sheet.text(1, column + 1, header, .header) }
        var row = 2
        for card in units {
            let rubric = card.rubric
            func resultRow(_ result: OPDResult) {
                sheet.text(row, 1, card.assessment.unit.id, .indicator)
                sheet.text(row, 2, pick(language, "capaian OPD", "OPD result"), .indicator)
                sheet.text(row, 3, "\(unitName(card)) — " + pick(language, "\(result.indicatorIDs.count) indikator tanggung jawabnya, \(card.assessment.period)",
                                                              "\(result.indicatorIDs.count) indicators it answers for, \(card.assessment.period)"), .indicator)
                if !result.indicatorIDs.isEmpty {
                    sheet.set(row, 4, index(result.index), .decimalBold)
                    sheet.set(row, 5, .number(result.weight.description), .decimal)
                    sheet.text(row, 6, result.predicate.label.text(in: language), predicateStyle(result.predicate, of: rubric))
                }
                row += 1
            }
            let result = results[card.assessment.path]
            if ownOnly, let result {
                resultRow(result)
                row += 1
                continue
            }
            sheet.text(row, 1, card.assessment.unit.id, .indicator)
            sheet.text(row, 2, pick(language, "indeks", "index"), .indicator)
            sheet.text(row, 3, "\(unitName(card)) — \(rubric.title.text(in: language)), \(card.assessment.period)", .indicator)
            sheet.set(row, 4, index(card.index), .decimalBold)
            sheet.set(row, 5, .number(rubric.totalWeight.description), .decimal)
            sheet.text(row, 6, card.predicate.label.text(in: language), predicateStyle(card.predicate, of: rubric))
            row += 1
            if let result { resultRow(result) }
            let groups: [(String, [GroupScore], (String) -> String?)] = [
                (pick(language, "domain", "domain"), card.domains, { id in rubric.domains.first { $0.id == id }?.title.text(in: language) }),
                (pick(language, "aspek", "aspect"), card.aspects, { id in rubric.aspects.first { $0.id == id }?.title.text(in: language) }),
                (pick(language, "pilar", "pillar"), card.pillars, { id in rubric.pillars.first { $0.id == id }?.title.text(in: language) }),
            ]
            for (kind, scores, title) in groups {
                for group in scores {
                    sheet.text(row, 1, card.assessment.unit.id)
                    sheet.text(row, 2, "\(kind) \(group.id)")
                    sheet.text(row, 3, title(group.id) ?? group.id)
                    sheet.set(row, 4, index(group.index), .decimal)
                    sheet.set(row, 5, .number(group.weight.description), .decimal)
                    sheet.text(row, 6, group.predicate.label.text(in: language), predicateStyle(group.predicate, of: rubric))
                    row += 1
                }
            }
            row += 1
        }
        sheet.protected = false
        return sheet
    }

    /// An OPD (with its result in `results`) lists only the indicators it answers for or answered.
    static func indicators(_ units: [Scorecard], results: [String: OPDResult] = [:], _ language: Language) -> SheetSpec {
        var sheet = SheetSpec(name: "Indikator")
        sheet.widths = [14, 9, 40, 8, 9, 10, 8, 11, 60]
        sheet.frozenRows = 1
        sheet.printTitleRows = 1
        let headers = [pick(language, "unit", "unit"), pick(language, "indikator", "indicator"), pick(language, "judul", "title"),
                       pick(language, "bobot", "weight"), pick(language, "klaim", "claimed"), pick(language, "terbukti", "supported"),
                       "level", pick(language, "klaim berlebih", "overclaim"),
                       pick(language, "kriteria belum terpenuhi untuk level berikutnya", "criteria missing for the next level")]
        for (column, header) in headers.enumerated() { sheet.text(1, column + 1, header, .header) }
        var row = 2
        for card in units {
            let own = results[card.assessment.path].map { Set($0.indicatorIDs) }
            for score in card.indicators where own == nil || own!.contains(score.id) || score.assessed {
                let indicator = card.rubric.indicator(score.id)
                let maximum = indicator?.maximumLevel ?? 5
                sheet.text(row, 1, card.assessment.unit.id)
                sheet.text(row, 2, score.id)
                sheet.text(row, 3, indicator?.title.text(in: language) ?? score.id)
                sheet.set(row, 4, .number(score.weight.description), .decimal)
                sheet.set(row, 5, score.claimed.map { .number(String($0)) }, .integer)
                sheet.set(row, 6, .number(score.supportedScore.description), score.measured == nil ? .integer : .decimal)
                sheet.set(row, 7, .number(score.score.description),
                          WorkbookStyle.band(level: score.score.doubleValue, maximum: maximum))
                sheet.text(row, 8, score.overclaim ? pick(language, "ya", "yes") : "")
                let missing = score.missingForNext.map { id -> String in
                    let text = card.rubric.position(ofCriterion: id).flatMap { position in
                        card.rubric.indicators[position.indicator].criteria(ofLevel: position.level).first { $0.id == id }?.text.text(in: language)
                    }
                    return text.map { "\(id): \($0)" } ?? id
                }
                sheet.text(row, 9, missing.joined(separator: "\n"))
                row += 1
            }
        }
        sheet.protected = false
        return sheet
    }

    static func opds(_ readiness: ReadinessReport, _ language: Language) -> SheetSpec {
        var sheet = SheetSpec(name: "OPD")
        sheet.widths = [6, 16, 40, 10, 18, 10, 10, 12, 40]
        sheet.frozenRows = 1
        sheet.printTitleRows = 1
        let headers = ["#", "OPD", pick(language, "nama", "name"), pick(language, "indeks", "index"), pick(language, "predikat", "predicate"),
                       pick(language, "dimiliki", "owned"), pick(language, "dijawab", "answered"),
                       pick(language, "klaim berlebih", "overclaims"), pick(language, "belum dijawab", "unanswered")]
        for (column, header) in headers.enumerated() { sheet.text(1, column + 1, header, .header) }
        for (offset, entry) in readiness.entries.enumerated() {
            let row = offset + 2
            sheet.set(row, 1, .number(String(offset + 1)), .integer)
            sheet.text(row, 2, entry.unitID)
            sheet.text(row, 3, entry.name ?? "")
            sheet.set(row, 4, index(entry.index), .decimal)
            sheet.text(row, 5, entry.submitted ? entry.predicate.label.text(in: language) : pick(language, "belum mengirim", "not submitted"),
                       entry.submitted ? predicateStyle(entry.predicate, of: readiness.rubric) : .text)
            sheet.set(row, 6, .number(String(entry.owned.count)), .integer)
            sheet.set(row, 7, .number(String(entry.owned.count - entry.unanswered.filter(entry.owned.contains).count)), .integer)
            sheet.set(row, 8, .number(String(entry.overclaims.count)), .integer)
            sheet.text(row, 9, entry.unanswered.joined(separator: ", "))
        }
        sheet.protected = false
        return sheet
    }

    /// OPD × indicator: each OPD's level where it answered, filled by level.
    static func map(_ cards: [Scorecard], _ language: Language) -> SheetSpec {
        var sheet = SheetSpec(name: "Peta")
        guard let rubric = cards.first?.rubric else { return sheet }
        let answered = rubric.indicators.filter { indicator in cards.contains { $0.assessment.answer(for: indicator.id) != nil } }
        sheet.widths = [16] + answered.map { _ in 6.5 }
        sheet.frozenRows = 1
        sheet.printTitleRows = 1
        sheet.text(1, 1, "OPD", .header)
        for (offset, indicator) in answered.enumerated() { sheet.text(1, offset + 2, indicator.id, .header) }
        for (offset, card) in cards.enumerated() {
            let row = offset + 2
            sheet.text(row, 1, card.assessment.unit.id)
            for (column, indicator) in answered.enumerated() {
                guard card.assessment.answer(for: indicator.id) != nil,
                      let score = card.indicators.first(where: { $0.id == indicator.id }) else { continue }
                sheet.set(row, column + 2, .number(String(score.level)), WorkbookStyle.band(level: Double(score.level), maximum: indicator.maximumLevel))
            }
        }
        sheet.protected = false
        return sheet
    }

    static func plan(_ plans: [(Scorecard, GapPlan)], _ language: Language) -> SheetSpec {
        var sheet = SheetSpec(name: "Rencana")
        sheet.widths = [14, 6, 10, 7, 7, 10, 11, 16, 16, 60]
        sheet.frozenRows = 1
        sheet.printTitleRows = 1
        let headers = ["unit", "#", pick(language, "indikator", "indicator"), pick(language, "dari", "from"), pick(language, "ke", "to"),
                       pick(language, "tambahan", "gain"), pick(language, "indeks", "index"), pick(language, "predikat", "predicate"),
                       pick(language, "pemilik", "owners"), pick(language, "kriteria yang harus dipenuhi", "criteria to meet")]
        for (column, header) in headers.enumerated() { sheet.text(1, column + 1, header, .header) }
        var row = 2
        for (card, plan) in plans {
            sheet.text(row, 1, card.assessment.unit.id, .indicator)
            sheet.text(row, 2, "", .indicator)
            sheet.text(row, 3, pick(language, "target \(plan.target)", "target \(plan.target)"), .indicator)
            sheet.set(row, 7, index(plan.current), .decimalBold)
            sheet.text(row, 8, plan.reachable ? pick(language, "tercapai: \(plan.projectedPredicate.label.text(in: language))", "reached: \(plan.projectedPredicate.label.text(in: language))")
                                              : pick(language, "tidak tercapai", "not reachable"), .indicator)
            row += 1
            for (offset, step) in plan.steps.enumerated() {
                sheet.text(row, 1, card.assessment.unit.id)
                sheet.set(row, 2, .number(String(offset + 1)), .integer)
                sheet.text(row, 3, step.indicatorID)
                sheet.set(row, 4, .number(String(step.from)), .integer)
                sheet.set(row, 5, .number(String(step.to)), .integer)
                sheet.set(row, 6, index(step.gain), .decimal)
                sheet.set(row, 7, index(step.projected), .decimal)
                sheet.text(row, 8, step.predicate.label.text(in: language), predicateStyle(step.predicate, of: card.rubric))
                sheet.text(row, 9, step.owners.joined(separator: ", "))
                sheet.text(row, 10, step.missing.map { "\($0.id): \($0.text.text(in: language))" }.joined(separator: "\n"))
                row += 1
            }
            row += 1
        }
        sheet.protected = false
        return sheet
    }

    static func compare(_ comparison: Comparison, _ language: Language) -> SheetSpec {
        var sheet = SheetSpec(name: "Perbandingan")
        let roles = comparison.roles.map(\.rawValue)
        sheet.widths = [10, 8] + roles.map { _ in 12 } + [8, 40]
        sheet.frozenRows = 1
        sheet.printTitleRows = 1
        let headers = [pick(language, "indikator", "indicator"), pick(language, "bobot", "weight")] + roles
            + [pick(language, "selisih", "delta"), pick(language, "kriteria yang berbeda", "criteria that differ")]
        for (column, header) in headers.enumerated() { sheet.text(1, column + 1, header, .header) }
        var row = 2
        for group in comparison.groups where group.kind == .overall {
            sheet.text(row, 1, pick(language, "indeks", "index"), .indicator)
            sheet.text(row, 2, "", .indicator)
            for (offset, side) in group.sides.enumerated() { sheet.set(row, offset + 3, side.map { index($0.index) }, .decimalBold) }
            row += 1
        }
        for indicator in comparison.indicators {
            sheet.text(row, 1, indicator.id)
            sheet.set(row, 2, .number(indicator.weight.description), .decimal)
            for (offset, side) in indicator.sides.enumerated() {
                sheet.set(row, offset + 3, .number(String(side.level)), WorkbookStyle.band(level: Double(side.level), maximum: 5))
            }
            sheet.set(row, roles.count + 3, .number(String(indicator.delta)), .integer)
            sheet.text(row, roles.count + 4, indicator.criteria.map { "\($0.criterionID) (\($0.acceptedBy.map(\.rawValue).joined(separator: ", ")))" }.joined(separator: "\n"))
            row += 1
        }
        sheet.protected = false
        return sheet
    }
}
