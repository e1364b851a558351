import SPBEAssess

/// `assess rubric show`: scales, predicates and the indicator tree with weights.
enum RubricTable {
    static func render(_ rubric: Rubric, language lang: Language, criteria: Bool) -> String {
        var lines = ["\(rubric.title.text(in: lang)) — \(rubric.id) (\(lang.pick("versi", "version")) \(rubric.version))",
                     "\(rubric.indicators.count) \(lang.pick("indikator", "indicators")), \(rubric.aspects.count) \(lang.pick("aspek", "aspects")), \(rubric.domains.count) domain, \(lang.pick("jumlah bobot", "total weight")) \(rubric.totalWeight)\(rubric.normalize ? " (normalize)" : "")",
                     ""]
        for scale in rubric.scales {
            let levels = scale.levels.map { "\($0.value) \($0.label.text(in: lang))" }.joined(separator: " · ")
            lines.append("\(lang.pick("Skala", "Scale")) \(scale.id): \(levels)")
        }
        let bands = rubric.predicates.map { band in
            "≥ \(lang.number(band.threshold)) \(band.label.text(in: lang))" + (band.description.isEmpty ? "" : " (\(band.description.text(in: lang)))")
        }.joined(separator: " · ")
        lines.append("\(lang.pick("Predikat", "Predicates")): \(bands)")
        if !rubric.pillars.isEmpty {
            lines.append("\(lang.pick("Pilar", "Pillars")): " + rubric.pillars.map { "\($0.id) (\($0.title.text(in: lang)))" }.joined(separator: ", "))
        }
        lines.append("")

        var table = TextTable([.left, .right, .left, .left])
        table.add(["", lang.pick("Bobot", "Weight"), lang.pick("Skala", "Scale"), lang.pick("Judul", "Title")])
        let byAspect = Dictionary(grouping: rubric.indicators, by: \.aspectID)
        func aspectRows(_ aspect: Aspect, indent: String) {
            let weight = (byAspect[aspect.id] ?? []).reduce(ExactDecimal.zero) { $0 + $1.weight }
            table.add([indent + aspect.id, lang.number(weight), "", aspect.title.text(in: lang)])
            for indicator in byAspect[aspect.id] ?? [] {
                table.add([indent + "  " + indicator.id, lang.number(indicator.weight), indicator.scaleID, indicator.title.text(in: lang)])
                guard criteria else { continue }
                for level in indicator.levels {
                    for criterion in level.criteria {
                        table.add([indent + "    " + criterion.id, "", "L\(level.value)", criterion.text.text(in: lang)])
                    }
                }
            }
        }
        if rubric.domains.isEmpty {
            rubric.aspects.forEach { aspectRows($0, indent: "") }
        } else {
            for domain in rubric.domains {
                let weight = rubric.indicators.filter { $0.domainID == domain.id }.reduce(ExactDecimal.zero) { $0 + $1.weight }
                table.add([domain.id, lang.number(weight), "", domain.title.text(in: lang)])
                for aspect in rubric.aspects where aspect.domainID == domain.id { aspectRows(aspect, indent: "  ") }
            }
        }
        lines.append(table.render())
        return lines.joined(separator: "\n") + "\n"
    }
}
