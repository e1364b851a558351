import Testing
@testable import SPBEAssess

extension Repo {
    static var pemdi2026: Rubric { try! withCatalog { try $0.rubric("pemdi-2026") } }
}

/// The provisional Pemdi 2026 rubric carries the reference's structure, weights and bands
/// (../shared/reference/pemdi-2026.md).
@Suite("Pemdi 2026 rubric")
struct PemdiRubricTests {
    @Test("20 indicators P01…P20 in 7 aspects, no domains, weights summing to 100")
    func structure() {
        let rubric = Repo.pemdi2026
        #expect(rubric.id == "pemdi-2026")
        #expect(rubric.version == "2026")
        #expect(rubric.domains.isEmpty)
        #expect(rubric.indicators.map(\.id) == (1...20).map { "P" + ($0 < 10 ? "0" : "") + "\($0)" })
        #expect(rubric.totalWeight == ExactDecimal(100))
        #expect(rubric.title.text(in: .en).contains("PROVISIONAL"))
        #expect(rubric.title.text(in: .id).contains("SEMENTARA"))
    }

    @Test("aspect and indicator weights are the reference's")
    func weights() {
        let rubric = Repo.pemdi2026
        // Reference table: aspects 10, 10, 15, 15, 10, 15, 25.
        let aspectWeights = rubric.aspects.map { aspect in
            rubric.indicators.filter { $0.aspectID == aspect.id }.reduce(ExactDecimal.zero) { $0 + $1.weight }
        }
        #expect(aspectWeights == [10, 10, 15, 15, 10, 15, 25].map { ExactDecimal($0) })
        #expect(rubric.aspects.map(\.indicatorIDs.count) == [2, 2, 4, 4, 2, 4, 2])
        let reference = [5, 5, 5, 5, 5, 3, 3, 4, 4, 4, 3, 4, 5, 5, 4, 4, 4, 3, 10, 15]
        #expect(rubric.indicators.map(\.weight) == reference.map { ExactDecimal($0) })
    }

    /// Measured indicators per the rubric's description: Satu Data (P05), BIG (P06), BPS (P07),
    /// BSSN (P10) and the satisfaction survey (P19, P20).
    static let measured: Set<String> = ["P05", "P06", "P07", "P10", "P19", "P20"]

    @Test("level 1 is the floor; criteria indicators have .a and .b at levels 2–5 in both languages; measured ones none")
    func criteria() {
        for indicator in Repo.pemdi2026.indicators {
            #expect(indicator.levels.map(\.value) == [1, 2, 3, 4, 5])
            for level in indicator.levels {
                let expected = level.value == 1 || Self.measured.contains(indicator.id)
                    ? [] : ["a", "b"].map { "\(indicator.id).L\(level.value).\($0)" }
                #expect(level.criteria.map(\.id) == expected)
                for criterion in level.criteria {
                    #expect(criterion.text.values["id"]?.isEmpty == false)
                    #expect(criterion.text.values["en"]?.isEmpty == false)
                }
            }
        }
    }

    /// An index of exactly `hundredths` / 100 (weights summing to 100, in millionths).
    static func index(_ hundredths: Int64) -> IndexValue {
        IndexValue(weightedLevels: hundredths * 1_000_000, totalWeight: 100 * 1_000_000)
    }

    @Test("predicates follow the Pemdi bands", arguments: [
        (0, "Kurang"), (99, "Kurang"), (149, "Kurang"), (150, "Cukup"), (249, "Cukup"), (250, "Baik"),
        (349, "Baik"), (350, "Sangat Baik"), (399, "Sangat Baik"), (400, "Memuaskan"), (500, "Memuaskan"),
    ] as [(Int64, String)])
    func predicates(hundredths: Int64, label: String) {
        #expect(Repo.pemdi2026.predicate(for: Self.index(hundredths)).label.text(in: .id) == label)
    }

    @Test("half-up rounding decides the band: 2.495 is Baik, 2.4949 is Cukup")
    func rounding() {
        let rubric = Repo.pemdi2026
        // 2.495 = 249.5 / 100; 2.4949 = 24949 / 10000.
        #expect(rubric.predicate(for: IndexValue(weightedLevels: 2_495_000, totalWeight: 1_000_000)).label.text(in: .id) == "Baik")
        #expect(rubric.predicate(for: IndexValue(weightedLevels: 2_494_900, totalWeight: 1_000_000)).label.text(in: .id) == "Cukup")
    }

    @Test("the maturity labels ride on the predicates and the scale")
    func maturityLabels() {
        let rubric = Repo.pemdi2026
        #expect(rubric.predicates.map { $0.description.text(in: .id) } == ["Merintis", "Membangun", "Berkembang", "Melembaga", "Unggul"])
        #expect(rubric.predicates.map { $0.description.text(in: .en) } == ["Initiate", "Emerging", "Developing", "Embedded", "Leading"])
        // Indicator levels use the public Pemdi instrument's ladder, not the predicate labels.
        #expect(rubric.scales.first?.levels.map { $0.label.text(in: .id) } == ["Rintisan", "Terkelola", "Terstandarisasi", "Terintegrasi", "Optimum"])
    }

    @Test("it scores like spbe-2020: a hand-worked profile")
    func scores() throws {
        let rubric = Repo.pemdi2026
        // Aspects 1–3 (P01–P08, weight 35) at level 3, the rest (weight 65) at level 2:
        // (35 × 3 + 65 × 2) / 100 = 235 / 100 = 2.35 → Cukup. PA7 (P19, P20) is 2.00.
        var levels: [String: Int] = [:]
        for (offset, indicator) in rubric.indicators.enumerated() { levels[indicator.id] = offset < 8 ? 3 : 2 }
        let xml = EvidenceXML.profile(rubric, levels: levels)
        let card = Scorer(rubric: rubric).score(try Inline.assessment(xml, rubric: rubric))
        #expect(card.index.description == "2.35")
        #expect(card.predicate.label.text(in: .id) == "Cukup")
        #expect(card.aspects.map(\.index.description) == ["3.00", "3.00", "3.00", "2.00", "2.00", "2.00", "2.00"])
    }
}
