import Testing
@testable import SPBEAssess

/// The responsible OPD (penanggung jawab): who answers for the instansi, and what an OPD that
/// does not submit does to the index.
@Suite("Responsible OPD")
struct ResponsibilityTests {
    /// Three indicators on a 1…4 scale with the floor at 1, one criterion per level:
    /// X1 (weight 1) owned by r1; X2 (weight 1) by r2 then r1; X3 (weight 2) by r3.
    static let rubric = try! Inline.rubric("""
        <rubric xmlns="urn:spbe-assess:rubric:1" id="tiga" version="1" normalize="true"><title>Tiga</title>
        <scale id="s" floor="1"><level value="1"><label>1</label></level><level value="2"><label>2</label></level>
        <level value="3"><label>3</label></level><level value="4"><label>4</label></level></scale>
        <predicate from="0"><label>Kurang</label></predicate>
        <aspect id="A"><title>A</title>
        <indicator id="X1" weight="1" scale="s" owners="r1"><title>X1</title><level value="1"/>
          <level value="2"><criterion id="X1.2"><text>k</text></criterion></level>
          <level value="3"><criterion id="X1.3"><text>k</text></criterion></level>
          <level value="4"><criterion id="X1.4"><text>k</text></criterion></level></indicator>
        <indicator id="X2" weight="1" scale="s" owners="r2 r1"><title>X2</title><level value="1"/>
          <level value="2"><criterion id="X2.2"><text>k</text></criterion></level>
          <level value="3"><criterion id="X2.3"><text>k</text></criterion></level>
          <level value="4"><criterion id="X2.4"><text>k</text></criterion></level></indicator>
        <indicator id="X3" weight="2" scale="s" owners="r3"><title>X3</title><level value="1"/>
          <level value="2"><criterion id="X3.2"><text>k</text></criterion></level>
          <level value="3"><criterion id="X3.3"><text>k</text></criterion></level>
          <level value="4"><criterion id="X3.4"><text>k</text></criterion></level></indicator>
        </aspect></rubric>
        """, name: "tiga.xml")

    /// An OPD file answering each indicator of `levels` with every criterion up to that level.
    static func opd(_ id: String, roles: String, _ levels: [String: Int], rubric: Rubric = rubric) throws -> Assessment {
        let body = rubric.indicators.compactMap { indicator -> String? in
            guard let level = levels[indicator.id] else { return nil }
            let met = stride(from: 2, through: level, by: 1).map { "<met criterion=\"\(indicator.id).\($0)\" documents=\"doc\"/>" }
            return "<answer indicator=\"\(indicator.id)\">\(met.joined())</answer>"
        }.joined(separator: "\n")
        return try Inline.assessment("""
            <assessment xmlns="urn:spbe-assess:evidence:1" rubric="\(rubric.id)" period="2024" role="self">
              <unit id="\(id)" kind="opd" instansi="kab-x" roles="\(roles)">\(id)</unit>
            \(body)
              <document id="doc">Bukti</document>
            </assessment>
            """, rubric: rubric, name: "\(id).xml")
    }

    static func levels(_ result: AggregateResult) -> [Int] {
        let card = Scorer(rubric: rubric).score(result.assessment)
        return card.indicators.map(\.supported)
    }

