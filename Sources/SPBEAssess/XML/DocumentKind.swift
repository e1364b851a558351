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

    /// The kind `root` is, or a diagnostic that says what was expected.
    static func of(_ root: XMLElement) -> Result<DocumentKind, LoadError> {
        if let kind = allCases.first(where: { $0.namespace == root.namespace && $0.rootElement == root.name }) {
            return .success(kind)
        }
        let found = root.namespace.map { "<\(root.name)> in namespace '\($0)'" } ?? "<\(root.name)> with no namespace"
        let expected = allCases.map { "<\($0.rootElement) xmlns=\"\($0.namespace)\">" }
        return .failure(LoadError([root.diagnostic(.wrongRoot,
            "root element is \(found); expected \(expected.dropLast().joined(separator: ", ")) or \(expected.last ?? "")")]))
    }

    /// Checks that `root` is of this kind.
    func check(_ root: XMLElement) throws(LoadError) {
        let found = try DocumentKind.of(root).get()
        guard found == self else {
            throw LoadError([root.diagnostic(.wrongRoot,
                "this is \(found.noun), expected \(noun) (<\(rootElement) xmlns=\"\(namespace)\">)")])
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
