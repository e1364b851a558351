import Foundation
import SPBEAssess

/// The workbook an OPD officer fills in: `Petunjuk` (how, in Indonesian with English beside it,
/// and who the workbook is for), `Jawaban` (a row per criterion above the floor and per
/// indicator a claimed-level row, or a value row for a measured indicator) and `Dokumen`.
/// Input cells are unlocked and yellow; everything else is locked (no password).
///
/// Given an ``Assessment`` the input cells are filled from it (the round trip XML → workbook).
///
/// ```swift
/// let data = try TemplateWorkbook(rubric: rubric, period: "2025", instansi: "kab-ketapang")
///     .workbook(for: [OPDEntry(id: "bappeda", name: "Bappeda", roles: ["bappeda"])])
/// ```
public struct TemplateWorkbook: Sendable {
    public let builder: TemplateBuilder

    public init(rubric: Rubric, period: String, role: Role = .self, instansi: String? = nil) {
        builder = TemplateBuilder(rubric: rubric, period: period, role: role, instansi: instansi)
    }

    /// One OPD's workbook (sheet `Jawaban`), or with several OPDs a regency workbook with an
    /// answer sheet per OPD named by its id. `filled` prefills the answers of the OPD it is for.
    public func workbook(for opds: [OPDEntry], filled: [Assessment] = []) throws -> Data {
        let single = opds.count == 1
        let sheetNames = opds.map { single ? TemplateLayout.answers : String($0.id.prefix(31)) }
        var sheets = [instructions(opds, sheetNames: sheetNames)]
        for (opd, name) in zip(opds, sheetNames) {
            sheets.append(answers(for: opd, sheet: name, filled: filled.first { $0.unit.id == opd.id }))
        }
        var documents: [Document] = []
        for assessment in filled {
            for document in assessment.documents where !documents.contains(where: { $0.id == document.id }) { documents.append(document) }
        }
        sheets.append(documentSheet(documents))
        return try WorkbookWriter.write(sheets)
    }

    var rubric: Rubric { builder.rubric }

