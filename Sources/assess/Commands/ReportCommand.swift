import ArgumentParser
import Foundation
import SPBEAssess
import SPBEReport
import SPBEWorkbook

/// `assess report EVIDENCE… --format html --output FILE`: the report people read.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Laporan untuk pembaca: satu halaman HTML mandiri dengan grafik, Markdown, CSV untuk lembar kerja, atau JSON. / A report for people: one self-contained HTML page with charts, Markdown, CSV for spreadsheets, or JSON.",
        discussion: """
            Dengan beberapa berkas bukti dukung (OPD suatu kabupaten), halaman HTML diawali peta panas OPD × \
            indikator. Dengan --target, setiap unit mendapat peta jalannya. CSV: 'csv' satu baris per unit \
            dan indikator, 'csv-indices' satu baris per unit; --csv-dialect indonesian menulis ';' dan koma \
            desimal untuk Excel dengan pengaturan regional Indonesia.

            With several evidence files (a regency's OPDs) the HTML page opens with an OPD × indicator \
            heatmap. With --target each unit gets its roadmap. CSV: 'csv' is one row per unit and \
            indicator, 'csv-indices' one row per unit; --csv-dialect indonesian writes ';' and \
            decimal commas for Excel under Indonesian regional settings. 'docx' writes an editable Word \
            "Laporan Hasil Evaluasi" with a berita acara (--signatures names who signs; needs --output \
            on a terminal). Printed, the HTML page's first page is the summary and every page carries \
            the name, date and page number.

            Contoh / Example:
              assess report fixtures/kab-ketapang-2024/kab-ketapang.xml --target \"Baik\" --output laporan.html
              assess report fixtures/kab-contoh-2024 --format docx --target Baik --output laporan.docx
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case html, md, csv, csvIndices = "csv-indices", json, docx, xlsx }

    @OptionGroup var rubricOptions: RubricOptions
    @OptionGroup var outputOptions: OutputOptions

    @Option(name: .long, help: "Format keluaran: html, md, docx (Word), xlsx (buku kerja; perlu --output), csv, csv-indices, atau json. / Output format: html, md, docx (Word), xlsx (a workbook; needs --output), csv, csv-indices or json.")
    var format: Format = .html

    @Option(name: .long, help: ArgumentHelp("Indeks atau predikat target: menambahkan peta jalan setiap unit. / Target index or predicate: adds each unit's roadmap.", valueName: "VALUE"))
    var target: String?

    @Option(name: .long, help: ArgumentHelp("Dengan --target: paling banyak sekian level per indikator dalam peta jalan (bawaan 2). / With --target: at most this many levels per indicator in a roadmap (default 2).", valueName: "N"))
    var maxStep: Int = 2

    @Option(name: .long, help: ArgumentHelp("Penilaian unit yang sama oleh peran lain (inspektorat, asesor): menambahkan perbandingan (dapat diulang, paling banyak dua). / Another role's assessment of the same unit (inspectorate, assessor): adds the comparison (repeatable, at most two).", valueName: "FILE"))
    var compare: [String] = []

    @Option(name: .long, help: "Dialek CSV: international (',' dan titik desimal) atau indonesian (';' dan koma desimal). / CSV dialect: international (',' and decimal point) or indonesian (';' and decimal comma).")
    var csvDialect: CSVReport.Dialect = .international

    @Option(name: .long, help: ArgumentHelp("Nama instansi pada halaman judul (bawaan: nama dalam berkas instansi yang diberikan bersama berkas OPD, atau dari id: kab-sukamaju → Kabupaten Sukamaju). / The instansi's name on the title page (default: the name in an instansi file given with the OPD files, else read from the id: kab-sukamaju → Kabupaten Sukamaju).", valueName: "NAME"))
    var name: String?

    @Option(name: .long, help: ArgumentHelp("Tanggal yang dicetak pada setiap halaman dan berita acara, YYYY-MM-DD (bawaan: hari ini). / The date printed on every page and on the berita acara, YYYY-MM-DD (default: today).", valueName: "DATE"))
    var date: String?

    @Option(name: .long, help: ArgumentHelp("Penanda tangan berita acara laporan Word: berkas tanda tangan XML (lihat README). / Who signs the Word report's berita acara: an XML signature file (see README).", valueName: "FILE.xml"))
    var signatures: String?

    @Option(name: .long, help: ArgumentHelp("Seorang penanda tangan berita acara, 'PERAN;NAMA;NIP;JABATAN' (PERAN: mandiri, inspektorat, asesor, mengetahui; NIP boleh kosong); dapat diulang, setelah isi --signatures. / A signatory of the berita acara, 'ROLE;NAME;NIP;POSITION' (ROLE: mandiri, inspektorat, asesor, mengetahui; NIP may be empty); repeatable, after those of --signatures.", valueName: "TEXT"))
    var signatory: [String] = []

    @Option(name: .long, help: ArgumentHelp("Berkas reviu periode lalu (asesor atau inspektorat) yang memuat <recommendation>: menambahkan tindak lanjut setiap rekomendasi (selesai, sebagian, belum). / Last period's review file (assessor or inspectorate) carrying <recommendation>: adds each recommendation's follow-up (closed, partial, open).", valueName: "LAST-REVIEW"))
    var followup: String?

    @OptionGroup var scoringFlags: ScoringFlags
    @OptionGroup var responsibilityOptions: ResponsibilityOptions

    func validate() throws {
        if format == .docx, outputOptions.output == nil, isatty(1) == 1 {
            throw ValidationError(OutputLanguage.pick(
                "--format docx menulis berkas Word (biner); beri --output LAPORAN.docx atau alihkan keluaran ke berkas",
                "--format docx writes a Word file (binary); give --output REPORT.docx or redirect the output to a file"))
        }
        if format == .xlsx, outputOptions.output == nil {
            throw ValidationError(OutputLanguage.pick("--format xlsx menulis buku kerja: beri --output BERKAS.xlsx",
                                                      "--format xlsx writes a workbook: give --output FILE.xlsx"))
        }
        guard maxStep >= 1 else {
            throw ValidationError(OutputLanguage.pick("--max-step harus 1 atau lebih (diberikan \(maxStep))",
                                                      "--max-step must be 1 or more (got \(maxStep))"))
        }
    }

    @Argument(help: ArgumentHelp("Berkas atau direktori bukti dukung. / Evidence files or directories.", valueName: "EVIDENCE"))
    var evidence: [String]

    func run() throws {
        let set = try EvidenceSet(arguments: evidence, options: rubricOptions)
        let options = scoringFlags.options
        let cards = set.assessments.map { Scorer(rubric: $0.rubric, options: options).score($0.assessment) }
        var plans: [String: GapPlan] = [:]
        if let target {
            for card in cards {
                switch GapTarget.parse(target, rubric: card.rubric) {
                case .success(let goal):
                    let planner = GapPlanner(maxStep: maxStep)
                    guard planner.withinBound(card, target: goal) else {
                        throw Console.fail(LoadError([GapCommand.tooLarge(card.rubric, card.assessment.path)]))
                    }
                    plans[card.assessment.path] = planner.plan(card, target: goal)
                case .failure(let error): throw Console.fail(LoadError([Diagnostic(.levelOutOfRange, file: "--target",
                    id: error.message(in: .id), en: error.message(in: .en))]))
                }
            }
        }
        var compareSet: [String] = []
        var input = ReportInput(cards: cards, plans: plans, language: outputOptions.lang)
        input.date = try reportDate()
        if let signatures {
            do { input.signatures = try SignatureList.load(path: signatures) } catch { throw Console.fail(error) }
        }
        for text in signatory {
            do {
                let person = try SignatureList.signatory(text, source: "--signatory")
                input.signatures = SignatureList(place: input.signatures.place, signatories: input.signatures.signatories + [person])
            } catch { throw Console.fail(error) }
        }
        // Each OPD file's own result, the same number `score` and `readiness` show.
        var responsibilities: [String: Responsibility] = [:]
        for card in cards where card.assessment.unit.kind == .opd {
            let responsibility = try responsibilities[card.rubric.id] ?? responsibilityOptions.responsibility(for: card.rubric)
            responsibilities[card.rubric.id] = responsibility
            input.opdResults[card.assessment.path] = OPDResult(card, responsibility: responsibility)
        }
        if !compare.isEmpty {
            let otherSet = try EvidenceSet(arguments: compare, options: rubricOptions)
            compareSet = otherSet.paths
            let others = otherSet.assessments
                .map { Scorer(rubric: $0.rubric, options: scoringFlags.options).score($0.assessment) }
            guard let base = cards.first(where: { card in others.allSatisfy { $0.assessment.unit.id == card.assessment.unit.id } }) else {
                throw ValidationError(OutputLanguage.pick(
                    "berkas --compare adalah milik unit lain, bukan unit bukti dukung ini",
                    "--compare files are of another unit than the evidence"))
            }
            do { input.comparison = try Comparison([base] + others) } catch { throw Console.fail(error) }
        }
        // One unit over several periods: its trend, across rubric changes through the crosswalk.
        let units = Set(cards.map(\.assessment.unit.id))
        if cards.count > 1, units.count == 1, Set(cards.map(\.assessment.period)).count == cards.count {
            do { input.trend = try rubricOptions.trend(of: cards, crosswalks: []) } catch { throw Console.fail(error) }
        }
        // A regency's OPD files: add the aggregated instansi and the readiness ranking.
        // An instansi file given beside them lends its name (and is left out of the OPD pages).
        if input.trend == nil, let folder = RegencyFolder(set.assessments.map(\.assessment)), folder.opds.count > 1,
           let rubric = set.assessments.first?.rubric,
           let responsibility = responsibilities[rubric.id],
           let result = try? Aggregator(rubric: rubric, responsibility: responsibility)
               .aggregate(folder.opds, name: name ?? folder.instansi?.unit.name, path: "<aggregate>") {
            let regency = Scorer(rubric: rubric, options: options).score(result.assessment)
            input.regency = regency
            input.cards = cards.filter { $0.assessment.unit.kind == .opd }
            input.readiness = Readiness(rubric: rubric, options: options, responsibility: responsibility)
                .assess(folder.opds, expected: try responsibilityOptions.entries())
            if let target, case .success(let goal) = GapTarget.parse(target, rubric: rubric),
               GapPlanner(maxStep: maxStep).withinBound(regency, target: goal) {
                input.plans[regency.assessment.path] = GapPlanner(maxStep: maxStep).plan(regency, target: goal)
            }
        }
        var followUpPaths: [String] = []
        if let followup, let headline = input.headline {
            let reviewSet = try EvidenceSet(arguments: [followup], options: rubricOptions)
            followUpPaths = reviewSet.paths
            input.followUp = try Self.followUp(reviewSet, against: headline)
        }
        let inputs = set.paths + compareSet + followUpPaths + rubricOptions.readPaths
        if format == .docx {
            let data: Data
            do { data = try WordReport.render(input) } catch {
                Console.error(OutputLanguage.pick("galat: berkas Word tidak dapat dibuat: \(error)", "error: cannot build the Word file: \(error)"))
                throw ExitStatus.invalidInput.exitCode
            }
            try OutputFile.write(data: data, to: outputOptions.output, inputs: inputs + (signatures.map { [$0] } ?? []))
            return
        }
        if format == .xlsx {
            try OutputFile.write(data: try ResultsWorkbook.render(input), to: outputOptions.output ?? "", inputs: inputs)
            return
        }
        let text: String = switch format {
        case .docx: ""
        case .html: HTMLReport.render(input)
        case .md: MarkdownReport.render(input)
        case .csv: CSVReport.indicators(input, dialect: csvDialect)
        case .csvIndices: CSVReport.indices(input, dialect: csvDialect)
        case .json: try ReportJSON.render(cards, plans: plans, followUp: input.followUp, language: outputOptions.lang)
        case .xlsx: ""
        }
        try OutputFile.write(text, to: outputOptions.output, inputs: inputs)
    }

    /// `--followup`: one review file of the report's rubric, its recommendations against the
    /// card the report is about (the regency aggregated from its OPDs, or the one unit).
    static func followUp(_ reviewSet: EvidenceSet, against headline: Scorecard) throws -> FollowUpSection {
        guard reviewSet.assessments.count == 1, let (review, rubric) = reviewSet.assessments.first else {
            throw ValidationError(OutputLanguage.pick("--followup adalah satu berkas reviu; diberikan \(reviewSet.assessments.count)",
                                                      "--followup is one review file; got \(reviewSet.assessments.count)"))
        }
        guard rubric.id == headline.rubric.id else {
            throw Console.fail(LoadError([Diagnostic(.rubricMismatch, file: review.path,
                id: "berkas reviu ini untuk rubrik '\(rubric.id)', sedangkan laporan untuk '\(headline.rubric.id)'",
                en: "this review file is for rubric '\(rubric.id)', but the report is for '\(headline.rubric.id)'")]))
        }
        guard review.unit.id == headline.assessment.unit.id else {
            throw Console.fail(LoadError([Diagnostic(.rubricMismatch, file: review.path,
                id: "berkas reviu ini tentang \(review.unit.name) (\(review.unit.id)), sedangkan laporan tentang \(headline.assessment.unit.name) (\(headline.assessment.unit.id))",
                en: "this review file is about \(review.unit.name) (\(review.unit.id)), but the report is about \(headline.assessment.unit.name) (\(headline.assessment.unit.id))")]))
        }
        return FollowUpSection(review: review, current: headline.assessment,
                               items: FollowUp(rubric: headline.rubric).evaluate(review, against: headline))
    }
}

extension ReportCommand {
    /// `--date`, or today in the local time zone.
    func reportDate() throws -> ReportDate {
        if let date {
            guard let parsed = ReportDate(iso: date) else {
                throw ValidationError(OutputLanguage.pick("--date '\(date)' tidak sah; tulis YYYY-MM-DD, mis. 2026-12-01",
                                                          "--date '\(date)' is not valid; write YYYY-MM-DD, e.g. 2026-12-01"))
            }
            return parsed
        }
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return ReportDate(year: parts.year ?? 2026, month: parts.month ?? 1, day: parts.day ?? 1) ?? ReportDate(year: 2026, month: 1, day: 1)!
    }
}

extension CSVReport.Dialect: ExpressibleByArgument {}

/// `assess report --format json`: each unit's score (as `assess score`) with its plan (as `assess gap`).
enum ReportJSON {
    static func render(_ cards: [Scorecard], plans: [String: GapPlan], followUp: FollowUpSection? = nil,
                       language: Language) throws -> String {
        var json = JSONWriter()
        json.beginObject()
        if let followUp {
            json.key("followup")
            FollowUpText.value(followUp, language).write(to: &json)
        }
        json.key("units")
        json.beginArray()
        for card in cards {
            json.beginObject()
            if let plan = plans[card.assessment.path] {
                json.key("gap")
                try json.encoded(GapJSON(plan, language: language))
            }
            json.key("score")
            ScoreJSON.write(card, language: language, to: &json)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return String(decoding: json.bytes, as: UTF8.self) + "\n"
    }
}
