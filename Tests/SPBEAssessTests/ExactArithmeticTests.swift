import Testing
@testable import SPBEAssess

@Suite("Exact decimal weights and half-up rounding")
struct ExactArithmeticTests {
    @Test("decimals parse to exact millionths", arguments: [
        ("1.3", Int64(1_300_000)), ("2.75", 2_750_000), ("100", 100_000_000), ("0", 0),
        ("0.000001", 1), ("16.5", 16_500_000), (".5", 500_000),
    ])
    func parses(text: String, millionths: Int64) {
        #expect(ExactDecimal(parsing: text)?.millionths == millionths)
    }

    @Test("what is not a plain non-negative decimal is refused",
          arguments: ["", ".", "NaN", "-1", "1e3", "1.2345678", "+2", "1,3", "1.", " 1", "99999999999"])
    func refuses(text: String) {
        #expect(ExactDecimal(parsing: text) == nil)
    }

    @Test func printsShortestForm() {
        #expect(ExactDecimal(parsing: "2.750")!.description == "2.75")
        #expect(ExactDecimal(parsing: "100.0")!.description == "100")
        #expect(ExactDecimal(parsing: "0.05")!.description == "0.05")
    }

    /// Index n/d in hundredths, half-up: 2.595 → 260 and 2.5949 → 259 (SPEC §2).
    @Test("half-up rounding of the exact fraction", arguments: [
        (Int64(259_500_000), Int64(100_000_000), 260),   // 2.595 exactly
        (259_490_000, 100_000_000, 259),                 // 2.5949
        (179_500_000, 100_000_000, 180),                 // 1.795
        (179_499_999, 100_000_000, 179),                 // just under 1.795
        (420_000_000, 100_000_000, 420),                 // 4.20
        (1, 3, 33),                                      // 0.333…
        (2, 3, 67),                                      // 0.666…
        (0, 0, 0),                                       // a group that weighs nothing
    ])
    func rounds(numerator: Int64, denominator: Int64, hundredths: Int) {
        #expect(IndexValue(weightedLevels: numerator, totalWeight: denominator).hundredths == hundredths)
    }

    @Test func formatsTwoDecimals() {
        #expect(IndexValue(weightedLevels: 260_000_000, totalWeight: 100_000_000).description == "2.60")
        #expect(IndexValue(weightedLevels: 105_000_000, totalWeight: 100_000_000).description == "1.05")
        #expect(IndexValue.zero.description == "0.00")
    }

    @Test func comparesFractionsExactly() {
        // 1/3 < 0.3334 and 2/6 == 1/3 in value: neither is less than the other.
        #expect(IndexValue(weightedLevels: 1, totalWeight: 3) < IndexValue(weightedLevels: 3334, totalWeight: 10_000))
        #expect(!(IndexValue(weightedLevels: 2, totalWeight: 6) < IndexValue(weightedLevels: 1, totalWeight: 3)))
        // Products far above 2⁶³ still compare right.
        let big = IndexValue(weightedLevels: 5_000_000_000_000, totalWeight: 1_000_000_000_000)
        let bigger = IndexValue(weightedLevels: 5_000_000_000_001, totalWeight: 1_000_000_000_000)
        #expect(big < bigger)
    }
}
