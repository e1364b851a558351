import Testing
@testable import SPBEAssess

/// The shipped rubric against the facts of PermenPANRB 59/2020 (shared/reference/spbe-2020.md).
@Suite("rubrics/spbe-2020.xml carries the official framework")
struct OfficialRubricTests {
    let rubric = Repo.spbe2020

    @Test func shape() {
        #expect(rubric.id == "spbe-2020")
        #expect(rubric.indicators.count == 47)
        #expect(rubric.aspects.map(\.id) == ["A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8"])
        #expect(rubric.domains.map(\.id) == ["D1", "D2", "D3", "D4"])
        #expect(rubric.indicators.map(\.id) == (1...47).map { "I" + ($0 < 10 ? "0" : "") + "\($0)" })
        #expect(rubric.totalWeight == ExactDecimal(100))
        #expect(!rubric.normalize)
    }

    @Test("aspect weights: 13, 10, 10, 5, 12, 4.5, 27.5, 18")
    func aspectWeights() {
        let expected = ["A1": "13", "A2": "10", "A3": "10", "A4": "5", "A5": "12", "A6": "4.5", "A7": "27.5", "A8": "18"]
        for aspect in rubric.aspects {
            let weight = rubric.indicators.filter { $0.aspectID == aspect.id }.reduce(ExactDecimal.zero) { $0 + $1.weight }
            #expect(weight.description == expected[aspect.id], "aspect \(aspect.id)")
        }
    }

    @Test("domain weights: 13, 25, 16.5, 45.5")
    func domainWeights() {
        let expected = ["D1": "13", "D2": "25", "D3": "16.5", "D4": "45.5"]
        for domain in rubric.domains {
            let weight = rubric.indicators.filter { $0.domainID == domain.id }.reduce(ExactDecimal.zero) { $0 + $1.weight }
            #expect(weight.description == expected[domain.id], "domain \(domain.id)")
        }
    }

    @Test("indicator weights and scales: 1.3/2.5/1.5 on kapabilitas, 2.75/3 on layanan")
    func indicatorWeights() {
        for (number, indicator) in zip(1..., rubric.indicators) {
            let (weight, scale): (String, String) = switch number {
            case 1...10: ("1.3", "kapabilitas")
            case 11...20: ("2.5", "kapabilitas")
            case 21...31: ("1.5", "kapabilitas")
            case 32...41: ("2.75", "layanan")
            default: ("3", "layanan")
            }
            #expect(indicator.weight.description == weight, "\(indicator.id)")
            #expect(indicator.scaleID == scale, "\(indicator.id)")
            #expect(indicator.pillarIDs == ["governance"], "\(indicator.id)")
            #expect(indicator.levels.count == 5, "\(indicator.id)")
            // Level 1 is the floor (a description); levels 2–5 keep two criteria each.
            #expect(indicator.levels.map(\.criteria.count) == [0, 2, 2, 2, 2], "\(indicator.id)")
        }
    }

    @Test func scalesAndPredicates() {
        #expect(rubric.scale("kapabilitas")?.levels.map { $0.label.text(in: .id) }
                == ["Rintisan", "Terkelola", "Terdefinisi", "Terpadu dan Terukur", "Optimum"])
        #expect(rubric.scale("layanan")?.levels.map { $0.label.text(in: .id) }
                == ["Informasi", "Interaksi", "Transaksi", "Kolaborasi", "Optimum"])
        #expect(rubric.predicates.map(\.threshold.description) == ["0", "1.8", "2.6", "3.5", "4.2"])
        #expect(rubric.predicates.map { $0.label.text(in: .id) } == ["Kurang", "Cukup", "Baik", "Sangat Baik", "Memuaskan"])
    }

    @Test("every criterion has Indonesian text and a unique id", arguments: [Language.id])
    func criteriaText(language: Language) {
        var ids = Set<String>()
        for indicator in rubric.indicators {
            for level in indicator.levels {
                for criterion in level.criteria {
                    #expect(ids.insert(criterion.id).inserted)
                    #expect(criterion.id.hasPrefix("\(indicator.id).L\(level.value)."))
                    #expect(!(criterion.text.values["id"] ?? "").isEmpty)
                }
            }
        }
    }

    /// SPEC §2: the predicate comes from the index rounded half-up to two decimals.
    @Test("predicate boundaries", arguments: [
        (Int64(0), "Kurang"), (179_499_999, "Kurang"), (179_500_000, "Cukup"),   // 1.795 → 1.80
        (259_490_000, "Cukup"),                                                   // 2.5949 → 2.59
        (259_500_000, "Baik"),                                                    // 2.595 → 2.60
        (349_499_999, "Baik"), (349_500_000, "Sangat Baik"),
        (419_490_000, "Sangat Baik"), (420_000_000, "Memuaskan"), (500_000_000, "Memuaskan"),
    ])
    func predicateBoundaries(weightedLevels: Int64, label: String) {
        let index = IndexValue(weightedLevels: weightedLevels, totalWeight: 100_000_000)
        #expect(rubric.predicate(for: index).label.text(in: .id) == label)
    }

    @Test func englishLabels() {
        #expect(rubric.predicates[3].label.text(in: .en) == "Very good")
        #expect(rubric.scale("layanan")?.label(3)?.text(in: .en) == "Transaction")
    }
}
