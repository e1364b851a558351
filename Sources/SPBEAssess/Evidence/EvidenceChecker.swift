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
            problems.append(diagnostic(.rubricMismatch, at: record.root, attribute: "rubric",
                id: "bukti dukung ini untuk rubrik '\(rubricID)', tetapi yang diberikan rubrik '\(rubric.id)'",
                en: "this evidence is for rubric '\(rubricID)', but rubric '\(rubric.id)' was given"))
        }

        let unitRecord = record.unit
        let unitID = unitRecord?.id ?? ""
        let unit = Unit(id: unitID, name: unitRecord?.name ?? "",
                        kind: Unit.Kind(rawValue: unitRecord?.kind ?? "") ?? .opd,
                        instansi: unitRecord?.instansi,
                        roles: unitRecord?.roles.map { $0.split(separator: " ").map(String.init) } ?? [unitID])

        // Sized once: growing them was a tenth of checking a dense file.
        var locations = EvidenceLocations()
        locations.documents.reserveCapacity(record.documents.count)
        locations.answers.reserveCapacity(record.answers.count)
        var documents: [Document] = []
        documents.reserveCapacity(record.documents.count)
        var declared = DeclaredDocuments(capacity: record.documents.count)
        for element in record.documents {
            let id = element.id ?? ""
            guard declared.insert(id) else {
                problems.append(diagnostic(.duplicateIdentifier, at: element.place, attribute: "id",
                                           id: "dokumen '\(id)' dideklarasikan dua kali", en: "document '\(id)' is declared twice"))
                continue
            }
            locations.documents.append(position(element.place))
            documents.append(Document(id: id, title: element.title, date: element.date, href: element.href, sha256: element.sha256))
        }

        var answers: [Answer] = []
        answers.reserveCapacity(record.answers.count)
        var answered = [Bool](repeating: false, count: rubric.indicators.count)
        var findings = Findings()
        findings.met.reserveCapacity(record.answers.reduce(0) { $0 + $1.met.count })
        // Each answer record is lent to `check`, not copied: copying the records and their
        // <met> records for every answer was a sixth of checking a dense file.
        let answerRecords = record.answers.span
        let indicators = rubric.indicators.span
        for index in answerRecords.indices {
            let indicatorID = answerRecords[index].indicator ?? ""
            guard let indicatorPosition = rubric.position(ofIndicator: indicatorID) else {
                problems.append(diagnostic(.unknownReference, at: answerRecords[index].place, attribute: "indicator",
                    id: "indikator '\(indicatorID)' tidak ada dalam rubrik \(rubric.id)",
                    en: "indicator '\(indicatorID)' is not in rubric \(rubric.id)"))
                continue
            }
            guard !answered[indicatorPosition] else {
                problems.append(diagnostic(.duplicateIdentifier, at: answerRecords[index].place, attribute: "indicator",
                    id: "indikator \(indicatorID) dijawab dua kali; berikan satu <answer> untuk setiap indikator",
                    en: "indicator \(indicatorID) is answered twice; give one <answer> per indicator"))
                continue
            }
            answered[indicatorPosition] = true
            answers.append(check(answerRecords[index], indicators[indicatorPosition], indicatorID, declared: declared, into: &findings))
            locations.answers.append(position(answerRecords[index].place))
        }
        problems += findings.problems
        warnings += findings.warnings
        locations.met = findings.met
        // Once per file: a rubric written before its floor was declared makes every old file say this.
        if let first = findings.firstAtOrBelowFloor {
            warnings.append(diagnostic(.metAtFloor, at: first, attribute: "criterion", severity: .warning,
                id: "\(findings.atOrBelowFloor) kriteria pada atau di bawah level terendah ditandai terpenuhi; level terendah tidak perlu dibuktikan, jadi kriteria ini tidak mengubah apa pun",
                en: "\(findings.atOrBelowFloor) criteria at or below the floor level are marked met; the floor needs no proof, so they change nothing"))
        }

        let recommendations = recommendations(record.recommendations, into: &problems)
        guard problems.isEmpty else { throw LoadError(problems.sortedByPosition()) }
        return Assessment(path: source.path, rubricID: rubricID, period: record.period ?? "",
                          role: Role(rawValue: record.role ?? "") ?? .self, unit: unit,
                          answers: answers, documents: documents, warnings: warnings, locations: locations,
                          recommendations: recommendations)
    }

    /// What checking the answers gathers besides the answers: problems, warnings, where each
    /// criterion marked met is, and the criteria marked met at or below their scale's floor.
    private struct Findings {
        var problems: [Diagnostic] = []
        var warnings: [Diagnostic] = []
        var met: [SourcePosition] = []
        var atOrBelowFloor = 0
        var firstAtOrBelowFloor: EvidenceRecord.Place?
    }

    /// One answer to `indicator` (known to the rubric and answered once), checked and built.
    private func check(_ element: borrowing EvidenceRecord.AnswerRecord, _ indicator: borrowing Indicator, _ indicatorID: String,
                       declared: borrowing DeclaredDocuments, into findings: inout Findings) -> Answer {
        var claimed: Int?
        if let text = element.claimed, indicator.isMeasured {
            findings.problems.append(diagnostic(.levelOutOfRange, at: element.place, attribute: "claimed",
                id: "indikator \(indicatorID) diukur dengan nilai (survei atau hasil evaluasi instansi lain), bukan level yang diklaim: hapus claimed=\"\(text)\" dan tulis value=\"…\"",
                en: "indicator \(indicatorID) is measured by a value (a survey or another agency's evaluation), not a claimed level: remove claimed=\"\(text)\" and give value=\"…\""))
        } else if let text = element.claimed {
            let value = Int(text.trimmingSpaces)
            if let value, (1...indicator.maximumLevel).contains(value) {
                claimed = value
            } else {
                findings.problems.append(diagnostic(.levelOutOfRange, at: element.claimedPlace ?? element.place, attribute: "claimed",
                    id: "level yang diklaim \(text) berada di luar skala indikator \(indicatorID) (1–\(indicator.maximumLevel)); hapus claimed bila tidak mengklaim level apa pun",
                    en: "claimed level \(text) is outside indicator \(indicatorID)'s scale (1–\(indicator.maximumLevel)); leave claimed out to claim nothing"))
            }
        }
        let measured = measuredValue(element, of: indicator, declared: declared, into: &findings.problems, &findings.warnings)
        // Each criterion's documents are a range of `cited`, made into slices once all are in.
        let mets = element.met.span
        var metRanges: [(criterionID: String, documents: Range<Int>)] = []
        metRanges.reserveCapacity(mets.count)
        var cited: [String] = []
        cited.reserveCapacity(mets.count * 2)  // one to three a criterion, as a rule
        for index in mets.indices {
            let criterionID = mets[index].criterion ?? ""
            if indicator.isMeasured {
                findings.problems.append(diagnostic(.criterionOutOfPlace, at: mets[index].place, attribute: "criterion",
                    id: "indikator \(indicatorID) diukur dengan nilai, bukan kriteria: hapus <met> ini dan tulis value=\"…\" pada <answer>",
                    en: "indicator \(indicatorID) is measured by a value, not by criteria: remove this <met> and give value=\"…\" on the <answer>"))
                continue
            }
            // The answer's own criteria first: comparing a dozen short ids is cheaper than
            // hashing one, and only a criterion out of place needs the rubric's table.
            guard let level = indicator.level(ofCriterion: criterionID) else {
                guard let position = rubric.position(ofCriterion: criterionID) else {
                    findings.problems.append(diagnostic(.unknownReference, at: mets[index].place, attribute: "criterion",
                        id: "kriteria '\(criterionID)' tidak ada dalam rubrik \(rubric.id)",
                        en: "criterion '\(criterionID)' is not in rubric \(rubric.id)"))
                    continue
                }
                let owner = rubric.indicators[position.indicator].id
                findings.problems.append(diagnostic(.criterionOutOfPlace, at: mets[index].place, attribute: "criterion",
                    id: "kriteria '\(criterionID)' milik indikator \(owner), bukan \(indicatorID); pindahkan ke <answer> indikator tersebut",
                    en: "criterion '\(criterionID)' belongs to indicator \(owner), not \(indicatorID); move it to that indicator's <answer>"))
                continue
            }
            // A criterion belongs to one indicator and an indicator is answered once, so one
            // marked met before in this file was marked in this very answer.
            guard !metRanges.contains(where: { $0.criterionID == criterionID }) else {
                findings.problems.append(diagnostic(.duplicateIdentifier, at: mets[index].place, attribute: "criterion",
                                                    id: "kriteria '\(criterionID)' ditandai terpenuhi dua kali",
                                                    en: "criterion '\(criterionID)' is marked met twice"))
                continue
            }
            let first = cited.count
            let undeclared = declared.cite(mets[index].documents ?? "", into: &cited)
            for document in undeclared {
                findings.problems.append(diagnostic(.undeclaredDocument, at: mets[index].place, attribute: "documents",
                    id: "dokumen '\(document)' dirujuk tetapi tidak dideklarasikan; tambahkan <document id=\"\(document)\"> ke berkas",
                    en: "document '\(document)' is cited but not declared; add <document id=\"\(document)\"> to the file"))
            }
            if cited.count == first {
                findings.warnings.append(diagnostic(.metWithoutDocument, at: mets[index].place, severity: .warning,
                    id: "kriteria '\(criterionID)' ditandai terpenuhi tanpa dokumen; kriteria ini hanya dihitung dengan --no-require-evidence",
                    en: "criterion '\(criterionID)' is marked met without a document; it counts only under --no-require-evidence"))
            }
            if level <= indicator.floor {
                if findings.atOrBelowFloor == 0 { findings.firstAtOrBelowFloor = mets[index].place }
                findings.atOrBelowFloor += 1
            }
            findings.met.append(position(mets[index].place))
            metRanges.append((criterionID, first..<cited.count))
        }
        let met = metRanges.map { MetCriterion(criterionID: $0.criterionID, documentIDs: cited[$0.documents]) }
        return Answer(indicatorID: indicatorID, claimed: claimed, met: met,
                      value: measured?.value, valueDocumentIDs: measured?.documents ?? [],
                      note: localizedText("note", element.notes, of: element.place, into: &findings.problems))
    }

    /// A measured indicator's value and its documents, checked; nil when the answer gives none.
    /// A value on a ladder indicator, or one off the scale or too precise, is a problem.
    private func measuredValue(_ element: borrowing EvidenceRecord.AnswerRecord, of indicator: borrowing Indicator, declared: borrowing DeclaredDocuments,
                               into problems: inout [Diagnostic], _ warnings: inout [Diagnostic])
        -> (value: ExactDecimal, documents: [String])? {
        let id = indicator.id
        guard indicator.isMeasured else {
            if let text = element.value {
                problems.append(diagnostic(.invalidDecimal, at: element.place, attribute: "value",
                    id: "indikator \(id) dinilai dari kriteria yang terpenuhi, bukan dari nilai: hapus value=\"\(text)\" dan tandai kriteria dengan <met>",
                    en: "indicator \(id) is assessed by the criteria met, not by a value: remove value=\"\(text)\" and mark criteria with <met>"))
            } else if element.documents != nil {
                problems.append(diagnostic(.invalidDecimal, at: element.place, attribute: "documents",
                    id: "documents pada <answer> menunjukkan nilai indikator yang diukur; indikator \(id) dinilai dari kriteria, jadi sebutkan dokumen pada setiap <met>",
                    en: "documents on <answer> show a measured indicator's value; indicator \(id) is assessed by criteria, so cite documents on each <met>"))
            }
            return nil
        }
        guard let raw = element.value else { return nil }
        let text = raw.trimmingSpaces
        let top = indicator.maximumLevel
        guard let value = ExactDecimal(parsing: text) else {
            problems.append(diagnostic(.invalidDecimal, at: element.place, attribute: "value",
                id: "value=\"\(text)\" indikator \(id) bukan bilangan desimal: tulis angka dengan titik desimal, misalnya 3.42",
                en: "value=\"\(text)\" of indicator \(id) is not a decimal number: write a number with a decimal point, e.g. 3.42"))
            return nil
        }
        guard value.millionths % 10_000 == 0 else {
            problems.append(diagnostic(.invalidDecimal, at: element.place, attribute: "value",
                id: "value=\"\(text)\" indikator \(id) memiliki lebih dari dua desimal; nilai resmi ditulis dengan paling banyak dua desimal",
                en: "value=\"\(text)\" of indicator \(id) has more than two decimals; official values have at most two"))
            return nil
        }
        let floor = ExactDecimal(indicator.floor)
        guard floor <= value, value <= ExactDecimal(top) else {
            problems.append(diagnostic(.levelOutOfRange, at: element.place, attribute: "value",
                id: "value=\"\(text)\" indikator \(id) berada di luar skalanya (\(indicator.floor)–\(top))",
                en: "value=\"\(text)\" of indicator \(id) is outside its scale (\(indicator.floor)–\(top))"))
            return nil
        }
        let (cited, undeclared) = declared.cite(element.documents ?? "")
        for document in undeclared {
            problems.append(diagnostic(.undeclaredDocument, at: element.place, attribute: "documents",
                id: "dokumen '\(document)' disebut tetapi tidak dideklarasikan; tambahkan <document id=\"\(document)\"> ke berkas",
                en: "document '\(document)' is cited but not declared; add <document id=\"\(document)\"> to the file"))
        }
        if cited.isEmpty {
            warnings.append(diagnostic(.metWithoutDocument, at: element.place, attribute: "value", severity: .warning,
                id: "nilai indikator \(id) diberikan tanpa dokumen; nilai ini dihitung hanya bila bukti dukung tidak diwajibkan, selain itu indikator bernilai level terendah",
                en: "the value of indicator \(id) is given without a document; it counts only when evidence is not required, otherwise the indicator scores the floor"))
        }
        return (value, cited)
    }

    /// One text per language, Indonesian when no `xml:lang` is in force; optional, but once
    /// given it needs an Indonesian text (as ``XMLElement/localizedText(_:required:into:)``).
    private func localizedText(_ name: String, _ texts: [EvidenceRecord.Text], of parent: EvidenceRecord.Place,
                               into problems: inout [Diagnostic]) -> LocalizedText {
        var values: [String: String] = [:]
        for child in texts {
            let language = child.language ?? Language.id.rawValue
            if values[language] != nil {
                problems.append(diagnostic(.duplicateIdentifier, at: child.place,
                                           id: "<\(name)> kedua dalam bahasa '\(language)'; berikan satu untuk setiap bahasa",
                                           en: "a second <\(name)> in language '\(language)'; give one per language"))
            }
            values[language] = child.text
        }
        if values[Language.id.rawValue] == nil, !values.isEmpty {
            problems.append(diagnostic(.missingLanguage, at: parent,
                id: "<\(parent.element)> memerlukan <\(name) xml:lang=\"id\"> (teks bahasa Indonesia wajib; bahasa Inggris opsional)",
                en: "<\(parent.element)> needs a <\(name) xml:lang=\"id\"> (Indonesian text is required; English is optional)"))
        }
        return LocalizedText(values)
    }

    private func position(_ place: borrowing EvidenceRecord.Place) -> SourcePosition {
        if place.cell != nil { return SourcePosition(line: place.line, column: place.cellColumn) }
        return SourcePosition(line: place.line,
                              column: source.column(line: place.line, element: place.element, ordinal: place.ordinal, offset: place.offset))
    }

    func diagnostic(_ code: Diagnostic.Code, at place: EvidenceRecord.Place, attribute: String? = nil,
                            severity: Diagnostic.Severity = .error, id: String, en: String) -> Diagnostic {
        var result = diagnostic(code, en, at: place, attribute: attribute, severity: severity)
        result.indonesian = id
        return result
    }

    private func diagnostic(_ code: Diagnostic.Code, _ message: String, at place: EvidenceRecord.Place,
                            attribute: String? = nil, severity: Diagnostic.Severity = .error) -> Diagnostic {
        // A workbook cell is named as `file.xlsx:Jawaban!G12`, where a spreadsheet user looks.
        if let cell = place.cell { return Diagnostic(code, file: "\(source.path):\(cell)", message, severity: severity) }
        return Diagnostic(code, file: source.path, line: place.line,
                   column: source.column(line: place.line, element: place.element, attribute: attribute, ordinal: place.ordinal,
                                         offset: place.offset), message,
                   severity: severity)
    }
}
