import ArgumentParser
import Foundation
import SPBEAssess

/// `assess template --rubric ID --opds FILE.csv --out DIR`: blank evidence files to fill in.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Blank evidence files, one per OPD, with the indicators it owns and every criterion as a comment.",
        discussion: """
            FILE.csv has the header id,name,roles (roles space-separated; empty means the id). \
            Each OPD gets DIR/ID.xml. Existing files are left alone unless --force; nothing is \
            written when any row is bad or any file exists.
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

    @Flag(name: .long, help: "Overwrite templates that already exist.")
    var force = false

    func validate() throws {
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

        let targets = entries.map { (entry: $0, path: (out as NSString).appendingPathComponent("\($0.id).xml")) }
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
        for (entry, path) in targets {
            let owned = builder.owned(by: entry)
            if owned.isEmpty {
                Console.error("\(opds): warning: OPD '\(entry.id)' (roles \(entry.roles.joined(separator: " "))) owns no indicator of \(rubric.id); its template has no answers")
            }
            try OutputFile.write(builder.template(for: entry), to: path, inputs: [opds] + rubricOptions.readPaths)
            try Console.out("\(TerminalText.escapeLine(path)): \(owned.count) \(lang.pick("indikator", "indicators"))\n")
        }
    }
}

extension Role: ExpressibleByArgument {}
