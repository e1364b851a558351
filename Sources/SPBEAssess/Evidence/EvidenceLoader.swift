/// Loads evidence files: safe parse and XSD validation first (``open(path:)``), then the checks
/// against the rubric the file names (``EvidenceFile/assessment(against:)``).
///
/// ```swift
/// let file = try loader.open(path: "fixtures/kab-ketapang-2024/diskominfo.xml")
/// let assessment = try file.assessment(against: catalog.rubric(id: file.rubricID))
/// ```
public struct EvidenceLoader: Sendable {
    public let schema: XMLSchema
    public var limits: InputLimits

    public init(schema: XMLSchema, limits: InputLimits = .default) {
        self.schema = schema
        self.limits = limits
    }

    public func open(path: String) throws(LoadError) -> EvidenceFile {
        try open(document: XMLDocument.parse(InputFile.load(path, limits: limits)))
    }

    /// Opens evidence from bytes already in memory; `path` names it in diagnostics.
    public func open(bytes: [UInt8], path: String) throws(LoadError) -> EvidenceFile {
        guard bytes.count <= limits.maxFileBytes else {
            throw LoadError([Diagnostic(.tooLarge, file: path, id: "melebihi batas \(limits.maxFileBytes) bita",
                                        en: "more than the limit of \(limits.maxFileBytes) bytes")])
        }
        return try open(document: XMLDocument.parse(SourceText(path: path, bytes: bytes)))
    }

    func open(document: XMLDocument) throws(LoadError) -> EvidenceFile {
        EvidenceFile(root: try document.validatedRoot(.evidence, schema: schema))
    }
}

/// A parsed, schema-valid evidence file, not yet checked against a rubric.
public struct EvidenceFile {
    let root: XMLElement

    public var path: String { root.document.source.path }
    /// The rubric id the file names.
    public var rubricID: String { root.attribute("rubric") ?? "" }

    /// Points at the file's `rubric` attribute, e.g. to say that rubric is unknown.
    public func rubricDiagnostic(_ code: Diagnostic.Code, _ message: String) -> Diagnostic {
        root.diagnostic(code, message, attribute: "rubric")
    }

    /// The same, in both languages.
    public func rubricDiagnostic(_ code: Diagnostic.Code, id: String, en: String) -> Diagnostic {
        root.diagnostic(code, attribute: "rubric", id: id, en: en)
    }

    /// The assessment, with every reference checked against `rubric`: indicators and criteria
    /// exist, criteria belong to the answer's indicator, claimed levels are on the scale, cited
    /// documents are declared, nothing is given twice.
    public func assessment(against rubric: Rubric) throws(LoadError) -> Assessment {
        try EvidenceChecker(rubric: rubric, source: root.document.source).assessment(of: record)
    }

    /// What the tree says, element by element, for the checker.
    var record: EvidenceRecord {
        var record = EvidenceRecord(rubricID: root.attribute("rubric"), period: root.attribute("period"),
                                    role: root.attribute("role"), root: root.place)
        for element in root.children {
            switch element.name {
            case "unit":
                guard record.unit == nil else { continue }
                record.unit = .init(id: element.attribute("id"), name: element.text, kind: element.attribute("kind"),
                                    instansi: element.attribute("instansi"), roles: element.attribute("roles"),
                                    place: element.place)
            case "document":
                record.documents.append(.init(id: element.attribute("id"), title: element.text,
                                              date: element.attribute("date"), href: element.attribute("href"),
                                              sha256: element.attribute("sha256"), place: element.place))
            case "answer":
                var answer = EvidenceRecord.AnswerRecord(indicator: element.attribute("indicator"),
                                                         claimed: element.attribute("claimed"), value: element.attribute("value"),
                                                         documents: element.attribute("documents"), place: element.place)
                for child in element.children {
                    switch child.name {
                    case "met":
                        answer.met.append(.init(criterion: child.attribute("criterion"),
                                                documents: child.attribute("documents"), place: child.place))
                    case "note":
                        answer.notes.append(.init(language: child.language, text: child.text, place: child.place))
                    default: break
                    }
                }
                record.answers.append(answer)
            case "recommendation":
                record.recommendations.append(.init(indicator: element.attribute("indicator"), target: element.attribute("target"),
                                                    due: element.attribute("due"), language: element.language,
                                                    text: element.text, place: element.place))
            default: break
            }
        }
        return record
    }
}

extension XMLElement {
    var place: EvidenceRecord.Place {
        let offset = offset
        return EvidenceRecord.Place(element: name, line: line, ordinal: offset == nil ? document.ordinal(of: node) : 0, offset: offset)
    }
}

extension Array where Element == Diagnostic {
    /// File order: by line, then column; problems about the whole file first.
    func sortedByPosition() -> [Diagnostic] {
        enumerated().sorted { a, b in
            let left = (a.element.line ?? 0, a.element.column ?? 0, a.offset)
            let right = (b.element.line ?? 0, b.element.column ?? 0, b.offset)
            return left < right
        }.map(\.element)
    }
}
