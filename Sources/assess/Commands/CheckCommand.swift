import ArgumentParser
import SPBEAssess

/// `assess check EVIDENCE…`: the evidence checks of `compare`, for any number of files.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Periksa dokumen dalam berkas bukti dukung: tidak dirujuk, hilang, bertanggal di luar periode, berubah (sha256), ganda. / Check evidence files' documents: uncited, missing, dated outside the period, changed (sha256), duplicated.",
        discussion: """
            EVIDENCE dapat berupa berkas atau direktori (dipindai untuk mencari *.xml, diurutkan \
            menurut nama).

            EVIDENCE may be files or directories (scanned for *.xml, in sorted order).

            Contoh / Example:
              assess check fixtures/kab-ketapang-2024/kab-ketapang.xml
            """
    )

    @OptionGroup var rubricOptions: RubricOptions
    @OptionGroup var outputOptions: OutputOptions
    @OptionGroup var reviewOptions: ReviewOptions

    @Argument(help: ArgumentHelp("Berkas atau direktori bukti dukung. / Evidence files or directories.", valueName: "EVIDENCE"))
    var evidence: [String]

    func validate() throws {
        if reviewOptions.failOn.contains(where: { if case .delta = $0 { true } else { false } }) {
            throw ValidationError(OutputLanguage.pick(
                "--fail-on delta:X membandingkan penilaian; gunakan bersama assess compare",
                "--fail-on delta:X compares assessments; use it with assess compare"))
        }
    }

    func run() throws {
        let folder = try reviewOptions.folder()
        let set = try EvidenceSet(arguments: evidence, options: rubricOptions)
        let cards = set.assessments.map { Scorer(rubric: $0.rubric, options: reviewOptions.scoring).score($0.assessment) }
        let findings = try reviewOptions.findings(for: cards, folder: folder)
        let lang = outputOptions.lang
        let text = switch reviewOptions.format {
        case .table: CheckReport.render(cards, findings: findings, language: lang, style: .table)
        case .md: CheckReport.render(cards, findings: findings, language: lang, style: .markdown)
        case .json: try CheckReport.json(cards, findings: findings)
        }
        try OutputFile.write(text, to: outputOptions.output, inputs: set.paths + rubricOptions.readPaths + reviewOptions.citedFiles(cards))
        try reviewOptions.enforce(cards: cards, findings: findings.flatMap { $0 }, comparison: nil)
    }
}
