/// What a gap plan aims at.
public enum GapTarget: Sendable, Hashable {
    /// An index, reached when the index rounded half-up to two decimals is at least this many
    /// hundredths — the same rule that assigns predicates.
    case index(hundredths: Int)
    /// A level per indicator (from `--targets FILE`); indicators not named stay as they are.
    case levels([String: Int])

    /// Parses `3.5`, `3.50` or a predicate label of `rubric` in any of its languages
    /// (case-insensitive): `"Sangat Baik"`, `"very good"`. A message in both languages otherwise.
    public static func parse(_ text: String, rubric: Rubric) -> Result<GapTarget, GapError> {
        let trimmed = text.trimmingSpaces
        if let value = ExactDecimal(parsing: trimmed) {
            let top = ExactDecimal(rubric.scales.map(\.maximum).max() ?? 5)
            guard value <= top else {
                return .failure(.invalidTarget(id: "target \(trimmed) di luar rentang indeks 0–\(top)",
                                              en: "target \(trimmed) is outside the index range 0–\(top)"))
            }
            guard value.millionths % 10_000 == 0 else {
                return .failure(.invalidTarget(id: "target \(trimmed) memiliki lebih dari dua desimal; indeks dibandingkan sampai perseratusan",
                                              en: "target \(trimmed) has more than two decimals; indices are compared to the hundredth"))
            }
            return .success(.index(hundredths: Int(value.millionths / 10_000)))
        }
        if trimmed.hasPrefix("-"), ExactDecimal(parsing: String(trimmed.dropFirst())) != nil {
            return .failure(.invalidTarget(id: "target \(trimmed) di luar rentang indeks 0–5",
                                          en: "target \(trimmed) is outside the index range 0–5"))
        }
        let wanted = trimmed.lowercased()
        if let predicate = rubric.predicates.first(where: { $0.label.values.values.contains { $0.lowercased() == wanted } }) {
            return .success(.index(hundredths: Int(predicate.threshold.millionths / 10_000)))
        }
        func known(_ language: Language) -> String { rubric.predicates.map { $0.label.text(in: language) }.joined(separator: ", ") }
        return .failure(.invalidTarget(
            id: "target '\(trimmed)' bukan indeks (mis. 3.5) dan bukan predikat rubrik \(rubric.id) (\(known(.id)))",
            en: "target '\(trimmed)' is neither an index (e.g. 3.5) nor a predicate of rubric \(rubric.id) (\(known(.en)))"))
    }
}

/// Why a gap request cannot be planned, in Indonesian and English.
public enum GapError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidTarget(id: String, en: String)
    case invalidBudget(id: String, en: String)

    public func message(in language: Language) -> String {
        switch self {
        case .invalidTarget(let id, let en), .invalidBudget(let id, let en): language == .en ? en : id
        }
    }

    /// The message in English.
    public var description: String { message(in: .en) }
}
