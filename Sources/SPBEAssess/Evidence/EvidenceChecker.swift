/// Checks what an evidence file says (an ``EvidenceRecord``) against a rubric and builds the
/// ``Assessment``: indicators and criteria exist, criteria belong to the answer's indicator,
/// claimed levels are on the scale, cited documents are declared, nothing is given twice.
///
/// The one home of these rules: the DOM loader and the streaming reader both end here, so
/// they cannot disagree on what a file means.
struct EvidenceChecker {
    let rubric: Rubric
    /// The file's bytes, to turn an element's line into a column when a diagnostic needs one.
    let source: SourceText

    func assessment(of record: EvidenceRecord) throws(LoadError) -> Assessment {
        var problems: [Diagnostic] = []
        var warnings: [Diagnostic] = []
        let rubricID = record.rubricID ?? ""
        if rubricID != rubric.id {
            problems.append(diagnostic(.rubricMismatch,
                "this evidence is for rubric '\(rubricID)', but rubric '\(rubric.id)' was given", at: record.root, attribute: "rubric"))
        }

        let unitRecord = record.unit
        let unitID = unitRecord?.id ?? ""
        let unit = Unit(id: unitID, name: unitRecord?.name ?? "",
                        kind: Unit.Kind(rawValue: unitRecord?.kind ?? "") ?? .opd,
                        instansi: unitRecord?.instansi,
                        roles: unitRecord?.roles.map { $0.split(separator: " ").map(String.init) } ?? [unitID])

        var locations = EvidenceLocations()
        var documents: [Document] = []
        var documentIDs: Set<String> = []
        for element in record.documents {
            let id = element.id ?? ""
            guard documentIDs.insert(id).inserted else {
                problems.append(diagnostic(.duplicateIdentifier, "document '\(id)' is declared twice", at: element.place, attribute: "id"))
                continue
            }
            locations.documents[id] = location(element.place)
            documents.append(Document(id: id, title: element.title, date: element.date, href: element.href, sha256: element.sha256))
        }

        var answers: [Answer] = []
        var answered: Set<String> = []
        for element in record.answers {
            let indicatorID = element.indicator ?? ""
            guard let indicator = rubric.indicator(indicatorID) else {
                problems.append(diagnostic(.unknownReference,
                    "indicator '\(indicatorID)' is not in rubric \(rubric.id)", at: element.place, attribute: "indicator"))
                continue
            }
            guard answered.insert(indicatorID).inserted else {
                problems.append(diagnostic(.duplicateIdentifier,
                    "indicator \(indicatorID) is answered twice; give one <answer> per indicator", at: element.place, attribute: "indicator"))
                continue
            }
            var claimed: Int?
            if let text = element.claimed {
                let value = Int(text.trimmingSpaces)
                if let value, (1...indicator.maximumLevel).contains(value) {
                    claimed = value
                } else {
                    problems.append(diagnostic(.levelOutOfRange,
                        "claimed level \(text) is outside indicator \(indicatorID)'s scale (1–\(indicator.maximumLevel)); leave claimed out to claim nothing", at: element.claimedPlace ?? element.place, attribute: "claimed"))
                }
            }
            var met: [MetCriterion] = []
            var metIDs: Set<String> = []
            for metElement in element.met {
                let criterionID = metElement.criterion ?? ""
                guard let position = rubric.position(ofCriterion: criterionID) else {
                    problems.append(diagnostic(.unknownReference,
                        "criterion '\(criterionID)' is not in rubric \(rubric.id)", at: metElement.place, attribute: "criterion"))
                    continue
                }
                guard rubric.indicators[position.indicator].id == indicatorID else {
                    problems.append(diagnostic(.criterionOutOfPlace,
                        "criterion '\(criterionID)' belongs to indicator \(rubric.indicators[position.indicator].id), not \(indicatorID); move it to that indicator's <answer>", at: metElement.place, attribute: "criterion"))
                    continue
                }
                guard metIDs.insert(criterionID).inserted else {
                    problems.append(diagnostic(.duplicateIdentifier, "criterion '\(criterionID)' is marked met twice", at: metElement.place, attribute: "criterion"))
                    continue
                }
                let cited = (metElement.documents ?? "").split(separator: " ").map(String.init)
                for document in cited where !documentIDs.contains(document) {
                    problems.append(diagnostic(.undeclaredDocument,
                        "document '\(document)' is cited but not declared; add <document id=\"\(document)\"> to the file", at: metElement.place, attribute: "documents"))
                }
                if cited.isEmpty {
                    warnings.append(diagnostic(.metWithoutDocument,
                        "criterion '\(criterionID)' is marked met without a document; it counts only under --no-require-evidence",
                        at: metElement.place, severity: .warning))
                }
                locations.met[criterionID] = location(metElement.place)
                met.append(MetCriterion(criterionID: criterionID, documentIDs: cited))
            }
            locations.answers[indicatorID] = location(element.place)
            answers.append(Answer(indicatorID: indicatorID, claimed: claimed, met: met,
                                  note: localizedText("note", element.notes, of: element.place, into: &problems)))
        }

        guard problems.isEmpty else { throw LoadError(problems.sortedByPosition()) }
        return Assessment(path: source.path, rubricID: rubricID, period: record.period ?? "",
                          role: Role(rawValue: record.role ?? "") ?? .self, unit: unit,
                          answers: answers, documents: documents, warnings: warnings, locations: locations)
    }

    /// One text per language, Indonesian when no `xml:lang` is in force; optional, but once
    /// given it needs an Indonesian text (as ``XMLElement/localizedText(_:required:into:)``).
    private func localizedText(_ name: String, _ texts: [EvidenceRecord.Text], of parent: EvidenceRecord.Place,
                               into problems: inout [Diagnostic]) -> LocalizedText {
        var values: [String: String] = [:]
        for child in texts {
            let language = child.language ?? Language.id.rawValue
            if values[language] != nil {
                problems.append(diagnostic(.duplicateIdentifier, "a second <\(name)> in language '\(language)'; give one per language", at: child.place))
            }
            values[language] = child.text
        }
        if values[Language.id.rawValue] == nil, !values.isEmpty {
            problems.append(diagnostic(.missingLanguage, "<\(parent.element)> needs a <\(name) xml:lang=\"id\"> (Indonesian text is required; English is optional)", at: parent))
        }
        return LocalizedText(values)
    }

    private func location(_ place: EvidenceRecord.Place) -> SourceLocation {
        if place.cell != nil { return SourceLocation(file: source.path, line: place.line, column: place.cellColumn) }
        return SourceLocation(file: source.path, line: place.line, column: source.column(line: place.line, element: place.element))
    }

    private func diagnostic(_ code: Diagnostic.Code, _ message: String, at place: EvidenceRecord.Place,
                            attribute: String? = nil, severity: Diagnostic.Severity = .error) -> Diagnostic {
        // A workbook cell is named as `file.xlsx:Jawaban!G12`, where a spreadsheet user looks.
        if let cell = place.cell { return Diagnostic(code, file: "\(source.path):\(cell)", message, severity: severity) }
        return Diagnostic(code, file: source.path, line: place.line,
                   column: source.column(line: place.line, element: place.element, attribute: attribute), message,
                   severity: severity)
    }
}
