import Foundation

/// The rubrics directory: the schemas, the rubrics, addressed by id (`spbe-2020` is
/// `DIR/spbe-2020.xml`) or by path, and the crosswalks between them (`crosswalk-FROM-TO.xml`).
///
/// Schemas are compiled once and rubrics loaded once per catalog, however many evidence files
/// name them.
public final class RubricCatalog {
    public let directory: String
    public let limits: InputLimits
    private var schemas: [DocumentKind: XMLSchema] = [:]
    private var rubrics: [String: Rubric] = [:]
    private var streamingSchema: XMLSchema?
    private var stream: EvidenceStream?

    public init(directory: String, limits: InputLimits = .default) {
        self.directory = directory
        self.limits = limits
    }

    public func schema(for kind: DocumentKind) throws(LoadError) -> XMLSchema {
        if let schema = schemas[kind] { return schema }
        let schema = try XMLSchema(path: (directory as NSString).appendingPathComponent("\(kind.rawValue).xsd"))
        schemas[kind] = schema
        return schema
    }

    /// The evidence schema as the streaming reader validates against it: without the patterns
    /// that reader checks itself (``CheckedPattern``). Files it refuses are read again against
    /// ``schema(for:)``.
    public func streamingEvidenceSchema() throws(LoadError) -> XMLSchema {
        if let streamingSchema { return streamingSchema }
        let schema = try XMLSchema(path: (directory as NSString).appendingPathComponent("\(DocumentKind.evidence.rawValue).xsd"),
                                   removing: CheckedPattern.allCases)
        streamingSchema = schema
        return schema
    }

    /// A streaming evidence reader for this catalog's thread (it owns a validation context),
    /// made once; nil when the evidence schema does not compile.
    func evidenceStream() -> EvidenceStream? {
        if let stream { return stream }
        guard let schema = try? streamingEvidenceSchema() else { return nil }
        stream = EvidenceStream(schema: schema)
        return stream
    }

    public func rubricLoader() throws(LoadError) -> RubricLoader {
        RubricLoader(schema: try schema(for: .rubric), limits: limits)
    }

    public func evidenceLoader() throws(LoadError) -> EvidenceLoader {
        EvidenceLoader(schema: try schema(for: .evidence), limits: limits)
    }

    public func crosswalkLoader() throws(LoadError) -> CrosswalkLoader {
        CrosswalkLoader(schema: try schema(for: .crosswalk), limits: limits)
    }

    /// Where the default crosswalk from `source` to `target` lives: `DIR/crosswalk-SOURCE-TARGET.xml`.
    public func defaultCrosswalkPath(from source: String, to target: String) -> String {
        (directory as NSString).appendingPathComponent("\(Self.crosswalkPrefix)\(source)-\(target).xml")
    }

    /// The crosswalk at `path` (or the default one from `source` to `target`), checked against
    /// both rubrics, which must be the ones asked for.
    public func crosswalk(from source: String, to target: String, path explicit: String? = nil) throws(LoadError) -> Crosswalk {
        let path = explicit ?? defaultCrosswalkPath(from: source, to: target)
        if explicit == nil, !FileManager.default.fileExists(atPath: path) {
            throw LoadError([Diagnostic(.missingCrosswalk, file: path,
                id: "tidak ada crosswalk dari \(source) ke \(target): berkas ini yang dicari; berikan --crosswalk FILE untuk memakai berkas lain",
                en: "no crosswalk from \(source) to \(target): expected this file; give --crosswalk FILE to use another")])
        }
        let file = try crosswalkLoader().open(path: path)
        for (attribute, expected, found) in [("source", source, file.sourceRubricID), ("target", target, file.targetRubricID)]
            where expected != found {
            throw LoadError([file.rubricDiagnostic(attribute, .rubricMismatch,
                id: "rubrik \(attribute) pada crosswalk ini '\(found)', padahal di sini diperlukan '\(expected)'",
                en: "this crosswalk's \(attribute) rubric is '\(found)', but '\(expected)' is needed here")])
        }
        return try crosswalk(file)
    }

