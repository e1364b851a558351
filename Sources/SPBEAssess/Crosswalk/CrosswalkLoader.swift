/// Loads crosswalks: safe parse and XSD validation first (``open(path:)``), then the checks
/// against the two rubrics the file names (``CrosswalkFile/crosswalk(source:target:)``).
///
/// ```swift
/// let file = try loader.open(path: "rubrics/crosswalk-spbe-2020-pemdi-2026.xml")
/// let crosswalk = try file.crosswalk(source: catalog.rubric(file.sourceRubricID),
///                                    target: catalog.rubric(file.targetRubricID))
/// ```
public struct CrosswalkLoader: Sendable {
    public let schema: XMLSchema
    public var limits: InputLimits

    public init(schema: XMLSchema, limits: InputLimits = .default) {
        self.schema = schema
        self.limits = limits
    }

    public func open(path: String) throws(LoadError) -> CrosswalkFile {
        try open(document: XMLDocument.parse(InputFile.load(path, limits: limits)))
    }

    func open(document: XMLDocument) throws(LoadError) -> CrosswalkFile {
        CrosswalkFile(root: try document.validatedRoot(.crosswalk, schema: schema))
    }
}

/// A parsed, schema-valid crosswalk, not yet checked against its rubrics.
public struct CrosswalkFile {
    let root: XMLElement

    public var path: String { root.document.source.path }
    public var sourceRubricID: String { root.attribute("source") ?? "" }
    public var targetRubricID: String { root.attribute("target") ?? "" }

    /// Points at the `source` or `target` attribute, e.g. to say that rubric is unknown.
    public func rubricDiagnostic(_ attribute: String, _ code: Diagnostic.Code, _ message: String) -> Diagnostic {
        root.diagnostic(code, message, attribute: attribute)
    }

    /// The same, in both languages.
    public func rubricDiagnostic(_ attribute: String, _ code: Diagnostic.Code, id: String, en: String) -> Diagnostic {
        root.diagnostic(code, attribute: attribute, id: id, en: en)
    }

    /// The crosswalk, with every reference checked against both rubrics: indicators and criteria
    /// exist and sit where they are mapped, no target is mapped twice, caps lie on the target's
    /// scale, and (when both rubrics are one) no mapping leads back to itself.
    public func crosswalk(source: Rubric, target: Rubric) throws(LoadError) -> Crosswalk {
        var problems: [Diagnostic] = []
        var warnings: [Diagnostic] = []
        for (attribute, expected, given) in [("source", sourceRubricID, source), ("target", targetRubricID, target)]
            where expected != given.id {
            problems.append(root.diagnostic(.rubricMismatch, attribute: attribute,
                id: "rubrik \(attribute) pada crosswalk ini adalah '\(expected)', tetapi yang diberikan rubrik '\(given.id)'",
                en: "this crosswalk's \(attribute) rubric is '\(expected)', but rubric '\(given.id)' was given"))
        }
        let title = root.localizedText("title", into: &problems)
        let defaultRule = DerivationRule(rawValue: root.attribute("rule") ?? "") ?? .min

        var mapped: [String: Mapping] = [:]
        var elements: [String: XMLElement] = [:]
        for element in root.children(named: "map") {
            let targetID = element.attribute("target") ?? ""
            guard let indicator = target.indicator(targetID) else {
                problems.append(element.diagnostic(.unknownReference, attribute: "target",
                    id: "indikator tujuan '\(targetID)' tidak ada dalam rubrik \(target.id)",
                    en: "target indicator '\(targetID)' is not in rubric \(target.id)"))
                continue
            }
            guard mapped[targetID] == nil else {
                problems.append(element.diagnostic(.duplicateIdentifier, attribute: "target",
                    id: "indikator tujuan \(targetID) dipetakan dua kali; berikan satu <map> untuk setiap tujuan",
                    en: "target indicator \(targetID) is mapped twice; give one <map> per target"))
                continue
            }
            var sources: [String] = []
            for sourceElement in element.children(named: "source") {
                let id = sourceElement.attribute("indicator") ?? ""
                if source.indicator(id) == nil {
                    problems.append(sourceElement.diagnostic(.unknownReference, attribute: "indicator",
                        id: "indikator sumber '\(id)' tidak ada dalam rubrik \(source.id)",
                        en: "source indicator '\(id)' is not in rubric \(source.id)"))
                } else if sources.contains(id) {
                    problems.append(sourceElement.diagnostic(.duplicateIdentifier, attribute: "indicator",
                        id: "indikator sumber \(id) tercantum dua kali untuk \(targetID)",
                        en: "source indicator \(id) is listed twice for \(targetID)"))
                } else {
                    sources.append(id)
                }
            }
            var criteria: [CriterionMapping] = []
            for criterionElement in element.children(named: "criterion") {
                let targetCriterion = criterionElement.attribute("target") ?? ""
                var ok = check(targetCriterion, of: indicator.id, in: target, at: criterionElement, attribute: "target", into: &problems)
                if criteria.contains(where: { $0.target == targetCriterion }) {
                    problems.append(criterionElement.diagnostic(.duplicateIdentifier, attribute: "target",
                        id: "kriteria tujuan \(targetCriterion) dipetakan dua kali",
                        en: "target criterion \(targetCriterion) is mapped twice"))
                    ok = false
                }
                let sourceCriteria = (criterionElement.attribute("sources") ?? "").split(separator: " ").map(String.init)
                for criterion in sourceCriteria {
                    guard let position = source.position(ofCriterion: criterion) else {
                        problems.append(criterionElement.diagnostic(.unknownReference, attribute: "sources",
                            id: "kriteria sumber '\(criterion)' tidak ada dalam rubrik \(source.id)",
                            en: "source criterion '\(criterion)' is not in rubric \(source.id)"))
                        ok = false
                        continue
                    }
                    let owner = source.indicators[position.indicator].id
                    if !sources.contains(owner) {
                        problems.append(criterionElement.diagnostic(.criterionOutOfPlace, attribute: "sources",
                            id: "kriteria sumber '\(criterion)' milik \(owner), yang bukan sumber \(targetID); tambahkan <source indicator=\"\(owner)\"/>",
                            en: "source criterion '\(criterion)' belongs to \(owner), which is not a source of \(targetID); add <source indicator=\"\(owner)\"/>"))
                        ok = false
                    }
                }
                if ok { criteria.append(CriterionMapping(target: targetCriterion, sources: sourceCriteria)) }
            }
            var ask: [String] = []
            for criterion in (element.attribute("ask") ?? "").split(separator: " ").map(String.init)
                where check(criterion, of: indicator.id, in: target, at: element, attribute: "ask", into: &problems) {
                ask.append(criterion)
            }
            var cap: Int?
            if let text = element.attribute("cap") {
                if let value = Int(text.trimmingSpaces), (1...indicator.maximumLevel).contains(value) {
                    cap = value
                } else {
                    problems.append(element.diagnostic(.levelOutOfRange, attribute: "cap",
                        id: "batas atas \(text) berada di luar skala \(targetID) (1–\(indicator.maximumLevel))",
                        en: "cap \(text) is outside \(targetID)'s scale (1–\(indicator.maximumLevel))"))
                }
            }
            mapped[targetID] = Mapping(target: targetID, sources: sources,
                                       rule: element.attribute("rule").flatMap(DerivationRule.init(rawValue:)) ?? defaultRule,
                                       cap: cap, ask: ask, criteria: criteria,
                                       note: element.localizedText("note", required: false, into: &problems))
            elements[targetID] = element
        }
        if source.id == target.id { problems += cycles(in: mapped, elements) }

        var mappings: [Mapping] = []
        var unlisted: [String] = []
        for indicator in target.indicators {
            if let mapping = mapped[indicator.id] {
                mappings.append(mapping)
            } else {
                unlisted.append(indicator.id)
                mappings.append(Mapping(target: indicator.id, sources: [], rule: defaultRule, cap: nil, ask: [],
                                        criteria: [], note: LocalizedText([:])))
            }
        }
        if !unlisted.isEmpty, problems.isEmpty {
            let list = unlisted.joined(separator: ", ")
            warnings.append(root.diagnostic(.unknownReference,
                id: "indikator tujuan \(list) tidak tercantum; indikator tersebut diperlakukan sebagai tanpa sumber (cantumkan dengan <map> kosong untuk menyatakannya)",
                en: "target indicators \(list) are not listed; they are treated as having no source (list them with an empty <map> to say so)",
                severity: .warning))
        }
        guard problems.isEmpty else { throw LoadError(problems.sortedByPosition()) }
        return Crosswalk(path: path, sourceRubricID: source.id, targetRubricID: target.id, title: title,
                         defaultRule: defaultRule, mappings: mappings, warnings: warnings)
    }

