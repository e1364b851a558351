/// Writes an ``Assessment`` as an evidence file (SPEC §3) that the loader reads back unchanged:
/// the unit, one `<answer>` per answer in order, then the documents.
///
/// ```swift
/// let xml = EvidenceWriter.write(result.assessment, comments: ["Aggregated by assess"])
/// ```
public enum EvidenceWriter {
    public static let namespace = "urn:spbe-assess:evidence:1"

    /// The file's text; `comments` go before the root element.
    public static func write(_ assessment: Assessment, comments: [String] = []) -> String {
        XMLNode.document(root: root(assessment, answers: assessment.answers.map(answer)), leadingComments: comments)
    }

    /// The `<assessment>` element with the given answer elements (templates pass their own) and
    /// anything to put after the documents.
    static func root(_ assessment: Assessment, answers: [XMLNode], trailing: [XMLNode] = []) -> XMLNode {
        let unit = assessment.unit
        var unitAttributes = [("id", unit.id), ("kind", unit.kind.rawValue)]
        if let instansi = unit.instansi { unitAttributes.append(("instansi", instansi)) }
        if unit.roles != [unit.id] { unitAttributes.append(("roles", unit.roles.joined(separator: " "))) }
        var children: [XMLNode] = [.element("unit", unitAttributes, text: unit.name)]
        children += answers
        children += assessment.documents.map(document)
        children += trailing
        return .element("assessment", [("xmlns", namespace), ("rubric", assessment.rubricID),
                                       ("period", assessment.period), ("role", assessment.role.rawValue)], children)
    }

    static func answer(_ answer: Answer) -> XMLNode {
        var attributes = [("indicator", answer.indicatorID)]
        if let claimed = answer.claimed { attributes.append(("claimed", String(claimed))) }
        if let value = answer.value { attributes.append(("value", value.description)) }
        if !answer.valueDocumentIDs.isEmpty { attributes.append(("documents", answer.valueDocumentIDs.joined(separator: " "))) }
        var children: [XMLNode] = answer.met.map { met in
            var metAttributes = [("criterion", met.criterionID)]
            if !met.documentIDs.isEmpty { metAttributes.append(("documents", met.documentIDs.joined(separator: " "))) }
            return .element("met", metAttributes, [])
        }
        children += notes(answer.note)
        return .element("answer", attributes, children)
    }

    /// Indonesian first, then the other languages in a stable order.
    static func notes(_ text: LocalizedText) -> [XMLNode] {
        text.values.keys.sorted { ($0 == "id" ? 0 : 1, $0) < ($1 == "id" ? 0 : 1, $1) }.map { language in
            .element("note", [("xml:lang", language)], text: text.values[language] ?? "")
        }
    }

    static func document(_ document: Document) -> XMLNode {
        var attributes = [("id", document.id)]
        if let date = document.date { attributes.append(("date", date)) }
        if let href = document.href { attributes.append(("href", href)) }
        if let sha256 = document.sha256 { attributes.append(("sha256", sha256)) }
        return .element("document", attributes, text: document.title)
    }
}
