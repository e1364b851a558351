import ArgumentParser
import SPBEAssess

/// `assess aggregate INPUT…`: the instansi assessment assembled from its OPDs' files.
struct AggregateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aggregate",
        abstract: "Combine the OPD evidence files of one instansi into the instansi's evidence file.",
        discussion: """
            INPUT may be files or directories (scanned for *.xml). All files must be OPD files \
            (kind="opd") of one instansi, rubric, period and role, one per OPD. Each indicator's \
            level is combined with its rule (the rubric's, default min). The result is an evidence \
            file that `assess score` reads like any other; with --output, its score (domains, \
            aspects, pillars) is printed.
            """
    )

    @OptionGroup var rubricOptions: RubricOptions
    @OptionGroup var outputOptions: OutputOptions

    @Option(name: .long, help: "The instansi's name for <unit> (default: the instansi id).")
    var name: String?

    @Option(name: .long, help: ArgumentHelp("Combine every indicator with this rule instead of the rubric's: min, median, mean or max.", valueName: "RULE"))
    var rule: Aggregation?

    @Argument(help: ArgumentHelp("OPD evidence files or directories.", valueName: "INPUT"))
    var inputs: [String]

    func run() throws {
        let evidence = try OPDEvidence(arguments: inputs, options: rubricOptions, name: name, rule: rule,
                                       outputPath: outputOptions.output)
        let card = Scorer(rubric: evidence.rubric).score(evidence.result.assessment)
        let text = EvidenceWriter.write(evidence.result.assessment,
                                        comments: AggregateSummary.comments(evidence.result, card))
        try OutputFile.write(text, to: outputOptions.output, inputs: evidence.files.paths + rubricOptions.readPaths)
        if outputOptions.output != nil {
            try Console.out(ScoreTable.render([card], language: outputOptions.lang))
        }
    }
}
