import ArgumentParser
import SPBEAssess
import SPBEWorkbook

/// `assess migrate EVIDENCE --to pemdi-2026 --output FILE`: carries an evidence file over to
/// another rubric through a crosswalk, and lists what has no source.
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Pindahkan berkas bukti dukung ke rubrik lain melalui crosswalk; cantumkan yang tidak memiliki sumber. / Carry an evidence file over to another rubric through a crosswalk; list what has no source.",
        discussion: """
            Berkas bukti dukung baru ditulis ke --output; ringkasannya (indikator yang dibawa, level awal, \
            dan daftar pekerjaan berupa indikator tujuan tanpa sumber) ditulis ke keluaran standar. \
            Crosswalk bawaan adalah crosswalk-FROM-TO.xml di direktori rubrik.

            The new evidence file goes to --output; the summary (carried indicators, starting levels, \
            and the to-do list of target indicators with no source) goes to standard output. The \
            default crosswalk is crosswalk-FROM-TO.xml in the rubrics directory.

            Contoh / Example:
              assess migrate fixtures/kab-ketapang-2024/kab-ketapang.xml --to pemdi-2026 --output kab-ketapang-2026.xml
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @Option(name: .long, help: ArgumentHelp("Direktori berisi skema, rubrik, dan crosswalk. / Directory with the schemas, rubrics and crosswalks.", valueName: "DIR"))
    var rubrics: String?

    @Option(name: .long, help: ArgumentHelp("Id atau path rubrik tujuan. / Target rubric id or path.", valueName: "ID|PATH"))
    var to: String

    @Option(name: .long, help: ArgumentHelp("Berkas crosswalk (bawaan: crosswalk-FROM-TO.xml di direktori rubrik). / Crosswalk file (default: crosswalk-FROM-TO.xml in the rubrics directory).", valueName: "FILE"))
    var crosswalk: String?

    @Option(name: .long, help: ArgumentHelp("Periode berkas baru (bawaan: periode bukti dukung). / Period of the new file (default: the evidence's period).", valueName: "PERIOD"))
    var period: String?

    @Option(name: .long, help: ArgumentHelp("Tujuan penulisan berkas bukti dukung baru (secara atomik). / Where to write the new evidence file (atomically).", valueName: "FILE"))
    var output: String

    @Option(name: .long, help: "Format ringkasan: table atau json. / Summary format: table or json.")
    var format: Format = .table

    @Option(name: .long, help: "Bahasa teks tetap dan label rubrik: id atau en (bawaan: dari LC_ALL atau LANG, selain itu id). / Language of fixed text and rubric labels: id or en (default: from LC_ALL or LANG, else id).")
    var lang: Language = OutputLanguage.current

    @Argument(help: ArgumentHelp("Berkas bukti dukung yang dimigrasikan. / The evidence file to carry over.", valueName: "EVIDENCE"))
    var evidence: String

    func validate() throws {
        if let period, period.range(of: #"^[0-9]{4}(-[A-Za-z0-9]+)?$"#, options: .regularExpression) == nil {
            throw ValidationError(OutputLanguage.pick(
                "--period '\(period)' bukan periode: tulis tahun, boleh dengan akhiran (2026, 2026-rev1)",
                "--period '\(period)' is not a period: write a year, optionally with a suffix (2026, 2026-rev1)"))
        }
    }

    func run() throws {
        let catalog = RubricCatalog(directory: RubricsDirectory.locate(explicit: rubrics))
        // Checked before any work: the target rubric, the crosswalk and the evidence are inputs.
        let destination = try OutputFile(output, reads: [evidence, to] + [crosswalk].compactMap { $0 }
                                         + RubricsDirectory.files(in: catalog.directory))
        let validator = FileValidator(catalog: catalog)
        let migration: Migration
        let xml: String
        do throws(LoadError) {
            let source: Rubric
            let assessment: Assessment
            let sameRubric: (_ id: String, _ en: String) -> Diagnostic
            let workbooks = WorkbookEvidenceReader()
            if let bytes = try? InputBytes.load(evidence, limits: catalog.limits), workbooks.claims(bytes, path: evidence) {
                // A filled workbook: read and checked as everywhere else evidence is read.
                let loaded = try StreamingEvidenceReader(resolver: RubricResolver(catalog: catalog))
                    .loaded(record: workbooks.record(bytes: bytes, path: evidence), path: evidence)
                (source, assessment) = (loaded.rubric, loaded.assessment)
                sameRubric = { Diagnostic(.sameRubric, file: evidence, id: $0, en: $1) }
            } else {
                let file = try catalog.evidenceLoader().open(path: evidence)
                source = try validator.rubric(for: file)
                assessment = try file.assessment(against: source)
                sameRubric = { file.rubricDiagnostic(.sameRubric, id: $0, en: $1) }
            }
            let target = try catalog.rubric(to)
            if assessment.rubricID == target.id {
                throw LoadError([sameRubric("bukti dukung ini sudah memakai rubrik \(target.id); tidak ada yang perlu dimigrasikan",
                                            "this evidence already uses rubric \(target.id); there is nothing to migrate")])
            }
            let crosswalk = try catalog.crosswalk(from: source.id, to: target.id, path: crosswalk)
            migration = try Migrator(crosswalk: crosswalk, source: source, target: target)
                .migrate(assessment, period: period, path: output)
            xml = EvidenceWriter.write(migration.assessment, comments: [
                "Dialihkan oleh assess migrate dari \(evidence) (\(source.id)) dengan \(crosswalk.path). Jawaban yang dialihkan perlu diperiksa kembali; indikator tanpa sumber belum dijawab."])
            // What we write must load back as valid evidence for the target rubric.
            _ = try catalog.evidenceLoader().open(bytes: Array(xml.utf8), path: output).assessment(against: target)
        } catch {
            throw Console.fail(error)
        }
        try destination.write(xml)
        let card = Scorer(rubric: migration.target).score(migration.assessment)
        let summary = switch format {
        case .table: MigrationTable.render(migration, card: card, language: lang)
        case .json: try MigrationJSON.render(migration, card: card, language: lang)
        }
        try Console.out(summary)
    }
}
