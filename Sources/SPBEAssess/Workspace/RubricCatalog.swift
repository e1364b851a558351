import Foundation

/// The rubrics directory: the two schemas and the rubrics, addressed by id (`spbe-2020` is
/// `DIR/spbe-2020.xml`) or by path.
///
/// Schemas are compiled once and rubrics loaded once per catalog, however many evidence files
/// name them.
public final class RubricCatalog {
    public let directory: String
    public let limits: InputLimits
    private var schemas: [DocumentKind: XMLSchema] = [:]
    private var rubrics: [String: Rubric] = [:]

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

    public func rubricLoader() throws(LoadError) -> RubricLoader {
        RubricLoader(schema: try schema(for: .rubric), limits: limits)
    }

    public func evidenceLoader() throws(LoadError) -> EvidenceLoader {
        EvidenceLoader(schema: try schema(for: .evidence), limits: limits)
    }

    /// True for what reads as a path rather than an id: it has a slash or ends in `.xml`.
    public static func isPath(_ reference: String) -> Bool {
        reference.contains("/") || reference.hasSuffix(".xml")
    }

    /// The rubric `reference` names: an id in this catalog, or a path.
    public func rubric(_ reference: String) throws(LoadError) -> Rubric {
        if let rubric = rubrics[reference] { return rubric }
        let path: String
        if Self.isPath(reference) {
            path = reference
        } else {
            path = (directory as NSString).appendingPathComponent("\(reference).xml")
            guard FileManager.default.fileExists(atPath: path) else {
                let known = availableIDs()
                throw LoadError([Diagnostic(.unknownRubric, file: reference,
                    "no rubric with id '\(reference)' in \(directory) (available: \(known.isEmpty ? "none" : known.joined(separator: ", "))); give --rubric PATH to use another file")])
            }
        }
        let rubric = try rubricLoader().load(path: path)
        if !Self.isPath(reference), rubric.id != reference {
            throw LoadError([Diagnostic(.rubricMismatch, file: path,
                "this file's rubric id is '\(rubric.id)', but it was looked up as '\(reference)'; name the file \(rubric.id).xml")])
        }
        rubrics[reference] = rubric
        return rubric
    }

    /// Rubric ids this catalog holds: its `*.xml` files, by name.
    public func availableIDs() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".xml") }.map { String($0.dropLast(4)) }.sorted()
    }
}
