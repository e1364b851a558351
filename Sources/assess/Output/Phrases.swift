import SPBEAssess

extension Language {
    /// The fixed text of the command line in this language: `lang.pick("Indeks", "Index")`.
    func pick(_ indonesian: String, _ english: String) -> String {
        self == .en ? english : indonesian
    }
}

extension Role {
    func name(in language: Language) -> String {
        switch self {
        case .self: language.pick("penilaian mandiri", "self-assessment")
        case .inspectorate: language.pick("reviu inspektorat", "inspectorate review")
        case .assessor: language.pick("penilaian asesor eksternal", "external assessment")
        }
    }
}
