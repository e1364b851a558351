import SPBEAssess

/// CSV for spreadsheets: one row per unit and indicator, or one row per unit with its indices.
///
/// Files are UTF-8 with a byte-order mark (so Excel does not read Indonesian text as another
/// encoding), CRLF line ends, fields quoted when they hold the separator, a quote or a line
/// break (RFC 4180). `.international` uses `,` and a decimal point (LibreOffice, scripts,
/// Excel in English); `.indonesian` uses `;` and a decimal comma, as Excel expects under
/// Indonesian regional settings.
public enum CSVReport {
    public enum Dialect: String, Sendable, CaseIterable {
        case international, indonesian
        var separator: String { self == .indonesian ? ";" : "," }
        func number(_ text: String) -> String { self == .indonesian ? text.replacingOccurrences(of: ".", with: ",") : text }
    }

    public static func indicators(_ input: ReportInput, dialect: Dialect = .international) -> String {
        let lang = input.language
        var rows = [["unit_id", "unit", "instansi", "rubric", "period", "role", "indicator", "title", "weight",
                     "assessed", "claimed", "supported", "level", "overclaim", "missing_for_next", "met_without_document"]]
        for card in input.cards {
            let a = card.assessment
            for (indicator, score) in zip(card.rubric.indicators, card.indicators) {
                rows.append([a.unit.id, a.unit.name, a.unit.instansi ?? "", card.rubric.id, a.period, a.role.rawValue,
                             indicator.id, indicator.title.text(in: lang), dialect.number(score.weight.description),
                             score.assessed ? "1" : "0", score.claimed.map(String.init) ?? "", dialect.number(score.supportedScore.description), dialect.number(score.score.description),
                             score.overclaim ? "1" : "0", score.missingForNext.joined(separator: " "),
                             score.metWithoutDocument.joined(separator: " ")])
            }
        }
        return encode(rows, dialect)
    }

    /// One row per unit: the index (full precision and rounded), predicate, and every group's index.
    public static func indices(_ input: ReportInput, dialect: Dialect = .international) -> String {
        let lang = input.language
        var groupColumns: [String] = []
        for card in input.cards {
            for id in card.domains.map(\.id) + card.aspects.map(\.id) + card.pillars.map({ "pillar:" + $0.id }) where !groupColumns.contains(id) {
                groupColumns.append(id)
            }
        }
        var rows = [["unit_id", "unit", "instansi", "rubric", "period", "role", "index", "index_rounded", "predicate"] + groupColumns]
        for card in input.cards {
            let a = card.assessment
            var groups: [String: String] = [:]
            for group in card.domains + card.aspects { groups[group.id] = dialect.number(String(group.index.value)) }
            for group in card.pillars { groups["pillar:" + group.id] = dialect.number(String(group.index.value)) }
            rows.append([a.unit.id, a.unit.name, a.unit.instansi ?? "", card.rubric.id, a.period, a.role.rawValue,
                         dialect.number(String(card.index.value)), dialect.number(card.index.description),
                         card.predicate.label.text(in: lang)] + groupColumns.map { groups[$0] ?? "" })
        }
        return encode(rows, dialect)
    }

    /// Any table of fields, encoded as the other CSV outputs are.
    public static func table(_ rows: [[String]], dialect: Dialect = .international) -> String {
        encode(rows, dialect)
    }

    static func encode(_ rows: [[String]], _ dialect: Dialect) -> String {
        "\u{FEFF}" + rows.map { $0.map { field($0, dialect) }.joined(separator: dialect.separator) }.joined(separator: "\r\n") + "\r\n"
    }

    /// A field, quoted when it must be; a leading `=`, `+`, `-` or `@` is prefixed with `'` so a
    /// spreadsheet never runs text from an evidence file as a formula.
    static func field(_ value: String, _ dialect: Dialect) -> String {
        var text = value
        if let first = text.first, "=+@".contains(first) || (first == "-" && Double(text) == nil) { text = "'" + text }
        guard text.contains(where: { $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" || String($0) == dialect.separator }) else {
            return text
        }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
