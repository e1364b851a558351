import Foundation
import Testing
@testable import SPBEAssess

@Suite("Evidence checks")
struct EvidenceCheckTests {
    static func load(_ relative: String) throws -> Assessment {
        let rubric = Repo.spbe2020   // outside withCatalog: its lock is not reentrant
        return try Repo.withCatalog { catalog in
            try catalog.evidenceLoader().open(path: Repo.path(relative)).assessment(against: rubric)
        }
    }

    static var folder: DocumentFolder { get throws { try DocumentFolder(path: Repo.path("fixtures/evidence-checks")) } }

    /// `fixtures/evidence-checks/problems.xml` has each problem once, on purpose; line and column
    /// are those of the element in the file.
    @Test func everyProblemAtItsElement() throws {
        let findings = try EvidenceCheck().run(Self.load("fixtures/evidence-checks/problems.xml"), documents: Self.folder)
        let seen = findings.map { "\($0.kind.rawValue) \($0.location.line):\($0.location.column ?? 0) \($0.documentID ?? $0.criterionID ?? "")" }
        #expect(seen == [
            "metWithoutDocument 7:5 I01.L3.b",
            "duplicateHash 17:3 perbup-arsitektur-lama",
            "dateAfterPeriod 18:3 surat-edaran-2025",
            "dateTooOld 20:3 sk-tim-2014",
            "noHref 20:3 sk-tim-2014",
            "fileMissing 21:3 notulen-hilang",
            "hashMismatch 22:3 perbup-salinan",
            "fileOutsideFolder 23:3 notulen-luar",
            "fileOutsideFolder 24:3 undangan",
            "uncitedDocument 25:3 foto-kegiatan",
        ])
        #expect(findings.first { $0.kind == .duplicateHash }?.detail == "perbup-arsitektur")
        #expect(findings.first { $0.kind == .hashMismatch }?.detail?.hasSuffix("5754b2173140afb196432a7d41e2ac3808f4935aca4944c30ec43cd45203b232") == true)
        #expect(findings.allSatisfy { $0.location.file.hasSuffix("fixtures/evidence-checks/problems.xml") })
    }

    @Test("without a documents folder only the file is read")
    func withoutFolder() throws {
        let kinds = try EvidenceCheck().run(Self.load("fixtures/evidence-checks/problems.xml")).map(\.kind)
        #expect(kinds == [.metWithoutDocument, .duplicateHash, .dateAfterPeriod, .dateTooOld, .uncitedDocument])
    }

    @Test func cleanFileHasNoFindings() throws {
        #expect(try EvidenceCheck().run(Self.load("fixtures/evidence-checks/clean.xml"), documents: Self.folder).isEmpty)
    }

    /// clean.xml's sk-tim is dated 2019-12-31: exactly five years before the end of 2024, so not too
    /// old at the default; with a four-year limit (cutoff 2020-12-31) it is.
    @Test func ageLimitBoundary() throws {
        let clean = try Self.load("fixtures/evidence-checks/clean.xml")
        #expect(try EvidenceCheck(options: .init(maxAgeYears: 5)).run(clean).isEmpty)
        let old = try EvidenceCheck(options: .init(maxAgeYears: 4)).run(clean)
        #expect(old.map(\.kind) == [.dateTooOld])
        #expect(old.first?.documentID == "sk-tim")
    }

    @Test func folderMustExistAndBeADirectory() {
        #expect(throws: LoadError.self) { try DocumentFolder(path: Repo.path("fixtures/no-such-folder")) }
        #expect(throws: LoadError.self) { try DocumentFolder(path: Repo.path("README.md")) }
    }

    /// A cited document whose path is a directory cannot be read: an error, not a finding.
    @Test func unreadableDocumentIsAnError() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(atPath: scratch.path("bukti/sk-tim-2024.txt"), withIntermediateDirectories: true)
        let folder = try DocumentFolder(path: scratch.url.path)
        let problems = Inline.problems { _ = try EvidenceCheck().run(Self.load("fixtures/evidence-checks/clean.xml"), documents: folder) }
        #expect(problems.count == 1)
        #expect(problems.first?.message.contains("is a directory") == true)
    }

    @Test func periodEnd() {
        #expect(PeriodEnd(period: "2024")?.lastDay.description == "2024-12-31")
        #expect(PeriodEnd(period: "2024-rev1")?.cutoff(years: 5).description == "2019-12-31")
        #expect(PeriodEnd(period: "x") == nil)
    }
}
