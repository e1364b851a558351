import ArgumentParser
import SPBEAssess

/// `assess compare A B [C]`: self, inspectorate and assessor views of one unit, side by side.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Bandingkan dua atau tiga penilaian atas satu unit (mandiri, inspektorat, asesor): level, indeks, kesepakatan, bukti dukung. / Compare two or three assessments of one unit (self, inspectorate, assessor): levels, indices, agreement, evidence.",
        discussion: """
            Berkas harus untuk satu unit, rubrik, dan periode (--force tetap membandingkan) dan oleh peran \
            yang berbeda. Sisi ditampilkan menurut urutan peran (mandiri, inspektorat, asesor); selisih \
            adalah sisi yang kemudian dikurangi sisi sebelumnya.

            The files must be for one unit, rubric and period (--force compares anyway) and by different roles. \
            Sides are shown in role order (self, inspectorate, assessor); a delta is the later side minus the earlier.

            Contoh / Example:
              assess compare fixtures/kab-ketapang-2024/kab-ketapang.xml fixtures/kab-ketapang-2024/review/asesor.xml
            """
    )

    @OptionGroup var rubricOptions: RubricOptions
    @OptionGroup var outputOptions: OutputOptions
    @OptionGroup var reviewOptions: ReviewOptions

    @Flag(name: .long, help: "Tetap bandingkan meskipun unit, rubrik, atau periode berbeda. / Compare even when unit, rubric or period differ.")
    var force = false

    @Argument(help: ArgumentHelp("Dua atau tiga berkas bukti dukung. / Two or three evidence files.", valueName: "EVIDENCE"))
    var evidence: [String]

    func validate() throws {
        guard (2...3).contains(evidence.count) else {
            throw ValidationError(OutputLanguage.pick(
                "compare memerlukan dua atau tiga berkas bukti dukung, bukan \(evidence.count)",
                "compare takes two or three evidence files, not \(evidence.count)"))
        }
    }

    func run() throws {
        let folder = try reviewOptions.folder()
        let set = try EvidenceSet(arguments: evidence, options: rubricOptions)
        let cards = set.assessments.map { Scorer(rubric: $0.rubric, options: reviewOptions.scoring).score($0.assessment) }
        let comparison: Comparison
        do { comparison = try Comparison(cards, force: force) } catch { throw Console.fail(error) }
        let findings = try reviewOptions.findings(for: comparison.sides, folder: folder)
        let lang = outputOptions.lang
        let text = switch reviewOptions.format {
        case .table: CompareReport(comparison, findings: findings, language: lang).render(.table)
        case .md: CompareReport(comparison, findings: findings, language: lang).render(.markdown)
        case .json: try CompareJSON.render(comparison, findings: findings, language: lang)
        }
        try OutputFile.write(text, to: outputOptions.output, inputs: set.paths + rubricOptions.readPaths + reviewOptions.citedFiles(cards))
        try reviewOptions.enforce(cards: comparison.sides, findings: findings.flatMap { $0 }, comparison: comparison)
    }
}
