import ArgumentParser
import Foundation
import SPBEAssess
import SPBEWorkbook

/// `assess template --rubric ID --opds FILE.csv --out DIR`: blank evidence files to fill in.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Blank evidence files, one per OPD, with the indicators it owns and every criterion as a comment.",
        discussion: """
            FILE.csv has the header id,name,roles (roles space-separated; empty means the id). \
            Each OPD gets DIR/ID.xml, or with --format xlsx a workbook DIR/ID.xlsx to fill in Excel \
            or LibreOffice (--one-workbook: a single DIR/INSTANSI.xlsx with a sheet per OPD). \
            Existing files are left alone unless --force; nothing is written when any row is bad \
            or any file exists.
            """
    )

    @OptionGroup var rubricOptions: RubricOptions

    @Option(name: .long, help: ArgumentHelp("The OPD list (CSV: id,name,roles).", valueName: "FILE.csv"))
    var opds: String

    @Option(name: .long, help: ArgumentHelp("Directory to write the templates to (created if missing).", valueName: "DIR"))
    var out: String

    @Option(name: .long, help: ArgumentHelp("Assessment period (default: the current year).", valueName: "YEAR"))
    var period: String?

    @Option(name: .long, help: "Role of the assessment: self, inspectorate or assessor.")
    var role: Role = .self

    @Option(name: .long, help: ArgumentHelp("Instansi id written on every <unit> (needed later by `assess aggregate`).", valueName: "ID"))
    var instansi: String?

    @Option(name: .long, help: "Language of the criterion comments: id or en.")
    var lang: Language = .id

    enum Format: String, ExpressibleByArgument, CaseIterable { case xml, xlsx }

    @Option(name: .long, help: "xml (evidence files) or xlsx (workbooks to fill in a spreadsheet).")
    var format: Format = .xml

    @Flag(name: .long, help: "With --format xlsx: one workbook for the regency, a sheet per OPD.")
    var oneWorkbook = false

    @Flag(name: .long, help: "Overwrite templates that already exist.")
    var force = false

    func validate() throws {
        if oneWorkbook, format != .xlsx { throw ValidationError("--one-workbook needs --format xlsx") }
        guard rubricOptions.rubric != nil else { throw ValidationError("--rubric ID|PATH is required: the rubric the templates are for") }
        if let period, period.range(of: #"^[0-9]{4}(-[A-Za-z0-9]+)?$"#, options: .regularExpression) == nil {
            throw ValidationError("--period '\(period)' is not a period: a year, optionally with a suffix (2025, 2025-rev1)")
        }
        if let instansi, instansi.range(of: #"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"#, options: .regularExpression) == nil {
            throw ValidationError("--instansi '\(instansi)' is not an identifier (letters, digits, '.', '_', '-')")
        }
    }

    func run() throws {
        let rubric: Rubric
        let entries: [OPDEntry]
        do {
            rubric = try rubricOptions.catalog().rubric(rubricOptions.rubric ?? "")
            entries = try OPDList.load(path: opds)
        } catch {
            throw Console.fail(error)
        }
        let year = Calendar(identifier: .gregorian).component(.year, from: Date())
        let builder = TemplateBuilder(rubric: rubric, period: period ?? String(year), role: role, instansi: instansi, language: lang)

        let workbooks = TemplateWorkbook(rubric: rubric, period: builder.period, role: role, instansi: instansi)
        let targets: [(entries: [OPDEntry], path: String)] = if format == .xlsx && oneWorkbook {
            [(entries, (out as NSString).appendingPathComponent("\(instansi ?? "opd").xlsx"))]
        } else {
            entries.map { ([$0], (out as NSString).appendingPathComponent("\($0.id).\(format.rawValue)")) }
        }
        if !force {
            let existing = targets.filter { FileManager.default.fileExists(atPath: $0.path) }
            if !existing.isEmpty {
                Console.error(existing.map { "\($0.path): error: already exists; pass --force to overwrite" }.joined(separator: "\n"))
                throw ExitStatus.invalidInput.exitCode
            }
        }
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        } catch {
            Console.error("\(out): error: cannot create directory: \(error.localizedDescription)")
            throw ExitStatus.invalidInput.exitCode
        }
        for (group, path) in targets {
            var count = 0
            for entry in group {
                let owned = builder.owned(by: entry)
                if owned.isEmpty {
                    Console.error("\(opds): warning: OPD '\(entry.id)' (roles \(entry.roles.joined(separator: " "))) owns no indicator of \(rubric.id); its template has no answers")
                }
                count += owned.count
            }
            if format == .xlsx {
                try OutputFile.writeAtomically(try workbooks.workbook(for: group), to: path)
            } else {
                try OutputFile.writeAtomically(builder.template(for: group[0]), to: path)
            }
            print("\(path): \(count) \(lang.pick("indikator", "indicators"))")
        }
    }
}

extension Role: ExpressibleByArgument {}
