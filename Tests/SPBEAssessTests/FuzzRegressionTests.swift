import Foundation
import Testing
@testable import SPBEAssess
import SPBEWorkbook

/// Replays every saved fuzzer input (fuzz/regressions/) through the loaders and the scorer: each
/// must end in a value or a LoadError, never a crash.
@Suite("Fuzzer regressions")
struct FuzzRegressionTests {
    static let inputs: [String] = {
        let directory = Repo.path("fuzz/regressions")
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0 != "README.md" }.sorted()
    }()

    /// Without this, a missing or emptied folder would replay nothing and pass.
    @Test("fuzz/regressions holds the saved inputs")
    func folderIsThere() {
        #expect(Self.inputs.count >= 4, "fuzz/regressions is missing or empty: \(Self.inputs)")
    }

    static let stream = try! StreamingEvidenceReader(
        resolver: RubricResolver(catalog: RubricCatalog(directory: Repo.rubricsDirectory), rubricOverride: "spbe-2020"))

    @Test("each saved input is refused with located diagnostics, or loads, scores and plans; both readers agree",
          arguments: inputs)
    func replay(name: String) throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Repo.path("fuzz/regressions/\(name)"))))
        let rubric = Result { () throws(LoadError) in try RubricLoader(schema: Repo.rubricSchema).load(bytes: bytes, path: name) }
        let dom = Result { () throws(LoadError) in
            try EvidenceLoader(schema: Repo.evidenceSchema).open(bytes: bytes, path: name).assessment(against: Repo.spbe2020)
        }
        let streamed = Result { () throws(LoadError) in try Self.stream.assessment(bytes: bytes, path: name) }
        for case .failure(let error) in [rubric.map { _ in () }, dom.map { _ in () }, streamed.map { _ in () }] {
            #expect(!error.diagnostics.isEmpty, "a refusal must say why")
            #expect(error.diagnostics.allSatisfy { $0.file == name && !$0.message.isEmpty })
        }
        switch (dom, streamed) {
        case (.failure(let a), .failure(let b)):
            #expect(a.diagnostics == b.diagnostics)
        case (.success(let a), .success(let b)):
            #expect(a.answers == b.answers && a.documents == b.documents && a.unit == b.unit)
            let card = Scorer(rubric: Repo.spbe2020).score(a)
            #expect((0...500).contains(card.index.hundredths))
            let plan = GapPlanner().plan(card, target: .index(hundredths: 350))
            #expect(plan.reachable && plan.projected.hundredths >= 350 || plan.alreadyMet)
        default:
            Issue.record("the DOM and the streaming reader disagree on \(name)")
        // Workbook seeds (xlsx-*) go through the workbook reader and the checker.
        if let records = try? WorkbookEvidenceReader().records(bytes: bytes, path: name) {
            let reader = try Repo.withCatalog { try StreamingEvidenceReader(resolver: RubricResolver(catalog: $0)) }
            for record in records {
                if let loaded = try? reader.loaded(record: record, path: name) {
                    #expect(Scorer(rubric: loaded.rubric).score(loaded.assessment).index.hundredths <= 500)
                }
            }
        }
        }
    }

    @Test("the in-memory loaders agree with the file loaders on every fixture")
    func bytesAndFilesAgree() throws {
        for name in ["bappeda", "kab-ketapang"] {
            let path = Repo.path("fixtures/kab-ketapang-2024/\(name).xml")
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            let fromBytes = try EvidenceLoader(schema: Repo.evidenceSchema).open(bytes: bytes, path: path).assessment(against: Repo.spbe2020)
            let fromFile = try EvidenceLoader(schema: Repo.evidenceSchema).open(path: path).assessment(against: Repo.spbe2020)
            #expect(fromBytes.answers == fromFile.answers)
            #expect(fromBytes.documents == fromFile.documents)
        }
    }

    /// The fuzzer's first find: a message with several `{…}` after a multi-byte character made
    /// the cleaner use an index invalidated by its own edit, and trap.
    @Test("libxml2 messages lose namespaces, keep value sets, and never trap")
    func messageCleaning() {
        let raw = strdup("Element '{urn:spbe-assess:evidence:1}⽡nswer', '{urn:x}b': not in {'self', 'assessor'}.\nBytes: 0xFF\n")
        defer { free(raw) }
        #expect(LibXML.cleanMessage(raw) == "Element '⽡nswer', 'b': not in {'self', 'assessor'}.; Bytes: 0xFF")
    }
}