    func instructions(_ opds: [OPDEntry], sheetNames: [String]) -> SheetSpec {
        var sheet = SheetSpec(name: TemplateLayout.instructions)
        sheet.widths = [58, 58, 30, 16, 12]
        sheet.text(1, 1, "Lembar jawaban \(rubric.title.text(in: .id)) — \(rubric.title.text(in: .en))", .title)
        sheet.heights[1] = 22
        var row = TemplateLayout.metadataRow
        for (label, value) in [(TemplateLayout.rubricLabel, rubric.id), (TemplateLayout.periodLabel, builder.period),
                               (TemplateLayout.roleLabel, builder.role.rawValue), (TemplateLayout.instansiLabel, builder.instansi ?? "")] {
            sheet.text(row, 1, label, .header)
            sheet.text(row, 2, value)
            row += 1
        }
        for (opd, name) in zip(opds, sheetNames) {
            sheet.text(row, 1, TemplateLayout.opdLabel, .header)
            sheet.text(row, 2, opd.id)
            sheet.text(row, 3, opd.name)
            sheet.text(row, 4, opd.roles.joined(separator: " "))
            sheet.text(row, 5, name)
            row += 1
        }
        row += 1
        sheet.text(row, 1, "Cara mengisi", .header)
        sheet.text(row, 2, "How to fill it in", .header)
        row += 1
        let scale = rubric.indicators.first.flatMap { rubric.scale($0.scaleID) }
        let top = scale?.maximum ?? 5
        let steps: [(String, String)] = [
            ("Isi hanya sel berwarna kuning. Sel lain dikunci agar susunan lembar tetap dapat dibaca oleh assess; kuncinya tanpa kata sandi.",
             "Fill in only the yellow cells. The others are locked so that assess can still read the sheets; the lock has no password."),
            ("Lembar Jawaban memuat satu baris untuk setiap kriteria indikator milik OPD ini. Pada kolom terpenuhi pilih Ya bila kriteria terpenuhi dan Tidak (atau kosong) bila belum.",
             "Sheet Jawaban has a row for each criterion of the indicators this OPD owns. In column terpenuhi choose Ya (yes) when the criterion is met and Tidak (no), or leave it blank, when it is not."),
            ("Pada kolom dokumen tulis id bukti dukung (dari lembar Dokumen) yang menunjukkan kriteria itu, dipisah koma bila lebih dari satu. Kriteria tanpa dokumen tidak dihitung.",
             "In column dokumen write the ids of the supporting documents (from sheet Dokumen) that show the criterion, separated by commas. A criterion without a document does not count."),
            ("Baris pertama setiap indikator (kriteria: klaim) memuat level yang diklaim OPD (1–\(top)) dan catatan. Level dihitung dari kriteria yang terpenuhi secara berjenjang; klaim hanya dibandingkan dengannya.",
             "The first row of each indicator (kriteria: klaim) holds the level the OPD claims (1–\(top)) and a note. The level is computed from the criteria met, level by level; the claim is only compared with it."),
            ("Indikator terukur (kriteria: nilai) meminta satu nilai dengan paling banyak dua desimal dan dokumen yang menunjukkannya, bukan kriteria.",
             "A measured indicator (kriteria: nilai) asks for one value with at most two decimals and the document that shows it, not for criteria."),
            ("Lembar Dokumen: satu baris per bukti dukung. id: huruf, angka, titik, garis bawah atau tanda hubung (misalnya perbup-12-2023); judul; nomor surat atau peraturan; tanggal sebagai tanggal (2024-05-02 atau 02/05/2024); berkas: nama atau alamat berkasnya; sha256 bila ada.",
             "Sheet Dokumen: one row per supporting document. id: letters, digits, '.', '_' or '-' (for example perbup-12-2023); judul: title; nomor: the letter or regulation number; tanggal: the date (2024-05-02 or 02/05/2024); berkas: its file name or address; sha256 when known."),
            ("Jangan mengganti nama, menghapus, atau menambah lembar, dan jangan menggabungkan sel. Setelah selesai, kirim berkas .xlsx ini kembali ke koordinator (Diskominfo).",
             "Do not rename, delete or add sheets, and do not merge cells. When done, send this .xlsx file back to the coordinator (Diskominfo)."),
            ("Koordinator menilai berkas ini langsung: assess score \(opds.count == 1 ? opds[0].id : "opd").xlsx, atau mengubahnya menjadi XML bukti dengan assess import.",
             "The coordinator scores this file directly: assess score \(opds.count == 1 ? opds[0].id : "opd").xlsx, or turns it into evidence XML with assess import."),
        ]
        for (index, step) in steps.enumerated() {
            sheet.text(row, 1, "\(index + 1). \(step.0)")
            sheet.text(row, 2, "\(index + 1). \(step.1)")
            row += 1
        }
        return sheet
    }

