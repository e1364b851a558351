/// How levels are scored.
public struct ScoringOptions: Sendable, Hashable {
    /// A criterion counts as met only when at least one document supports it (the default, and
    /// the official practice: no bukti dukung, no level).
    public var requireEvidence: Bool
    /// Score the claimed level instead of the supported one (the supported level where nothing is
    /// claimed): what the unit's own numbers would give.
    public var trustClaims: Bool

    public init(requireEvidence: Bool = true, trustClaims: Bool = false) {
        self.requireEvidence = requireEvidence
        self.trustClaims = trustClaims
    }
}
