import ArgumentParser
import Foundation
import SPBEAssess
import SPBEWorkbook

/// `assess import WORKBOOK.xlsx… --output FILE | --output-dir DIR`: filled workbooks to evidence XML.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Mengubah buku kerja OPD yang telah diisi menjadi berkas bukti dukung XML. / Turn filled OPD workbooks (.xlsx from assess template --format xlsx) into evidence XML.",
        discussion: """
            Setiap buku kerja diperiksa seperti berkas bukti dukung; setiap masalah disebut dengan \
            selnya (berkas.xlsx:Jawaban!G12). Tidak ada yang ditulis bila ada masalah.

            Every workbook is checked as an evidence file is, each problem named by its cell \\
            (file.xlsx:Jawaban!G12). --output FILE takes one workbook of one OPD; --output-dir DIR \\
            writes DIR/OPD-ID.xml for every OPD of every workbook (a regency workbook holds several). \\
            Nothing is written when any workbook has a problem; existing files are kept unless --force.

            Contoh / Example:
              assess import diskominfo.xlsx --output diskominfo.xml
            """
    )

    @OptionGroup var rubricOptions: RubricOptions
    @OptionGroup var languageOption: LanguageOption

    @Option(name: .long, help: ArgumentHelp("Berkas bukti dukung yang ditulis (satu OPD). / The evidence file to write (one OPD).", valueName: "FILE"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Direktori untuk berkas OPD-ID.xml (dibuat bila belum ada). / Directory for OPD-ID.xml files (created if missing).", valueName: "DIR"))
    var outputDir: String?

    @Flag(name: .long, help: "Timpa berkas bukti dukung yang sudah ada. / Overwrite evidence files that already exist.")
    var force = false

    @Argument(help: ArgumentHelp("Buku kerja yang telah diisi. / Filled workbooks.", valueName: "WORKBOOK.xlsx"))
    var workbooks: [String]

    func validate() throws {
        guard (output == nil) != (outputDir == nil) else { throw ValidationError(OutputLanguage.pick("beri tepat satu dari --output BERKAS dan --output-dir DIR", "give exactly one of --output FILE and --output-dir DIR")) }
    }

    func run() throws {
        let resolver = RubricResolver(catalog: rubricOptions.catalog(), rubricOverride: rubricOptions.rubric)
        let schema: XMLSchema
        let reader: StreamingEvidenceReader
        do {
            reader = try StreamingEvidenceReader(resolver: resolver)
            schema = try resolver.evidenceSchema()
        } catch { throw Console.fail(error) }
        let importer = WorkbookEvidenceReader()
        var written: [(path: String, text: String, opd: String)] = []
        var problems: [Diagnostic] = []
        for path in workbooks {
            do throws(LoadError) {
                let bytes = try InputBytes.load(path)
                for record in try importer.records(bytes: bytes, path: path) {
                    let loaded = try reader.loaded(record: record, path: path)
                    problems += loaded.assessment.warnings
                    let text = EvidenceWriter.write(loaded.assessment, comments: ["Diimpor oleh assess import dari / imported by assess import from \((path as NSString).lastPathComponent)"])
                    // The written file must be one the loader accepts, schema and all.
                    _ = try EvidenceLoader(schema: schema).open(bytes: Array(text.utf8), path: path).assessment(against: loaded.rubric)
                    let unit = loaded.assessment.unit.id
                    written.append((outputDir.map { ($0 as NSString).appendingPathComponent("\(unit).xml") } ?? output ?? "", text, unit))
                }
            } catch {
                problems += error.diagnostics
            }
        }
        Console.report(problems.filter { $0.severity == .warning })
        let errors = problems.filter { $0.severity == .error }
        if !errors.isEmpty { throw Console.fail(LoadError(errors)) }
        if output != nil, written.count != 1 {
            let opds = written.map(\.opd).joined(separator: ", ")
            Console.problem(output ?? "", id: "buku kerja memuat \(written.count) OPD (\(opds)); gunakan --output-dir DIR",
                            en: "the workbooks hold \(written.count) OPDs (\(opds)); use --output-dir DIR")
            throw ExitStatus.invalidInput.exitCode
        }
        let targets = Dictionary(grouping: written, by: \.path)
        if let twice = targets.first(where: { $0.value.count > 1 }) {
            Console.problem(twice.key, id: "OPD '\(twice.value[0].opd)' ada di lebih dari satu buku kerja; impor secara terpisah",
                            en: "OPD '\(twice.value[0].opd)' is in more than one workbook; import them separately")
            throw ExitStatus.invalidInput.exitCode
        }
        try OutputFolder.prepare(outputDir, files: written.map(\.path), force: force)
        for file in written {
            try OutputFile.write(file.text, to: file.path, inputs: workbooks)
            print("\(file.path): \(file.opd)")
        }
    }
}
