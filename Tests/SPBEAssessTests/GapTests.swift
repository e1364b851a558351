import Foundation
import Testing
@testable import SPBEAssess

/// SplitMix64: a tiny seeded generator, so random cases are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Gap plans")
struct GapTests {
    /// Three indicators on a three-level scale, weights 50/30/20 (sum 100). Step efforts:
    /// X1: 4, 4 · X2: 1, 1 · X3: 1.5, 5.
    static let smallRubric = """
    <rubric xmlns="urn:spbe-assess:rubric:1" id="kecil" version="1">
      <title xml:lang="id">Rubrik kecil</title>
      <scale id="tiga">
        <level value="1"><label>Satu</label></level><level value="2"><label>Dua</label></level><level value="3"><label>Tiga</label></level>
      </scale>
      <predicate from="0"><label>Kurang</label></predicate>
      <predicate from="1.5"><label>Cukup</label></predicate>
      <predicate from="2.5"><label>Baik</label></predicate>
      <aspect id="A1"><title>Aspek</title>
        <indicator id="X1" weight="50" scale="tiga" pillar=""><title>Satu</title>
          <level value="1"><criterion id="X1.L1.a"><text>a</text></criterion></level>
          <level value="2" effort="4"><criterion id="X1.L2.a"><text>b</text></criterion></level>
          <level value="3" effort="4"><criterion id="X1.L3.a"><text>c</text></criterion></level>
        </indicator>
        <indicator id="X2" weight="30" scale="tiga" owners="bappeda"><title>Dua</title>
          <level value="1"><criterion id="X2.L1.a"><text>a</text></criterion></level>
          <level value="2" effort="1"><criterion id="X2.L2.a"><text>b</text></criterion></level>
          <level value="3" effort="1"><criterion id="X2.L3.a"><text>c</text></criterion></level>
        </indicator>
        <indicator id="X3" weight="20" scale="tiga"><title>Tiga</title>
          <level value="1"><criterion id="X3.L1.a"><text>a</text></criterion></level>
          <level value="2" effort="1.5"><criterion id="X3.L2.a"><text>b</text></criterion></level>
          <level value="3" effort="5"><criterion id="X3.L3.a"><text>c</text></criterion></level>
        </indicator>
      </aspect>
    </rubric>
    """

    func smallCard(_ levels: [String: Int] = ["X1": 1, "X2": 1, "X3": 1]) throws -> Scorecard {
        let rubric = try Inline.rubric(Self.smallRubric)
        return Scorer(rubric: rubric).score(try Inline.assessment(EvidenceXML.profile(rubric, levels: levels), rubric: rubric))
    }

    @Test("the weighted sum a target needs: S ≥ W(2h − 1)/200")
    func weightedLevelsNeeded() {
        // 3.495 × 100 = 349.5 rounds half-up to 3.50; one millionth less does not.
        #expect(GapPlanner.weightedLevelsNeeded(hundredths: 350, totalWeight: 100_000_000) == 349_500_000)
        #expect(IndexValue(weightedLevels: 349_500_000, totalWeight: 100_000_000).hundredths == 350)
        #expect(IndexValue(weightedLevels: 349_499_999, totalWeight: 100_000_000).hundredths == 349)
        #expect(GapPlanner.weightedLevelsNeeded(hundredths: 0, totalWeight: 100_000_000) == 0)
        // W = 3: index 1.50 needs S ≥ 3 × 299 / 200 = 4.485 → 5 (5/3 = 1.67; 4/3 = 1.33 < 1.495).
        #expect(GapPlanner.weightedLevelsNeeded(hundredths: 150, totalWeight: 3) == 5)
    }

