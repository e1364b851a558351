import ArgumentParser
import SPBEAssess

/// `--jobs N`: how many files are read at once (default: every core).
struct JobsOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Jumlah berkas yang dibaca bersamaan (bawaan: jumlah inti prosesor). / Files read in parallel (default: the number of cores).", valueName: "N"))
    var jobs: Int?

    func validate() throws {
        if let jobs, !(1...Self.most).contains(jobs) {
            throw ValidationError(OutputLanguage.pick("--jobs harus dari 1 sampai \(Self.most), bukan \(jobs)", "--jobs must be from 1 to \(Self.most), not \(jobs)"))
        }
    }

    /// More threads than this only cost memory: each holds a parser and a validation context.
    static let most = 1024

    var count: Int { jobs ?? ParallelWork.defaultJobs }
}
