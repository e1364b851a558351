import SPBEAssess
import SPBEReport

/// `assess summary` at a terminal: predicates per province and nationally with mean and median,
/// the ten weakest indicators, then every instansi.
enum SummaryTable {
    static func render(_ summary: NationalSummary, language lang: Language) -> String {
        let rubric = summary.rubric
        var lines: [String] = []
        lines.append("\(rubric.title.text(in: lang)) · \(lang.pick("periode", "period")) \(summary.period) · \(summary.role.name(in: lang)) · \(summary.national.count) instansi · \(summary.fileCount) \(lang.pick("berkas", "files"))"
                     + (summary.invalidFiles.isEmpty ? "" : " (\(summary.invalidFiles.count) \(lang.pick("tidak valid", "invalid")))"))
        lines.append("")

        var groups = TextTable([.left, .right] + rubric.predicates.map { _ in .right } + [.right, .right])
        groups.add([lang.pick("Provinsi", "Province"), "n"] + rubric.predicates.map { $0.label.text(in: lang) }
                   + [lang.pick("Rerata", "Mean"), "Median"])
        func add(_ name: String, _ group: GroupStatistics) {
            groups.add([name, "\(group.count)"] + group.predicateCounts.map(String.init)
                       + [lang.number(group.mean), lang.number(group.median)])
        }
        for province in summary.provinces { add(province.name.isEmpty ? "-" : ProvinceName.display(province.name), province) }
        add(lang.pick("NASIONAL", "NATIONAL"), summary.national)
        lines.append(groups.render())
        lines.append("")

        lines.append(lang.pick("Sepuluh indikator terlemah (rerata level seluruh instansi):",
                               "Ten weakest indicators (mean level across instansi):"))
        var weakest = TextTable([.left, .left, .right])
        for indicator in summary.weakest {
            weakest.add([indicator.indicatorID, rubric.indicator(indicator.indicatorID)?.title.text(in: lang) ?? "",
                         ReportFormat.index(indicator.mean, lang)])
        }
        lines.append(weakest.render(indent: "  "))
        lines.append("")

        var instansi = TextTable([.left, .left, .left, .right, .left, .left])
        instansi.add([lang.pick("Provinsi", "Province"), "Instansi", lang.pick("Nama", "Name"), lang.pick("Indeks", "Index"),
                      lang.pick("Predikat", "Predicate"), lang.pick("Sumber", "Source")])
        for result in summary.instansi {
            instansi.add([ProvinceName.display(result.province), result.id, result.name, lang.number(result.index),
                          result.predicate.label.text(in: lang), source(result.source, lang)])
        }
        lines.append(instansi.render())
        return lines.joined(separator: "\n") + "\n"
    }

    static func source(_ source: InstansiResult.Source, _ lang: Language) -> String {
        switch source {
        case .file: lang.pick("berkas instansi", "instansi file")
        case .aggregated(let count): lang.pick("agregasi \(count) OPD", "aggregated from \(count) OPDs")
        }
    }
}
