/// What a gap plan aims at.
public enum GapTarget: Sendable, Hashable {
    /// An index, reached when the index rounded half-up to two decimals is at least this many
    /// hundredths — the same rule that assigns predicates.
    case index(hundredths: Int)
    /// A level per indicator (from `--targets FILE`); indicators not named stay as they are.
    case levels([String: Int])

    /// Parses `3.5`, `3.50` or a predicate label of `rubric` in any of its languages
    /// (case-insensitive): `"Sangat Baik"`, `"very good"`. Nil with a message otherwise.
    public static func parse(_ text: String, rubric: Rubric) -> Result<GapTarget, GapError> {
        let trimmed = text.trimmingSpaces
        if let value = ExactDecimal(parsing: trimmed) {
            let top = ExactDecimal(rubric.scales.map(\.maximum).max() ?? 5)
            guard value <= top else {
                return .failure(.invalidTarget("target \(trimmed) is outside the index range 0–\(top)"))
            }
            guard value.millionths % 10_000 == 0 else {
                return .failure(.invalidTarget("target \(trimmed) has more than two decimals; indices are compared to the hundredth"))
            }
            return .success(.index(hundredths: Int(value.millionths / 10_000)))
        }
        if trimmed.hasPrefix("-"), ExactDecimal(parsing: String(trimmed.dropFirst())) != nil {
            return .failure(.invalidTarget("target \(trimmed) is outside the index range 0–5"))
        }
        let wanted = trimmed.lowercased()
        if let predicate = rubric.predicates.first(where: { $0.label.values.values.contains { $0.lowercased() == wanted } }) {
            return .success(.index(hundredths: Int(predicate.threshold.millionths / 10_000)))
        }
        let known = rubric.predicates.map { $0.label.text(in: .id) }.joined(separator: ", ")
        return .failure(.invalidTarget("target '\(trimmed)' is neither an index (e.g. 3.5) nor a predicate of rubric \(rubric.id) (\(known))"))
    }
}

/// Why a gap request cannot be planned.
public enum GapError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidTarget(String)
    case invalidBudget(String)

    public var description: String {
        switch self {
        case .invalidTarget(let message), .invalidBudget(let message): message
        }
    }
}
