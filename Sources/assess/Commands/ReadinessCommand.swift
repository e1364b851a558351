import ArgumentParser
import SPBEAssess

/// `assess readiness INPUT…`: which OPDs are behind, and who has not submitted.
struct ReadinessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "readiness",
        abstract: "OPD readiness table: each OPD's index over the indicators it owns or answered, ranked lowest first.",
        discussion: """
            INPUT: the OPD evidence files of one instansi (files or directories), as for `assess \
            aggregate`. Owner roles of the rubric that no file plays are listed as not submitted. \
            The instansi's aggregated index and pillar indices head the table.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, md, json }

    @OptionGroup var rubricOptions: RubricOptions
    @OptionGroup var outputOptions: OutputOptions

    @Option(name: .long, help: "Output format: table, md or json.")
    var format: Format = .table

    @Option(name: .long, help: "The instansi's name (default: the instansi id).")
    var name: String?

    @Option(name: .long, help: ArgumentHelp("The instansi's OPD list (CSV: id,name,roles, as for `assess template`): names, and OPDs without a file.", valueName: "FILE.csv"))
    var opds: String?

    @Argument(help: ArgumentHelp("OPD evidence files or directories.", valueName: "INPUT"))
    var inputs: [String]

    func run() throws {
        let evidence = try OPDEvidence(arguments: inputs, options: rubricOptions, name: name, rule: nil, outputPath: nil)
        var expected: [OPDEntry] = []
        if let opds {
            do { expected = try OPDList.load(path: opds) } catch { throw Console.fail(error) }
        }
        let report = Readiness(rubric: evidence.rubric).assess(evidence.opds, expected: expected)
        let instansi = Scorer(rubric: evidence.rubric).score(evidence.result.assessment)
        let text = switch format {
        case .table: ReadinessTable.render(report, instansi: instansi, language: outputOptions.lang, markdown: false)
        case .md: ReadinessTable.render(report, instansi: instansi, language: outputOptions.lang, markdown: true)
        case .json: try ReadinessJSON.render(report, instansi: instansi, language: outputOptions.lang)
        }
        try OutputFile.write(text, to: outputOptions.output, inputs: evidence.files.paths + rubricOptions.readPaths + [opds].compactMap { $0 })
    }
}
