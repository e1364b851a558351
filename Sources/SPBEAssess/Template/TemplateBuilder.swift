/// Blank evidence files for OPDs to fill in by hand: one per OPD, holding an `<answer>` for each
/// indicator the OPD owns, with the indicator's title and every criterion's text as comments and
/// a commented-out `<met>` line per criterion to uncomment.
///
/// A template is valid as written (an answer with no `met` is an answer at the floor), and once
/// filled it is an ordinary evidence file. Criteria start above the floor, which needs no proof;
/// a measured indicator asks for its value and the document that shows it instead.
///
/// ```swift
/// let builder = TemplateBuilder(rubric: rubric, period: "2025", instansi: "kab-ketapang")
/// let xml = builder.template(for: OPDEntry(id: "bappeda", name: "Bappeda", roles: ["bappeda"]))
/// ```
public struct TemplateBuilder: Sendable {
    public let rubric: Rubric
    public let period: String
    public let role: Role
    public let instansi: String?
    public let language: Language

    public init(rubric: Rubric, period: String, role: Role = .self, instansi: String? = nil, language: Language = .id) {
        self.rubric = rubric
        self.period = period
        self.role = role
        self.instansi = instansi
        self.language = language
    }

    /// The indicators the OPD owns, in rubric order.
    public func owned(by opd: OPDEntry) -> [Indicator] {
        rubric.indicators.filter { indicator in indicator.owners.contains { opd.roles.contains($0) } }
    }

    public func template(for opd: OPDEntry) -> String {
        let unit = Unit(id: opd.id, name: opd.name, kind: .opd, instansi: instansi, roles: opd.roles)
        let assessment = Assessment(path: "\(opd.id).xml", rubricID: rubric.id, period: period, role: role, unit: unit,
                                    answers: [], documents: [], warnings: [])
        let indicators = owned(by: opd)
        let answers = indicators.map(answer)
        let example = XMLNode.comment(pick(
            "Nyatakan setiap bukti dukung sekali, lalu sebut id-nya di documents=\"…\" pada <met>: <document id=\"perbup-contoh\" date=\"2024-01-31\" href=\"bukti/perbup-contoh.pdf\">Judul dokumen</document>",
            "Declare each supporting document once, then cite its id in documents=\"…\" on <met>: <document id=\"perbup-example\" date=\"2024-01-31\" href=\"bukti/perbup-example.pdf\">Document title</document>"))
        let root = EvidenceWriter.root(assessment, answers: answers, trailing: [example])
        let header = pick(
            "Templat bukti \(rubric.id) untuk \(opd.name) (\(opd.id)), periode \(period): \(indicators.count) indikator milik peran \(opd.roles.joined(separator: " ")). Isi claimed=\"…\" bila mengklaim level, hapus tanda komentar pada <met> setiap kriteria yang terpenuhi dan sebut dokumennya.",
            "\(rubric.id) evidence template for \(opd.name) (\(opd.id)), period \(period): \(indicators.count) indicators owned by roles \(opd.roles.joined(separator: " ")). Add claimed=\"…\" to claim a level, uncomment the <met> of each criterion that holds and cite its documents.")
        return XMLNode.document(root: root, leadingComments: [header])
    }

    /// Fixed template text in the builder's language.
    private func pick(_ indonesian: String, _ english: String) -> String {
        language == .en ? english : indonesian
    }

    func answer(_ indicator: Indicator) -> XMLNode {
        var children: [XMLNode] = [.comment("\(indicator.id) \(indicator.title.text(in: language)) (\(pick("bobot", "weight")) \(indicator.weight))")]
        if indicator.isMeasured {
            if !indicator.description.isEmpty { children.append(.comment(indicator.description.text(in: language))) }
            children.append(.comment(pick(
                "Indikator terukur: tulis nilainya (\(indicator.floor)–\(indicator.maximumLevel), paling banyak dua desimal) dan dokumen yang menunjukkannya pada <answer>, misalnya value=\"3.42\" documents=\"laporan-survei\"",
                "Measured indicator: give its value (\(indicator.floor)–\(indicator.maximumLevel), at most two decimals) and the document that shows it on <answer>, e.g. value=\"3.42\" documents=\"survey-report\"")))
            return .element("answer", [("indicator", indicator.id)], children)
        }
        for level in indicator.ladder {
            for criterion in level.criteria {
                children.append(.comment("L\(level.value) \(criterion.id): \(criterion.text.text(in: language))"))
                children.append(.comment("<met criterion=\"\(criterion.id)\" documents=\"\"/>"))
            }
        }
        return .element("answer", [("indicator", indicator.id)], children)
    }
}
