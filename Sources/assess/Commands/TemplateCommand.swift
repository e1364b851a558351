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

    @Option(name: .long, help: ArgumentHelp("Daftar OPD (CSV: id,name,roles[,penanggung-jawab]). / The OPD list (CSV: id,name,roles[,penanggung-jawab]).", valueName: "FILE.csv"))
    var opds: String?

    @Option(name: .long, help: ArgumentHelp("Direktori bukti periode lalu: setiap berkas dimulai darinya (kriteria terpenuhi dan dokumen dibawa, ditandai untuk dikonfirmasi ulang). / Last period's evidence directory: start each file from it (met criteria and documents carried, marked for re-confirmation).", valueName: "LAST-YEAR-DIR"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("Dengan --from: tandai dokumen yang bertanggal lebih dari sekian tahun sebelum periode baru (bawaan 3). / With --from: flag documents dated more than this many years before the new period (default 3).", valueName: "YEARS"))
    var maxAge: Int = 3

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
        if from == nil {
            guard rubricOptions.rubric != nil else { throw ValidationError(OutputLanguage.pick(
                "--rubric ID|PATH wajib diberikan: rubrik yang menjadi dasar templat",
                "--rubric ID|PATH is required: the rubric the templates are for")) }
            guard opds != nil else { throw ValidationError(OutputLanguage.pick(
                "--opds BERKAS.csv wajib diberikan (atau --from DIREKTORI-TAHUN-LALU)",
                "--opds FILE.csv is required (or --from LAST-YEAR-DIR)")) }
        }
        guard maxAge >= 0 else { throw ValidationError(OutputLanguage.pick("--max-age harus 0 atau lebih", "--max-age must be 0 or more")) }
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
        if let from { return try carry(from) }
        let opds = self.opds ?? ""
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
        try OutputFolder.prepare(out, files: targets.map(\.path), force: force)
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

extension TemplateCommand {
    /// `--from LAST-YEAR-DIR`: each of last period's files started again for the next period.
    func carry(_ directory: String) throws {
        // Each file read under the rubric it names, so one of another rubric is found, not refused.
        var own = rubricOptions
        own.rubric = nil
        let set = try EvidenceSet(arguments: [directory], options: own)
        guard let first = set.assessments.first else {
            Console.problem(directory, id: "tidak ada berkas bukti periode lalu", en: "no evidence files of the last period")
            throw ExitStatus.invalidInput.exitCode
        }
        // The new period's rubric must be the files' own: another rubric needs `migrate`.
        if let wanted = rubricOptions.rubric {
            let rubric: Rubric
            do { rubric = try rubricOptions.catalog().rubric(wanted) } catch { throw Console.fail(error) }
            let odd = set.assessments.filter { $0.rubric.id != rubric.id }
            if !odd.isEmpty {
                throw Console.fail(LoadError(odd.map { file in
                    Diagnostic(.rubricMismatch, file: file.assessment.path,
                        id: "berkas ini untuk rubrik '\(file.rubric.id)', bukan '\(rubric.id)'; pindahkan dahulu dengan `assess migrate --to \(rubric.id)`, lalu gunakan --from pada hasilnya",
                        en: "this file is for rubric '\(file.rubric.id)', not '\(rubric.id)'; move it first with `assess migrate --to \(rubric.id)`, then use --from on the result")
                }))
            }
        }
        let lastPeriod = first.assessment.period
        guard let newPeriod = period ?? CarryForward.next(after: lastPeriod) else {
            throw ValidationError(OutputLanguage.pick("beri --period: '\(lastPeriod)' bukan tahun biasa untuk dilanjutkan",
                                                      "give --period: '\(lastPeriod)' is not a plain year to count on from"))
        }
        let targets = set.assessments.map { file in
            (file, (out as NSString).appendingPathComponent(((file.assessment.path as NSString).lastPathComponent)))
        }
        try OutputFolder.prepare(out, files: targets.map(\.1), force: force)
        let carrier = CarryForward(period: newPeriod, maxAgeYears: maxAge)
        for (file, path) in targets {
            let result = carrier.carry(file.assessment)
            try OutputFile.writeAtomically(EvidenceWriter.write(result.assessment, comments: result.comments(in: lang)), to: path)
            print("\(path): \(result.assessment.answers.count) \(lang.pick("jawaban untuk dikonfirmasi ulang", "answers to re-confirm"))"
                  + (result.oldDocuments.isEmpty ? "" : ", \(result.oldDocuments.count) \(lang.pick("dokumen lama", "old documents"))"))
        }
    }
}

extension Role: ExpressibleByArgument {}
