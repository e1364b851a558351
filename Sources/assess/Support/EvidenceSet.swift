import SPBEAssess
import SPBEWorkbook

/// Loads every evidence file named on the command line with its rubric, reporting the problems
/// of all files before giving up, so one run shows everything to fix. Files are read by the
/// streaming reader on `jobs` threads; results keep the order of the arguments.
struct EvidenceSet {
    let assessments: [(assessment: Assessment, rubric: Rubric)]
    let paths: [String]

    init(arguments: [String], options: RubricOptions, jobs: Int = ParallelWork.defaultJobs) throws {
        let paths: [String]
        do { paths = try InputPaths.expand(arguments) } catch { throw Console.fail(error) }
        let resolver = RubricResolver(catalog: options.catalog(), rubricOverride: options.rubric)
        let reader: StreamingEvidenceReader
        do { reader = try StreamingEvidenceReader(resolver: resolver, workbooks: WorkbookEvidenceReader()) } catch { throw Console.fail(error) }
        let results = reader.read(paths: paths, jobs: jobs) { _, result in result }
        var loaded: [(Assessment, Rubric)] = []
        var problems: [Diagnostic] = []
        for result in results {
            switch result {
            case .success(let file): loaded.append((file.assessment, file.rubric))
            case .failure(let error): problems += error.diagnostics
            }
        }
        if !problems.isEmpty { throw Console.fail(LoadError(problems)) }
        self.assessments = loaded
        self.paths = paths
    }
}
