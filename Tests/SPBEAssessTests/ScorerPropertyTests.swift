import Testing
@testable import SPBEAssess

/// Properties of the scorer on random rubrics and evidence, generated from fixed seeds.
@Suite("Scorer properties on random rubrics")
struct ScorerPropertyTests {
    /// A random rubric: 1–4 aspects (under domains or not), 1–5 indicators each, scales of 2–5
    /// levels, 1–3 criteria per level, weights 0.05–9.95, normalize="true".
    static func randomRubric(_ rng: inout SeededGenerator) throws -> Rubric {
        let withDomains = Bool.random(using: &rng)
        var body = ""
        var number = 0
        for aspect in 1...Int.random(in: 1...4, using: &rng) {
            if withDomains { body += "<domain id=\"D\(aspect)\"><title>Domain \(aspect)</title>" }
            body += "<aspect id=\"A\(aspect)\"><title>Aspek \(aspect)</title>"
            for _ in 1...Int.random(in: 1...5, using: &rng) {
                number += 1
                let id = "X\(number)"
                let scale = "s\(Int.random(in: 2...5, using: &rng))"
                let weight = Double(Int.random(in: 1...199, using: &rng)) * 0.05
                let pillar = Bool.random(using: &rng) ? " pillar=\"p1\"" : " pillar=\"p1 p2\""
                body += "<indicator id=\"\(id)\" weight=\"\(String(format: "%.2f", weight))\" scale=\"\(scale)\"\(pillar)><title>\(id)</title>"
                for level in 1...Int(scale.dropFirst())! {
                    body += "<level value=\"\(level)\">"
                    for letter in ["a", "b", "c"].prefix(Int.random(in: 1...3, using: &rng)) {
                        body += "<criterion id=\"\(id).L\(level).\(letter)\"><text>k</text></criterion>"
                    }
                    body += "</level>"
                }
                body += "</indicator>"
            }
            body += "</aspect>"
            if withDomains { body += "</domain>" }
        }
        let scales = (2...5).map { size in
            "<scale id=\"s\(size)\">" + (1...size).map { "<level value=\"\($0)\"><label>L\($0)</label></level>" }.joined() + "</scale>"
        }.joined()
        return try Inline.rubric("""
            <rubric xmlns="urn:spbe-assess:rubric:1" id="acak" version="1" normalize="true"><title>Acak</title>\(scales)
            <predicate from="0"><label>Kurang</label></predicate><predicate from="2.5"><label>Baik</label></predicate>
            <pillar id="p1"><title>P1</title></pillar><pillar id="p2"><title>P2</title></pillar>\(body)</rubric>
            """)
    }

    /// Random answers: each indicator answered or not, each criterion met or not, with or without
    /// a document, a random claim.
    static func randomAnswers(_ rubric: Rubric, _ rng: inout SeededGenerator) -> [(indicator: String, claimed: Int?, met: [(String, Bool)])] {
        rubric.indicators.compactMap { indicator in
            guard Int.random(in: 0..<5, using: &rng) > 0 else { return nil }
            let met = indicator.levels.flatMap(\.criteria).compactMap { criterion -> (String, Bool)? in
                Int.random(in: 0..<10, using: &rng) < 7 ? (criterion.id, Int.random(in: 0..<10, using: &rng) < 8) : nil
            }
            let claimed = Bool.random(using: &rng) ? Int.random(in: 1...indicator.maximumLevel, using: &rng) : nil
            return (indicator.id, claimed, met)
        }
    }