    @Test("the responsible OPD's answer counts; a co-owner's is a contribution")
    func responsibleCounts() throws {
        // r1 answers X1 at 3 and X2 at 4; r2 answers X2 at 2. X2's first owner is r2, so X2 = 2
        // (r1's 4 is shown beside it). X3's r3 has no file: floor 1, "not submitted".
        let a = try Self.opd("a", roles: "r1", ["X1": 3, "X2": 4])
        let b = try Self.opd("b", roles: "r2", ["X2": 2])
        let result = try Aggregator(rubric: Self.rubric).aggregate([a, b])
        #expect(Self.levels(result) == [3, 2, 1])
        let x2 = try #require(result.indicators.first { $0.indicatorID == "X2" })
        #expect(x2.contributions.map(\.unitID) == ["a", "b"])
        #expect(x2.contributions.map(\.counted) == [false, true])
        #expect(x2.contributions.map(\.responsible) == [false, true])
        #expect(result.notSubmitted == [NotSubmitted(indicatorID: "X3", party: .role("r3"))])
        // Index: (3×1 + 2×1 + 1×2) / 4 = 7/4 = 1.75.
        #expect(Scorer(rubric: Self.rubric).score(result.assessment).index.hundredths == 175)
        // Under max the parties of X2 are r2 and r1: max(2, 4) = 4; X3 still the floor.
        let max = try Aggregator(rubric: Self.rubric, ruleOverride: .max).aggregate([a, b])
        #expect(Self.levels(max) == [3, 4, 1])
        // Under min, r2 leaving X2 to r1 still counts r2 at its own 2: min(2, 4) = 2.
        #expect(Self.levels(try Aggregator(rubric: Self.rubric, ruleOverride: .min).aggregate([a, b])) == [3, 2, 1])
        // Without b's file r2 counts at the floor under min: min(1, 4) = 1, and b is listed.
        let withoutB = try Aggregator(rubric: Self.rubric, ruleOverride: .min).aggregate([a])
        #expect(Self.levels(withoutB) == [3, 1, 1])
        #expect(withoutB.notSubmitted.map(\.indicatorID) == ["X2", "X3"])
    }

    @Test("an answer to an indicator the OPD does not own is a located warning, shown but not counted")
    func notOwned() throws {
        // c (role r3) answers X1 (r1's) at 4 beside a's 2: X1 stays 2, with one warning at c's answer.
        let a = try Self.opd("a", roles: "r1", ["X1": 2])
        let c = try Self.opd("c", roles: "r3", ["X1": 4, "X3": 2])
        let result = try Aggregator(rubric: Self.rubric).aggregate([a, c])
        #expect(Self.levels(result) == [2, 1, 2])
        #expect(result.indicators[0].contributions.map(\.counted) == [true, false])
        #expect(result.warnings.map(\.file) == ["c.xml"])
        #expect(result.warnings.map(\.line) == [3])  // the first <answer>, after the unit on line 2
        #expect(result.warnings[0].message(in: .id).contains("ditampilkan sebagai kontribusi tetapi tidak dihitung"))
    }

    @Test("the OPD list and an assignment file name the responsible OPD")
    func assigned() throws {
        let list = try OPDList.parse("""
            id,name,roles,penanggung-jawab
            a,OPD A,r1,X2
            b,OPD B,r2,
            """, path: "opd.csv")
        #expect(list[0].responsibleFor == ["X2"])
        #expect(list[1].responsibleFor.isEmpty)
        let a = try Self.opd("a", roles: "r1", ["X1": 3, "X2": 4])
        let b = try Self.opd("b", roles: "r2", ["X2": 2])
        let byList = try Responsibility(rubric: Self.rubric, opds: list)
        #expect(byList.party(for: Self.rubric.indicators[1]) == .opd("a"))
        // X2 is now a's: 4.
        #expect(Self.levels(try Aggregator(rubric: Self.rubric, responsibility: byList).aggregate([a, b])) == [3, 4, 1])
        // The assignment file wins over the list: X2 back to b (2).
        let rows = try AssignmentList.parse("indikator,opd\nX2,b\n", path: "assign.csv")
        let byFile = try Responsibility(rubric: Self.rubric, opds: list, assignments: rows)
        #expect(Self.levels(try Aggregator(rubric: Self.rubric, responsibility: byFile).aggregate([a, b])) == [3, 2, 1])
        // A 3-column list stays valid.
        #expect(try OPDList.parse("id,name,roles\na,A,r1\n", path: "opd.csv") == [OPDEntry(id: "a", name: "A", roles: ["r1"])])
    }

