import ArgumentParser
import Foundation
import SPBEAssess
import SPBEWorkbook

/// `assess template --rubric ID --opds FILE.csv --out DIR`: blank evidence files to fill in.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Berkas bukti dukung kosong, satu untuk setiap OPD, berisi indikator yang dimilikinya dan setiap kriteria sebagai komentar. / Blank evidence files, one per OPD, with the indicators it owns and every criterion as a comment.",
        discussion: """
            FILE.csv memiliki judul kolom id,name,roles (roles dipisahkan spasi; kosong berarti id). Setiap \
            OPD mendapat DIR/ID.xml. Berkas yang sudah ada dibiarkan kecuali dengan --force; tidak ada yang \
            ditulis bila ada baris yang salah atau ada berkas yang sudah ada.

            FILE.csv has the header id,name,roles (roles space-separated; empty means the id). \
            Each OPD gets DIR/ID.xml, or with --format xlsx a workbook DIR/ID.xlsx to fill in Excel \
            or LibreOffice (--one-workbook: a single DIR/INSTANSI.xlsx with a sheet per OPD). \
            Existing files are left alone unless --force; nothing is written when any row is bad \
            or any file exists.

            Contoh / Example:
              assess template --rubric spbe-2020 --opds opd.csv --out templat --instansi kab-ketapang
              assess template --rubric spbe-2020 --opds opd.csv --out templat --format xlsx
            """
    )

    @OptionGroup var rubricOptions: RubricOptions

    @Option(name: .long, help: ArgumentHelp("Daftar OPD (CSV: id,name,roles). / The OPD list (CSV: id,name,roles).", valueName: "FILE.csv"))
    var opds: String

    @Option(name: .long, help: ArgumentHelp("Direktori tujuan templat (dibuat bila belum ada). / Directory to write the templates to (created if missing).", valueName: "DIR"))
    var out: String

    @Option(name: .long, help: ArgumentHelp("Periode penilaian (bawaan: tahun berjalan). / Assessment period (default: the current year).", valueName: "YEAR"))
    var period: String?

    @Option(name: .long, help: "Peran penilaian: self (mandiri), inspectorate (inspektorat), atau assessor (asesor). / Role of the assessment: self, inspectorate or assessor.")
    var role: Role = .self

    @Option(name: .long, help: ArgumentHelp("Id instansi yang ditulis pada setiap <unit> (diperlukan kemudian oleh `assess aggregate`). / Instansi id written on every <unit> (needed later by `assess aggregate`).", valueName: "ID"))
    var instansi: String?

    @Option(name: .long, help: "Bahasa komentar kriteria: id atau en (bawaan: dari LC_ALL atau LANG, selain itu id). / Language of the criterion comments: id or en (default: from LC_ALL or LANG, else id).")
    var lang: Language = OutputLanguage.current

    enum Format: String, ExpressibleByArgument, CaseIterable { case xml, xlsx }

    @Option(name: .long, help: "xml (berkas bukti dukung) atau xlsx (buku kerja untuk diisi di spreadsheet). / xml (evidence files) or xlsx (workbooks to fill in a spreadsheet).")
    var format: Format = .xml

    @Flag(name: .long, help: "Dengan --format xlsx: satu buku kerja untuk kabupaten, satu sheet per OPD. / With --format xlsx: one workbook for the regency, a sheet per OPD.")
    var oneWorkbook = false

    @Flag(name: .long, help: "Timpa templat yang sudah ada. / Overwrite templates that already exist.")
    var force = false

    func validate() throws {
        if oneWorkbook, format != .xlsx {
            throw ValidationError(OutputLanguage.pick("--one-workbook memerlukan --format xlsx", "--one-workbook needs --format xlsx"))
        }
        guard rubricOptions.rubric != nil else { throw ValidationError(OutputLanguage.pick(
            "--rubric ID|PATH wajib diberikan: rubrik yang menjadi dasar templat",
            "--rubric ID|PATH is required: the rubric the templates are for")) }
        if let period, period.range(of: #"^[0-9]{4}(-[A-Za-z0-9]+)?$"#, options: .regularExpression) == nil {
            throw ValidationError(OutputLanguage.pick(
                "--period '\(period)' bukan periode: tahun, boleh dengan akhiran (2025, 2025-rev1)",
                "--period '\(period)' is not a period: a year, optionally with a suffix (2025, 2025-rev1)"))
        }
        if let instansi, instansi.range(of: #"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"#, options: .regularExpression) == nil {
            throw ValidationError(OutputLanguage.pick(
                "--instansi '\(instansi)' bukan pengenal yang sah (huruf, angka, '.', '_', '-')",
                "--instansi '\(instansi)' is not an identifier (letters, digits, '.', '_', '-')"))
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
                for file in existing {
                    Console.problem(file.path, id: "sudah ada; gunakan --force untuk menimpa", en: "already exists; pass --force to overwrite")
                }
                throw ExitStatus.invalidInput.exitCode
            }
        }
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        } catch {
            Console.problem(out, id: "direktori tidak dapat dibuat: \(error.localizedDescription)",
                            en: "cannot create directory: \(error.localizedDescription)")
            throw ExitStatus.invalidInput.exitCode
        }
        for (group, path) in targets {
            var count = 0
            for entry in group {
                let owned = builder.owned(by: entry)
                if owned.isEmpty {
                    let roles = entry.roles.joined(separator: " ")
                    Console.problem(opds, .warning,
                        id: "OPD '\(entry.id)' (peran \(roles)) tidak memiliki indikator apa pun dalam \(rubric.id); templatnya tanpa jawaban",
                        en: "OPD '\(entry.id)' (roles \(roles)) owns no indicator of \(rubric.id); its template has no answers")
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