    /// From all at level 1 (index 1.00) to 1.50 needs Σ level × w ≥ 149.5, a gain of 49.5:
    /// X1 +1 costs 4 (gain 50); X2 +1 and X3 +1 cost 2.5 (gain 50); X2 +2 costs 2 (gain 60) — the
    /// optimum. Projected (50·1 + 30·3 + 20·1)/100 = 1.60.
    @Test("a hand-worked plan on a small rubric")
    func handWorkedPlan() throws {
        let plan = GapPlanner().plan(try smallCard(), target: .index(hundredths: 150))
        #expect(plan.steps.map { "\($0.indicatorID) \($0.from)→\($0.to)" } == ["X2 1→2", "X2 2→3"])
        #expect(plan.totalEffort == ExactDecimal(2))
        #expect(plan.projected.description == "1.60")
        #expect(plan.steps.map(\.projected.description) == ["1.30", "1.60"])
        #expect(plan.steps[0].gain.description == "0.30")
        #expect(plan.steps[0].owners == ["bappeda"])
        #expect(plan.steps[0].missing.map(\.id) == ["X2.L2.a"])
        #expect(plan.projectedPredicate.label.text(in: .id) == "Cukup")
        #expect(plan.reachable && !plan.alreadyMet)
    }

    /// Budget 4.5: X2 +2 (gain 60, effort 2) and X3 +1 (gain 20, effort 1.5) give 80 for 3.5;
    /// X1 +1 (50 for 4) leaves 0.5, which buys nothing. Index (50 + 90 + 40)/100 = 1.80.
    @Test("budget mode, by hand")
    func handWorkedBudget() throws {
        let plan = GapPlanner().plan(try smallCard(), target: .index(hundredths: 250), budget: ExactDecimal(parsing: "4.5"))
        #expect(Set(plan.steps.map { "\($0.indicatorID) \($0.to)" }) == ["X2 2", "X2 3", "X3 2"])
        #expect(plan.totalEffort == ExactDecimal(parsing: "3.5"))
        #expect(plan.projected.description == "1.80")
        #expect(!plan.reachable)
    }

    @Test("steps are ordered by gain per effort; one indicator's steps stay in level order")
    func ordering() throws {
        // Target 2.5 from all 1s needs gain 149.5 of the 200 available: every step but one.
        let plan = GapPlanner().plan(try smallCard(), target: .index(hundredths: 250))
        #expect(plan.steps.first?.indicatorID == "X2")  // 30 per effort 1: the best value
        for indicator in ["X1", "X2", "X3"] {
            let levels = plan.steps.filter { $0.indicatorID == indicator }.map(\.to)
            #expect(levels == levels.sorted())
        }
    }

    @Test("a target already met gives an empty plan")
    func alreadyMet() throws {
        let plan = GapPlanner().plan(try smallCard(["X1": 3, "X2": 1, "X3": 1]), target: .index(hundredths: 150))
        #expect(plan.alreadyMet && plan.reachable && plan.steps.isEmpty)
    }

    @Test("a target beyond every scale's top is unreachable and shows the best index")
    func unreachable() throws {
        // The scale's top is 3, so index 3.00 is the most there is; target 3.50 is not.
        let plan = GapPlanner().plan(try smallCard(), target: .index(hundredths: 350))
        #expect(!plan.reachable)
        #expect(plan.projected.description == "3.00")
        #expect(plan.steps.count == 6)
    }

    @Test("per-indicator targets from CSV")
    func levelTargets() throws {
        let plan = GapPlanner().plan(try smallCard(["X1": 2, "X2": 1, "X3": 1]), target: .levels(["X1": 2, "X3": 3]))
        #expect(plan.steps.map { "\($0.indicatorID) \($0.to)" } == ["X3 2", "X3 3"])
        #expect(plan.totalEffort == ExactDecimal(parsing: "6.5"))
    }

