/// The two document types of spbe-assess, told apart by their root element and namespace.
public enum DocumentKind: String, Sendable, CaseIterable {
    case rubric, evidence

    public var namespace: String {
        switch self {
        case .rubric: "urn:spbe-assess:rubric:1"
        case .evidence: "urn:spbe-assess:evidence:1"
        }
    }

    public var rootElement: String {
        switch self {
        case .rubric: "rubric"
        case .evidence: "assessment"
        }
    }

    /// The kind `root` is, or a diagnostic that says what was expected.
    static func of(_ root: XMLElement) -> Result<DocumentKind, LoadError> {
        if let kind = allCases.first(where: { $0.namespace == root.namespace && $0.rootElement == root.name }) {
            return .success(kind)
        }
        let found = root.namespace.map { "<\(root.name)> in namespace '\($0)'" } ?? "<\(root.name)> with no namespace"
        return .failure(LoadError([root.diagnostic(.wrongRoot,
            "root element is \(found); expected <rubric xmlns=\"\(rubric.namespace)\"> or <assessment xmlns=\"\(evidence.namespace)\">")]))
    }

    /// Checks that `root` is of this kind.
    func check(_ root: XMLElement) throws(LoadError) {
        let found = try DocumentKind.of(root).get()
        guard found == self else {
            throw LoadError([root.diagnostic(.wrongRoot,
                "this is \(found == .rubric ? "a rubric" : "an evidence file"), expected \(self == .rubric ? "a rubric" : "an evidence file") (<\(rootElement) xmlns=\"\(namespace)\">)")])
        }
    }
}

extension XMLDocument {
    /// The root element, checked to be of `kind` and valid against `schema`.
    func validatedRoot(_ kind: DocumentKind, schema: XMLSchema) throws(LoadError) -> XMLElement {
        guard let root else {
            throw LoadError([Diagnostic(.malformedXML, file: source.path, "the document has no root element")])
        }
        try kind.check(root)
        let violations = schema.violations(of: self)
        if violations.contains(where: { $0.severity == .error }) { throw LoadError(violations) }
        return root
    }
}
