import ArgumentParser
import SPBEAssess

/// `assess summary DIR…`: the national (or provincial) picture of a tree of evidence files.
struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Index and predicate of every instansi, predicates per province, mean and median, weakest indicators.",
        discussion: """
            DIR is scanned recursively (province/instansi/opd.xml). An instansi's own file \
            (kind="instansi") stands for it; otherwise its OPD files in one directory are combined \
            by unit/@instansi with the rubric's aggregation rules. Invalid files are listed and \
            counted and the rest is summarised; the exit code is then 1.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv }

    @OptionGroup var rubricOptions: RubricOptions
    @OptionGroup var outputOptions: OutputOptions
    @OptionGroup var scoringFlags: ScoringFlags
    @OptionGroup var jobs: JobsOption

    @Option(name: .long, help: "Output format: table, json or csv (one row per instansi).")
    var format: Format = .table

    @Argument(help: ArgumentHelp("Directories (or files) of evidence.", valueName: "DIR"))
    var directories: [String]

    func run() throws {
        let (files, scanProblems) = EvidenceTree.scan(directories)
        let resolver = RubricResolver(catalog: rubricOptions.catalog(), rubricOverride: rubricOptions.rubric)
        let reader: StreamingEvidenceReader
        do { reader = try StreamingEvidenceReader(resolver: resolver) } catch { throw Console.fail(error) }
        let builder = SummaryBuilder(reader: reader, options: scoringFlags.options, jobs: jobs.count)
        let progress = ProgressLine(total: files.count)
        let summary: NationalSummary
        do {
            summary = try builder.summarize(files, progress: progress.update)
            progress.finish()
        } catch {
            progress.finish()
            Console.report(scanProblems)
            guard case .noValidEvidence(let invalid) = error else { throw error }
            Console.report(invalid.flatMap(\.diagnostics))
            Console.error("no valid evidence file to summarise (\(files.count) files read)")
            throw ExitStatus.invalidInput.exitCode
        }
        let text = switch format {
        case .table: SummaryTable.render(summary, language: outputOptions.lang)
        case .json: try SummaryJSON.render(summary, language: outputOptions.lang)
        case .csv: SummaryCSV.render(summary, language: outputOptions.lang)
        }
        try OutputFile.write(text, to: outputOptions.output, inputs: files.map(\.path) + rubricOptions.readPaths)

        let problems = scanProblems + summary.invalidFiles.flatMap(\.diagnostics) + summary.aggregationProblems
        Console.report(problems)
        let invalid = summary.invalidFiles.count + scanProblems.count
        if invalid > 0 || !summary.aggregationProblems.isEmpty {
            Console.error(outputOptions.lang.pick(
                "\(invalid) dari \(summary.fileCount) berkas tidak valid; \(summary.aggregationProblems.count) masalah agregasi",
                "\(invalid) of \(summary.fileCount) files invalid; \(summary.aggregationProblems.count) aggregation problems"))
            throw ExitStatus.invalidInput.exitCode
        }
    }
}
