import ArgumentParser
import SPBEAssess

/// `assess migrate EVIDENCE --to pemdi-2026 --output FILE`: carries an evidence file over to
/// another rubric through a crosswalk, and lists what has no source.
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Carry an evidence file over to another rubric through a crosswalk; list what has no source.",
        discussion: """
            The new evidence file goes to --output; the summary (carried indicators, starting levels, \
            and the to-do list of target indicators with no source) goes to standard output. The \
            default crosswalk is crosswalk-FROM-TO.xml in the rubrics directory.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @Option(name: .long, help: ArgumentHelp("Directory with the schemas, rubrics and crosswalks.", valueName: "DIR"))
    var rubrics: String?

    @Option(name: .long, help: ArgumentHelp("Target rubric id or path.", valueName: "ID|PATH"))
    var to: String

    @Option(name: .long, help: ArgumentHelp("Crosswalk file (default: crosswalk-FROM-TO.xml in the rubrics directory).", valueName: "FILE"))
    var crosswalk: String?

    @Option(name: .long, help: ArgumentHelp("Period of the new file (default: the evidence's period).", valueName: "PERIOD"))
    var period: String?

    @Option(name: .long, help: ArgumentHelp("Where to write the new evidence file (atomically).", valueName: "FILE"))
    var output: String

    @Option(name: .long, help: "Summary format: table or json.")
    var format: Format = .table

    @Option(name: .long, help: "Language of fixed text and rubric labels: id or en.")
    var lang: Language = .id

    @Argument(help: ArgumentHelp("The evidence file to carry over.", valueName: "EVIDENCE"))
    var evidence: String

    func validate() throws {
        if let period, period.range(of: #"^[0-9]{4}(-[A-Za-z0-9]+)?$"#, options: .regularExpression) == nil {
            throw ValidationError("--period '\(period)' is not a period: write a year, optionally with a suffix (2026, 2026-rev1)")
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
            let file = try catalog.evidenceLoader().open(path: evidence)
            let source = try validator.rubric(for: file)
            let assessment = try file.assessment(against: source)
            let target = try catalog.rubric(to)
            if assessment.rubricID == target.id {
                throw LoadError([file.rubricDiagnostic(.sameRubric,
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
