/// How evidence gathered under one rubric (the source) carries over to another (the target): for
/// each target indicator, the source indicators whose evidence speaks to it and the rule that
/// derives its starting level.
///
/// A crosswalk is data (`rubrics/crosswalk-spbe-2020-pemdi-2026.xml`), loaded and checked against
/// both rubrics by ``CrosswalkLoader``; ``Migrator`` applies it to an assessment.
public struct Crosswalk: Sendable {
    public let path: String
    public let sourceRubricID: String
    public let targetRubricID: String
    public let title: LocalizedText
    public let defaultRule: DerivationRule
    /// One per target indicator, in target rubric order; a target the file does not list has an
    /// empty mapping (no source).
    public let mappings: [Mapping]
    /// Problems that do not make the crosswalk unusable (a target indicator left out).
    public let warnings: [Diagnostic]

    public func mapping(for targetIndicator: String) -> Mapping? {
        mappings.first { $0.target == targetIndicator }
    }
}

/// How a target indicator's starting level follows from its sources' supported levels.
public enum DerivationRule: String, Sendable, Hashable, CaseIterable {
    /// The lowest source level: the weakest part decides.
    case min
    /// The highest source level.
    case max
    /// The arithmetic mean of the source levels, rounded down.
    case meanFloor = "mean-floor"
    /// Σ(level × source weight) / Σ source weight, rounded down (the plain mean, rounded down, when
    /// the sources weigh nothing).
    case weightedMeanFloor = "weighted-mean-floor"

    /// The starting level for sources at `levels` (each with its weight in the source rubric); 0
    /// when there is no source. Integer arithmetic throughout, so `floor` is exact.
    public func apply(_ levels: [(level: Int, weight: ExactDecimal)]) -> Int {
        guard !levels.isEmpty else { return 0 }
        switch self {
        case .min: return levels.map(\.level).min() ?? 0
        case .max: return levels.map(\.level).max() ?? 0
        case .meanFloor: return levels.reduce(0) { $0 + $1.level } / levels.count
        case .weightedMeanFloor:
            let total = levels.reduce(Int64(0)) { $0 + $1.weight.millionths }
            guard total > 0 else { return DerivationRule.meanFloor.apply(levels) }
            let weighted = levels.reduce(Int64(0)) { $0 + Int64($1.level) * $1.weight.millionths }
            return Int(weighted / total)
        }
    }

    /// How the rule reads in a note.
    public func phrase(in language: Language) -> String {
        switch (self, language) {
        case (.min, .id): "minimum"
        case (.min, .en): "minimum"
        case (.max, .id): "maksimum"
        case (.max, .en): "maximum"
        case (.meanFloor, .id): "rata-rata dibulatkan ke bawah"
        case (.meanFloor, .en): "mean rounded down"
        case (.weightedMeanFloor, .id): "rata-rata tertimbang dibulatkan ke bawah"
        case (.weightedMeanFloor, .en): "weighted mean rounded down"
        }
    }
}

/// The sources of one target indicator.
public struct Mapping: Sendable, Hashable {
    public let target: String
    /// Source indicator ids; empty when nothing in the source rubric speaks to the target.
    public let sources: [String]
    public let rule: DerivationRule
    /// The highest starting level the sources can show (a partial correspondence).
    public let cap: Int?
    /// Target criteria never carried: the user answers them with new evidence.
    public let ask: [String]
    /// Target criteria carried one by one from named source criteria.
    public let criteria: [CriterionMapping]
    public let note: LocalizedText
}

/// A target criterion that counts as met when every one of its source criteria is met with a
/// document.
public struct CriterionMapping: Sendable, Hashable {
    public let target: String
    public let sources: [String]
}