    static func xml(_ answers: [(indicator: String, claimed: Int?, met: [(String, Bool)])]) -> String {
        EvidenceXML.wrap(rubric: "acak", answers.map { answer in
            "<answer indicator=\"\(answer.indicator)\"\(answer.claimed.map { " claimed=\"\($0)\"" } ?? "")>"
                + answer.met.map { "<met criterion=\"\($0.0)\"\($0.1 ? " documents=\"doc\"" : "")/>" }.joined()
                + "</answer>"
        }.joined(separator: "\n"))
    }

    static func allIndices(_ card: Scorecard) -> [IndexValue] {
        [card.index] + (card.domains + card.aspects + card.pillars).map(\.index)
    }

    @Test("indices always lie in [0, 5], under every option", arguments: [1, 2, 3, 4])
    func indicesInRange(seed: Int) throws {
        var rng = SeededGenerator(seed: UInt64(seed))
        for _ in 0..<25 {
            let rubric = try Self.randomRubric(&rng)
            let assessment = try Inline.assessment(Self.xml(Self.randomAnswers(rubric, &rng)), rubric: rubric)
            for options in [ScoringOptions(), ScoringOptions(requireEvidence: false), ScoringOptions(trustClaims: true)] {
                let card = Scorer(rubric: rubric, options: options).score(assessment)
                for index in Self.allIndices(card) {
                    #expect(index.value >= 0 && index.value <= 5)
                    #expect(index.hundredths >= 0 && index.hundredths <= 500)
                }
                for score in card.indicators {
                    #expect(score.supported >= 0 && score.supported <= rubric.indicator(score.id)!.maximumLevel)
                }
            }
        }
    }

    @Test("meeting one more criterion never lowers any index", arguments: [11, 12, 13])
    func monotone(seed: Int) throws {
        var rng = SeededGenerator(seed: UInt64(seed))
        for _ in 0..<25 {
            let rubric = try Self.randomRubric(&rng)
            var answers = Self.randomAnswers(rubric, &rng)
            guard !answers.isEmpty else { continue }
            let before = Scorer(rubric: rubric).score(try Inline.assessment(Self.xml(answers), rubric: rubric))
            // Add one documented criterion that is not yet met (or document an undocumented one).
            let pick = Int.random(in: 0..<answers.count, using: &rng)
            let indicator = rubric.indicator(answers[pick].indicator)!
            let metIDs = Set(answers[pick].met.filter(\.1).map(\.0))
            guard let extra = indicator.levels.flatMap(\.criteria).map(\.id).first(where: { !metIDs.contains($0) }) else { continue }
            answers[pick].met.removeAll { $0.0 == extra }
            answers[pick].met.append((extra, true))
            let after = Scorer(rubric: rubric).score(try Inline.assessment(Self.xml(answers), rubric: rubric))
            for (old, new) in zip(Self.allIndices(before), Self.allIndices(after)) {
                #expect(!(new < old))
            }
            for (old, new) in zip(before.indicators, after.indicators) {
                #expect(new.supported >= old.supported)
            }
        }
    }

    @Test("the order of answers and of met criteria never changes a result", arguments: [21, 22])
    func orderIndependent(seed: Int) throws {
        var rng = SeededGenerator(seed: UInt64(seed))
        for _ in 0..<25 {
            let rubric = try Self.randomRubric(&rng)
            let answers = Self.randomAnswers(rubric, &rng)
            let shuffled = answers.shuffled(using: &rng).map { ($0.indicator, $0.claimed, $0.met.shuffled(using: &rng)) }
            let a = Scorer(rubric: rubric).score(try Inline.assessment(Self.xml(answers), rubric: rubric))
            let b = Scorer(rubric: rubric).score(try Inline.assessment(Self.xml(shuffled), rubric: rubric))
            #expect(a.index == b.index)
            #expect(a.indicators == b.indicators)
            #expect(a.aspects == b.aspects && a.domains == b.domains && a.pillars == b.pillars)
        }
    }
}

/// Aggregation against scoring, on random rubrics and random OPD files.
@Suite("Aggregation properties on random rubrics")
struct AggregationPropertyTests {
    static func opdXML(_ id: String, _ answers: [(indicator: String, claimed: Int?, met: [(String, Bool)])]) -> String {
        """
        <assessment xmlns="urn:spbe-assess:evidence:1" rubric="acak" period="2024" role="self">
          <unit id="\(id)" kind="opd" instansi="kab-acak">\(id)</unit>
        \(answers.map { answer in
            "<answer indicator=\"\(answer.indicator)\">" + answer.met.map { "<met criterion=\"\($0.0)\"\($0.1 ? " documents=\"doc\"" : "")/>" }.joined() + "</answer>"
        }.joined(separator: "\n"))
          <document id="doc">Bukti</document>
        </assessment>
        """
    }

    /// Scoring the aggregated file gives, per indicator, the rule applied to the OPDs' supported
    /// levels (min and max here; median and mean are hand-checked in AggregationTests), and the
    /// order of the OPD files never changes the result.
    @Test("scoring the aggregated file equals the aggregation of the scores", arguments: [Aggregation.min, .max])
    func aggregateThenScore(rule: Aggregation) throws {
        var rng = SeededGenerator(seed: rule == .min ? 31 : 32)
        for _ in 0..<20 {
            let rubric = try ScorerPropertyTests.randomRubric(&rng)
            let opds = try (1...Int.random(in: 2...4, using: &rng)).map { number in
                try Inline.assessment(Self.opdXML("opd\(number)", ScorerPropertyTests.randomAnswers(rubric, &rng)), rubric: rubric, name: "opd\(number).xml")
            }
            let scorer = Scorer(rubric: rubric)
            let separate = opds.map { scorer.score($0) }
            let aggregated = scorer.score(try Aggregator(rubric: rubric, ruleOverride: rule).aggregate(opds).assessment)
            for (position, indicator) in rubric.indicators.enumerated() {
                let levels = separate.filter { $0.indicators[position].assessed }.map { $0.indicators[position].supported }
                let expected = levels.isEmpty ? 0 : (rule == .min ? levels.min()! : levels.max()!)
                #expect(aggregated.indicators[position].supported == expected, "\(indicator.id): \(levels)")
            }
            let reversed = scorer.score(try Aggregator(rubric: rubric, ruleOverride: rule).aggregate(opds.reversed()).assessment)
            #expect(reversed.index == aggregated.index)
            #expect(reversed.indicators.map(\.supported) == aggregated.indicators.map(\.supported))
        }
    }
}