    /// True when `criterion` is in `rubric` and belongs to `indicatorID`; records why not.
    private func check(_ criterion: String, of indicatorID: String, in rubric: Rubric, at element: XMLElement,
                       attribute: String, into problems: inout [Diagnostic]) -> Bool {
        guard let position = rubric.position(ofCriterion: criterion) else {
            problems.append(element.diagnostic(.unknownReference, attribute: attribute,
                id: "kriteria tujuan '\(criterion)' tidak ada dalam rubrik \(rubric.id)",
                en: "target criterion '\(criterion)' is not in rubric \(rubric.id)"))
            return false
        }
        let owner = rubric.indicators[position.indicator].id
        guard owner == indicatorID else {
            problems.append(element.diagnostic(.criterionOutOfPlace, attribute: attribute,
                id: "kriteria tujuan '\(criterion)' milik \(owner), bukan \(indicatorID)",
                en: "target criterion '\(criterion)' belongs to \(owner), not \(indicatorID)"))
            return false
        }
        return true
    }

    /// In a crosswalk from a rubric to itself, a target must not depend on itself through its
    /// sources (P01 ← P01, or P01 ← P02 ← P01): carrying evidence round a loop proves nothing.
    /// Depth-first search with the usual three colours; each cycle is reported once, at the map
    /// where it closes.
    private func cycles(in mapped: [String: Mapping], _ elements: [String: XMLElement]) -> [Diagnostic] {
        var state: [String: Int] = [:]  // 1 on the current path, 2 finished
        var path: [String] = []
        var problems: [Diagnostic] = []
        func visit(_ node: String) {
            state[node] = 1
            path.append(node)
            for next in mapped[node]?.sources ?? [] {
                if state[next] == 1, let start = path.firstIndex(of: next) {
                    let loop = (path[start...] + [next]).joined(separator: " ← ")
                    if let element = elements[node] {
                        problems.append(element.diagnostic(.cycle, attribute: "target",
                            id: "siklus pemetaan \(loop): suatu tujuan tidak dapat dibawa dari dirinya sendiri",
                            en: "mapping cycle \(loop): a target cannot be carried from itself"))
                    }
                } else if state[next] == nil {
                    visit(next)
                }
            }
            path.removeLast()
            state[node] = 2
        }
        for node in mapped.keys.sorted() where state[node] == nil { visit(node) }
        return problems
    }
}
