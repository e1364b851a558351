/// The document types of spbe-assess, told apart by their root element and namespace.
public enum DocumentKind: String, Sendable, CaseIterable {
    case rubric, evidence, crosswalk

    public var namespace: String {
        switch self {
        case .rubric: "urn:spbe-assess:rubric:1"
        case .evidence: "urn:spbe-assess:evidence:1"
        case .crosswalk: "urn:spbe-assess:crosswalk:1"
        }
    }

    public var rootElement: String {
        switch self {
        case .rubric: "rubric"
        case .evidence: "assessment"
        case .crosswalk: "crosswalk"
        }
    }

    /// "a rubric", "an evidence file", "a crosswalk".
    var noun: String {
        switch self {
        case .rubric: "a rubric"
        case .evidence: "an evidence file"
        case .crosswalk: "a crosswalk"
        }
    }

    /// "rubrik", "berkas bukti dukung", "crosswalk", for Indonesian messages.
    public var indonesianNoun: String {
        switch self {
        case .rubric: "rubrik"
        case .evidence: "berkas bukti dukung"
        case .crosswalk: "crosswalk"
        }
    }

    /// The kind `root` is, or a diagnostic that says what was expected.
    static func of(_ root: XMLElement) -> Result<DocumentKind, LoadError> {
        if let kind = allCases.first(where: { $0.namespace == root.namespace && $0.rootElement == root.name }) {
            return .success(kind)
        }
        let found = root.namespace.map { "<\(root.name)> in namespace '\($0)'" } ?? "<\(root.name)> with no namespace"
        let foundID = root.namespace.map { "<\(root.name)> dalam namespace '\($0)'" } ?? "<\(root.name)> tanpa namespace"
        let expected = allCases.map { "<\($0.rootElement) xmlns=\"\($0.namespace)\">" }
        let leading = expected.dropLast().joined(separator: ", "), last = expected.last ?? ""
        return .failure(LoadError([root.diagnostic(.wrongRoot,
            id: "elemen akar adalah \(foundID); yang diharapkan \(leading) atau \(last)",
            en: "root element is \(found); expected \(leading) or \(last)")]))
    }

    /// Checks that `root` is of this kind.
    func check(_ root: XMLElement) throws(LoadError) {
        let found = try DocumentKind.of(root).get()
        guard found == self else {
            throw LoadError([root.diagnostic(.wrongRoot,
                id: "berkas ini adalah \(found.indonesianNoun), sedangkan yang diharapkan \(indonesianNoun) (<\(rootElement) xmlns=\"\(namespace)\">)",
                en: "this is \(found.noun), expected \(noun) (<\(rootElement) xmlns=\"\(namespace)\">)")])
        }
    }
}

extension XMLDocument {
    /// The root element, checked to be of `kind` and valid against `schema`.
    func validatedRoot(_ kind: DocumentKind, schema: XMLSchema) throws(LoadError) -> XMLElement {
        guard let root else {
            throw LoadError([Diagnostic(.malformedXML, file: source.path, id: "dokumen tidak memiliki elemen akar",
                                        en: "the document has no root element")])
        }
        try kind.check(root)
        let violations = schema.violations(of: self)
        if violations.contains(where: { $0.severity == .error }) { throw LoadError(violations) }
        return root
    }
}
