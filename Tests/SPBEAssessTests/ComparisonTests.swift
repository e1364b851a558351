import Foundation
import Testing
@testable import SPBEAssess

@Suite("Comparing assessments")
struct ComparisonTests {
    static func card(_ relative: String, _ options: ScoringOptions = ScoringOptions()) throws -> Scorecard {
        let rubric = Repo.spbe2020   // outside withCatalog: its lock is not reentrant
        let assessment = try Repo.withCatalog { catalog in
            try catalog.evidenceLoader().open(path: Repo.path(relative)).assessment(against: rubric)
        }
        return Scorer(rubric: Repo.spbe2020, options: options).score(assessment)
    }

    static let selfFile = "fixtures/kab-ketapang-2024/kab-ketapang.xml"
    static let assessorFile = "fixtures/kab-ketapang-2024/review/asesor.xml"
    static let inspectorateFile = "fixtures/kab-ketapang-2024/review/inspektorat-review.xml"

    /// Self vs assessor on Ketapang (see fixtures/kab-ketapang-2024/NOTES.md for both files' levels).
    /// The assessor lowers I33, I34, I35 (4→3) and I36, I42, I44 (3→2) and raises I15 (2→3);
    /// the other 40 of 47 indicators agree.
    ///
    /// exact = 40/47 = 85.106 %; within one = 47/47; mean |Δ| = 7/47 = 0.148936.
    /// Self levels: five 1s (I09 I21 I29 I30 I31), twenty-three 2s, sixteen 3s, three 4s (I33–I35).
    /// Assessor:    five 1s, twenty-five 2s, seventeen 3s.
    /// Table (self i, assessor j): (1,1)=5, (2,2)=22, (2,3)=1, (3,2)=3, (3,3)=13, (4,3)=3.
    /// Observed Σ(i−j)² n_ij = 1 + 3 + 3 = 7, times n: 329.
    /// Expected Σ(i−j)² r_i c_j with r = (5, 23, 16, 3), c = (5, 25, 17):
    ///     i=1: 1·5·25 + 4·5·17        = 125 + 340       = 465
    ///     i=2: 1·23·5 + 1·23·17       = 115 + 391       = 506
    ///     i=3: 4·16·5 + 1·16·25       = 320 + 400       = 720
    ///     i=4: 9·3·5 + 4·3·25 + 1·3·17 = 135 + 300 + 51 = 486     total 2177
    /// κ = 1 − 329/2177 = 1848/2177 = 0.848875.
    @Test func ketapangSelfVersusAssessor() throws {
        let comparison = try Comparison([try Self.card(Self.assessorFile), try Self.card(Self.selfFile)])
        #expect(comparison.roles == [.self, .assessor])   // role order, whatever the argument order
        let deltas = Dictionary(uniqueKeysWithValues: comparison.indicators.filter { $0.delta != 0 }.map { ($0.id, $0.delta) })
        #expect(deltas == ["I15": 1, "I33": -1, "I34": -1, "I35": -1, "I36": -1, "I42": -1, "I44": -1])

        let i33 = try #require(comparison.indicators.first { $0.id == "I33" })
        #expect(i33.criteria == [CriterionDifference(criterionID: "I33.L4.a", acceptedBy: [.self]),
                                 CriterionDifference(criterionID: "I33.L4.b", acceptedBy: [.self])])
        #expect(i33.sides.map(\.claimed) == [4, nil])
        // Weight 2.75 of 100: one level down moves the overall index by −0.0275.
        #expect(abs(i33.indexEffect + 0.0275) < 1e-12)
        let i15 = try #require(comparison.indicators.first { $0.id == "I15" })
        #expect(i15.criteria == [CriterionDifference(criterionID: "I15.L3.b", acceptedBy: [.assessor])])
        #expect(i15.sides.map(\.overclaim) == [true, false])

        let agreement = try #require(comparison.agreements.first).agreement
        #expect(agreement.count == 47)
        #expect(agreement.exactMatches == 40)
        #expect(agreement.withinOneMatches == 47)
        #expect(agreement.absoluteDifferenceSum == 7)
        #expect(agreement.observedDisagreement == 329)
        #expect(agreement.expectedDisagreement == 2177)
        #expect(abs(try #require(agreement.kappa) - 1848.0 / 2177) < 1e-12)
    }

    /// Group indices by hand. Self: D2 = 2.5 (NOTES.md), D4 = 127.75/45.5 = 2.8077 (Baik).
    /// Assessor, D2 (I11–I20, 2.5 each): self Σ levels 25, +1 for I15 → 26 · 2.5 / 25 = 2.60 Baik.
    /// D4: self Σ level×w = 127.75; I33–I36 −4 · 2.75 = −11, I42, I44 −2 · 3 = −6 → 110.75 / 45.5
    /// = 2.4341 (Cukup). Overall: 247.15 + 2.5 − 11 − 6 = 232.65 → 2.3265, rounded 2.33.
    @Test func groupsAndPredicateChanges() throws {
        let comparison = try Comparison([try Self.card(Self.selfFile), try Self.card(Self.assessorFile)])
        func group(_ kind: GroupComparison.Kind, _ id: String) throws -> GroupComparison {
            try #require(comparison.groups.first { $0.kind == kind && $0.id == id })
        }
        let d2 = try group(.domain, "D2"), d4 = try group(.domain, "D4"), d1 = try group(.domain, "D1")
        #expect(d2.sides.map { $0?.index.hundredths } == [250, 260])
        #expect(d2.predicateChanged && d4.predicateChanged && !d1.predicateChanged)
        #expect(d4.sides.map { $0?.index.hundredths } == [281, 243])
        #expect(abs(try #require(d4.delta) - (110.75 - 127.75) / 45.5) < 1e-12)
        let overall = try group(.overall, "spbe-2020")
        #expect(overall.sides.map { $0?.index.hundredths } == [247, 233])
        #expect(overall.deltaHundredths == -14)
        #expect(!overall.predicateChanged)
        #expect(Set(comparison.groups.filter(\.predicateChanged).map(\.id)) == ["D2", "D4", "A3", "A7", "A8"])
    }

    /// Three sides: the inspectorate rejects I16.L2.b (3 → 1) where self and assessor keep 3.
    /// Pairs in order self–inspectorate, self–assessor, inspectorate–assessor.
    /// self–inspectorate differ only on I16 (|Δ| = 2): exact 46/47, within one 46/47, Σ|Δ| = 2.
    @Test func threeSides() throws {
        let comparison = try Comparison([try Self.card(Self.selfFile), try Self.card(Self.assessorFile),
                                         try Self.card(Self.inspectorateFile)])
        #expect(comparison.roles == [.self, .inspectorate, .assessor])
        #expect(comparison.agreements.map { "\($0.a.rawValue)-\($0.b.rawValue)" } == ["self-inspectorate", "self-assessor", "inspectorate-assessor"])
        let first = comparison.agreements[0].agreement
        #expect((first.exactMatches, first.withinOneMatches, first.absoluteDifferenceSum) == (46, 46, 2))
        let i16 = try #require(comparison.indicators.first { $0.id == "I16" })
        #expect(i16.sides.map(\.level) == [3, 1, 3])
        #expect(i16.delta == 0 && i16.spread == 2)
        #expect(i16.criteria == [CriterionDifference(criterionID: "I16.L2.b", acceptedBy: [.self, .assessor])])
        // The inspectorate left I47's overclaim standing.
        #expect(comparison.sides[1].overclaims.map(\.id) == ["I47"])
    }

    @Test func refusals() throws {
        let selfCard = try Self.card(Self.selfFile)
        let problems = Inline.problems { _ = try Comparison([selfCard, try Self.card("fixtures/kab-ketapang-2024/diskominfo.xml")]) }
        #expect(problems.map(\.code) == [.duplicateIdentifier, .rubricMismatch])
        #expect(problems.last?.message.contains("unit is 'diskominfo'") == true)
        #expect(Inline.problems { _ = try Comparison([selfCard]) }.count == 1)
    }

    /// A different unit and period compare under `force`; the same role twice never does.
    @Test func forceRelaxesUnitAndPeriodOnly() throws {
        let scratch = try Scratch()
        let text = try String(contentsOfFile: Repo.path(Self.assessorFile), encoding: .utf8)
            .replacingOccurrences(of: "period=\"2024\"", with: "period=\"2023\"")
        let other = try scratch.write("asesor-2023.xml", text)
        let rubric = Repo.spbe2020
        let otherCard = try Scorer(rubric: rubric).score(Repo.withCatalog { catalog in
            try catalog.evidenceLoader().open(path: other).assessment(against: rubric)
        })
        let selfCard = try Self.card(Self.selfFile)
        let problems = Inline.problems { _ = try Comparison([selfCard, otherCard]) }
        #expect(problems.map(\.code) == [.rubricMismatch])
        #expect(problems.first?.message.contains("period is '2023'") == true)
        #expect(try Comparison([selfCard, otherCard], force: true).indicators.count == 47)
        #expect(!Inline.problems { _ = try Comparison([selfCard, selfCard], force: true) }.isEmpty)
    }

    @Test func failConditions() throws {
        let comparison = try Comparison([try Self.card(Self.selfFile), try Self.card(Self.assessorFile)])
        let cards = comparison.sides
        #expect(FailCondition("overclaim")?.holds(cards: cards, findings: [], comparison: comparison) == true)
        #expect(FailCondition("delta:1")?.holds(cards: cards, findings: [], comparison: comparison) == true)
        #expect(FailCondition("delta:2")?.holds(cards: cards, findings: [], comparison: comparison) == false)
        #expect(FailCondition("delta:0") == nil)
        #expect(FailCondition("missing-document") == .missingDocument)
        #expect(FailCondition("nonsense") == nil)
    }
}
