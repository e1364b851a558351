import Foundation
import Testing
@testable import SPBEAssess

/// `assess template --from LAST-YEAR-DIR`: next period's files started from last period's.
@Suite("Next year's start from last year's files", .serialized)
struct CarryForwardTests {
    /// diskominfo 2024 cites perbup-45-2021 (dated 2021-09-20). For 2025 with a 3-year limit,
    /// documents dated before 2022-01-01 are old: that one only (the others are 2022 or later).
    @Test("met criteria and documents carried, claims dropped, every answer marked, old documents flagged")
    func carry() throws {
        let last = try Repo.withCatalog { catalog in
            let file = try catalog.evidenceLoader().open(path: Repo.path("fixtures/kab-ketapang-2024/diskominfo.xml"))
            return try file.assessment(against: catalog.rubric(file.rubricID))
        }
        let result = CarryForward(period: "2025", maxAgeYears: 3).carry(last)
        #expect(result.assessment.period == "2025")
        #expect(result.assessment.answers.map(\.indicatorID) == last.answers.map(\.indicatorID))
        #expect(result.assessment.answers.map(\.met) == last.answers.map(\.met))
        #expect(result.assessment.answers.allSatisfy { $0.claimed == nil })
        #expect(result.assessment.answers.allSatisfy { $0.note.text(in: .id).hasPrefix("KONFIRMASI ULANG: dibawa dari periode 2024.") })
        #expect(result.assessment.documents == last.documents)
        let expectedOld = last.documents.filter { ($0.date.flatMap { Int($0.prefix(4)) } ?? 9999) < 2022 }.map(\.id)
        #expect(expectedOld == ["perbup-45-2021-penyelenggaraan-spbe"])
        #expect(result.oldDocuments.map(\.id) == expectedOld)
        #expect(result.comments(in: .en)[1].hasPrefix("OLD DOCUMENT: perbup-45-2021-penyelenggaraan-spbe is dated 2021-09-20"))
        // The written file reads back as valid evidence of 2025.
        let text = EvidenceWriter.write(result.assessment, comments: result.comments(in: .id))
        let reread = try Inline.assessment(text, rubric: Repo.spbe2020)
        #expect(reread.period == "2025")
        #expect(CarryForward.next(after: "2024") == "2025")
        #expect(CarryForward.next(after: "2024-rev1") == nil)
    }

    @Test("template --from writes the next period's files; --from a directory of another rubric says to migrate")
    func command() throws {
        let scratch = try Scratch()
        let out = scratch.path("2025")
        let result = try CLI.run("template", "--from", "fixtures/kab-ketapang-2023", "--out", out)
        #expect(result.status == 0, "\(result.stderr)")
        let written = try String(contentsOfFile: out + "/kab-ketapang.xml", encoding: .utf8)
        #expect(written.contains(#"period="2024""#))
        #expect(try CLI.run("validate", out + "/kab-ketapang.xml").status == 0)

        let other = scratch.path("pemdi")
        let refused = try CLI.run("template", "--from", "fixtures/kab-ketapang-2023", "--rubric", "pemdi-2026", "--out", other)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("this file is for rubric 'spbe-2020', not 'pemdi-2026'; move it first with `assess migrate --to pemdi-2026`"))
        #expect(!FileManager.default.fileExists(atPath: other))
    }
}
