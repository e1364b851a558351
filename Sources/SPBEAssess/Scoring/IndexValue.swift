/// An index, kept as the exact fraction Σ(level × weight) / Σ weight.
///
/// Rounding to two decimals happens once, half-up, on the exact fraction; the predicate is
/// looked up from that rounded value, as the official method does.
public struct IndexValue: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Σ level × weight, in millionths.
    public let weightedLevels: Int64
    /// Σ weight, in millionths. Zero for a group whose indicators all weigh nothing.
    public let totalWeight: Int64

    public init(weightedLevels: Int64, totalWeight: Int64) {
        self.weightedLevels = weightedLevels
        self.totalWeight = totalWeight
    }

    public static let zero = IndexValue(weightedLevels: 0, totalWeight: 0)

    /// Full precision, for JSON and arithmetic that needs no exactness.
    public var value: Double {
        totalWeight == 0 ? 0 : Double(weightedLevels) / Double(totalWeight)
    }

    /// The index in hundredths, rounded half-up: floor(100 · n / d + 1/2) = ⌊(200n + d) / 2d⌋.
    public var hundredths: Int {
        guard totalWeight > 0 else { return 0 }
        return Int((200 * weightedLevels + totalWeight) / (2 * totalWeight))
    }

    /// The index rounded half-up to two decimals.
    public var rounded: Double { Double(hundredths) / 100 }

    /// Two decimals, as people read an index: `2.60`.
    public var description: String {
        let h = hundredths
        let cents = h % 100
        return "\(h / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// Equal when the fractions are: 2/6 == 1/3, as `<` says (neither is less than the other).
    public static func == (a: Self, b: Self) -> Bool {
        let left = a.weightedLevels.multipliedFullWidth(by: max(b.totalWeight, 1))
        let right = b.weightedLevels.multipliedFullWidth(by: max(a.totalWeight, 1))
        return left.high == right.high && left.low == right.low
    }

    /// The fraction in lowest terms, so equal values hash alike.
    public func hash(into hasher: inout Hasher) {
        let denominator = max(totalWeight, 1)
        var (a, b) = (weightedLevels.magnitude, denominator.magnitude)
        while b != 0 { (a, b) = (b, a % b) }
        let divisor = max(a, 1)
        hasher.combine(weightedLevels / Int64(divisor))
        hasher.combine(denominator / Int64(divisor))
    }

    public static func < (a: Self, b: Self) -> Bool {
        // n1/d1 < n2/d2 ⇔ n1·d2 < n2·d1 (denominators ≥ 0); full width, as the products can pass 2⁶³.
        let left = a.weightedLevels.multipliedFullWidth(by: max(b.totalWeight, 1))
        let right = b.weightedLevels.multipliedFullWidth(by: max(a.totalWeight, 1))
        return (left.high, left.low) < (right.high, right.low)
    }
}
