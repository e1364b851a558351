import ArgumentParser
import SPBEAssess

/// `assess aggregate INPUT…`: the instansi assessment assembled from its OPDs' files.
struct AggregateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aggregate",
        abstract: "Gabungkan berkas bukti dukung OPD satu instansi menjadi berkas bukti dukung instansi. / Combine the OPD evidence files of one instansi into the instansi's evidence file.",
        discussion: """
            INPUT dapat berupa berkas atau direktori (dipindai untuk mencari *.xml). Semua berkas harus \
            berkas OPD (kind=\"opd\") dari satu instansi, rubrik, periode, dan peran, satu untuk setiap OPD. \
            Level setiap indikator digabungkan dengan aturannya (aturan rubrik, bawaan min). Hasilnya berkas \
            bukti dukung yang dibaca `assess score` seperti berkas lain; dengan --output, nilainya (domain, \
            aspek, pilar) ditampilkan.

            INPUT may be files or directories (scanned for *.xml). All files must be OPD files \
            (kind="opd") of one instansi, rubric, period and role, one per OPD. Each indicator's \
            level is the responsible OPD's (penanggung jawab: the rubric's first owner role, the OPD \
            list's penanggung-jawab column or --assign), or combined with --rule. The result is an evidence \
            file that `assess score` reads like any other; with --output, its score (domains, \
            aspects, pillars) is printed.

            Contoh / Example:
              assess aggregate --output kab-contoh.xml fixtures/kab-contoh-2024
            """
    )

    @OptionGroup var rubricOptions: RubricOptions
    @OptionGroup var outputOptions: OutputOptions

    @Option(name: .long, help: "Nama instansi untuk <unit> (bawaan: id instansi). / The instansi's name for <unit> (default: the instansi id).")
    var name: String?

    @Option(name: .long, help: ArgumentHelp("Gabungkan setiap indikator dengan aturan ini, bukan aturan rubrik: responsible (OPD penanggung jawab), min, median, mean, atau max. / Combine every indicator with this rule instead of the rubric's: responsible, min, median, mean or max.", valueName: "RULE"))
    var rule: Aggregation?

    @OptionGroup var responsibilityOptions: ResponsibilityOptions

    @Argument(help: ArgumentHelp("Berkas atau direktori bukti dukung OPD. / OPD evidence files or directories.", valueName: "INPUT"))
    var inputs: [String]

    func run() throws {
        let evidence = try OPDEvidence(arguments: inputs, options: rubricOptions, name: name, rule: rule,
                                       outputPath: outputOptions.output, responsibilityOptions: responsibilityOptions)
        let card = Scorer(rubric: evidence.rubric).score(evidence.result.assessment)
        let text = EvidenceWriter.write(evidence.result.assessment,
                                        comments: AggregateSummary.comments(evidence.result, card, language: outputOptions.lang))
        try OutputFile.write(text, to: outputOptions.output, inputs: evidence.files.paths + responsibilityOptions.paths + rubricOptions.readPaths)
        if outputOptions.output != nil {
            try Console.out(ScoreTable.render([card], language: outputOptions.lang))
        }
    }
}
