/// Combining several OPDs' levels for one indicator into the instansi's level.
///
/// All four rules return a level that is on the scale: `median` of an even count takes the
/// **lower** middle value and `mean` is rounded **down**. Both choices lean the same way as the
/// default `min`: an instansi is never credited with a level that no OPD, or fewer than half of
/// them, actually reached. For example, levels [1, 2, 3, 4]: min 1, median 2, mean 2 (10/4 = 2.5),
/// max 4. `responsible` takes the first level: the aggregator puts the responsible OPD's first.
extension Aggregation {
    /// The combined level; 0 for no levels.
    public func combine(_ levels: [Int]) -> Int {
        guard !levels.isEmpty else { return 0 }
        let sorted = levels.sorted()
        switch self {
        case .responsible: return levels[0]
        case .min: return sorted[0]
        case .max: return sorted[sorted.count - 1]
        case .median: return sorted[(sorted.count - 1) / 2]
        case .mean: return sorted.reduce(0, +) / sorted.count  // Levels are ≥ 0: integer division floors.
        }
    }

    /// The combined measured value, by the same rule on hundredths (a mean rounds down to two
    /// decimals); nil for no values.
    public func combine(_ values: [ExactDecimal]) -> ExactDecimal? {
        guard !values.isEmpty else { return nil }
        let hundredths = combine(values.map { Int($0.millionths / 10_000) })
        return ExactDecimal(millionths: Int64(hundredths) * 10_000)
    }
}
