import SPBEAssess
import SPBEReport

/// `assess compare` as an inspector reads it: who is compared, the overall and group indices
/// side by side with predicate changes flagged, the indicators that differ (with the criteria one
/// side accepts and the other does not, and what each difference does to the index), the notes
/// of both sides, agreement statistics and the evidence findings of each file.
struct CompareReport {
    let comparison: Comparison
    let findings: [[EvidenceFinding]]
    let lang: Language

    init(_ comparison: Comparison, findings: [[EvidenceFinding]], language: Language) {
        self.comparison = comparison
        self.findings = findings
        self.lang = language
    }

    func render(_ style: ReviewDocument.Style) -> String {
        var doc = ReviewDocument()
        let sides = comparison.sides
        let first = sides[0].assessment
        let rubric = sides[0].rubric
        let roles = comparison.roles.map { $0.shortName(in: lang) }

        doc.heading(lang.pick("Perbandingan penilaian", "Comparison of assessments") + ": \(first.unit.name) (\(first.unit.id)) · "
                    + "\(rubric.title.text(in: lang)) · \(lang.pick("periode", "period")) \(first.period)")
        doc.table([.left, .left, .left, .left], header: [lang.pick("Peran", "Role"), "", lang.pick("Berkas", "File"), ""],
                  rows: sides.map { card in
                      let a = card.assessment
                      let other = (a.unit.id != first.unit.id || a.period != first.period || a.rubricID != first.rubricID)
                          ? "(\(a.unit.id), \(a.rubricID), \(a.period))" : ""
                      return [a.role.shortName(in: lang), a.role.name(in: lang), a.path, other]
                  })
        if let overall = comparison.groups.last {
            doc.blank()
            doc.line(lang.pick("Indeks keseluruhan", "Overall index") + ": "
                     + zip(roles, overall.sides).map { "\($0) \(Self.index($1, lang))" }.joined(separator: " · ")
                     + " · Δ \(signed(hundredths: overall.deltaHundredths))"
                     + (overall.predicateChanged ? "  " + changedMark : ""))
        }

        // What to act on, before the detail.
        var actions: [String] = []
        let lowered = comparison.indicators.filter { $0.delta < 0 }.map(\.id)
        let raised = comparison.indicators.filter { $0.delta > 0 }.map(\.id)
        let last = roles.last ?? ""
        if !lowered.isEmpty {
            actions.append(lang.pick("diturunkan oleh \(last) (\(lowered.count)): ", "lowered by \(last) (\(lowered.count)): ")
                           + lowered.joined(separator: ", "))
        }
        if !raised.isEmpty {
            actions.append(lang.pick("dinaikkan oleh \(last) (\(raised.count)): ", "raised by \(last) (\(raised.count)): ")
                           + raised.joined(separator: ", "))
        }
        let otherSpread = comparison.indicators.filter { $0.delta == 0 && $0.spread > 0 }.map(\.id)
        if !otherSpread.isEmpty {
            actions.append(lang.pick("level berbeda antarpihak lain: ", "levels differ between other sides: ") + otherSpread.joined(separator: ", "))
        }
        let changed = comparison.groups.filter(\.predicateChanged).map(\.id)
        if !changed.isEmpty {
            actions.append(lang.pick("predikat berubah: ", "predicate changes: ") + changed.joined(separator: ", "))
        }
        for card in sides where !card.overclaims.isEmpty {
            actions.append(lang.pick("klaim berlebih \(card.assessment.role.shortName(in: lang)): ", "overclaims by \(card.assessment.role.shortName(in: lang)): ")
                           + card.overclaims.map(\.id).joined(separator: ", "))
        }
        for (card, found) in zip(sides, findings) where !found.isEmpty {
            actions.append(lang.pick("bukti dukung \(card.assessment.role.shortName(in: lang)): ", "evidence of \(card.assessment.role.shortName(in: lang)): ")
                           + FindingSummary.counts(found, lang))
        }
        doc.heading(lang.pick("Untuk ditindaklanjuti", "To act on"))
        if actions.isEmpty {
            doc.line(lang.pick("  Tidak ada perbedaan.", "  No differences."))
        }
        doc.bullets(actions)

        // Groups, nested as the rubric nests them.
        let byKey = Dictionary(comparison.groups.map { ("\($0.kind.rawValue)/\($0.id)", $0) }, uniquingKeysWith: { a, _ in a })
        var rows: [[String]] = []
        func add(_ kind: GroupComparison.Kind, _ id: String, _ title: LocalizedText, indent: String) {
            guard let group = byKey["\(kind.rawValue)/\(id)"] else { return }
            rows.append([indent + id, title.text(in: lang)] + group.sides.map { Self.index($0, lang) }
                        + [signed(hundredths: group.deltaHundredths), group.predicateChanged ? changedMark : ""])
        }
        if rubric.domains.isEmpty {
            rubric.aspects.forEach { add(.aspect, $0.id, $0.title, indent: "") }
        } else {
            for domain in rubric.domains {
                add(.domain, domain.id, domain.title, indent: "")
                for aspect in rubric.aspects where aspect.domainID == domain.id { add(.aspect, aspect.id, aspect.title, indent: "  ") }
            }
        }
        rubric.pillars.forEach { add(.pillar, $0.id, $0.title, indent: lang.pick("pilar ", "pillar ")) }
        add(.overall, rubric.id, rubric.title, indent: "")
        doc.heading(lang.pick("Indeks per kelompok", "Indices by group"))
        doc.table([.left, .left] + sides.map { _ in .left } + [.right, .left],
                  header: [lang.pick("Kelompok", "Group"), ""] + roles + ["Δ", ""], rows: rows)

        // Indicators that need attention.
        let differing = comparison.indicators.filter(\.needsAttention)
        let agreeing = comparison.indicators.count - differing.count
        doc.heading(lang.pick("Indikator yang perlu dibahas", "Indicators to discuss")
                    + ": \(differing.count) " + lang.pick("dari", "of") + " \(comparison.indicators.count)"
                    + " (\(agreeing) " + lang.pick("sama persis", "agree fully") + ")")
        if !differing.isEmpty {
            doc.line(lang.pick("Sel: klaim/didukung/dinilai (– tanpa klaim, ! klaim berlebih); Δ = \(roles.last ?? "") − \(roles[0]); Δ indeks = pengaruh pada indeks keseluruhan.",
                               "Cells: claimed/supported/scored (– no claim, ! overclaim); Δ = \(roles.last ?? "") − \(roles[0]); Δ index = effect on the overall index."))
            doc.table([.left] + sides.map { _ in .left } + [.right, .right, .left, .left],
                      header: [lang.pick("Ind.", "Ind.")] + roles + ["Δ", lang.pick("Δ indeks", "Δ index"),
                               lang.pick("Kriteria diakui sebagian pihak", "Criteria accepted by only some"), lang.pick("Indikator", "Indicator")],
                      rows: differing.map { item in
                          [item.id] + item.sides.map(levels) + [Self.signed(item.delta), signed(effect: item.indexEffect),
                           item.criteria.map { "\($0.criterionID) (\($0.acceptedBy.map { $0.shortName(in: lang) }.joined(separator: "+")))" }.joined(separator: ", "),
                           rubric.indicator(item.id)?.title.text(in: lang) ?? ""]
                      })
            var notes: [String] = []
            for item in differing where item.sides.contains(where: { !$0.note.isEmpty }) {
                notes += item.sides.map { "\(item.id) \($0.role.shortName(in: lang)): " + ($0.note.isEmpty ? "—" : $0.note.text(in: lang)) }
            }
            if !notes.isEmpty {
                doc.heading(lang.pick("Catatan berdampingan", "Notes side by side"))
                doc.bullets(notes)
            }
        }

        doc.heading(lang.pick("Kesepakatan antarpenilai (indikator bertingkat yang dinilai kedua pihak)",
                              "Agreement (ladder indicators assessed by both sides)"))
        doc.table([.left, .right, .right, .right, .right, .right],
                  header: [lang.pick("Pasangan", "Pair"), "n", lang.pick("Sama", "Exact"), lang.pick("Selisih ≤ 1", "Within one"),
                           lang.pick("Rata-rata |Δ|", "Mean |Δ|"), lang.pick("Kappa kuadratik", "Quadratic kappa")],
                  rows: comparison.agreements.map { pair in
                      let a = pair.agreement
                      return ["\(pair.a.shortName(in: lang))–\(pair.b.shortName(in: lang))", "\(a.count)", percent(a.exact), percent(a.withinOne),
                              decimal(a.meanAbsoluteDifference, places: 2), decimal(a.kappa, places: 3)]
                  })

        let measured = comparison.agreements.filter { $0.measured.count > 0 }
        if !measured.isEmpty {
            doc.line(lang.pick("Indikator terukur (nilai dibandingkan sebagai angka): ", "Measured indicators (values compared as numbers): ")
                     + measured.map { pair in
                         "\(pair.a.shortName(in: lang))–\(pair.b.shortName(in: lang)) n \(pair.measured.count), \(lang.pick("rata-rata |Δ|", "mean |Δ|")) \(decimal(pair.measured.meanAbsoluteDifference, places: 2))"
                     }.joined(separator: "; "))
        }
        doc.heading(lang.pick("Pemeriksaan bukti dukung", "Evidence checks"))
        for (card, found) in zip(sides, findings) {
            doc.line("\(card.assessment.role.shortName(in: lang)): \(FindingSummary.counts(found, lang))")
            doc.bullets(found.map { $0.line(in: lang) })
        }
        return doc.render(style)
    }

