import SPBEAssess
import SPBEReport

extension Language {
    /// The fixed text of the command line in this language: `lang.pick("Indeks", "Index")`.
    func pick(_ indonesian: String, _ english: String) -> String {
        self == .en ? english : indonesian
    }

    /// An index, weight, effort or value as a person reads it at the terminal or in Markdown:
    /// `2,47` in Indonesian, `2.47` in English (the reports' rule, ``ReportFormat``). JSON and
    /// CSV outputs keep their documented formats and do not call this.
    func number(_ value: some CustomStringConvertible) -> String {
        ReportFormat.decimal(value.description, self)
    }
}
