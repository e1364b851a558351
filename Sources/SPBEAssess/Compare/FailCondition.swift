/// A condition under which a scripted review fails (`--fail-on`, exit 3).
public enum FailCondition: Sendable, Hashable, CustomStringConvertible {
    /// Some side claims more than its evidence supports.
    case overclaim
    /// A criterion is marked met without a document, or a cited document's file is missing.
    case missingDocument
    /// Some indicator's scored levels differ by at least this much between two sides.
    case delta(Int)

    /// Parses `overclaim`, `missing-document` or `delta:X` (X a whole number ≥ 1).
    public init?(_ text: String) {
        switch text {
        case "overclaim": self = .overclaim
        case "missing-document": self = .missingDocument
        default:
            guard text.hasPrefix("delta:"), let x = Int(text.dropFirst(6)), x >= 1 else { return nil }
            self = .delta(x)
        }
    }

    public var description: String {
        switch self {
        case .overclaim: "overclaim"
        case .missingDocument: "missing-document"
        case .delta(let x): "delta:\(x)"
        }
    }

    /// Whether the condition holds for these scorecards, their evidence findings and, for
    /// `delta`, the comparison (a delta never holds without one).
    public func holds(cards: [Scorecard], findings: [EvidenceFinding], comparison: Comparison?) -> Bool {
        switch self {
        case .overclaim: cards.contains { !$0.overclaims.isEmpty }
        case .missingDocument: findings.contains { $0.kind.isMissingDocument }
        case .delta(let x): comparison?.indicators.contains { $0.spread >= x } ?? false
        }
    }
}
