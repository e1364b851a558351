import ArgumentParser
import Foundation
import SPBEAssess

/// `assess gap EVIDENCE --target VALUE`: the least-effort way to a target index or predicate.
struct GapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gap",
        abstract: "Yang diperlukan untuk mencapai indeks atau predikat target: langkah optimal, berurutan. / What it takes to reach a target index or predicate: the optimal steps, in order.",
        discussion: """
            Rencana ini memiliki total upaya terkecil yang mencapai target (eksak, bukan heuristik). Dengan \
            --budget, rencana ini memberikan indeks tertinggi dalam batas upaya tersebut. Target tercapai \
            bila indeks yang dibulatkan setengah ke atas menjadi dua angka desimal sekurang-kurangnya sama \
            dengan target, sebagaimana predikat ditetapkan.

            Paling banyak --max-step level per indikator (bawaan 2). Tanpa upaya dalam rubrik atau \
            --effort, langkah pertama di atas level terendah berupaya 1 dan setiap langkah berikutnya \
            dua kali langkah sebelumnya (1, 2, 4, 8). Perbaikan cepat didahulukan.

            The plan has the least total effort that reaches the target (exact, not a heuristic), \
            with at most --max-step levels per indicator (default 2). Without efforts in the rubric \
            or --effort, the first step above the floor costs 1 and each further step twice the one \
            before (SPBE: to 2 costs 1, 3 costs 2, 4 costs 4, 5 costs 8). Quick wins come first: a \
            criterion marked met without a document, or a level one criterion short. \
            With --budget it is the highest index within that effort. A target is reached when the \
            index rounded half-up to two decimals is at least the target, as predicates are assigned.

            Contoh / Example:
              assess gap fixtures/kab-ketapang-2024/kab-ketapang.xml --target \"Baik\"
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, md, json }

    @OptionGroup var rubricOptions: RubricOptions
    @OptionGroup var outputOptions: OutputOptions

    @Option(name: .long, help: ArgumentHelp("Indeks target (3.5) atau label predikat (\"Sangat Baik\", \"very good\"). / Target index (3.5) or predicate label (\"Sangat Baik\", \"very good\").", valueName: "VALUE"))
    var target: String?

    @Option(name: .long, help: ArgumentHelp("CSV level target per indikator: indicator,level. / CSV of target levels per indicator: indicator,level.", valueName: "FILE"))
    var targets: String?

    @Option(name: .long, help: ArgumentHelp("Total upaya terbesar: rencanakan indeks tertinggi dalam batas itu. / Largest total effort: plan the highest index within it.", valueName: "N"))
    var budget: String?

    @Option(name: .long, help: ArgumentHelp("CSV upaya per langkah yang menggantikan upaya dalam rubrik: indicator,level,effort. / CSV of step efforts overriding the rubric's: indicator,level,effort.", valueName: "FILE"))
    var effort: String?

    @Option(name: .long, help: ArgumentHelp("Paling banyak sekian level per indikator dalam rencana (bawaan 2). / At most this many levels per indicator in the plan (default 2).", valueName: "N"))
    var maxStep: Int = 2

    @Option(name: .long, help: "Format keluaran: table, md, atau json. / Output format: table, md or json.")
    var format: Format = .table

    @OptionGroup var scoringFlags: ScoringFlags

    @Argument(help: ArgumentHelp("Satu berkas bukti dukung. / One evidence file.", valueName: "EVIDENCE"))
    var evidence: String

    /// The refusal for a rubric whose exact plan is beyond ``ParetoPlanner``'s documented bound.
    static func tooLarge(_ rubric: Rubric, _ path: String) -> Diagnostic {
        Diagnostic(.planTooLarge, file: path,
            id: "rencana tepat untuk rubrik \(rubric.id) (\(rubric.indicators.count) indikator) melebihi batas perhitungan; bagi rubrik atau samakan kelipatan bobotnya",
            en: "an exact plan for rubric \(rubric.id) (\(rubric.indicators.count) indicators) is beyond the planner's bound; split the rubric or give its weights a common step")
    }

    func validate() throws {
        guard (target == nil) != (targets == nil) else {
            throw ValidationError(OutputLanguage.pick(
                "berikan tepat salah satu dari --target VALUE atau --targets FILE",
                "give exactly one of --target VALUE or --targets FILE"))
        }
        guard maxStep >= 1 else {
            throw ValidationError(OutputLanguage.pick("--max-step harus 1 atau lebih (diberikan \(maxStep))",
                                                      "--max-step must be 1 or more (got \(maxStep))"))
        }
    }

    func run() throws {
        let set = try EvidenceSet(arguments: [evidence], options: rubricOptions)
        guard set.assessments.count == 1, let (assessment, rubric) = set.assessments.first else {
            throw ValidationError(OutputLanguage.pick(
                "gap merencanakan satu unit setiap kali; \(evidence) berisi \(set.assessments.count) berkas bukti dukung",
                "gap plans one unit at a time; \(evidence) holds \(set.assessments.count) evidence files"))
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
                case .failure(let error): throw LoadError([Diagnostic(.levelOutOfRange, file: "--target",
                                                                      id: error.message(in: .id),
                                                                      en: error.message(in: .en))])
                }
            } else {
                goal = .levels(try LevelTableReader.targets(path: targets!, rubric: rubric))
            }
            if let effort { efforts = try LevelTableReader.efforts(path: effort, rubric: rubric) }
            if let budget {
                guard let value = ExactDecimal(parsing: budget.trimmingCharacters(in: .whitespaces)) else {
                    throw LoadError([Diagnostic(.invalidDecimal, file: "--budget",
                                                id: "anggaran '\(budget)' bukan bilangan tidak negatif",
                                                en: "budget '\(budget)' is not a non-negative number")])
                }
                limit = value
            }
        } catch {
            throw Console.fail(error)
        }

        let planner = GapPlanner(efforts: efforts, maxStep: maxStep)
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
