/// Reads evidence files in one streaming pass each (SAX with schema validation as it reads, no
/// tree), on several threads, and checks them against their rubrics: the same ``Assessment``
/// and the same diagnostics as ``EvidenceLoader`` followed by ``EvidenceFile/assessment(against:)``,
/// with memory bounded by the largest file rather than by how many files there are.
///
/// ```swift
/// let resolver = RubricResolver(catalog: catalog)
/// let reader = try StreamingEvidenceReader(resolver: resolver)
/// let results = reader.read(paths: paths, jobs: 8) { _, result in try? result.get().assessment.unit.id }
/// ```
public struct StreamingEvidenceReader: Sendable {
    /// A checked assessment and the rubric it was checked against.
    public struct Loaded: Sendable {
        public let assessment: Assessment
        public let rubric: Rubric
    }

    public let resolver: RubricResolver
    /// The full evidence schema: what a file the streaming pass refuses is read against.
    public let schema: XMLSchema
    /// The schema the streaming pass validates against (``RubricCatalog/streamingEvidenceSchema()``).
    let streamingSchema: XMLSchema
    public let limits: InputLimits
    /// Reads the workbooks among the files (any file it claims), when given.
    public let workbooks: (any EvidenceWorkbookReader)?

    public init(resolver: RubricResolver, workbooks: (any EvidenceWorkbookReader)? = nil) throws(LoadError) {
        self.resolver = resolver
        self.schema = try resolver.evidenceSchema()
        self.streamingSchema = try resolver.streamingEvidenceSchema()
        self.limits = resolver.limits
        self.workbooks = workbooks
    }

    /// A record read some other way (from a workbook), checked against the rubric it names.
    public func loaded(record: EvidenceRecord, path: String) throws(LoadError) -> Loaded {
        let source = SourceText(path: path, bytes: [])
        let rubric = try resolver.rubric(named: record.rubricID ?? "") { code, message in
            Diagnostic(code, file: record.root.cell.map { "\(path):\($0)" } ?? path, message)
        }
        return Loaded(assessment: try EvidenceChecker(rubric: rubric, source: source).assessment(of: record), rubric: rubric)
    }

    /// One file, checked against the rubric it names (or the resolver's override).
    public func assessment(path: String) throws(LoadError) -> Assessment {
        guard let stream = EvidenceStream(schema: streamingSchema) else {
            throw LoadError([Diagnostic(.malformedXML, file: path, id: "memori habis saat membuat validator skema",
                                                        en: "out of memory creating the schema validator")])
        }
        return try load(path: path, stream: stream).assessment
    }

    /// Evidence from bytes already in memory; `path` names it in diagnostics.
    public func assessment(bytes: [UInt8], path: String) throws(LoadError) -> Assessment {
        guard bytes.count <= limits.maxFileBytes else {
            throw LoadError([Diagnostic(.tooLarge, file: path, id: "melebihi batas \(limits.maxFileBytes) bita",
                                        en: "more than the limit of \(limits.maxFileBytes) bytes")])
        }
        guard let stream = EvidenceStream(schema: streamingSchema) else {
            throw LoadError([Diagnostic(.malformedXML, file: path, id: "memori habis saat membuat validator skema",
                                                        en: "out of memory creating the schema validator")])
        }
        return try load(source: SourceText(path: path, bytes: bytes), stream: stream).assessment
    }

    /// Reads `paths` on `jobs` threads and hands each result to `transform` on the thread that
    /// read it (so a caller can keep a small summary instead of the whole assessment); the
    /// results come back in the order of `paths`.
    public func read<T>(paths: [String], jobs: Int = ParallelWork.defaultJobs,
                        _ transform: @Sendable (String, Result<Loaded, LoadError>) -> T) -> [T] {
        let schema = streamingSchema
        return ParallelWork.map(count: paths.count, jobs: jobs, state: { EvidenceStream(schema: schema) }) { stream, index in
            transform(paths[index], result(path: paths[index], stream: stream))
        }
    }

