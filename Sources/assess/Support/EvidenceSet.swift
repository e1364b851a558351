import SPBEAssess

/// Loads every evidence file named on the command line with its rubric, reporting the problems
/// of all files before giving up, so one run shows everything to fix.
struct EvidenceSet {
    let assessments: [(assessment: Assessment, rubric: Rubric)]
    let paths: [String]

    init(arguments: [String], options: RubricOptions) throws {
        let paths: [String]
        do { paths = try InputPaths.expand(arguments) } catch { throw Console.fail(error) }
        let catalog = options.catalog()
        let validator = FileValidator(catalog: catalog, rubricOverride: options.rubric)
        var loaded: [(Assessment, Rubric)] = []
        var problems: [Diagnostic] = []
        for path in paths {
            do throws(LoadError) {
                let file = try catalog.evidenceLoader().open(path: path)
                let rubric = try validator.rubric(for: file)
                loaded.append((try file.assessment(against: rubric), rubric))
            } catch {
                problems += error.diagnostics
            }
        }
        if !problems.isEmpty { throw Console.fail(LoadError(problems)) }
        self.assessments = loaded
        self.paths = paths
    }
}
