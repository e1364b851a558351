/// Writes an ``Assessment`` as an evidence file (`urn:spbe-assess:evidence:1`), for commands that
/// produce evidence (`assess migrate`). The output is what ``EvidenceLoader`` reads back: the unit,
/// one `<answer>` per answer in order, then the documents.
public enum EvidenceWriter {
    /// `comment`, when given, heads the file (where it came from, what to check).
    public static func xml(_ assessment: Assessment, comment: String? = nil) -> String {
        var writer = XMLWriter()
        if let comment { writer.comment(comment) }
        writer.open("assessment", [("xmlns", DocumentKind.evidence.namespace), ("rubric", assessment.rubricID),
                                   ("period", assessment.period), ("role", assessment.role.rawValue)])
        let unit = assessment.unit
        let roles = unit.roles == [unit.id] ? nil : unit.roles.joined(separator: " ")
        writer.element("unit", [("id", unit.id), ("kind", unit.kind.rawValue), ("instansi", unit.instansi),
                                ("roles", roles)], text: unit.name)
        for answer in assessment.answers {
            writer.open("answer", [("indicator", answer.indicatorID), ("claimed", answer.claimed.map(String.init))])
            for met in answer.met {
                writer.element("met", [("criterion", met.criterionID),
                                       ("documents", met.documentIDs.isEmpty ? nil : met.documentIDs.joined(separator: " "))])
            }
            for language in Language.allCases {
                if let text = answer.note.values[language.rawValue] {
                    writer.element("note", [("xml:lang", language.rawValue)], text: text)
                }
            }
            writer.close()
        }
        for document in assessment.documents {
            writer.element("document", [("id", document.id), ("date", document.date), ("href", document.href),
                                        ("sha256", document.sha256)], text: document.title)
        }
        return writer.finish()
    }
}
