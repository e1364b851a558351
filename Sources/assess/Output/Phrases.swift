import SPBEAssess

extension Language {
    /// The fixed text of the command line in this language: `lang.pick("Indeks", "Index")`.
    func pick(_ indonesian: String, _ english: String) -> String {
        self == .en ? english : indonesian
    }
}