    @Test("targets parse as indices or predicate labels in either language")
    func targetParsing() throws {
        let rubric = Repo.spbe2020
        #expect(try GapTarget.parse("3.5", rubric: rubric).get() == .index(hundredths: 350))
        #expect(try GapTarget.parse("sangat baik", rubric: rubric).get() == .index(hundredths: 350))
        #expect(try GapTarget.parse("Very good", rubric: rubric).get() == .index(hundredths: 350))
        #expect(try GapTarget.parse("Memuaskan", rubric: rubric).get() == .index(hundredths: 420))
        for bad in ["6", "-1", "5.01", "Luar Biasa", "3.555", ""] {
            #expect(throws: GapError.self) { try GapTarget.parse(bad, rubric: rubric).get() }
        }
    }

    /// Brute force: every combination of raises, the least effort whose gain reaches `needed`.
    static func exhaustive(_ items: [ParetoPlanner.Item], needed: Int64?, budget: Int64?) -> (gain: Int64, effort: Int64)? {
        var best: (gain: Int64, effort: Int64)?
        func visit(_ index: Int, _ gain: Int64, _ effort: Int64) {
            if index == items.count {
                if let needed {
                    if gain >= needed, best == nil || effort < best!.effort { best = (gain, effort) }
                } else if let budget, effort <= budget {
                    if best == nil || gain > best!.gain || (gain == best!.gain && effort < best!.effort) { best = (gain, effort) }
                }
                return
            }
            var g = gain, e = effort
            visit(index + 1, g, e)
            for step in items[index].stepEfforts {
                g += items[index].gainPerLevel
                e += step
                visit(index + 1, g, e)
            }
        }
        visit(0, 0, 0)
        return best
    }

    static func randomItems(_ rng: inout SeededGenerator) -> [ParetoPlanner.Item] {
        (0..<Int.random(in: 1...6, using: &rng)).map { _ in
            ParetoPlanner.Item(gainPerLevel: Int64.random(in: 1...60, using: &rng) * 50_000,        // multiples of 0.05
                               stepEfforts: (0..<Int.random(in: 0...4, using: &rng)).map { _ in
                                   Int64.random(in: 0...10, using: &rng) * 500_000 })          // 0, 0.5 … 5
        }
    }

