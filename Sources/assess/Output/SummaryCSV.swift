import SPBEAssess
import SPBEReport

/// `assess summary --format csv`: one row per instansi, for a spreadsheet or a data team's
/// scripts (UTF-8 with BOM, CRLF, RFC 4180, formula-safe: as `assess report --format csv`).
enum SummaryCSV {
    static func render(_ summary: NationalSummary, language: Language) -> String {
        var rows: [[String]] = [["province", "instansi", "name", "source", "opdFiles", "index", "indexRounded", "predicate"]]
        for result in summary.instansi {
            let opdFiles: String
            let source: String
            switch result.source {
            case .file: (source, opdFiles) = ("file", "")
            case .aggregated(let count): (source, opdFiles) = ("aggregated", "\(count)")
            }
            rows.append([result.province, result.id, result.name, source, opdFiles, "\(result.index.value)",
                         result.index.description, result.predicate.label.text(in: language)])
        }
        return CSVReport.table(rows)
    }
}
