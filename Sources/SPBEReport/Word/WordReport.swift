import Foundation
import SPBEAssess

/// `report --format docx`: an editable "Laporan Hasil Evaluasi". Cover, table of contents,
/// summary, index tables, per indicator the finding as Fakta / Analisis / Justifikasi (as
/// assessors write it), recommendations, the roadmap when a target is given, and a berita
/// acara with a signature block. Headings use Word's own Heading 1–3 styles, so the navigation
/// pane and the table of contents work.
public enum WordReport {
    public static func render(_ input: ReportInput) throws -> Data {
        try WordPackage.package(document: document(input), styles: WordXML.styles())
    }

    static func document(_ input: ReportInput) -> XMLNode {
        let lang = input.language
        let id = lang == .id
        typealias W = WordXML
        var body: [XMLNode] = []
        guard let card = input.headline else {
            return .element("w:document", [("xmlns:w", W.namespace)], [.element("w:body", [], [W.paragraph(input.title)])])
        }
        let a = card.assessment
        let rubric = card.rubric
        // Cover.
        body.append(W.paragraph(Phrase.reportTitle.text(lang), style: "Title"))
        body.append(W.paragraph(input.title, style: "Subtitle"))
        body.append(W.paragraph(rubric.title.text(in: lang)))
        body.append(W.paragraph("\(Phrase.period.text(lang)) \(a.period) · \(a.role.name(in: lang))"))
        if let date = input.date { body.append(W.paragraph(date.text(lang))) }
        body.append(W.paragraph(id ? "Daftar isi" : "Contents", style: "Heading1", pageBreakBefore: true))
        body.append(W.tableOfContents(placeholder: id ? "Klik kanan lalu pilih Perbarui Bidang untuk menampilkan daftar isi."
                                                      : "Right-click and choose Update Field to show the table of contents."))

        // Summary.
        body.append(W.paragraph(id ? "Ringkasan" : "Summary", style: "Heading1", pageBreakBefore: true))
        body.append(W.paragraph([W.run("\(Phrase.index.text(lang)) \(ReportFormat.index(card.index, lang)) — \(card.predicate.label.text(in: lang))", bold: true, size: 32)]))
        if let target = input.targetIndex {
            body.append(W.paragraph("\(Phrase.target.text(lang)): \(ReportFormat.fixed(target, places: 2, lang))"))
        }
        for finding in KeyFindings.of(input) { body.append(W.paragraph("• " + finding)) }

        // Index tables.
        body.append(W.paragraph(Phrase.groupIndices.text(lang), style: "Heading1"))
        var rows: [[String]] = []
        func add(_ scores: [GroupScore], _ titles: [LocalizedText], _ kind: Phrase) {
            for (score, title) in zip(scores, titles) {
                rows.append([score.id, title.text(in: lang), kind.text(lang), ReportFormat.index(score.index, lang),
                             ReportFormat.exact(score.weight, lang), score.predicate.label.text(in: lang)])
            }
        }
        add(card.domains, rubric.domains.map(\.title), .domain)
        add(card.aspects, rubric.aspects.map(\.title), .aspect)
        add(card.pillars, rubric.pillars.map(\.title), .pillar)
        body.append(W.table(["", Phrase.title.text(lang), "", Phrase.index.text(lang), Phrase.weight.text(lang), Phrase.predicate.text(lang)], rows))
        if let readiness = input.readiness {
            body.append(W.paragraph(Phrase.readiness.text(lang), style: "Heading2"))
            body.append(W.table(["#", "OPD", Phrase.index.text(lang), Phrase.predicate.text(lang), Phrase.status.text(lang)],
                                readiness.entries.enumerated().map { number, entry in
                                    ["\(number + 1)", entry.name ?? entry.unitID, ReportFormat.index(entry.index, lang),
                                     entry.predicate.label.text(in: lang), entry.submitted ? Phrase.submitted.text(lang) : Phrase.notSubmitted.text(lang)]
                                }))
        }

        // Findings per indicator.
        body.append(W.paragraph(id ? "Hasil penilaian per indikator" : "Findings per indicator", style: "Heading1", pageBreakBefore: true))
        let documents = Dictionary(a.documents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for domainOrAll in groupsOfAspects(rubric) {
            if let heading = domainOrAll.heading { body.append(W.paragraph(heading.text(in: lang), style: "Heading2")) }
            for indicatorID in domainOrAll.indicatorIDs {
                guard let indicator = rubric.indicator(indicatorID), let position = rubric.position(ofIndicator: indicatorID) else { continue }
                let score = card.indicators[position]
                body.append(W.paragraph("\(indicator.id) \(indicator.title.text(in: lang))", style: "Heading3"))
                let answer = a.answer(for: indicator.id)
                let cited = Array(Set(answer?.met.flatMap(\.documentIDs) ?? [])).sorted()
                    .map { documents[$0].map { $0.title + ($0.date.map { " (\($0))" } ?? "") } ?? $0 }
                var fakta = cited.isEmpty ? (id ? "Tidak ada bukti dukung yang dicantumkan." : "No supporting document is cited.")
                    : (id ? "Bukti dukung: " : "Supporting documents: ") + cited.joined(separator: "; ") + "."
                if let note = answer?.note, !note.isEmpty { fakta += " " + note.text(in: lang) }
                body.append(W.labelled(id ? "Fakta" : "Facts", fakta))
                let met = answer?.met.map(\.criterionID) ?? []
                var analisis = met.isEmpty ? (id ? "Belum ada kriteria yang terpenuhi dengan bukti." : "No criterion is met with evidence.")
                    : (id ? "Kriteria terpenuhi: " : "Criteria met: ") + met.joined(separator: ", ") + "."
                if !score.missingForNext.isEmpty {
                    analisis += " " + (id ? "Untuk level berikutnya belum terpenuhi: " : "Not yet met for the next level: ") + score.missingForNext.joined(separator: ", ") + "."
                }
                if score.overclaim, let claimed = score.claimed {
                    analisis += " " + (id ? "Klaim level \(ReportFormat.level(claimed, lang)) melebihi level yang didukung bukti (\(ReportFormat.level(score.supported, lang)))."
                                          : "The claim of level \(ReportFormat.level(claimed, lang)) is above the level the evidence supports (\(ReportFormat.level(score.supported, lang))).")
                }
                body.append(W.labelled(id ? "Analisis" : "Analysis", analisis))
                body.append(W.labelled(id ? "Justifikasi" : "Justification", id
                    ? "Hasil penilaian menggambarkan tingkat kematangan \(ReportFormat.score(score.score, lang))."
                    : "The assessment shows maturity level \(ReportFormat.score(score.score, lang))."))
            }
        }

        // Recommendations: what the next level of each indicator needs.
        body.append(W.paragraph(id ? "Rekomendasi" : "Recommendations", style: "Heading1", pageBreakBefore: true))
        var recommendations: [[String]] = []
        for (indicator, score) in zip(rubric.indicators, card.indicators) where !score.missingForNext.isEmpty {
            let texts = score.missingForNext.map { criterionID in
                criterionText(rubric, indicator, criterionID).map { "\(criterionID): \($0.text(in: lang))" } ?? criterionID
            }
            recommendations.append([indicator.id, indicator.title.text(in: lang), texts.joined(separator: " ")])
        }
        body.append(recommendations.isEmpty ? W.paragraph(id ? "Tidak ada rekomendasi." : "No recommendations.")
                    : W.table([Phrase.indicator.text(lang), Phrase.title.text(lang), Phrase.toFulfil.text(lang)], recommendations))

        if let followUp = input.followUp {
            body.append(W.paragraph(Phrase.followUp.text(lang), style: "Heading1"))
            body.append(W.paragraph(followUp.counts(lang)))
            body.append(W.paragraph(Phrase.followUpNote.text(lang)))
            if !followUp.items.isEmpty {
                body.append(W.table(followUp.header.map { $0.text(lang) }, followUp.rows(lang)))
            }
        }

        if let plan = input.plans[a.path] {
            body.append(W.paragraph(Phrase.roadmap.text(lang), style: "Heading1"))
            body.append(W.paragraph(KeyFindings.planHeadline(plan, lang)))
            if !plan.steps.isEmpty {
                body.append(W.table([Phrase.step.text(lang), Phrase.indicator.text(lang), Phrase.level.text(lang), Phrase.projected.text(lang),
                                     Phrase.owner.text(lang), Phrase.toFulfil.text(lang)],
                                    plan.steps.enumerated().map { number, step in
                                        ["\(number + 1)", step.indicatorID, ReportFormat.levels(from: step.from, to: step.to, lang),
                                         "\(ReportFormat.index(step.projected, lang)) \(step.predicate.label.text(in: lang))",
                                         step.owners.joined(separator: ", "), step.missing.map(\.id).joined(separator: ", ")]
                                    }))
            }
        }

        body += beritaAcara(input, card)
        body.append(.element("w:sectPr", [], [
            .element("w:pgSz", [("w:w", "11906"), ("w:h", "16838")], []),
            .element("w:pgMar", [("w:top", "1134"), ("w:right", "1134"), ("w:bottom", "1134"), ("w:left", "1418"),
                                 ("w:header", "567"), ("w:footer", "567"), ("w:gutter", "0")], []),
        ]))
        return .element("w:document", [("xmlns:w", W.namespace)], [.element("w:body", [], body)])
    }

    /// The berita acara page: what was evaluated, the result, and a signature block.
    static func beritaAcara(_ input: ReportInput, _ card: Scorecard) -> [XMLNode] {
        typealias W = WordXML
        let lang = input.language
        let id = lang == .id
        let a = card.assessment
        var body: [XMLNode] = [W.paragraph(id ? "Berita Acara Hasil Evaluasi" : "Record of the evaluation result (berita acara)", style: "Heading1", pageBreakBefore: true)]
        let date = input.date.map { $0.text(lang) } ?? "……………"
        body.append(W.paragraph(id
            ? "Pada tanggal \(date) telah dilaksanakan \(a.role.name(in: lang)) atas \(input.title) periode \(a.period) menurut \(card.rubric.title.text(in: lang)), dengan hasil Indeks \(ReportFormat.index(card.index, lang)) dan predikat \(card.predicate.label.text(in: lang))."
            : "On \(date) the \(a.role.name(in: lang)) of \(input.title), period \(a.period), was carried out under \(card.rubric.title.text(in: lang)), with the result index \(ReportFormat.index(card.index, lang)), predicate \(card.predicate.label.text(in: lang))."))
        body.append(W.paragraph(id ? "Demikian berita acara ini dibuat untuk dipergunakan sebagaimana mestinya."
                                   : "This record is made to be used as appropriate."))
        let place = input.signatures.place.map { $0 + ", " } ?? ""
        body.append(W.paragraph(place + date))
        var signatories = input.signatures.signatories
        if signatories.isEmpty {
            signatories = [Signatory(role: .mandiri, name: "……………………………", nip: nil, position: "……………………………"),
                           Signatory(role: .mengetahui, name: "……………………………", nip: nil, position: "……………………………")]
        }
        // Two signatories a row-group; each part (role, position, space to sign, name, NIP) is its
        // own table row, so names stand on one line even when one position wraps and the other not.
        var rows: [XMLNode] = []
        func cell(_ paragraph: XMLNode) -> XMLNode {
            .element("w:tc", [], [.element("w:tcPr", [], [.element("w:tcW", [("w:w", "2500"), ("w:type", "pct")], [])]), paragraph])
        }
        func row(_ cells: [XMLNode], height: Int? = nil) -> XMLNode {
            var properties: [XMLNode] = [.element("w:cantSplit", [], [])]
            if let height { properties.append(.element("w:trHeight", [("w:val", "\(height)"), ("w:hRule", "atLeast")], [])) }
            return .element("w:tr", [], [.element("w:trPr", [], properties)] + cells)
        }
        for start in stride(from: 0, to: signatories.count, by: 2) {
            let pair = Array(signatories[start..<min(start + 2, signatories.count)])
            rows.append(row(pair.map { cell(W.paragraph(Phrase.signatoryRole($0.role, lang), bold: true, centred: true)) }))
            rows.append(row(pair.map { cell(W.paragraph($0.position, centred: true)) }))
            rows.append(row(pair.map { _ in cell(W.paragraph("", centred: true)) }, height: 1200))
            rows.append(row(pair.map { cell(W.paragraph($0.name, bold: true, centred: true)) }))
            rows.append(row(pair.map { cell(W.paragraph("NIP. " + ($0.nip ?? "……………………………"), centred: true)) }, height: 600))
        }
        body.append(.element("w:tbl", [], [
            .element("w:tblPr", [], [.element("w:tblStyle", [("w:val", "SignatureTable")], []), .element("w:tblW", [("w:w", "5000"), ("w:type", "pct")], [])]),
            .element("w:tblGrid", [], [.element("w:gridCol", [], []), .element("w:gridCol", [], [])]),
        ] + rows))
        return body
    }

    /// The indicators grouped as the rubric groups them: by domain (aspects in order), else one group.
    static func groupsOfAspects(_ rubric: Rubric) -> [(heading: LocalizedText?, indicatorIDs: [String])] {
        if rubric.domains.isEmpty { return rubric.aspects.map { ($0.title, $0.indicatorIDs) } }
        return rubric.domains.map { domain in
            (domain.title, rubric.aspects.filter { $0.domainID == domain.id }.flatMap(\.indicatorIDs))
        }
    }

    static func criterionText(_ rubric: Rubric, _ indicator: Indicator, _ id: String) -> LocalizedText? {
        for level in indicator.levels { if let criterion = level.criteria.first(where: { $0.id == id }) { return criterion.text } }
        return nil
    }
}
