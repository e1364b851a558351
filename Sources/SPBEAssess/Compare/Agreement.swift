/// How far two raters agree on the levels of the same indicators.
///
/// For n paired levels (a_k, b_k) on the rubric's categories (its scales' floor … top, e.g. 1…5):
/// - `exact` = #{a = b} / n, `withinOne` = #{|a − b| ≤ 1} / n (fractions; the CLI shows percent);
/// - `meanAbsoluteDifference` = Σ|a − b| / n;
/// - `kappa`: Cohen's weighted kappa with quadratic weights w_ij = (i − j)² / (K − 1)² over the K
///   categories. With O_ij the observed proportion of pairs (i, j) and E_ij = r_i · c_j the proportion
///   expected from the two marginals, κ = 1 − Σ w·O / Σ w·E.
///
/// The sums are computed exactly in integers: Σ w·O / Σ w·E = n · Σ(i − j)² n_ij / Σ(i − j)² r_i c_j
/// with counts n_ij, r_i, c_j (the 1/(K − 1)² and the powers of n cancel), so κ is exact up to the one
/// final division. Degenerate case: Σ w·E = 0 only when both raters give every indicator the same
/// single level (all expected mass on one diagonal cell); they then agree perfectly and κ = 1.
/// With no pairs at all, every statistic is nil.
public struct Agreement: Sendable, Hashable {
    /// Number of paired levels.
    public let count: Int
    public let exactMatches: Int
    public let withinOneMatches: Int
    public let absoluteDifferenceSum: Int
    /// n · Σ(i − j)² n_ij: the numerator of Σ w·O / Σ w·E.
    public let observedDisagreement: Int
    /// Σ(i − j)² r_i c_j: the denominator.
    public let expectedDisagreement: Int

    /// `categories` is the scale's range; a level outside it widens the table rather than being
    /// moved into it, so no pair is ever counted as something it is not.
    public init(pairs: [(Int, Int)], categories: ClosedRange<Int> = 1...5) {
        let levels = pairs.flatMap { [$0.0, $0.1] }
        let span = min(categories.lowerBound, levels.min() ?? categories.lowerBound)...max(categories.upperBound, levels.max() ?? categories.upperBound)
        let base = span.lowerBound
        var table = [[Int]](repeating: [Int](repeating: 0, count: span.count), count: span.count)
        var exact = 0, withinOne = 0, absolute = 0
        for (a, b) in pairs {
            let i = a, j = b
            table[i - base][j - base] += 1
            if i == j { exact += 1 }
            if abs(i - j) <= 1 { withinOne += 1 }
            absolute += abs(i - j)
        }
        let rows = table.map { $0.reduce(0, +) }
        let columns = span.map { j in table.reduce(0) { $0 + $1[j - base] } }
        var observed = 0, expected = 0
        for i in span {
            for j in span {
                let weight = (i - j) * (i - j)
                observed += weight * table[i - base][j - base]
                expected += weight * rows[i - base] * columns[j - base]
            }
        }
        count = pairs.count
        exactMatches = exact
        withinOneMatches = withinOne
        absoluteDifferenceSum = absolute
        observedDisagreement = observed * pairs.count
        expectedDisagreement = expected
    }

    public var exact: Double? { count == 0 ? nil : Double(exactMatches) / Double(count) }
    public var withinOne: Double? { count == 0 ? nil : Double(withinOneMatches) / Double(count) }
    public var meanAbsoluteDifference: Double? { count == 0 ? nil : Double(absoluteDifferenceSum) / Double(count) }

    /// Quadratic weighted kappa; 1 when both raters are constant and identical, nil with no pairs.
    public var kappa: Double? {
        guard count > 0 else { return nil }
        guard expectedDisagreement > 0 else { return 1 }
        return 1 - Double(observedDisagreement) / Double(expectedDisagreement)
    }
}
