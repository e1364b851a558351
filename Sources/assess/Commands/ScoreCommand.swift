import ArgumentParser
import SPBEAssess

/// `assess score EVIDENCE…`: index and predicate for each unit.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Index and predicate for each unit, with domain, aspect and pillar indices and overclaims.",
        discussion: "EVIDENCE may be files or directories (scanned for *.xml, in sorted order)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @OptionGroup var rubricOptions: RubricOptions
    @OptionGroup var outputOptions: OutputOptions

    @Option(name: .long, help: "Output format: table or json.")
    var format: Format = .table

    @OptionGroup var scoringFlags: ScoringFlags
    @OptionGroup var jobs: JobsOption

    @Argument(help: ArgumentHelp("Evidence files or directories.", valueName: "EVIDENCE"))
    var evidence: [String]

    /// Files are read, scored and rendered this many at a time, so memory holds one batch of
    /// assessments however many files there are.
    static let batchSize = 1024

    func run() throws {
        let paths: [String]
        do { paths = try InputPaths.expand(evidence) } catch { throw Console.fail(error) }
        let resolver = RubricResolver(catalog: rubricOptions.catalog(), rubricOverride: rubricOptions.rubric)
        let reader: StreamingEvidenceReader
        do { reader = try StreamingEvidenceReader(resolver: resolver) } catch { throw Console.fail(error) }
        let spool = try OutputSpool(target: OutputFile(outputOptions.output, reads: paths + rubricOptions.readPaths))
        let options = scoringFlags.options
        var problems: [Diagnostic] = []
        var written = 0
        for start in stride(from: 0, to: paths.count, by: Self.batchSize) {
            let batch = Array(paths[start..<min(paths.count, start + Self.batchSize)])
            let results = reader.read(paths: batch, jobs: jobs.count) { _, result in
                result.map { Scorer(rubric: $0.rubric, options: options).score($0.assessment) }
            }
            var cards: [Scorecard] = []
            for result in results {
                switch result {
                case .success(let card): cards.append(card)
                case .failure(let error): problems += error.diagnostics
                }
            }
            // Once a file is invalid nothing will be shown; keep reading to report every problem.
            guard problems.isEmpty else { continue }
            try spool.append(try piece(cards, first: written == 0))
            written += cards.count
        }
        if !problems.isEmpty { throw Console.fail(LoadError(problems)) }
        try spool.append(format == .json ? "\n]\n" : "\n")
        try spool.commit()
    }

    /// One batch's part of the output; the parts join into exactly what rendering every card at
    /// once gives (units separated by a blank line; one JSON array).
    private func piece(_ cards: [Scorecard], first: Bool) throws -> String {
        switch format {
        case .table:
            return (first ? "" : "\n\n") + ScoreTable.render(cards, language: outputOptions.lang).dropLast()
        case .json:
            // The batch's array without its brackets: "[\n" … "\n]\n".
            let array = try ScoreJSON.render(cards, language: outputOptions.lang)
            let body = array.dropFirst(2).dropLast(3)
            return (first ? "[\n" : ",\n") + body
        }
    }
}
