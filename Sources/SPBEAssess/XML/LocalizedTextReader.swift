extension XMLElement {
    /// Reads the `name` children of this element as one text per language. A text without
    /// `xml:lang` (here or on an ancestor) is Indonesian. Indonesian is required; one text per
    /// language.
    func localizedText(_ name: String, required: Bool = true, into problems: inout [Diagnostic]) -> LocalizedText {
        var values: [String: String] = [:]
        for child in children(named: name) {
            let language = child.language ?? Language.id.rawValue
            if values[language] != nil {
                problems.append(child.diagnostic(.duplicateIdentifier,
                    id: "<\(name)> kedua dalam bahasa '\(language)'; berikan satu untuk setiap bahasa",
                    en: "a second <\(name)> in language '\(language)'; give one per language"))
            }
            values[language] = child.text
        }
        if values[Language.id.rawValue] == nil, required || !values.isEmpty {
            problems.append(diagnostic(.missingLanguage,
                id: "<\(self.name)> memerlukan <\(name) xml:lang=\"id\"> (teks bahasa Indonesia wajib; bahasa Inggris opsional)",
                en: "<\(self.name)> needs a <\(name) xml:lang=\"id\"> (Indonesian text is required; English is optional)"))
        }
        return LocalizedText(values)
    }
}
