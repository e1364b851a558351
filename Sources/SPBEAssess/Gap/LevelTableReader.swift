/// Reads the small CSV tables of `assess gap`: `indicator,level` targets and
/// `indicator,level,effort` overrides. One row per line, comma-separated, an optional header
/// row, blank lines and `#` comments ignored; every bad row is reported as file:line.
public enum LevelTableReader {
    /// `indicator,level` rows: a target level per indicator.
    public static func targets(path: String, rubric: Rubric) throws(LoadError) -> [String: Int] {
        var result: [String: Int] = [:]
        try read(path: path, columns: ["indicator", "level"], rubric: rubric) { row, fields, indicator, level, problems in
            if result.updateValue(level, forKey: indicator.id) != nil {
                problems.append(Diagnostic(.duplicateIdentifier, file: path, line: row,
                                           id: "indikator \(indicator.id) tercantum dua kali",
                                           en: "indicator \(indicator.id) is listed twice"))
            }
        }
        return result
    }

    /// `indicator,level,effort` rows: the effort of reaching that level from the one below.
    public static func efforts(path: String, rubric: Rubric) throws(LoadError) -> EffortTable {
        var table = EffortTable()
        try read(path: path, columns: ["indicator", "level", "effort"], rubric: rubric) { row, fields, indicator, level, problems in
            guard let effort = ExactDecimal(parsing: fields[2]) else {
                problems.append(Diagnostic(.invalidDecimal, file: path, line: row,
                    id: "upaya '\(fields[2])' bukan bilangan tidak negatif (paling banyak enam angka desimal)",
                    en: "effort '\(fields[2])' is not a non-negative number (at most six decimals)"))
                return
            }
            if table.overrides[indicator.id, default: [:]].updateValue(effort, forKey: level) != nil {
                problems.append(Diagnostic(.duplicateIdentifier, file: path, line: row,
                                           id: "\(indicator.id) level \(level) tercantum dua kali",
                                           en: "\(indicator.id) level \(level) is listed twice"))
            }
        }
        return table
    }

    private static func read(path: String, columns: [String], rubric: Rubric,
                             row handle: (Int, [String], Indicator, Int, inout [Diagnostic]) -> Void) throws(LoadError) {
        let source = try InputFile.load(path, limits: .default)
        let text = String(decoding: source.bytes, as: UTF8.self)
        var problems: [Diagnostic] = []
        for (offset, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = offset + 1
            var content = String(rawLine).trimmingSpaces
            if line == 1, content.hasPrefix("\u{FEFF}") { content.removeFirst() }  // Excel's UTF-8 BOM
            guard !content.isEmpty, !content.hasPrefix("#") else { continue }
            let fields = content.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
            if fields.map({ $0.lowercased() }) == columns { continue }  // a header row
            guard fields.count == columns.count else {
                problems.append(Diagnostic(.schemaViolation, file: path, line: line,
                    id: "diharapkan \(columns.count) kolom yang dipisahkan koma (\(columns.joined(separator: ","))), ditemukan \(fields.count)",
                    en: "expected \(columns.count) comma-separated fields (\(columns.joined(separator: ","))), found \(fields.count)"))
                continue
            }
            guard let indicator = rubric.indicator(fields[0]) else {
                problems.append(Diagnostic(.unknownReference, file: path, line: line,
                                           id: "indikator '\(fields[0])' tidak ada dalam rubrik \(rubric.id)",
                                           en: "indicator '\(fields[0])' is not in rubric \(rubric.id)"))
                continue
            }
            guard let level = Int(fields[1]), (1...indicator.maximumLevel).contains(level) else {
                problems.append(Diagnostic(.levelOutOfRange, file: path, line: line,
                    id: "level '\(fields[1])' berada di luar skala indikator \(indicator.id) (1–\(indicator.maximumLevel))",
                    en: "level '\(fields[1])' is outside indicator \(indicator.id)'s scale (1–\(indicator.maximumLevel))"))
                continue
            }
            handle(line, fields, indicator, level, &problems)
        }
        guard problems.isEmpty else { throw LoadError(problems) }
    }
}