    /// Reads `paths` on `jobs` threads like ``read(paths:jobs:_:)``, but hands each transformed
    /// result to `consume` in the order of `paths` as soon as it and those before it are ready
    /// (one call at a time, on a worker thread), holding at most about `window` results: output
    /// over a national corpus is written while the files are still being read.
    public func read<T>(paths: [String], jobs: Int = ParallelWork.defaultJobs, window: Int = 256,
                        _ transform: @Sendable (String, Result<Loaded, LoadError>) -> T,
                        inOrder consume: (T) throws -> Void) throws {
        let schema = streamingSchema
        try ParallelWork.forEach(count: paths.count, jobs: jobs, window: window, state: { EvidenceStream(schema: schema) }, { stream, index in
            transform(paths[index], result(path: paths[index], stream: stream))
        }, inOrder: consume)
    }

    /// Reads `groups` of paths on `jobs` threads, each group's files one after another on one
    /// thread, and hands a group's number and results to `transform` on that thread, while they
    /// are fresh in its cache; the results come back in the order of `groups`.
    public func read<T>(groups: [[String]], jobs: Int = ParallelWork.defaultJobs,
                        _ transform: @Sendable (Int, [Result<Loaded, LoadError>]) -> T) -> [T] {
        let schema = streamingSchema
        return ParallelWork.map(count: groups.count, jobs: jobs, state: { EvidenceStream(schema: schema) }) { stream, index in
            transform(index, groups[index].map { result(path: $0, stream: stream) })
        }
    }

    /// Reads `groups` like ``read(groups:jobs:_:)``, but hands each transformed group to
    /// `consume` in the order of `groups` as soon as it and those before it are ready (one call
    /// at a time, on a worker thread), holding at most about `window` of them.
    public func read<T>(groups: [[String]], jobs: Int = ParallelWork.defaultJobs, window: Int,
                        _ transform: @Sendable (Int, [Result<Loaded, LoadError>]) -> T,
                        inOrder consume: (T) throws -> Void) throws {
        let schema = streamingSchema
        try ParallelWork.forEach(count: groups.count, jobs: jobs, window: window, state: { EvidenceStream(schema: schema) }, { stream, index in
            transform(index, groups[index].map { result(path: $0, stream: stream) })
        }, inOrder: consume)
    }

    private func result(path: String, stream: EvidenceStream?) -> Result<Loaded, LoadError> {
        guard let stream else {
            return .failure(LoadError([Diagnostic(.malformedXML, file: path, id: "memori habis saat membuat validator skema",
                                                  en: "out of memory creating the schema validator")]))
        }
        return Result { () throws(LoadError) in try load(path: path, stream: stream) }
    }

    /// A diagnostic at a streamed file's `rubric` attribute, placed as the tree reader places it.
    static func rubricDiagnostic(_ code: Diagnostic.Code, _ message: String, _ record: EvidenceRecord,
                                 _ source: SourceText) -> Diagnostic {
        Diagnostic(code, file: source.path, line: record.root.line,
                   column: source.column(line: record.root.line, element: record.root.element, attribute: "rubric",
                                         ordinal: record.root.ordinal, offset: record.root.offset), message)
    }

    func load(path: String, stream: EvidenceStream) throws(LoadError) -> Loaded {
        try load(source: InputFile.load(path, limits: limits), stream: stream)
    }

    func load(source: SourceText, stream: EvidenceStream) throws(LoadError) -> Loaded {
        if let workbooks, workbooks.claims(source.bytes, path: source.path) {
            return try loaded(record: workbooks.record(bytes: source.bytes, path: source.path), path: source.path)
        }
        // libxml2 makes no memory parser for zero bytes; the DOM parser says what is wrong.
        let outcome: EvidenceStream.Outcome = source.bytes.isEmpty ? .invalid : try stream.read(source)
        switch outcome {
        case .record(let record):
            let rubric = try resolver.rubric(named: record.rubricID ?? "") { Self.rubricDiagnostic($0, $1, record, source) }
            return Loaded(assessment: try EvidenceChecker(rubric: rubric, source: source).assessment(of: record), rubric: rubric)
        case .invalid:
            // The schema's own messages, with the element's line and column, come from the tree.
            let file = try EvidenceLoader(schema: schema, limits: limits).open(document: XMLDocument.parse(source))
            let rubric = try resolver.rubric(named: file.rubricID) { file.rubricDiagnostic($0, $1) }
            return Loaded(assessment: try file.assessment(against: rubric), rubric: rubric)
        }
    }
}
