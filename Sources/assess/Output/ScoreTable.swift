import SPBEAssess
import SPBEReport

/// `assess score` as an inspector reads it at a terminal: the unit, its index and predicate,
/// domain and aspect indices, pillars, then what needs attention (overclaims, criteria met
/// without documents, indicators not assessed).
enum ScoreTable {
    /// `results`: each OPD file's own result (capaian OPD) by path, shown under its index.
    static func render(_ cards: [Scorecard], language: Language, results: [String: OPDResult] = [:]) -> String {
        cards.map { render($0, language, result: results[$0.assessment.path]) }.joined(separator: "\n\n") + "\n"
    }

    private static func render(_ card: Scorecard, _ lang: Language, result: OPDResult?) -> String {
        let a = card.assessment
        let rubric = card.rubric
        var lines: [String] = []
        lines.append("\(a.unit.name) (\(a.unit.id), \(a.unit.kind.rawValue)) — \(a.path)")
        lines.append("\(rubric.title.text(in: lang)) · \(lang.pick("periode", "period")) \(a.period) · \(a.role.name(in: lang))")
        lines.append("\(lang.pick("Indeks", "Index")) \(lang.number(card.index))  \(card.predicate.label.text(in: lang))")
        if let result {
            lines.append(OPDResultText.line(result, lang))
        }
        if card.options.trustClaims {
            lines.append(lang.pick("(dihitung dari level klaim: --trust-claims)", "(scored from claimed levels: --trust-claims)"))
        }
        if !card.options.requireEvidence {
            lines.append(lang.pick("(kriteria tanpa dokumen ikut dihitung: --no-require-evidence)",
                                   "(criteria without documents count: --no-require-evidence)"))
        }

        var groups = TextTable([.left, .left, .right, .right, .left])
        groups.add([lang.pick("Kelompok", "Group"), "", lang.pick("Indeks", "Index"), lang.pick("Bobot", "Weight"), lang.pick("Predikat", "Predicate")])
        func row(_ score: GroupScore, _ title: LocalizedText, indent: String) {
            groups.add([indent + score.id, title.text(in: lang), lang.number(score.index), lang.number(score.weight),
                        score.predicate.label.text(in: lang)])
        }
        let aspectScores = Dictionary(uniqueKeysWithValues: zip(rubric.aspects.map(\.id), zip(card.aspects, rubric.aspects)))
        if rubric.domains.isEmpty {
            for (score, aspect) in zip(card.aspects, rubric.aspects) { row(score, aspect.title, indent: "") }
        } else {
            for (score, domain) in zip(card.domains, rubric.domains) {
                row(score, domain.title, indent: "")
                for id in domain.aspectIDs {
                    if let (aspectScore, aspect) = aspectScores[id] { row(aspectScore, aspect.title, indent: "  ") }
                }
            }
        }
        for (score, pillar) in zip(card.pillars, rubric.pillars) {
            row(score, pillar.title, indent: lang.pick("pilar ", "pillar "))
        }
        lines.append("")
        lines.append(groups.render())
        lines += LostPointsText.lines(LostPoints(card), rubric: rubric, lang)

        let overclaims = card.overclaims
        lines.append("")
        if overclaims.isEmpty {
            lines.append(lang.pick("Klaim berlebih: tidak ada", "Overclaims: none"))
        } else {
            lines.append(lang.pick("Klaim berlebih (klaim > didukung bukti): \(overclaims.count)",
                                   "Overclaims (claimed > supported by evidence): \(overclaims.count)"))
            var table = TextTable([.left, .left, .left, .left])
            for score in overclaims {
                let title = rubric.indicator(score.id)?.title.text(in: lang) ?? ""
                table.add([score.id, "\(lang.pick("klaim", "claimed")) \(score.claimed ?? 0) → \(lang.pick("didukung", "supported")) \(score.supported)",
                           lang.pick("belum terpenuhi: ", "missing: ") + score.missingForNext.joined(separator: ", "), title])
            }
            lines.append(table.render(indent: "  "))
        }
        let undocumented = card.indicators.flatMap(\.metWithoutDocument)
        if !undocumented.isEmpty {
            lines.append(lang.pick("Kriteria ditandai terpenuhi tanpa dokumen (tidak dihitung): ",
                                   "Criteria marked met without a document (not counted): ") + undocumented.joined(separator: ", "))
        }
        let measured = zip(rubric.indicators, card.indicators).filter { $0.0.isMeasured && $0.1.assessed }
        if !measured.isEmpty {
            lines.append(lang.pick("Indikator terukur (nilai survei atau hasil evaluasi instansi lain): ",
                                   "Measured indicators (survey or another agency's evaluation): ")
                         + measured.map { indicator, score in
                             "\(score.id) " + (score.measured.map { ReportFormat.measured($0, lang) }
                                 ?? lang.pick("tanpa dokumen, level terendah \(indicator.floor)", "no document, floor \(indicator.floor)"))
                         }.joined(separator: ", "))
        }
        let missing = card.notAssessed
        if !missing.isEmpty {
            let floors = Set(missing.map(\.level)).sorted().map(String.init).joined(separator: "/")
            lines.append(lang.pick("Tidak dijawab (dinilai pada level terendah \(floors)): ", "Not answered (scored at the floor, level \(floors)): ")
                         + "\(missing.count) — " + missing.map(\.id).joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }
}
