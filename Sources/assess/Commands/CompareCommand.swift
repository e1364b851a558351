import ArgumentParser
import SPBEAssess

/// `assess compare A B [C]`: self, inspectorate and assessor views of one unit, side by side.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two or three assessments of one unit (self, inspectorate, assessor): levels, indices, agreement, evidence.",
        discussion: """
            The files must be for one unit, rubric and period (--force compares anyway) and by different roles. \
            Sides are shown in role order (self, inspectorate, assessor); a delta is the later side minus the earlier.
            """
    )

    @OptionGroup var rubricOptions: RubricOptions
    @OptionGroup var outputOptions: OutputOptions
    @OptionGroup var reviewOptions: ReviewOptions

    @Flag(name: .long, help: "Compare even when unit, rubric or period differ.")
    var force = false

    @Argument(help: ArgumentHelp("Two or three evidence files.", valueName: "EVIDENCE"))
    var evidence: [String]

    func validate() throws {
        guard (2...3).contains(evidence.count) else {
            throw ValidationError("compare takes two or three evidence files, not \(evidence.count)")
        }
    }

    func run() throws {
        let folder = try reviewOptions.folder()
        let set = try EvidenceSet(arguments: evidence, options: rubricOptions)
        let cards = set.assessments.map { Scorer(rubric: $0.rubric, options: reviewOptions.scoring).score($0.assessment) }
        let comparison: Comparison
        do { comparison = try Comparison(cards, force: force) } catch { throw Console.fail(error) }
        let findings = try reviewOptions.findings(for: comparison.sides, folder: folder)
        let lang = outputOptions.lang
        let text = switch reviewOptions.format {
        case .table: CompareReport(comparison, findings: findings, language: lang).render(.table)
        case .md: CompareReport(comparison, findings: findings, language: lang).render(.markdown)
        case .json: try CompareJSON.render(comparison, findings: findings, language: lang)
        }
        try OutputFile.write(text, to: outputOptions.output, inputs: set.paths + rubricOptions.readPaths + reviewOptions.citedFiles(cards))
        try reviewOptions.enforce(cards: comparison.sides, findings: findings.flatMap { $0 }, comparison: comparison)
    }
}
