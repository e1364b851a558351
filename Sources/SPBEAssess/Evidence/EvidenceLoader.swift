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
            throw LoadError([Diagnostic(.tooLarge, file: path, "more than the limit of \(limits.maxFileBytes) bytes")])
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

    /// The assessment, with every reference checked against `rubric`: indicators and criteria
    /// exist, criteria belong to the answer's indicator, claimed levels are on the scale, cited
    /// documents are declared, nothing is given twice.
    public func assessment(against rubric: Rubric) throws(LoadError) -> Assessment {
        var problems: [Diagnostic] = []
        var warnings: [Diagnostic] = []
        if rubricID != rubric.id {
            problems.append(root.diagnostic(.rubricMismatch,
                "this evidence is for rubric '\(rubricID)', but rubric '\(rubric.id)' was given", attribute: "rubric"))
        }

        let unitElement = root.children(named: "unit")[0]
        let unit = Unit(id: unitElement.attribute("id") ?? "", name: unitElement.text,
                        kind: Unit.Kind(rawValue: unitElement.attribute("kind") ?? "") ?? .opd,
                        instansi: unitElement.attribute("instansi"),
                        roles: unitElement.attribute("roles").map { $0.split(separator: " ").map(String.init) }
                            ?? [unitElement.attribute("id") ?? ""])

        var locations = EvidenceLocations()
        var documents: [Document] = []
        var documentIDs: Set<String> = []
        for element in root.children(named: "document") {
            let id = element.attribute("id") ?? ""
            guard documentIDs.insert(id).inserted else {
                problems.append(element.diagnostic(.duplicateIdentifier, "document '\(id)' is declared twice", attribute: "id"))
                continue
            }
            locations.documents[id] = element.location
            documents.append(Document(id: id, title: element.text, date: element.attribute("date"),
                                      href: element.attribute("href"), sha256: element.attribute("sha256")))
        }

        var answers: [Answer] = []
        var answered: Set<String> = []
        for element in root.children(named: "answer") {
            let indicatorID = element.attribute("indicator") ?? ""
            guard let indicator = rubric.indicator(indicatorID) else {
                problems.append(element.diagnostic(.unknownReference,
                    "indicator '\(indicatorID)' is not in rubric \(rubric.id)", attribute: "indicator"))
                continue
            }
            guard answered.insert(indicatorID).inserted else {
                problems.append(element.diagnostic(.duplicateIdentifier,
                    "indicator \(indicatorID) is answered twice; give one <answer> per indicator", attribute: "indicator"))
                continue
            }
            var claimed: Int?
            if let text = element.attribute("claimed") {
                let value = Int(text.trimmingSpaces)
                if let value, (1...indicator.maximumLevel).contains(value) {
                    claimed = value
                } else {
                    problems.append(element.diagnostic(.levelOutOfRange,
                        "claimed level \(text) is outside indicator \(indicatorID)'s scale (1–\(indicator.maximumLevel)); leave claimed out to claim nothing", attribute: "claimed"))
                }
            }
            var met: [MetCriterion] = []
            var metIDs: Set<String> = []
            for metElement in element.children(named: "met") {
                let criterionID = metElement.attribute("criterion") ?? ""
                guard let position = rubric.position(ofCriterion: criterionID) else {
                    problems.append(metElement.diagnostic(.unknownReference,
                        "criterion '\(criterionID)' is not in rubric \(rubric.id)", attribute: "criterion"))
                    continue
                }
                guard rubric.indicators[position.indicator].id == indicatorID else {
                    problems.append(metElement.diagnostic(.criterionOutOfPlace,
                        "criterion '\(criterionID)' belongs to indicator \(rubric.indicators[position.indicator].id), not \(indicatorID); move it to that indicator's <answer>", attribute: "criterion"))
                    continue
                }
                guard metIDs.insert(criterionID).inserted else {
                    problems.append(metElement.diagnostic(.duplicateIdentifier, "criterion '\(criterionID)' is marked met twice", attribute: "criterion"))
                    continue
                }
                let cited = (metElement.attribute("documents") ?? "").split(separator: " ").map(String.init)
                for document in cited where !documentIDs.contains(document) {
                    problems.append(metElement.diagnostic(.undeclaredDocument,
                        "document '\(document)' is cited but not declared; add <document id=\"\(document)\"> to the file", attribute: "documents"))
                }
                if cited.isEmpty {
                    warnings.append(metElement.diagnostic(.metWithoutDocument,
                        "criterion '\(criterionID)' is marked met without a document; it counts only under --no-require-evidence",
                        severity: .warning))
                }
                locations.met[criterionID] = metElement.location
                met.append(MetCriterion(criterionID: criterionID, documentIDs: cited))
            }
            locations.answers[indicatorID] = element.location
            answers.append(Answer(indicatorID: indicatorID, claimed: claimed, met: met,
                                  note: element.localizedText("note", required: false, into: &problems)))
        }

        guard problems.isEmpty else { throw LoadError(problems.sortedByPosition()) }
        return Assessment(path: path, rubricID: rubricID, period: root.attribute("period") ?? "",
                          role: Role(rawValue: root.attribute("role") ?? "") ?? .self, unit: unit,
                          answers: answers, documents: documents, warnings: warnings, locations: locations)
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
