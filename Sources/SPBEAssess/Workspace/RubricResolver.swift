import Foundation

/// Finds the rubric each evidence file names, for readers working on several threads at once:
/// the catalog underneath loads and compiles each rubric once per run, under a lock (lookups
/// after the first are a dictionary read).
public final class RubricResolver: @unchecked Sendable {
    private let validator: FileValidator
    private let lock = NSLock()

    /// `rubricOverride` checks every file against that rubric instead of the one it names.
    public init(catalog: RubricCatalog, rubricOverride: String? = nil) {
        validator = FileValidator(catalog: catalog, rubricOverride: rubricOverride)
    }

    /// The schema evidence files are validated against.
    public func evidenceSchema() throws(LoadError) -> XMLSchema {
        lock.lock()
        defer { lock.unlock() }
        return try validator.catalog.schema(for: .evidence)
    }

    /// The evidence schema for streaming reads (``RubricCatalog/streamingEvidenceSchema()``).
    public func streamingEvidenceSchema() throws(LoadError) -> XMLSchema {
        lock.lock()
        defer { lock.unlock() }
        return try validator.catalog.streamingEvidenceSchema()
    }

    public var limits: InputLimits { validator.catalog.limits }

    /// The rubric for a file naming `id`; `locate` places an unknown-rubric diagnostic at the
    /// file's `rubric` attribute.
    func rubric(named id: String, locate: (Diagnostic.Code, String) -> Diagnostic) throws(LoadError) -> Rubric {
        lock.lock()
        defer { lock.unlock() }
        return try validator.rubric(named: id, locate: locate)
    }
}
