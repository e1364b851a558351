import Foundation
import Testing
@testable import SPBEAssess

@Suite("assess compare and assess check", .serialized)
struct CompareCommandTests {
    static let selfFile = "fixtures/kab-ketapang-2024/kab-ketapang.xml"
    static let assessorFile = "fixtures/kab-ketapang-2024/review/asesor.xml"
    static let inspectorateFile = "fixtures/kab-ketapang-2024/review/inspektorat-review.xml"

    @Test func tableNamesWhatToActOn() throws {
        let result = try CLI.run("compare", Self.selfFile, Self.assessorFile, "--lang", "en")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("lowered by assessor (6): I33, I34, I35, I36, I42, I44"))
        #expect(result.stdout.contains("raised by assessor (1): I15"))
        #expect(result.stdout.contains("⚠ predicate changes"))
        #expect(result.stdout.contains("self–assessor  47  85.1%"))
        #expect(result.stdout.contains("kab-ketapang.xml:92:5: metWithoutDocument"))
    }

    /// The JSON shape the README documents; figures as in ComparisonTests (by hand there).
    @Test func json() throws {
        let result = try CLI.run("compare", Self.selfFile, Self.assessorFile, "--format", "json")
        #expect(result.status == 0, "\(result.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let units = try #require(root["units"] as? [[String: Any]])
        #expect(units.map { $0["role"] as? String } == ["self", "assessor"])
        let indicators = try #require(root["indicators"] as? [[String: Any]])
        #expect(indicators.count == 47)
        let i33 = try #require(indicators.first { $0["id"] as? String == "I33" })
        #expect(i33["levels"] as? [String: Int] == ["self": 4, "assessor": 3])
        #expect(i33["delta"] as? Int == -1)
        let claimed = try #require(i33["claimed"] as? [String: Any])
        #expect(claimed["self"] as? Int == 4 && claimed["assessor"] is NSNull)
        let agreement = try #require((root["agreement"] as? [[String: Any]])?.first)
        #expect(agreement["a"] as? String == "self" && agreement["b"] as? String == "assessor")
        #expect(abs((agreement["exact"] as? Double ?? 0) - 4000.0 / 47) < 1e-9)    // 40/47 as a percentage
        #expect(agreement["withinOne"] as? Double == 100)
        #expect(abs((agreement["meanAbsDiff"] as? Double ?? 0) - 7.0 / 47) < 1e-12)
        #expect(abs((agreement["kappa"] as? Double ?? 0) - 1848.0 / 2177) < 1e-12)
        let groups = try #require(root["groups"] as? [[String: Any]])
        #expect(groups.filter { $0["predicateChanged"] as? Bool == true }.count == 5)
    }

    @Test func markdown() throws {
        let result = try CLI.run("compare", Self.selfFile, Self.inspectorateFile, "--format", "md")
        #expect(result.status == 0)
        #expect(result.stdout.contains("## "))
        #expect(result.stdout.contains("| I16 | 3/3/3 | 1/1/1 | -2 |"))
    }

    struct FailCase: Sendable, CustomTestStringConvertible {
        let arguments: [String]
        let status: Int32
        var testDescription: String { arguments.dropFirst().joined(separator: " ") + " → \(status)" }
    }

    static let failCases: [FailCase] = [
        FailCase(arguments: ["compare", selfFile, assessorFile, "--fail-on", "overclaim"], status: 3),
        FailCase(arguments: ["compare", selfFile, assessorFile, "--fail-on", "delta:1"], status: 3),
        FailCase(arguments: ["compare", selfFile, assessorFile, "--fail-on", "delta:2"], status: 0),
        FailCase(arguments: ["compare", selfFile, inspectorateFile, "--fail-on", "delta:2"], status: 3),
        FailCase(arguments: ["compare", selfFile, assessorFile, "--fail-on", "missing-document"], status: 3),
        FailCase(arguments: ["compare", inspectorateFile, assessorFile, "--fail-on", "missing-document"], status: 0),
        FailCase(arguments: ["check", "fixtures/evidence-checks/clean.xml", "--fail-on", "missing-document", "--fail-on", "overclaim",
                             "--documents", "fixtures/evidence-checks"], status: 0),
        FailCase(arguments: ["check", "fixtures/evidence-checks/problems.xml", "--fail-on", "overclaim"], status: 3),
        FailCase(arguments: ["check", "fixtures/evidence-checks/problems.xml", "--fail-on", "missing-document"], status: 3),
    ]

    @Test("--fail-on exits 3 when the condition holds, 0 when not", arguments: failCases)
    func failOn(_ failCase: FailCase) throws {
        let (arguments, status) = (failCase.arguments, failCase.status)
        let result = try CLI.runArray(arguments)
        #expect(result.status == status, "\(result.stderr)")
        if status == 3 { #expect(result.stderr.contains("--fail-on condition met")) }
        #expect(!result.stdout.isEmpty)   // the report is written either way
    }

    /// clean.xml cites documents that exist with the declared hash; moving one file away makes it
    /// a missing document.
    @Test func missingFileFailsOnMissingDocument() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(atPath: scratch.path("bukti"), withIntermediateDirectories: true)
        for name in ["perbup-arsitektur-2023.txt", "notulen-2024.txt"] {
            try FileManager.default.copyItem(atPath: Repo.path("fixtures/evidence-checks/bukti/" + name), toPath: scratch.path("bukti/" + name))
        }
        let result = try CLI.run("check", "fixtures/evidence-checks/clean.xml", "--documents", scratch.url.path, "--fail-on", "missing-document")
        #expect(result.status == 3)
        #expect(result.stdout.contains("clean.xml:15:3: fileMissing"))
    }

    @Test("bad input exits 1 with a message", arguments: [
        (["compare", selfFile, selfFile], "the same file is given twice"),
        (["compare", selfFile, "fixtures/kab-ketapang-2024/diskominfo.xml"], "role 'self' is also the role of"),
        (["compare", selfFile, "rubrics/spbe-2020.xml"], "this is a rubric, expected an evidence file"),
        (["compare", selfFile, assessorFile, "--documents", "fixtures/none"], "--documents folder does not exist"),
        (["check", selfFile, "--documents", "README.md"], "--documents must name a directory"),
        (["check", "fixtures/invalid/malformed.xml"], "malformed.xml"),
    ])
    func badInput(arguments: [String], message: String) throws {
        let result = try CLI.runArray(arguments)
        #expect(result.status == 1)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test("usage errors exit 2", arguments: [
        ["compare", selfFile], ["compare", selfFile, assessorFile, inspectorateFile, selfFile],
        ["compare", selfFile, assessorFile, "--fail-on", "delta:x"], ["check", selfFile, "--fail-on", "delta:1"],
        ["check", selfFile, "--format", "csv"], ["check", selfFile, "--max-age-years", "-1"],
    ])
    func usage(arguments: [String]) throws {
        #expect(try CLI.runArray(arguments).status == 2)
    }

    /// The report is written (atomically) before --fail-on ends the run with 3.
    @Test func outputFileThenFailOn() throws {
        let scratch = try Scratch()
        let target = scratch.path("review.md")
        let result = try CLI.run("compare", "--lang", "id", Self.selfFile, Self.assessorFile, "--format", "md", "--output", target, "--fail-on", "delta:1")
        #expect(result.status == 3)
        #expect(result.stdout.isEmpty)
        let written = try String(contentsOfFile: target, encoding: .utf8)
        // Roles named in Indonesian (the default language): mandiri, not the file's id "self".
        #expect(written.contains("| I33 | 4/4/4 | –/3/3 | -1 | -0,028 | I33.L4.a (mandiri), I33.L4.b (mandiri) |"))
    }

    @Test func checkJSON() throws {
        let result = try CLI.run("check", "fixtures/evidence-checks/problems.xml", "--documents", "fixtures/evidence-checks", "--format", "json")
        #expect(result.status == 0)
        let files = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let findings = try #require(files.first?["findings"] as? [[String: Any]])
        #expect(findings.count == 10)
        let first = try #require(findings.first)
        #expect(first["kind"] as? String == "metWithoutDocument")
        #expect(first["line"] as? Int == 7 && first["column"] as? Int == 5)
        #expect(files.first?["overclaims"] as? [String] == ["I01"])
    }
}
