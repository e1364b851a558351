import ArgumentParser
import Foundation
import SPBEAssess

/// `assess trend FILE…`: one unit over several periods, possibly under different rubrics.
struct TrendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trend",
        abstract: "One unit over several periods: index and predicate per period, and what rose or fell.",
        discussion: """
            Files are ordered by period. Between periods under one rubric, aspect/domain indices and \
            indicator levels are compared directly; across a rubric change the earlier file is \
            migrated in memory through the crosswalk (crosswalk-FROM-TO.xml in the rubrics \
            directory, or --crosswalk) and the comparison carries a caveat. Files of different \
            units, or two files of one period, are an error (exit 1).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, md, json }

    @OptionGroup var rubricOptions: RubricOptions
    @OptionGroup var outputOptions: OutputOptions

    @Option(name: .long, help: "Output format: table, md or json.")
    var format: Format = .table

    @Option(name: .long, help: ArgumentHelp("Crosswalk to use across a rubric change (repeatable).", valueName: "FILE"))
    var crosswalk: [String] = []

    @OptionGroup var scoringFlags: ScoringFlags

    @Argument(help: ArgumentHelp("Evidence files (or directories) of one unit, one per period.", valueName: "FILE"))
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one evidence file (one per period)") }
    }

    func run() throws {
        let set = try EvidenceSet(arguments: files, options: rubricOptions)
        let options = scoringFlags.options
        let cards = set.assessments.map { Scorer(rubric: $0.rubric, options: options).score($0.assessment) }
        let trend: Trend
        do { trend = try rubricOptions.trend(of: cards, crosswalks: crosswalk) } catch { throw Console.fail(error) }
        let text = switch format {
        case .table: TrendText.render(trend, language: outputOptions.lang, markdown: false)
        case .md: TrendText.render(trend, language: outputOptions.lang, markdown: true)
        case .json: try TrendJSON.render(trend, language: outputOptions.lang)
        }
        try OutputFile.write(text, to: outputOptions.output, inputs: set.paths + crosswalk + rubricOptions.readPaths)
    }
}