    private var changedMark: String { lang.pick("⚠ predikat berubah", "⚠ predicate changes") }

    static func index(_ side: GroupSide?, _ lang: Language) -> String {
        guard let side else { return "—" }
        return "\(lang.number(side.index)) \(side.predicate.label.text(in: lang))"
    }

    func levels(_ side: IndicatorSide) -> String {
        guard side.assessed else { return "—" }
        if side.score != ExactDecimal(side.level) { return ReportFormat.measured(side.score, lang) }  // a measured value
        return "\(side.claimed.map(String.init) ?? "–")/\(side.supported)/\(side.level)" + (side.overclaim ? " !" : "")
    }

    static func signed(_ value: Int) -> String { value > 0 ? "+\(value)" : "\(value)" }

    /// `+0,10`, `-0,14`, `0,00` from a difference in hundredths.
    func signed(hundredths: Int?) -> String {
        hundredths.map { ReportFormat.signed(hundredths: $0, lang) } ?? "—"
    }

    /// An index effect to three decimals (a weight of 1.3 moves the index by 0.013 a level).
    func signed(effect: Double) -> String {
        let text = ReportFormat.fixed(effect, places: 3, lang)
        return effect > 0 && text != ReportFormat.fixed(0, places: 3, lang) ? "+" + text : text
    }

    func percent(_ fraction: Double?) -> String {
        guard let fraction else { return "—" }
        return ReportFormat.fixed(fraction * 100, places: 1, lang) + "%"
    }

    /// Fixed decimals, rounded half away from zero.
    func decimal(_ value: Double?, places: Int) -> String {
        value.map { ReportFormat.fixed($0, places: places, lang) } ?? "—"
    }
}
