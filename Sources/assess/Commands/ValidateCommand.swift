import ArgumentParser
import SPBEAssess

/// `assess validate FILE…`: checks rubrics and evidence files and prints every problem.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check rubrics and evidence files; print every problem as file:line:col: error: message.",
        discussion: "Directories are scanned for *.xml files. Exit 1 if any file has an error; warnings alone exit 0."
    )

    @OptionGroup var rubricOptions: RubricOptions

    @Flag(name: .shortAndLong, help: "Print nothing for valid files.")
    var quiet = false

    @OptionGroup var jobs: JobsOption

    @Argument(help: ArgumentHelp("Rubric or evidence files, or directories of them.", valueName: "FILE"))
    var files: [String]

    func run() throws {
        // Expand each argument on its own, so an empty directory does not hide the other files' problems.
        var paths: [String] = []
        var invalid = 0
        for argument in files {
            do { paths += try InputPaths.expand([argument]) } catch {
                Console.report(error.diagnostics)
                invalid += 1
            }
        }
        let catalog = rubricOptions.catalog()
        let (directory, limits) = (catalog.directory, catalog.limits)
        let outcomes = FileValidator.validate(paths: paths, jobs: jobs.count, rubricOverride: rubricOptions.rubric) {
            RubricCatalog(directory: directory, limits: limits)
        }
        for outcome in outcomes {
            Console.report(outcome.diagnostics)
            if outcome.isValid {
                if !quiet { try Console.out("\(TerminalText.escapeLine(outcome.path)): ok (\(outcome.kind?.rawValue ?? "?"))\n") }
            } else {
                invalid += 1
            }
        }
        if invalid > 0 {
            Console.error("\(invalid) invalid input\(invalid == 1 ? "" : "s")")
            throw ExitStatus.invalidInput.exitCode
        }
    }
}
