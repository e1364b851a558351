import Foundation
import SPBEAssess

/// Fuzz target over the rubric loader and the evidence loader + scorer + gap planner.
///
/// Built by `scripts/fuzz` with `-sanitize=fuzzer,address -DFUZZING`, libFuzzer's driver calls
/// the harness with each input. Built normally it is a replay tool:
/// `swift run fuzz-loaders FILE…` runs the same harness on saved inputs (crash regressions).
enum FuzzHarness {
    /// The loaders and the SPBE 2020 rubric, built once from the rubrics directory.
    static let (rubrics, evidence, spbe): (RubricLoader, EvidenceLoader, Rubric) = {
        let catalog = RubricCatalog(directory: ProcessInfo.processInfo.environment["SPBE_ASSESS_RUBRICS"] ?? "rubrics")
        return (try! catalog.rubricLoader(), try! catalog.evidenceLoader(), try! catalog.rubric("spbe-2020"))
    }()

    static func run(_ bytes: [UInt8]) {
        if let rubric = try? rubrics.load(bytes: bytes, path: "fuzz.xml") {
            _ = Scorer(rubric: rubric).score  // a loaded rubric must be usable
            _ = rubric.predicate(for: .zero)
        }
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
