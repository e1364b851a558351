import ArgumentParser
import SPBEAssess

/// `--jobs N`: how many files are read at once (default: every core).
struct JobsOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Jumlah berkas yang dibaca bersamaan (bawaan: jumlah inti prosesor). / Files read in parallel (default: the number of cores).", valueName: "N"))
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError(OutputLanguage.pick("--jobs sekurang-kurangnya 1", "--jobs must be at least 1")) }
    }

    var count: Int { jobs ?? ParallelWork.defaultJobs }
}
