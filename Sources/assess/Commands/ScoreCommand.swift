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

    func run() throws {
        let set = try EvidenceSet(arguments: evidence, options: rubricOptions, jobs: jobs.count)
        let options = scoringFlags.options
        let cards = set.assessments.map { Scorer(rubric: $0.rubric, options: options).score($0.assessment) }
        let text = switch format {
        case .table: ScoreTable.render(cards, language: outputOptions.lang)
        case .json: try ScoreJSON.render(cards, language: outputOptions.lang)
        }
        try OutputFile.write(text, to: outputOptions.output, inputs: set.paths)
    }
}
