import SPBEAssess

/// The value axis of a rubric's charts: from the scale's floor to its top level, never a fixed
/// 0…5, so a 7-level scale draws to 7.
public struct ChartScale: Sendable, Equatable {
    public let minimum: Double
    public let maximum: Double

    public init(minimum: Double = 0, maximum: Double = 5) {
        self.minimum = minimum
        self.maximum = max(maximum, minimum + 1)
    }

    public init(_ rubric: Rubric) {
        self.init(minimum: chartFloor(rubric), maximum: Double(rubric.scales.map(\.maximum).max() ?? 5))
    }

    /// Where `value` lies between the floor (0) and the top (1), clamped.
    public func fraction(_ value: Double) -> Double {
        (min(max(value, minimum), maximum) - minimum) / (maximum - minimum)
    }

    /// The whole levels from the floor to the top, for grid lines and ticks.
    public var levels: [Double] { Array(stride(from: minimum.rounded(.up), through: maximum, by: 1.0)) }
}

/// The lowest value a rubric's charts show: the scale's floor line when the rubric declares one.
/// The scale model has no floor yet (issue #13 adds `floor`); until then every chart starts at 0.
/// Point this at the scale's floor once it exists.
public func chartFloor(_ rubric: Rubric) -> Double { Double(rubric.scales.map(\.floor).min() ?? 0) }
