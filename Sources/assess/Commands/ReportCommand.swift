import ArgumentParser
import Foundation
import SPBEAssess
import SPBEReport

/// `assess report EVIDENCE… --format html --output FILE`: the report people read.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "A report for people: one self-contained HTML page with charts, Markdown, CSV for spreadsheets, or JSON.",
        discussion: """
            With several evidence files (a regency's OPDs) the HTML page opens with an OPD × indicator \
            heatmap. With --target each unit gets its roadmap. CSV: 'csv' is one row per unit and \
            indicator, 'csv-indices' one row per unit; --csv-dialect indonesian writes ';' and \
            decimal commas for Excel under Indonesian regional settings.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case html, md, csv, csvIndices = "csv-indices", json }

    @OptionGroup var rubricOptions: RubricOptions
    @OptionGroup var outputOptions: OutputOptions

    @Option(name: .long, help: "Output format: html, md, csv, csv-indices or json.")
    var format: Format = .html

    @Option(name: .long, help: ArgumentHelp("Target index or predicate: adds each unit's roadmap.", valueName: "VALUE"))
    var target: String?

    @Option(name: .long, help: ArgumentHelp("Another role's assessment of the same unit (inspectorate, assessor): adds the comparison (repeatable, at most two).", valueName: "FILE"))
    var compare: [String] = []

    @Option(name: .long, help: "CSV dialect: international (',' and decimal point) or indonesian (';' and decimal comma).")
    var csvDialect: CSVReport.Dialect = .international

    @OptionGroup var scoringFlags: ScoringFlags

    @Argument(help: ArgumentHelp("Evidence files or directories.", valueName: "EVIDENCE"))
    var evidence: [String]

    func run() throws {
        let set = try EvidenceSet(arguments: evidence, options: rubricOptions)
        let options = scoringFlags.options
        let cards = set.assessments.map { Scorer(rubric: $0.rubric, options: options).score($0.assessment) }
        var plans: [String: GapPlan] = [:]
        if let target {
            for card in cards {
                switch GapTarget.parse(target, rubric: card.rubric) {
                case .success(let goal):
                    guard GapPlanner().withinBound(card, target: goal) else {
                        throw Console.fail(LoadError([GapCommand.tooLarge(card.rubric, card.assessment.path)]))
                    }
                    plans[card.assessment.path] = GapPlanner().plan(card, target: goal)
                case .failure(let error): throw Console.fail(LoadError([Diagnostic(.levelOutOfRange, file: "--target", error.description)]))
                }
            }
        }
        var compareSet: [String] = []
        var input = ReportInput(cards: cards, plans: plans, language: outputOptions.lang)
        if !compare.isEmpty {
            let otherSet = try EvidenceSet(arguments: compare, options: rubricOptions)
            compareSet = otherSet.paths
            let others = otherSet.assessments
                .map { Scorer(rubric: $0.rubric, options: scoringFlags.options).score($0.assessment) }
            guard let base = cards.first(where: { card in others.allSatisfy { $0.assessment.unit.id == card.assessment.unit.id } }) else {
                throw ValidationError("--compare files are of another unit than the evidence")
            }
            do { input.comparison = try Comparison([base] + others) } catch { throw Console.fail(error) }
        }
        // One unit over several periods: its trend, across rubric changes through the crosswalk.
        let units = Set(cards.map(\.assessment.unit.id))
        if cards.count > 1, units.count == 1, Set(cards.map(\.assessment.period)).count == cards.count {
            do { input.trend = try rubricOptions.trend(of: cards, crosswalks: []) } catch { throw Console.fail(error) }
        }
        // A regency's OPD files: add the aggregated instansi and the readiness ranking.
        let opds = set.assessments.map(\.assessment)
        if input.trend == nil, opds.count > 1, opds.allSatisfy({ $0.unit.kind == .opd }), let rubric = set.assessments.first?.rubric,
           let result = try? Aggregator(rubric: rubric).aggregate(opds, name: nil, path: "<aggregate>") {
            let regency = Scorer(rubric: rubric, options: options).score(result.assessment)
            input.regency = regency
            input.readiness = Readiness(rubric: rubric, options: options).assess(opds)
            if let target, case .success(let goal) = GapTarget.parse(target, rubric: rubric), GapPlanner().withinBound(regency, target: goal) {
                input.plans[regency.assessment.path] = GapPlanner().plan(regency, target: goal)
            }
        }
        let text: String = switch format {
        case .html: HTMLReport.render(input)
        case .md: MarkdownReport.render(input)
        case .csv: CSVReport.indicators(input, dialect: csvDialect)
        case .csvIndices: CSVReport.indices(input, dialect: csvDialect)
        case .json: try ReportJSON.render(cards, plans: plans, language: outputOptions.lang)
        }
        try OutputFile.write(text, to: outputOptions.output, inputs: set.paths + compareSet + rubricOptions.readPaths)
    }
}

extension CSVReport.Dialect: ExpressibleByArgument {}

/// `assess report --format json`: each unit's score (as `assess score`) with its plan (as `assess gap`).
struct ReportJSON: Encodable {
    let score: ScoreJSON
    let gap: GapJSON?

    static func render(_ cards: [Scorecard], plans: [String: GapPlan], language: Language) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let units = cards.map { ReportJSON(score: ScoreJSON($0, language: language),
                                           gap: plans[$0.assessment.path].map { GapJSON($0, language: language) }) }
        return String(decoding: try encoder.encode(["units": units]), as: UTF8.self) + "\n"
    }
}
