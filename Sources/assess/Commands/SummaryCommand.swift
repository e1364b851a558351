import ArgumentParser
import SPBEAssess
import SPBEWorkbook

/// `assess summary DIR…`: the national (or provincial) picture of a tree of evidence files.
struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Indeks dan predikat setiap instansi, predikat per provinsi, rata-rata dan median, indikator terlemah. / Index and predicate of every instansi, predicates per province, mean and median, weakest indicators.",
        discussion: """
            DIR dipindai secara rekursif (provinsi/instansi/opd.xml). Berkas milik instansi sendiri \
            (kind=\"instansi\") mewakili instansi tersebut; bila tidak ada, berkas OPD-nya dalam satu \
            direktori digabungkan menurut unit/@instansi dengan aturan agregasi rubrik. Berkas yang tidak \
            valid dicantumkan dan dihitung, sisanya diringkas; kode keluarnya kemudian 1.

            DIR is scanned recursively (province/instansi/opd.xml). An instansi's own file \
            (kind="instansi") stands for it; otherwise its OPD files in one directory are combined \
            by unit/@instansi with the rubric's aggregation rules. Files are summarised per rubric \
            and period (a section each, its year in the header), of one role (--role, default self). \
            Invalid files are listed and \
            counted and the rest is summarised; the exit code is then 1.

            Contoh / Example:
              assess summary --format csv data/2024
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv }

    @OptionGroup var rubricOptions: RubricOptions
    @OptionGroup var outputOptions: OutputOptions
    @OptionGroup var scoringFlags: ScoringFlags
    @OptionGroup var jobs: JobsOption

    @Option(name: .long, help: "Format keluaran: table, json, atau csv (satu baris per instansi). / Output format: table, json or csv (one row per instansi).")
    var format: Format = .table

    @Option(name: .long, help: "Peran yang diringkas: self, inspectorate, atau assessor; berkas peran lain tidak disertakan. / The role summarised: self, inspectorate or assessor; files of other roles are left out.")
    var role: Role = .self

    @Argument(help: ArgumentHelp("Direktori (atau berkas) bukti dukung. / Directories (or files) of evidence.", valueName: "DIR"))
    var directories: [String]

    func run() throws {
        let (files, scanProblems) = EvidenceTree.scan(directories)
        let resolver = RubricResolver(catalog: rubricOptions.catalog(), rubricOverride: rubricOptions.rubric)
        let reader: StreamingEvidenceReader
        do { reader = try StreamingEvidenceReader(resolver: resolver, workbooks: WorkbookEvidenceReader()) } catch { throw Console.fail(error) }
        var builder = SummaryBuilder(reader: reader, options: scoringFlags.options, jobs: jobs.count)
        builder.role = role
        let progress = ProgressLine(total: files.count)
        let sections: [NationalSummary]
        do {
            sections = try builder.summarizeSections(files, progress: progress.update)
            progress.finish()
        } catch {
            progress.finish()
            Console.report(scanProblems)
            guard case .noValidEvidence(let invalid) = error else { throw error }
            Console.report(invalid.flatMap(\.diagnostics))
            Console.error(OutputLanguage.pick("tidak ada berkas bukti dukung yang valid untuk diringkas (\(files.count) berkas dibaca)",
                                              "no valid evidence file to summarise (\(files.count) files read)"))
            throw ExitStatus.invalidInput.exitCode
        }
        // One section per rubric and period, never mixed: tables one after another, JSON an array
        // when there are several; CSV has no period column, so it takes one section only.
        let lang = outputOptions.lang
        let text: String
        switch format {
        case .table:
            text = sections.map { SummaryTable.render($0, language: lang) }.joined(separator: "\n")
        case .json:
            let parts = try sections.map { try SummaryJSON.render($0, language: lang) }
            text = parts.count == 1 ? parts[0] : "[\n" + parts.map { $0.hasSuffix("\n") ? String($0.dropLast()) : $0 }.joined(separator: ",\n") + "\n]\n"
        case .csv:
            guard sections.count == 1 else {
                let names = sections.map { "\($0.rubric.id) \($0.period)" }.joined(separator: ", ")
                Console.error(lang.pick("galat: berkas ini mencakup beberapa rubrik atau periode (\(names)); CSV hanya memuat satu: rangkum tiap periode terpisah, atau gunakan --format table/json",
                                        "error: these files cover several rubrics or periods (\(names)); CSV holds one: summarise each period separately, or use --format table/json"))
                throw ExitStatus.invalidInput.exitCode
            }
            text = SummaryCSV.render(sections[0], language: lang)
        }
        try OutputFile.write(text, to: outputOptions.output, inputs: files.map(\.path) + rubricOptions.readPaths)
        let summary = sections[0]
        if !summary.otherRoleFiles.isEmpty {
            Console.error(lang.pick("catatan: \(summary.otherRoleFiles.count) berkas peran lain tidak dirangkum (--role \(role.rawValue)): ",
                                    "note: \(summary.otherRoleFiles.count) files of another role not summarised (--role \(role.rawValue)): ")
                          + summary.otherRoleFiles.joined(separator: ", "))
        }

        let aggregationProblems = sections.flatMap(\.aggregationProblems)
        let problems = scanProblems + summary.invalidFiles.flatMap(\.diagnostics) + aggregationProblems
        Console.report(problems)
        let invalid = summary.invalidFiles.count + scanProblems.count
        if invalid > 0 || !aggregationProblems.isEmpty {
            Console.error(outputOptions.lang.pick(
                "\(invalid) dari \(summary.fileCount) berkas tidak valid; \(aggregationProblems.count) masalah agregasi",
                "\(invalid) of \(summary.fileCount) files invalid; \(aggregationProblems.count) aggregation problems"))
            throw ExitStatus.invalidInput.exitCode
        }
    }
}
