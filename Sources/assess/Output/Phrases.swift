import SPBEAssess

extension Language {
    /// The fixed text of the command line in this language: `lang.pick("Indeks", "Index")`.
    func pick(_ indonesian: String, _ english: String) -> String {
        self == .en ? english : indonesian
    }
}

extension Role {
    /// The role as a word in a sentence or a column: mandiri, inspektorat, asesor in
    /// Indonesian; the role id (self, inspectorate, assessor) in English.
    func word(in language: Language) -> String { language.pick(indonesianName, rawValue) }
}
