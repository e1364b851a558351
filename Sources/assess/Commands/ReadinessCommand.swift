import ArgumentParser
import SPBEAssess

/// `assess readiness INPUT…`: which OPDs are behind, and who has not submitted.
struct ReadinessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "readiness",
        abstract: "Tabel kesiapan OPD: capaian setiap OPD atas indikator yang menjadi tanggung jawabnya, diurutkan dari yang terendah. / OPD readiness table: each OPD's own result (capaian OPD) over the indicators it answers for, ranked lowest first.",
        discussion: """
            INPUT: berkas bukti dukung OPD satu instansi (berkas atau direktori), seperti pada `assess \
            aggregate`. Peran pemilik dalam rubrik yang tidak dimainkan berkas mana pun dicantumkan sebagai \
            belum menyerahkan. Indeks agregat instansi dan indeks pilar berada di awal tabel.

            INPUT: the OPD evidence files of one instansi (files or directories), as for `assess \
            aggregate`. Owner roles of the rubric that no file plays are listed as not submitted. \
            The instansi's aggregated index and pillar indices head the table.

            Contoh / Example:
              assess readiness fixtures/kab-contoh-2024
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, md, json }

    @OptionGroup var rubricOptions: RubricOptions
    @OptionGroup var outputOptions: OutputOptions

    @Option(name: .long, help: "Format keluaran: table, md, atau json. / Output format: table, md or json.")
    var format: Format = .table

    @Option(name: .long, help: "Nama instansi (bawaan: id instansi). / The instansi's name (default: the instansi id).")
    var name: String?

    @OptionGroup var responsibilityOptions: ResponsibilityOptions

    @Argument(help: ArgumentHelp("Berkas atau direktori bukti dukung OPD. / OPD evidence files or directories.", valueName: "INPUT"))
    var inputs: [String]

    func run() throws {
        let evidence = try OPDEvidence(arguments: inputs, options: rubricOptions, name: name, rule: nil, outputPath: nil,
                                       responsibilityOptions: responsibilityOptions, setAsideInstansi: true)
        let expected = try responsibilityOptions.entries()
        let report = Readiness(rubric: evidence.rubric, responsibility: evidence.responsibility).assess(evidence.opds, expected: expected)
        let instansi = Scorer(rubric: evidence.rubric).score(evidence.result.assessment)
        let text = switch format {
        case .table: ReadinessTable.render(report, instansi: instansi, language: outputOptions.lang, markdown: false)
        case .md: ReadinessTable.render(report, instansi: instansi, language: outputOptions.lang, markdown: true)
        case .json: try ReadinessJSON.render(report, instansi: instansi, language: outputOptions.lang)
        }
        try OutputFile.write(text, to: outputOptions.output, inputs: evidence.files.paths + responsibilityOptions.paths + rubricOptions.readPaths)
    }
}