    /// `file` checked against the rubrics it names; an unknown rubric is reported at its attribute.
    public func crosswalk(_ file: CrosswalkFile) throws(LoadError) -> Crosswalk {
        func load(_ attribute: String, _ id: String) throws(LoadError) -> Rubric {
            do throws(LoadError) {
                return try rubric(id: id)
            } catch where error.diagnostics.contains(where: { $0.code == .unknownRubric }) {
                throw LoadError([file.rubricDiagnostic(attribute, .unknownRubric,
                    id: "rubrik '\(id)' tidak dikenal (yang tersedia: \(availableIDs().joined(separator: ", ")))",
                    en: "unknown rubric '\(id)' (available: \(availableIDs().joined(separator: ", ")))")])
            }
        }
        return try file.crosswalk(source: load("source", file.sourceRubricID), target: load("target", file.targetRubricID))
    }

    /// File names starting with this are crosswalks, not rubrics.
    public static let crosswalkPrefix = "crosswalk-"

    /// True for what reads as a path rather than an id: it has a slash or ends in `.xml`.
    public static func isPath(_ reference: String) -> Bool {
        reference.contains("/") || reference.hasSuffix(".xml")
    }

    /// The rubric a file names by id (an evidence file's `rubric`, a crosswalk's `source` and
    /// `target`): looked up in this catalog only. A name that reads like a path is not opened —
    /// a file must not pick which rubric file on the disk it is scored against.
    public func rubric(id: String) throws(LoadError) -> Rubric {
        try rubric(id, catalogOnly: true)
    }

    /// The rubric `reference` names (the user's `--rubric`, `--to`): an id in this catalog, or a path.
    public func rubric(_ reference: String) throws(LoadError) -> Rubric {
        try rubric(reference, catalogOnly: false)
    }

    private func rubric(_ reference: String, catalogOnly: Bool) throws(LoadError) -> Rubric {
        if catalogOnly, Self.isPath(reference) || reference.hasPrefix(".") {
            throw LoadError([Diagnostic(.unknownRubric, file: reference,
                id: "'\(reference)' bukan id rubrik: berkas hanya boleh menyebut rubrik dengan id dari \(directory)",
                en: "'\(reference)' is not a rubric id: a file may only name a rubric by an id from \(directory)")])
        }
        if let rubric = rubrics[reference] { return rubric }
        let path: String
        if Self.isPath(reference) {
            path = reference
        } else {
            path = (directory as NSString).appendingPathComponent("\(reference).xml")
            guard FileManager.default.fileExists(atPath: path) else {
                let known = availableIDs()
                throw LoadError([Diagnostic(.unknownRubric, file: reference,
                    id: "tidak ada rubrik dengan id '\(reference)' di \(directory) (yang tersedia: \(known.isEmpty ? "tidak ada" : known.joined(separator: ", "))); berikan --rubric PATH untuk memakai berkas lain",
                    en: "no rubric with id '\(reference)' in \(directory) (available: \(known.isEmpty ? "none" : known.joined(separator: ", "))); give --rubric PATH to use another file")])
            }
        }
        let rubric = try rubricLoader().load(path: path)
        if !Self.isPath(reference), rubric.id != reference {
            throw LoadError([Diagnostic(.rubricMismatch, file: path,
                id: "id rubrik berkas ini '\(rubric.id)', padahal dicari sebagai '\(reference)'; beri nama berkas ini \(rubric.id).xml",
                en: "this file's rubric id is '\(rubric.id)', but it was looked up as '\(reference)'; name the file \(rubric.id).xml")])
        }
        rubrics[reference] = rubric
        return rubric
    }

    /// Rubric ids this catalog holds: its `*.xml` files, by name.
    public func availableIDs() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".xml") && !$0.hasPrefix(Self.crosswalkPrefix) }.map { String($0.dropLast(4)) }.sorted()
    }
}
