import SPBEAssess

/// `assess migrate` summary: what was carried, from where, at which starting level, and the
/// to-do list of target indicators with no source.
enum MigrationTable {
    static func render(_ migration: Migration, card: Scorecard, language lang: Language) -> String {
        let original = migration.original
        let target = migration.target
        var lines: [String] = []
        lines.append("\(original.unit.name) (\(original.unit.id)): \(migration.source.id) → \(target.id) · \(lang.pick("periode", "period")) \(migration.assessment.period)")
        lines.append("\(lang.pick("Pemetaan", "Crosswalk")): \(migration.crosswalk.path)")
        lines.append("\(lang.pick("Ditulis", "Written")): \(migration.assessment.path)")
        lines.append("\(lang.pick("Indeks awal", "Starting index")) \(target.id): \(lang.number(card.index))  \(card.predicate.label.text(in: lang)) "
                     + lang.pick("(hanya dari bukti yang dialihkan; indikator tanpa sumber bernilai level terendah)",
                                 "(from carried evidence only; indicators with no source start at the floor)"))
        lines.append("")

        var table = TextTable([.left, .left, .left, .right, .right, .right, .left])
        table.add([lang.pick("Indikator", "Indicator"), lang.pick("Sumber (level didukung)", "Sources (supported level)"),
                   lang.pick("Aturan", "Rule"), lang.pick("Awal", "Start"), lang.pick("Didukung", "Supported"),
                   lang.pick("Dialihkan", "Carried"), lang.pick("Judul", "Title")])
        let scores = Dictionary(uniqueKeysWithValues: card.indicators.map { ($0.id, $0) })
        for item in migration.indicators where !item.sources.isEmpty {
            // Sixteen service indicators would make the column unreadable: show the first few.
            let shown = item.sources.prefix(5).map { "\($0.indicator) (\($0.level))" }.joined(separator: ", ")
            let sources = item.sources.count > 5 ? shown + ", … +\(item.sources.count - 5)" : shown
            let rule = (item.rule?.rawValue ?? "") + (item.cap.map { " ≤\($0)" } ?? "")
            table.add([item.target, sources, rule, "\(item.startingLevel)", "\(scores[item.target]?.supported ?? 0)",
                       "\(item.carried.count)", target.indicator(item.target)?.title.text(in: lang) ?? ""])
        }
        lines.append(table.render())

        let asked = migration.indicators.compactMap { item -> String? in
            let mapping = migration.crosswalk.mapping(for: item.target)
            return (mapping?.ask.isEmpty ?? true) || item.sources.isEmpty ? nil : mapping?.ask.joined(separator: ", ")
        }
        if !asked.isEmpty {
            lines.append("")
            lines.append(lang.pick("Kriteria yang harus dijawab dengan bukti baru: ", "Criteria to answer with new evidence: ")
                         + asked.joined(separator: ", "))
        }

        lines.append("")
        let toDo = migration.toDo
        if toDo.isEmpty {
            lines.append(lang.pick("Daftar tugas: semua indikator punya sumber.", "To-do list: every indicator has a source."))
        } else {
            lines.append(lang.pick("Daftar tugas — tanpa sumber di \(migration.source.id), dinilai dari awal (\(toDo.count)):",
                                   "To-do list — no source in \(migration.source.id), to assess from scratch (\(toDo.count)):"))
            var todo = TextTable([.left, .right, .left, .left])
            for item in toDo {
                guard let indicator = target.indicator(item.target) else { continue }
                let aspect = target.aspects.first { $0.id == indicator.aspectID }?.title.text(in: lang) ?? indicator.aspectID
                todo.add([item.target, "\(lang.pick("bobot", "weight")) \(indicator.weight)", indicator.title.text(in: lang), aspect])
            }
            lines.append(todo.render(indent: "  "))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
