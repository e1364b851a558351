import Testing
@testable import SPBEAssess

@Suite("Agreement statistics and quadratic weighted kappa")
struct AgreementTests {
    /// Six indicators, levels by rater A and rater B:
    ///
    ///     A: 1 2 2 3 4 5
    ///     B: 1 2 3 3 2 4      |A − B| = 0 0 1 0 2 1
    ///
    /// exact = 3/6 = 50 %; within one = 5/6 (all but 4→2); mean |Δ| = 4/6.
    /// Row totals r (A): r1=1 r2=2 r3=1 r4=1 r5=1. Column totals c (B): c1=1 c2=2 c3=2 c4=1.
    /// Observed Σ(i−j)² n_ij = 1 + 4 + 1 = 6.
    /// Expected Σ(i−j)² r_i c_j, row by row:
    ///     i=1: 1·1·2 + 4·1·2 + 9·1·1             =  2 + 8 + 9      = 19
    ///     i=2: 1·2·1 + 1·2·2 + 4·2·1             =  2 + 4 + 8      = 14
    ///     i=3: 4·1·1 + 1·1·2 + 1·1·1             =  4 + 2 + 1      =  7
    ///     i=4: 9·1·1 + 4·1·2 + 1·1·2             =  9 + 8 + 2      = 19
    ///     i=5: 16·1·1 + 9·1·2 + 4·1·2 + 1·1·1    = 16 + 18 + 8 + 1 = 43      total 102
    /// With w = (i−j)²/25: Σ w·O = 6 / (6·25) = 0.04, Σ w·E = 102 / (36·25) = 0.11333…
    /// κ = 1 − 0.04 / 0.11333… = 1 − 36/102 = 66/102 = 11/17 ≈ 0.647059.
    @Test func smallTableByHand() throws {
        let agreement = Agreement(pairs: [(1, 1), (2, 2), (2, 3), (3, 3), (4, 2), (5, 4)])
        #expect(agreement.count == 6)
        #expect(agreement.exact == 0.5)
        #expect(agreement.withinOne == 5.0 / 6)
        #expect(agreement.meanAbsoluteDifference == 4.0 / 6)
        #expect(agreement.observedDisagreement == 36)
        #expect(agreement.expectedDisagreement == 102)
        let kappa = try #require(agreement.kappa)
        #expect(abs(kappa - 11.0 / 17) < 1e-12)
    }

    /// Textbook example: two radiologists grading 85 xeromammograms (Boyd et al. 1982), in
    /// D. G. Altman, *Practical Statistics for Medical Research* (1991), table 14.3, and the
    /// example of Stata's `kap rada radb` (dataset rate2) in the Stata Reference Manual, [R] kappa.
    /// Categories Normal, Benign, Suspect, Cancer, here as levels 0–3 (unused levels 4–5 add nothing,
    /// and quadratic kappa does not depend on the weights' scale, so /25 and /9 give the same κ):
    ///
    ///                 B: Normal Benign Suspect Cancer
    ///     A: Normal        21     12      0      0      33
    ///        Benign         4     17      1      0      22
    ///        Suspect        3      9     15      2      29
    ///        Cancer         0      0      0      1       1
    ///                      28     38     16      3      85
    ///
    /// Published for this table: agreement 63.53 %, unweighted κ = 0.4728; with linear weights
    /// 86.67 % / expected 69.11 %, κ = 0.5684. With quadratic weights (Stata's `wgt(w2)`):
    /// weighted agreement 1 − Σ w·O = 94.77 %, expected 1 − Σ w·E = 84.09 %, κ = 0.6714.
    /// In integers: Σ(i−j)² n_ij = 12·1 + 4·1 + 1·1 + 3·4 + 9·1 + 2·1 = 40, so n·Σ = 85·40 = 3400;
    /// Σ(i−j)² r_i c_j with r = 33 22 29 1 and c = 28 38 16 3 is 10346;
    /// κ = 1 − 3400/10346 = 6946/10346 = 0.67137… (1 − Σ w·O = 1 − 40/(85·9) = 94.77 %,
    /// 1 − Σ w·E = 1 − 10346/(85²·9) = 84.09 %).
    @Test func altmanXeromammograms() throws {
        let table = [[21, 12, 0, 0], [4, 17, 1, 0], [3, 9, 15, 2], [0, 0, 0, 1]]
        var pairs: [(Int, Int)] = []
        for (i, row) in table.enumerated() {
            for (j, count) in row.enumerated() { pairs += Array(repeating: (i, j), count: count) }
        }
        let agreement = Agreement(pairs: pairs)
        #expect(agreement.count == 85)
        #expect(agreement.exactMatches == 21 + 17 + 15 + 1)   // 54/85 = 63.53 %
        #expect(agreement.observedDisagreement == 3400)
        #expect(agreement.expectedDisagreement == 10346)
        let kappa = try #require(agreement.kappa)
        #expect(abs(kappa - 0.6714) < 0.00005)
    }

    @Test("degenerate tables")
    func degenerate() throws {
        // Both raters constant and identical: Σ w·E = 0; defined as perfect agreement.
        #expect(Agreement(pairs: [(3, 3), (3, 3), (3, 3)]).kappa == 1)
        // One rater constant: expected equals observed (E_2j = 1 · c_j = O_2j), so κ = 0.
        #expect(Agreement(pairs: [(2, 2), (2, 3)]).kappa == 0)
        // Both constant but different: O = E = the single cell (2, 4), so κ = 0.
        #expect(Agreement(pairs: [(2, 4), (2, 4)]).kappa == 0)
        // Complete reversal on 0 and 5: Σ w·O = 25·2·2 = 100, Σ w·E = 25·(1·1 + 1·1) = 50, κ = 1 − 2 = −1.
        #expect(Agreement(pairs: [(0, 5), (5, 0)]).kappa == -1)
        // No pairs: nothing to say.
        let empty = Agreement(pairs: [])
        #expect(empty.kappa == nil && empty.exact == nil && empty.meanAbsoluteDifference == nil)
    }
}