    @Test("target mode is optimal: the same least effort as exhaustive search on 400 random cases")
    func optimalAgainstExhaustiveSearch() {
        var rng = SeededGenerator(seed: 20_241_124)
        for _ in 0..<400 {
            let items = Self.randomItems(&rng)
            let available = items.reduce(Int64(0)) { $0 + $1.gainPerLevel * Int64($1.stepEfforts.count) }
            let needed = Int64.random(in: 0...(available + 100_000), using: &rng)
            let expected = Self.exhaustive(items, needed: needed, budget: nil)
            let found = ParetoPlanner.solve(items, .reach(gain: needed))
            #expect(found?.effort == expected?.effort)
            if let found { #expect(found.gain >= needed) }
        }
    }

    @Test("budget mode is optimal: the same greatest gain as exhaustive search on 400 random cases")
    func budgetAgainstExhaustiveSearch() {
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<400 {
            let items = Self.randomItems(&rng)
            let budget = Int64.random(in: 0...20, using: &rng) * 500_000
            let expected = Self.exhaustive(items, needed: nil, budget: budget)!
            let found = ParetoPlanner.solve(items, .budget(effort: budget))!
            #expect(found.gain == expected.gain)
            #expect(found.effort == expected.effort)
            #expect(found.effort <= budget)
        }
    }

    /// The plan's projected index must be what scoring gives once its steps are done: apply the
    /// steps as met criteria and score the result.
    @Test("a plan's projected index equals the score after applying its steps", arguments: [250, 300, 350, 420, 500])
    func projectedMatchesScoring(hundredths: Int) throws {
        let rubric = Repo.spbe2020
        var rng = SeededGenerator(seed: UInt64(hundredths))
        var levels: [String: Int] = [:]
        for indicator in rubric.indicators { levels[indicator.id] = Int.random(in: 0...3, using: &rng) }
        levels = levels.filter { $0.value > 0 }
        let card = Scorer(rubric: rubric).score(try Inline.assessment(EvidenceXML.profile(rubric, levels: levels), rubric: rubric))
        var efforts = EffortTable()
        for indicator in rubric.indicators {
            for level in 2...5 { efforts.overrides[indicator.id, default: [:]][level] = ExactDecimal(Int.random(in: 1...5, using: &rng)) }
        }
        let plan = GapPlanner(efforts: efforts).plan(card, target: .index(hundredths: hundredths))
        var after = card.indicators.reduce(into: [String: Int]()) { $0[$1.id] = $1.level }
        for step in plan.steps { after[step.indicatorID] = step.to }
        let rescored = Scorer(rubric: rubric).score(try Inline.assessment(EvidenceXML.profile(rubric, levels: after.filter { $0.value > 0 }), rubric: rubric))
        #expect(rescored.index == plan.projected)
        #expect(plan.reachable)
        #expect(plan.projected.hundredths >= hundredths)
        #expect(plan.steps.last?.projected == plan.projected)
    }

    @Test("the full 47-indicator rubric with arbitrary efforts plans without trouble")
    func fullRubric() throws {
        let rubric = Repo.spbe2020
        let card = Scorer(rubric: rubric).score(try Inline.assessment(EvidenceXML.profile(rubric, levels: EvidenceXML.levels([(1...47, 1)])), rubric: rubric))
        var rng = SeededGenerator(seed: 47)
        var efforts = EffortTable()
        for indicator in rubric.indicators {
            for level in 2...5 { efforts.overrides[indicator.id, default: [:]][level] = ExactDecimal(millionths: Int64.random(in: 1...9_999_999, using: &rng)) }
        }
        let plan = GapPlanner(efforts: efforts).plan(card, target: .index(hundredths: 420))
        #expect(plan.reachable)
        #expect(plan.projected.hundredths >= 420)
    }

    @Test("CSV tables: every bad row is reported with its line")
    func csvErrors() throws {
        let scratch = try Scratch()
        let path = try scratch.write("effort.csv", "indicator,level,effort\nI01,2,1.5\nI01,2\nI99,2,1\nI02,7,1\nI03,2,-1\nI04,3,banyak\n\nI05,3,2\n")
        let problems = Inline.problems { _ = try LevelTableReader.efforts(path: path, rubric: Repo.spbe2020) }
        #expect(problems.map(\.line) == [3, 4, 5, 6, 7])
        #expect(problems.map(\.code) == [.schemaViolation, .unknownReference, .levelOutOfRange, .invalidDecimal, .invalidDecimal])
        let good = try scratch.write("ok.csv", "\u{FEFF}I01,2,1.5\r\n# comment\nI05,3,2\n")
        let table = try LevelTableReader.efforts(path: good, rubric: Repo.spbe2020)
        #expect(table.overrides["I01"]?[2] == ExactDecimal(parsing: "1.5"))
        #expect(table.overrides["I05"]?[3] == ExactDecimal(2))
    }
}

@Suite("assess gap", .serialized)
struct GapCommandTests {
    static let ketapang = "fixtures/kab-ketapang-2024/kab-ketapang.xml"

