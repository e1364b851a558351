import ArgumentParser
import SPBEAssess
import SPBEWorkbook

/// `assess validate FILE…`: checks rubrics and evidence files and prints every problem.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Periksa rubrik dan berkas bukti dukung; tampilkan setiap masalah sebagai berkas:baris:kolom: galat: pesan. / Check rubrics and evidence files; print every problem as file:line:col: error: message.",
        discussion: """
            Direktori dipindai untuk mencari berkas *.xml. Kode keluar 1 bila ada berkas dengan galat; \
            peringatan saja tetap keluar dengan kode 0.

            Directories are scanned for *.xml files. Exit 1 if any file has an error; warnings alone exit 0.

            Contoh / Example:
              assess validate rubrics fixtures/kab-ketapang-2024
            """
    )

    @OptionGroup var rubricOptions: RubricOptions
    @OptionGroup var languageOption: LanguageOption

    @Flag(name: .shortAndLong, help: "Jangan tampilkan apa pun untuk berkas yang valid. / Print nothing for valid files.")
    var quiet = false

    @OptionGroup var jobs: JobsOption

    @Argument(help: ArgumentHelp("Berkas rubrik atau bukti dukung, atau direktori berisi berkas tersebut. / Rubric or evidence files, or directories of them.", valueName: "FILE"))
    var files: [String]

    func run() throws {
        // Expand each argument on its own, so an empty directory does not hide the other files' problems.
        var paths: [String] = []
        var invalid = 0
        for argument in files {
            do { paths += try InputPaths.expand([argument]) } catch {
                Console.report(error.diagnostics)
                invalid += 1
            }
        }
        let catalog = rubricOptions.catalog()
        let (directory, limits) = (catalog.directory, catalog.limits)
        let outcomes = FileValidator.validate(paths: paths, jobs: jobs.count, rubricOverride: rubricOptions.rubric,
                                              workbooks: WorkbookEvidenceReader()) {
            RubricCatalog(directory: directory, limits: limits)
        }
        for outcome in outcomes {
            Console.report(outcome.diagnostics)
            if outcome.isValid {
                if !quiet {
                    let kind = outcome.kind.map { OutputLanguage.pick($0.indonesianNoun, $0.rawValue) } ?? "?"
                    try Console.out("\(TerminalText.escapeLine(outcome.path)): ok (\(kind))\n")
                }
            } else {
                invalid += 1
            }
        }
        if invalid > 0 {
            Console.error(OutputLanguage.pick("\(invalid) masukan tidak valid", "\(invalid) invalid input\(invalid == 1 ? "" : "s")"))
            throw ExitStatus.invalidInput.exitCode
        }
    }
}