    @Test("bad responsibility input is refused with every problem, in both languages")
    func badInput() throws {
        let twice = try OPDList.parse("id,name,roles,penanggung-jawab\na,A,r1,X1 X9\nb,B,r2,X1\n", path: "opd.csv")
        let problems = Inline.problems { _ = try Responsibility(rubric: Self.rubric, opds: twice, listPath: "opd.csv") }
        #expect(problems.map(\.code) == [.unknownReference, .duplicateIdentifier])
        #expect(problems.map(\.line) == [2, 3])
        #expect(problems[1].message(in: .en) == "indicator X1 has two responsible OPDs: a and b; name one OPD")
        #expect(problems[1].message(in: .id) == "indikator X1 mempunyai dua penanggung jawab: a dan b; tetapkan satu OPD")

        let list = try OPDList.parse("id,name,roles\na,A,r1\n", path: "opd.csv")
        let rows = try AssignmentList.parse("indikator,opd\nX7,a\nX1,zz\nX2,a\nX2,a\n", path: "assign.csv")
        let assigned = Inline.problems { _ = try Responsibility(rubric: Self.rubric, opds: list, assignments: rows, assignmentPath: "assign.csv") }
        #expect(assigned.map(\.line) == [2, 3])
        #expect(assigned[0].message(in: .en) == "indicator 'X7' is not in rubric tiga")
        #expect(assigned[1].message(in: .en) == "responsible OPD 'zz' for X1 is not in the OPD list")
        let conflicting = try AssignmentList.parse("indikator,opd\nX2,a\nX2,b\n", path: "assign.csv")
        let conflict = Inline.problems { _ = try Responsibility(rubric: Self.rubric, assignments: conflicting) }
        #expect(conflict.map(\.code) == [.duplicateIdentifier])
        #expect(Inline.problems { _ = try AssignmentList.parse("opd,indikator\n", path: "x.csv") }.count == 1)
    }

    /// Random files on a random owned rubric: removing any one OPD's file never raises the
    /// instansi's index, under every rule. Seeded, so a failure reproduces.
    @Test("removing an OPD's file never raises the regency's index, under any rule", arguments: Aggregation.allCases)
    func neverRaises(rule: Aggregation) throws {
        var rng = SeededGenerator(seed: 1500 + UInt64(Aggregation.allCases.firstIndex(of: rule)!))
        let roles = ["r1", "r2", "r3"]
        for _ in 0..<25 {
            var indicators = ""
            let count = Int.random(in: 2...6, using: &rng)
            for number in 1...count {
                let owners = roles.shuffled(using: &rng).prefix(Int.random(in: 1...3, using: &rng)).joined(separator: " ")
                indicators += "<indicator id=\"X\(number)\" weight=\"\(Int.random(in: 1...9, using: &rng))\" scale=\"s\" owners=\"\(owners)\"><title>X</title><level value=\"1\"/>"
                    + (2...4).map { "<level value=\"\($0)\"><criterion id=\"X\(number).\($0)\"><text>k</text></criterion></level>" }.joined()
                    + "</indicator>"
            }
            let rubric = try Inline.rubric("""
                <rubric xmlns="urn:spbe-assess:rubric:1" id="tiga" version="1" normalize="true"><title>T</title>
                <scale id="s" floor="1"><level value="1"><label>1</label></level><level value="2"><label>2</label></level>
                <level value="3"><label>3</label></level><level value="4"><label>4</label></level></scale>
                <predicate from="0"><label>K</label></predicate><aspect id="A"><title>A</title>\(indicators)</aspect></rubric>
                """)
            // 2–5 OPDs, each playing one or two roles (so roles are shared), answering at random.
            let opds = try (1...Int.random(in: 2...5, using: &rng)).map { number in
                let played = roles.shuffled(using: &rng).prefix(Int.random(in: 1...2, using: &rng)).joined(separator: " ")
                var levels: [String: Int] = [:]
                for indicator in rubric.indicators where Bool.random(using: &rng) {
                    levels[indicator.id] = Int.random(in: 1...4, using: &rng)
                }
                return try Self.opd("o\(number)", roles: played, levels, rubric: rubric)
            }
            let scorer = Scorer(rubric: rubric)
            let all = scorer.score(try Aggregator(rubric: rubric, ruleOverride: rule).aggregate(opds).assessment).index
            for removed in opds.indices {
                var rest = opds
                rest.remove(at: removed)
                let fewer = scorer.score(try Aggregator(rubric: rubric, ruleOverride: rule).aggregate(rest).assessment).index
                #expect(!(all < fewer), "removing \(opds[removed].unit.id) raised \(all) to \(fewer)")
            }
        }
    }
}
