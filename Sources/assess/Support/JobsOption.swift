import ArgumentParser
import SPBEAssess

/// `--jobs N`: how many files are read at once (default: every core).
struct JobsOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Files read in parallel (default: the number of cores).", valueName: "N"))
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    var count: Int { jobs ?? ParallelWork.defaultJobs }
}
