/// The effort of each level step: the rubric's `effort` per level (default 1), overridden per
/// indicator and level from `--effort FILE`.
public struct EffortTable: Sendable {
    /// Overrides, keyed by indicator id, then level.
    public var overrides: [String: [Int: ExactDecimal]]

    public init(overrides: [String: [Int: ExactDecimal]] = [:]) { self.overrides = overrides }

    /// The effort of reaching `level` of `indicator` from the level below.
    public func effort(_ indicator: Indicator, level: Int) -> ExactDecimal {
        overrides[indicator.id]?[level] ?? indicator.levels[level - 1].effort
    }
}
