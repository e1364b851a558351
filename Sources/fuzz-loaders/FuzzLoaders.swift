import Foundation
import SPBEAssess
import SPBEWorkbook

/// Fuzz target over the rubric loader and the evidence loader + scorer + gap planner.
///
/// Built by `scripts/fuzz` with `-sanitize=fuzzer,address -DFUZZING`, libFuzzer's driver calls
/// the harness with each input. Built normally it is a replay tool:
/// `swift run fuzz-loaders FILE…` runs the same harness on saved inputs (crash regressions).
enum FuzzHarness {
    /// The loaders and the SPBE 2020 rubric, built once from the rubrics directory.
    static let directory = ProcessInfo.processInfo.environment["SPBE_ASSESS_RUBRICS"] ?? "rubrics"
    static let (rubrics, evidence, spbe): (RubricLoader, EvidenceLoader, Rubric) = {
        let catalog = RubricCatalog(directory: directory)
        return (try! catalog.rubricLoader(), try! catalog.evidenceLoader(), try! catalog.rubric("spbe-2020"))
    }()
    /// The streaming reader, checking every file against SPBE 2020 as the DOM path below does.
    static let stream = try! StreamingEvidenceReader(
        resolver: RubricResolver(catalog: RubricCatalog(directory: directory), rubricOverride: "spbe-2020"))

    /// The streaming reader must mean what the DOM loader means: the same diagnostics, or the
    /// same assessment.
    static func checkStreamAgrees(_ bytes: [UInt8]) {
        let dom: Result<Assessment, LoadError> = Result { () throws(LoadError) in
            try evidence.open(bytes: bytes, path: "fuzz.xml").assessment(against: spbe)
        }
        let streamed: Result<Assessment, LoadError> = Result { () throws(LoadError) in
            try stream.assessment(bytes: bytes, path: "fuzz.xml")
        }
        switch (dom, streamed) {
        case (.failure(let a), .failure(let b)):
            precondition(a.diagnostics == b.diagnostics, "stream and DOM report different problems")
        case (.success(let a), .success(let b)):
            precondition(a.unit == b.unit && a.answers == b.answers && a.documents == b.documents
                         && a.warnings == b.warnings && a.period == b.period && a.role == b.role,
                         "stream and DOM read different assessments")
        default:
            preconditionFailure("one of stream and DOM accepted the file, the other refused it")
        }
    }

    /// The workbook reader with small limits, so a fuzzed ZIP cannot spend long inflating.
    static let workbooks = WorkbookEvidenceReader(limits: WorkbookLimits(maxEntries: 64, maxEntryBytes: 4 << 20,
                                                                         maxTotalBytes: 16 << 20, maxRows: 2000))

    /// A workbook must import to a record the checker accepts or refuses, and any accepted one
    /// must score in range.
    static func checkWorkbook(_ bytes: [UInt8]) {
        guard let records = try? workbooks.records(bytes: bytes, path: "fuzz.xlsx") else { return }
        for record in records {
            guard let loaded = try? stream.loaded(record: record, path: "fuzz.xlsx") else { continue }
            let card = Scorer(rubric: loaded.rubric).score(loaded.assessment)
            precondition(card.index.hundredths >= 0 && card.index.hundredths <= 500, "index out of range")
        }
    }

    /// A loaded rubric must be usable: an empty assessment and a full one score within its
    /// scale, and the planner reaches the top predicate from nothing (or says it cannot).
    static func exercise(_ rubric: Rubric) {
        let unit = "<unit id=\"u\" kind=\"opd\">U</unit>"
        func assessment(_ answers: String) -> Assessment? {
            let xml = "<assessment xmlns=\"urn:spbe-assess:evidence:1\" rubric=\"\(rubric.id)\" period=\"2024\" role=\"self\">\(unit)\(answers)</assessment>"
            return try? evidence.open(bytes: Array(xml.utf8), path: "fuzz-evidence.xml").assessment(against: rubric)
        }
        let top = rubric.indicators.map { "<answer indicator=\"\($0.id)\" claimed=\"\($0.levels.count)\"/>" }.joined()
        for (answers, options) in [("", ScoringOptions()), (top, ScoringOptions(requireEvidence: false, trustClaims: true))] {
            guard let assessment = assessment(answers) else { continue }
            let card = Scorer(rubric: rubric, options: options).score(assessment)
            let highest = rubric.indicators.map(\.levels.count).max() ?? 0
            precondition(card.index.hundredths >= 0 && card.index.hundredths <= highest * 100, "index outside the rubric's scale")
            _ = rubric.predicate(for: card.index)
            // The planner refuses plans beyond its bound (tested elsewhere); here plans stay well
            // inside it so one fuzzed rubric cannot spend the whole timeout under the sanitizer.
            let goal = GapTarget.index(hundredths: min(highest * 100, card.index.hundredths + 50))
            guard GapPlanner().pointBound(card, target: goal) <= 1_000_000 else { continue }
            let plan = GapPlanner().plan(card, target: goal)
            precondition(!plan.reachable || plan.projected >= card.index, "a plan lowered the index")
        }
    }

    static func run(_ bytes: [UInt8]) {
        checkWorkbook(bytes)
        checkStreamAgrees(bytes)
        if let rubric = try? rubrics.load(bytes: bytes, path: "fuzz.xml") { exercise(rubric) }
        guard let file = try? evidence.open(bytes: bytes, path: "fuzz.xml"),
              let assessment = try? file.assessment(against: spbe) else { return }
        for options in [ScoringOptions(), ScoringOptions(requireEvidence: false, trustClaims: true)] {
            let card = Scorer(rubric: spbe, options: options).score(assessment)
            precondition(card.index.hundredths >= 0 && card.index.hundredths <= 500, "index out of range")
            let plan = GapPlanner().plan(card, target: .index(hundredths: 350))
            precondition(plan.projected.hundredths >= 350 || !plan.reachable, "a reachable plan fell short")
        }
    }
}

#if FUZZING
/// libFuzzer's driver, run from our own entry point: SwiftPM gives every executable target a
/// `main`, so libFuzzer's must stay unused.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@main
struct FuzzMain {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv) { data, size in
            FuzzHarness.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
            return 0
        })
    }
}
#else
@main
struct Replay {
    static func main() throws {
        for path in CommandLine.arguments.dropFirst() {
            FuzzHarness.run(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
            print("\(path): ok")
        }
    }
}
#endif
