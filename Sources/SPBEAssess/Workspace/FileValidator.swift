/// Checks files of any kind (rubric, evidence, crosswalk), told apart by the root element: what
/// `assess validate` does.
public struct FileValidator {
    public let catalog: RubricCatalog
    /// Check evidence against this rubric reference instead of the one each file names.
    public let rubricOverride: String?
    /// Reads the workbooks among the files (any file it claims), when given.
    public let workbooks: (any EvidenceWorkbookReader)?

    public init(catalog: RubricCatalog, rubricOverride: String? = nil, workbooks: (any EvidenceWorkbookReader)? = nil) {
        self.catalog = catalog
        self.rubricOverride = rubricOverride
        self.workbooks = workbooks
    }

    public struct Outcome: Sendable {
        public let path: String
        /// Nil when the file could not be read as either kind.
        public let kind: DocumentKind?
        /// Errors and warnings, in file order.
        public let diagnostics: [Diagnostic]

        public var isValid: Bool { !diagnostics.contains { $0.severity == .error } }
    }

    /// Validates `paths` on `jobs` threads; outcomes in the order of `paths`. A catalog is not
    /// thread-safe, so each worker gets its own from `makeCatalog` (schemas compiled and rubrics
    /// loaded once per worker).
    public static func validate(paths: [String], jobs: Int, rubricOverride: String? = nil,
                                workbooks: (any EvidenceWorkbookReader)? = nil,
                                makeCatalog: @Sendable @escaping () -> RubricCatalog) -> [Outcome] {
        ParallelWork.map(count: paths.count, jobs: jobs,
                         state: { FileValidator(catalog: makeCatalog(), rubricOverride: rubricOverride, workbooks: workbooks) }) { validator, index in
            validator.validate(path: paths[index])
        }
    }

    public func validate(path: String) -> Outcome {
        var kind: DocumentKind?
        do throws(LoadError) {
            let source = try InputFile.load(path, limits: catalog.limits)
            if let workbooks, workbooks.claims(source.bytes, path: path) {
                kind = .evidence
                let record = try workbooks.record(bytes: source.bytes, path: path)
                let rubric = try rubric(named: record.rubricID ?? "") { Diagnostic($0, file: path, $1) }
                let checker = EvidenceChecker(rubric: rubric, source: SourceText(path: path, bytes: []))
                return Outcome(path: path, kind: kind, diagnostics: try checker.assessment(of: record).warnings)
            }
            // Evidence, most of what is validated, is read as `score` reads it: one streaming
            // pass, no tree. Whatever that pass does not take (another kind of file, any problem)
            // is read again as a tree below, whose messages carry the element's line and column.
            if let record = try streamedEvidence(source) {
                kind = .evidence
                let rubric = try rubric(named: record.rubricID ?? "") { StreamingEvidenceReader.rubricDiagnostic($0, $1, record, source) }
                let checker = EvidenceChecker(rubric: rubric, source: source)
                return Outcome(path: path, kind: kind, diagnostics: try checker.assessment(of: record).warnings)
            }
            let document = try XMLDocument.parse(source)
            guard let root = document.root else {
                throw LoadError([Diagnostic(.malformedXML, file: path, id: "dokumen tidak memiliki elemen akar",
                                        en: "the document has no root element")])
            }
            let found = try DocumentKind.of(root).get()
            kind = found
            switch found {
            case .rubric:
                _ = try catalog.rubricLoader().load(document: document)
                return Outcome(path: path, kind: kind, diagnostics: [])
            case .evidence:
                let file = try catalog.evidenceLoader().open(document: document)
                let rubric = try rubric(for: file)
                return Outcome(path: path, kind: kind, diagnostics: try file.assessment(against: rubric).warnings)
            case .crosswalk:
                let file = try catalog.crosswalkLoader().open(document: document)
                return Outcome(path: path, kind: kind, diagnostics: try catalog.crosswalk(file).warnings)
            }
        } catch {
            return Outcome(path: path, kind: kind, diagnostics: error.diagnostics)
        }
    }

    /// The record of a valid evidence file read in one streaming pass; nil for anything else
    /// (or when the evidence schema cannot be had: the tree reader then says why).
    private func streamedEvidence(_ source: SourceText) throws(LoadError) -> EvidenceRecord? {
        guard !source.bytes.isEmpty, let stream = catalog.evidenceStream() else { return nil }
        if case .record(let record) = try stream.read(source) { return record }
        return nil
    }

    /// The rubric an evidence file is checked against; an unknown rubric id is reported at the
    /// file's `rubric` attribute.
    public func rubric(for file: EvidenceFile) throws(LoadError) -> Rubric {
        try rubric(named: file.rubricID) { file.rubricDiagnostic($0, $1) }
    }

    /// The rubric for an evidence file that names `id`; `locate` points an unknown rubric at the
    /// file's `rubric` attribute.
    func rubric(named id: String, locate: (Diagnostic.Code, String) -> Diagnostic) throws(LoadError) -> Rubric {
        let reference = rubricOverride ?? id
        do throws(LoadError) {
            // The user's --rubric may be a path; the file's own attribute only an id.
            if let rubricOverride { return try catalog.rubric(rubricOverride) }
            return try catalog.rubric(id: id)
        } catch where rubricOverride == nil && error.diagnostics.contains(where: { $0.code == .unknownRubric }) {
            let available = catalog.availableIDs().joined(separator: ", ")
            let english = "unknown rubric '\(reference)' (available: \(available))"
            var located = locate(.unknownRubric, english)
            located.indonesian = "rubrik '\(reference)' tidak dikenal (yang tersedia: \(available))"
            throw LoadError([located])
        }
    }
}