    func answers(for opd: OPDEntry, sheet name: String, filled: Assessment?) -> SheetSpec {
        typealias Column = TemplateLayout.Answer
        var sheet = SheetSpec(name: name)
        sheet.widths = Column.allCases.map(\.width)
        sheet.frozenRows = 1
        sheet.printTitleRows = 1
        for column in Column.allCases { sheet.text(1, column.rawValue, column.header, .header) }
        var row = 2
        var yesNo: [String] = [], decimals: [String: [String]] = [:], levels: [String: [String]] = [:]
        for indicator in builder.owned(by: opd) {
            let answer = filled?.answer(for: indicator.id)
            let claimable = RubricFacts.claimable(indicator)
            let measured = RubricFacts.isMeasured(indicator)
            sheet.text(row, Column.indicator.rawValue, indicator.id, .indicator)
            sheet.text(row, Column.title.rawValue, indicator.title.text(in: .id), .indicator)
            sheet.set(row, Column.level.rawValue, nil, .indicator)
            sheet.text(row, Column.criterion.rawValue, measured ? TemplateLayout.valueKey : TemplateLayout.claimKey, .indicator)
            let range = "\(claimable.lowerBound)–\(claimable.upperBound)"
            sheet.text(row, Column.text.rawValue, measured
                ? "Nilai terukur (\(range), dua desimal) — measured value (\(range), two decimals)"
                : "Level yang diklaim (\(range)) — claimed level (\(range))", .indicator)
            sheet.text(row, Column.guidance.rawValue, "bobot \(indicator.weight) — \(indicator.title.text(in: .en))", .indicator)
            let note = answer?.note.values["id"].map(SheetSpec.Content.text)
            if measured {
                sheet.set(row, Column.met.rawValue, nil, .inputDecimal)
                sheet.set(row, Column.documents.rawValue, nil, .input)
                decimals["\(claimable.lowerBound) \(claimable.upperBound)", default: []].append(CellReference.name(row: row, column: Column.met.rawValue))
            } else {
                sheet.set(row, Column.met.rawValue, answer?.claimed.map { .number(String($0)) }, .input)
                sheet.set(row, Column.documents.rawValue, nil, .indicator)
                levels["\(claimable.lowerBound) \(claimable.upperBound)", default: []].append(CellReference.name(row: row, column: Column.met.rawValue))
            }
            sheet.set(row, Column.note.rawValue, note, .input)
            row += 1
            guard !measured else { continue }
            for level in indicator.levels where level.value > RubricFacts.floor(of: indicator) {
                for criterion in level.criteria {
                    let met = answer?.met.first { $0.criterionID == criterion.id }
                    sheet.set(row, Column.indicator.rawValue, .text(indicator.id), .text)
                    sheet.set(row, Column.title.rawValue, nil, .text)
                    sheet.set(row, Column.level.rawValue, .number(String(level.value)), .integer)
                    sheet.text(row, Column.criterion.rawValue, criterion.id)
                    sheet.text(row, Column.text.rawValue, criterion.text.text(in: .id)
                               + (criterion.text.values["en"].map { "\n— \($0)" } ?? ""))
                    sheet.text(row, Column.guidance.rawValue, level.guidance.text(in: .id))
                    sheet.set(row, Column.met.rawValue, met.map { _ in .text("Ya") }, .input)
                    sheet.set(row, Column.documents.rawValue, met.map { .text($0.documentIDs.joined(separator: ", ")) }, .input)
                    sheet.set(row, Column.note.rawValue, nil, .text)
                    yesNo.append(CellReference.name(row: row, column: Column.met.rawValue))
                    row += 1
                }
            }
        }
        if !yesNo.isEmpty {
            sheet.validations.append(.init(kind: .list(["Ya", "Tidak"]), cells: yesNo, prompt: "Ya / Tidak"))
        }
        for (range, cells) in levels.sorted(by: { $0.key < $1.key }) {
            let bounds = range.split(separator: " ").compactMap { Int($0) }
            sheet.validations.append(.init(kind: .list((bounds[0]...bounds[1]).map(String.init)), cells: cells,
                                           prompt: "Level yang diklaim / claimed level"))
        }
        for (range, cells) in decimals.sorted(by: { $0.key < $1.key }) {
            let bounds = range.split(separator: " ").map(String.init)
            sheet.validations.append(.init(kind: .decimal(bounds[0], bounds[1]), cells: cells, prompt: "\(bounds[0])–\(bounds[1])"))
        }
        return sheet
    }

    func documentSheet(_ documents: [Document]) -> SheetSpec {
        typealias Column = TemplateLayout.DocumentColumn
        var sheet = SheetSpec(name: TemplateLayout.documents)
        sheet.widths = Column.allCases.map(\.width)
        sheet.frozenRows = 1
        sheet.printTitleRows = 1
        for column in Column.allCases { sheet.text(1, column.rawValue, column.header, .header) }
        let rows = max(documents.count + 20, TemplateLayout.blankDocumentRows)
        for index in 0..<rows {
            let row = index + 2
            let document = index < documents.count ? documents[index] : nil
            sheet.set(row, Column.id.rawValue, document.map { .text($0.id) }, .input)
            sheet.set(row, Column.title.rawValue, document.map { .text($0.title) }, .input)
            sheet.set(row, Column.number.rawValue, nil, .input)
            sheet.set(row, Column.date.rawValue, document?.date.map { .date($0) }, .inputDate)
            sheet.set(row, Column.file.rawValue, document?.href.map { .text($0) }, .input)
            sheet.set(row, Column.sha256.rawValue, document?.sha256.map { .text($0) }, .input)
        }
        sheet.validations.append(.init(kind: .date, cells: ["D2:D\(rows + 1)"], prompt: "2024-05-02 / 02/05/2024"))
        return sheet
    }
}
