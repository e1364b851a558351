import ArgumentParser
import Foundation
import SPBEAssess

/// `assess trend FILE…`: one unit over several periods, possibly under different rubrics.
struct TrendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trend",
        abstract: "Satu unit dalam beberapa periode: indeks dan predikat per periode, serta apa yang naik atau turun. / One unit over several periods: index and predicate per period, and what rose or fell.",
        discussion: """
            Berkas diurutkan menurut periode. Antarperiode dengan rubrik yang sama, indeks aspek/domain dan \
            level indikator dibandingkan langsung; ketika rubrik berganti, berkas yang lebih awal \
            dimigrasikan di memori melalui crosswalk (crosswalk-FROM-TO.xml di direktori rubrik, atau \
            --crosswalk) dan perbandingannya disertai catatan. Berkas dari unit yang berbeda, atau dua \
            berkas untuk satu periode, merupakan galat (kode keluar 1).

            Files are ordered by period. Between periods under one rubric, aspect/domain indices and \
            indicator levels are compared directly; across a rubric change the earlier file is \
            migrated in memory through the crosswalk (crosswalk-FROM-TO.xml in the rubrics \
            directory, or --crosswalk) and the comparison carries a caveat. Files of different \
            units, or two files of one period, are an error (exit 1).

            Contoh / Example:
              assess trend fixtures/kab-ketapang-2023/kab-ketapang.xml fixtures/kab-ketapang-2024/kab-ketapang.xml fixtures/kab-ketapang-2026/kab-ketapang.xml
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, md, json }

    @OptionGroup var rubricOptions: RubricOptions
    @OptionGroup var outputOptions: OutputOptions

    @Option(name: .long, help: "Format keluaran: table, md, atau json. / Output format: table, md or json.")
    var format: Format = .table

    @Option(name: .long, help: ArgumentHelp("Crosswalk yang dipakai ketika rubrik berganti (dapat diulang). / Crosswalk to use across a rubric change (repeatable).", valueName: "FILE"))
    var crosswalk: [String] = []

    @OptionGroup var scoringFlags: ScoringFlags

    @Argument(help: ArgumentHelp("Berkas (atau direktori) bukti dukung satu unit, satu untuk setiap periode. / Evidence files (or directories) of one unit, one per period.", valueName: "FILE"))
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError(OutputLanguage.pick(
            "berikan sekurang-kurangnya satu berkas bukti dukung (satu untuk setiap periode)",
            "give at least one evidence file (one per period)")) }
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