    /// With every step at effort 1 the least effort is the fewest steps, and taking the heaviest
    /// available steps first is optimal (swap any lighter step for a heavier unused one): so the
    /// plan's effort is how many of the heaviest steps it takes to add 349.5 − 247.15 = 102.35.
    /// Given as an effort file of 1 for every step and --max-step 4 (no cap on a 1…5 scale), so
    /// the default growing model and step cap do not apply.
    @Test("the fixture regency to Sangat Baik: JSON, and the least number of unit steps")
    func ketapangToSangatBaik() throws {
        let scratch = try Scratch()
        let rows = Repo.spbe2020.indicators.flatMap { indicator in (2...5).map { "\(indicator.id),\($0),1" } }
        let effort = try scratch.write("effort.csv", "indicator,level,effort\n" + rows.joined(separator: "\n") + "\n")
        let result = try CLI.run("gap", Self.ketapang, "--target", "Sangat Baik", "--format", "json", "--effort", effort, "--max-step", "4")
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["current"] as? Double == 2.4715)
        #expect(json["target"] as? Double == 3.5)
        #expect(json["reachable"] as? Bool == true)
        #expect((json["projected"] as? Double ?? 0) >= 3.495)
        let steps = try #require(json["steps"] as? [[String: Any]])
        #expect(Set(steps[0].keys).isSuperset(of: ["indicator", "from", "to", "gain", "effort", "projected", "missing"]))

        let card = try Repo.withCatalog { catalog in
            let file = try catalog.evidenceLoader().open(path: Repo.path(Self.ketapang))
            return Scorer(rubric: try catalog.rubric("spbe-2020")).score(try file.assessment(against: catalog.rubric("spbe-2020")))
        }
        var available = zip(card.rubric.indicators, card.indicators).flatMap { indicator, score in
            Array(repeating: indicator.weight.millionths, count: 5 - score.level)
        }.sorted(by: >)
        var gain: Int64 = 0, count = 0
        while gain < 102_350_000 { gain += available.removeFirst(); count += 1 }
        #expect(json["totalEffort"] as? Double == Double(count))
        #expect(steps.count == count)
    }

    @Test("a target already met says so and exits 0")
    func alreadyMet() throws {
        let result = try CLI.run("gap", Self.ketapang, "--lang", "id", "--target", "Cukup")
        #expect(result.status == 0)
        #expect(result.stdout.contains("Target sudah tercapai"))
    }

    static let badInputs: [([String], Int32)] = [
        (["--target", "7"], 1), (["--target", "Luar Biasa"], 1), (["--target=-1"], 1),
        (["--target", "3", "--budget", "banyak"], 1), (["--target", "3", "--targets", "x.csv"], 2), ([], 2),
    ]

    @Test("bad targets exit 1, contradictory options exit 2", arguments: badInputs)
    func badInput(options: [String], status: Int32) throws {
        let result = try CLI.runArray(["gap", Self.ketapang] + options)
        #expect(result.status == status)
        #expect(!result.stderr.isEmpty)
    }

    @Test("an unknown indicator in --effort is reported as file:line, exit 1")
    func badEffortFile() throws {
        let scratch = try Scratch()
        let csv = try scratch.write("effort.csv", "indicator,level,effort\nI48,2,1\n")
        let result = try CLI.run("gap", Self.ketapang, "--target", "3.5", "--effort", csv)
        #expect(result.status == 1)
        #expect(result.stderr.contains("effort.csv:2: error: indicator 'I48' is not in rubric spbe-2020"))
    }

    /// SummaryTests.measuredTree's kab-1: P05 measured at 1.42, the other measured indicators
    /// unanswered at the floor 1. The plan leaves them to the survey and shows each value with
    /// two decimals: 1.42 (not 1), the floor as 1.00.
    @Test("measured values in the gap text keep two decimals, a decimal comma in Indonesian", arguments: [
        ("id", ": 1,42", "tidak dijawab (1,00)"), ("en", ": 1.42", "not answered (1.00)"),
    ])
    func measuredValues(lang: String, value: String, unanswered: String) throws {
        let scratch = try Scratch()
        let root = try SummaryTests.measuredTree(scratch)
        let result = try CLI.run("gap", "--lang", lang, "\(root)/prov-a/kab-1/kab-1.xml", "--target", "4")
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(separator: "\n").map(String.init)
        #expect(try #require(rows.first { $0.hasPrefix("  P05 ") }).hasSuffix(value))
        #expect(try #require(rows.first { $0.hasPrefix("  P06 ") }).contains(unanswered))
    }
}
