import ArgumentParser
import Foundation
import SPBEAssess

/// `assess gap EVIDENCE --target VALUE`: the least-effort way to a target index or predicate.
struct GapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gap",
        abstract: "What it takes to reach a target index or predicate: the optimal steps, in order.",
        discussion: """
            The plan has the least total effort that reaches the target (exact, not a heuristic). \
            With --budget it is the highest index within that effort. A target is reached when the \
            index rounded half-up to two decimals is at least the target, as predicates are assigned.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, md, json }

    @OptionGroup var rubricOptions: RubricOptions
    @OptionGroup var outputOptions: OutputOptions

    @Option(name: .long, help: ArgumentHelp("Target index (3.5) or predicate label (\"Sangat Baik\", \"very good\").", valueName: "VALUE"))
    var target: String?

    @Option(name: .long, help: ArgumentHelp("CSV of target levels per indicator: indicator,level.", valueName: "FILE"))
    var targets: String?

    @Option(name: .long, help: ArgumentHelp("Largest total effort: plan the highest index within it.", valueName: "N"))
    var budget: String?

    @Option(name: .long, help: ArgumentHelp("CSV of step efforts overriding the rubric's: indicator,level,effort.", valueName: "FILE"))
    var effort: String?

    @Option(name: .long, help: "Output format: table, md or json.")
    var format: Format = .table

    @OptionGroup var scoringFlags: ScoringFlags

    @Argument(help: ArgumentHelp("One evidence file.", valueName: "EVIDENCE"))
    var evidence: String

    /// The refusal for a rubric whose exact plan is beyond ``ParetoPlanner``'s documented bound.
    static func tooLarge(_ rubric: Rubric, _ path: String) -> Diagnostic {
        Diagnostic(.planTooLarge, file: path,
            id: "rencana tepat untuk rubrik \(rubric.id) (\(rubric.indicators.count) indikator) melebihi batas perhitungan; bagi rubrik atau samakan kelipatan bobotnya",
            en: "an exact plan for rubric \(rubric.id) (\(rubric.indicators.count) indicators) is beyond the planner's bound; split the rubric or give its weights a common step")
    }

    func validate() throws {
        guard (target == nil) != (targets == nil) else {
            throw ValidationError("give exactly one of --target VALUE or --targets FILE")
        }
    }

    func run() throws {
        let set = try EvidenceSet(arguments: [evidence], options: rubricOptions)
        guard set.assessments.count == 1, let (assessment, rubric) = set.assessments.first else {
            throw ValidationError("gap plans one unit at a time; \(evidence) holds \(set.assessments.count) evidence files")
        }
        let card = Scorer(rubric: rubric, options: scoringFlags.options)
            .score(assessment)

        let goal: GapTarget
        var efforts = EffortTable()
        var limit: ExactDecimal?
        do throws(LoadError) {
            if let target {
                switch GapTarget.parse(target, rubric: rubric) {
                case .success(let parsed): goal = parsed
                case .failure(let error): throw LoadError([Diagnostic(.levelOutOfRange, file: "--target", error.description)])
                }
            } else {
                goal = .levels(try LevelTableReader.targets(path: targets!, rubric: rubric))
            }
            if let effort { efforts = try LevelTableReader.efforts(path: effort, rubric: rubric) }
            if let budget {
                guard let value = ExactDecimal(parsing: budget.trimmingCharacters(in: .whitespaces)) else {
                    throw LoadError([Diagnostic(.invalidDecimal, file: "--budget", "budget '\(budget)' is not a non-negative number")])
                }
                limit = value
            }
        } catch {
            throw Console.fail(error)
        }

        let planner = GapPlanner(efforts: efforts)
        guard planner.withinBound(card, target: goal, budget: limit) else { throw Console.fail(LoadError([Self.tooLarge(rubric, evidence)])) }
        let plan = planner.plan(card, target: goal, budget: limit)
        let lang = outputOptions.lang
        let text = switch format {
        case .table: GapText.render(plan, language: lang, markdown: false)
        case .md: GapText.render(plan, language: lang, markdown: true)
        case .json: try GapJSON.render(plan, language: lang)
        }
        try OutputFile.write(text, to: outputOptions.output, inputs: set.paths + rubricOptions.readPaths + [targets, effort].compactMap { $0 })
    }
}
