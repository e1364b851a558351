import Foundation
import SPBEAssess

/// Reads a filled OPD workbook (as ``TemplateWorkbook`` writes it) into the ``EvidenceRecord``
/// an evidence file would give, every value placed at its cell, so that ``EvidenceChecker`` —
/// the one home of the evidence rules — reports `file.xlsx:Jawaban!D12: error: …`.
///
/// Tolerant where people are: Ya/Tidak in any case, TRUE/FALSE, 1/0, a blank as not met, dates
/// as date cells or as `2024-05-02` / `02/05/2024` text, stray spaces around ids. Strict where
/// it matters: a renamed or missing sheet or header, a merged or formula-without-value input
/// cell, a document id not in `Dokumen`, anything not a yes/no in `terpenuhi`.
///
/// ```swift
/// let records = try WorkbookEvidenceReader().records(bytes: bytes, path: "bappeda.xlsx")
/// ```
public struct WorkbookEvidenceReader: EvidenceWorkbookReader {
    public var reader: WorkbookReader

    public init(limits: WorkbookLimits = .default) { reader = WorkbookReader(limits: limits) }

    static let workbookSuffixes = [".xlsx", ".xlsm", ".xltx", ".xls", ".ods"]

    public func claims(_ bytes: [UInt8], path: String) -> Bool {
        bytes.starts(with: WorkbookArchive.zipSignature)
            || Self.workbookSuffixes.contains { path.lowercased().hasSuffix($0) }
    }

    /// The workbook's one OPD; a regency workbook (several OPDs) is refused here, as a file can
    /// stand for one assessment only — `records` reads it.
    public func record(bytes: [UInt8], path: String) throws(LoadError) -> EvidenceRecord {
        let all = try records(bytes: bytes, path: path)
        guard all.count == 1 else {
            throw LoadError([Diagnostic(.mixedInputs, file: path,
                id: "buku kerja ini memuat \(all.count) OPD; pecah dulu menjadi satu berkas bukti per OPD dengan assess import --output-dir",
                en: "this workbook holds \(all.count) OPDs; split it into one evidence file per OPD first with assess import --output-dir")])
        }
        return all[0]
    }

    /// One record per OPD of the workbook, in the order of `Petunjuk`.
    public func records(bytes: [UInt8], path: String) throws(LoadError) -> [EvidenceRecord] {
        let workbook = try reader.read(bytes: bytes, path: path)
        var problems = Problems(path: path)
        guard let instructions = sheet(TemplateLayout.instructions, in: workbook, &problems),
              let documentSheet = sheet(TemplateLayout.documents, in: workbook, &problems) else {
            throw LoadError(problems.list)
        }
        let metadata = self.metadata(instructions, &problems)
        let documents = self.documents(documentSheet, &problems)
        let declared = Set(documents.compactMap(\.id))
        var records: [EvidenceRecord] = []
        for opd in metadata.opds {
            guard let answers = sheet(opd.sheet, in: workbook, &problems) else { continue }
            let root = EvidenceRecord.Place(element: "assessment", line: opd.row, cell: "\(TemplateLayout.instructions)!B\(opd.row)", cellColumn: 2)
            var record = EvidenceRecord(rubricID: metadata.rubric, period: metadata.period, role: metadata.role, root: root,
                                        unit: .init(id: opd.id, name: opd.name, kind: "opd",
                                                    instansi: metadata.instansi.isEmpty ? nil : metadata.instansi,
                                                    roles: opd.roles.isEmpty ? nil : opd.roles, place: root))
            record.answers = self.answers(answers, declared: declared, &problems)
            record.documents = documents
            records.append(record)
        }
        if records.isEmpty, problems.list.isEmpty {
            problems.add("\(TemplateLayout.instructions)!A\(TemplateLayout.metadataRow)",
                id: "lembar Petunjuk tidak menyebut OPD (baris 'opd'); buat ulang templat dengan assess template --format xlsx",
                en: "sheet Petunjuk names no OPD (an 'opd' row); make the template again with assess template --format xlsx")
        }
        guard problems.list.isEmpty else { throw LoadError(problems.list) }
        return records
    }

    struct Problems {
        let path: String
        var list: [Diagnostic] = []

        mutating func add(_ cell: String?, code: Diagnostic.Code = .invalidRow, id: String, en: String) {
            list.append(Diagnostic(code, file: cell.map { "\(path):\($0)" } ?? path, id: id, en: en))
        }
    }

    private func sheet(_ name: String, in workbook: Workbook, _ problems: inout Problems) -> Sheet? {
        if let sheet = workbook.sheet(name) { return sheet }
        let names = workbook.sheets.map { "'\($0.name)'" }.joined(separator: ", ")
        problems.add(nil, code: .wrongRoot,
            id: "lembar '\(name)' tidak ada (lembar yang ada: \(names)); jangan mengganti nama atau menghapus lembar templat",
            en: "sheet '\(name)' is missing (the sheets are: \(names)); do not rename or delete the template's sheets")
        return nil
    }

    struct Metadata {
        struct OPD { var id, name, roles, sheet: String; var row: Int }
        var rubric = "", period = "", role = "", instansi = ""
        var opds: [OPD] = []
    }

    private func metadata(_ sheet: Sheet, _ problems: inout Problems) -> Metadata {
        var metadata = Metadata()
        var row = TemplateLayout.metadataRow
        while let label = text(sheet, row, 1), !label.isEmpty {
            let value = text(sheet, row, 2) ?? ""
            switch label.lowercased() {
            case TemplateLayout.rubricLabel: metadata.rubric = value
            case TemplateLayout.periodLabel: metadata.period = value
            case TemplateLayout.roleLabel: metadata.role = value
            case TemplateLayout.instansiLabel: metadata.instansi = value
            case TemplateLayout.opdLabel:
                metadata.opds.append(.init(id: value, name: text(sheet, row, 3) ?? "", roles: text(sheet, row, 4) ?? "",
                                           sheet: text(sheet, row, 5) ?? TemplateLayout.answers, row: row))
            default: break
            }
            row += 1
        }
        // What the schema checks in an XML file, checked here at the cell (the sheet is locked,
        // but a lock without a password is easily lifted).
        func at(_ label: String) -> String {
            var row = TemplateLayout.metadataRow
            while let found = text(sheet, row, 1), !found.isEmpty, found.lowercased() != label { row += 1 }
            return "\(TemplateLayout.instructions)!B\(row)"
        }
        if metadata.period.range(of: #"^[0-9]{4}(-[A-Za-z0-9]+)?$"#, options: .regularExpression) == nil {
            problems.add(at(TemplateLayout.periodLabel), id: "periode '\(metadata.period)' tidak sah: tahun, boleh diikuti akhiran (2024, 2024-rev1)",
                         en: "period '\(metadata.period)' is not valid: a year, optionally with a suffix (2024, 2024-rev1)")
        }
        if Role(rawValue: metadata.role) == nil {
            problems.add(at(TemplateLayout.roleLabel), id: "peran '\(metadata.role)' tidak dikenal: self, inspectorate, atau assessor",
                         en: "role '\(metadata.role)' is unknown: self, inspectorate or assessor")
        }
        if !metadata.instansi.isEmpty, !OPDList.isIdentifier(metadata.instansi) {
            problems.add(at(TemplateLayout.instansiLabel), id: "instansi '\(metadata.instansi)' bukan id yang sah", en: "instansi '\(metadata.instansi)' is not a valid id")
        }
        for opd in metadata.opds where !OPDList.isIdentifier(opd.id) || !opd.roles.split(separator: " ").allSatisfy({ OPDList.isIdentifier(String($0)) }) {
            problems.add("\(TemplateLayout.instructions)!B\(opd.row)", id: "id atau peran OPD '\(opd.id)' tidak sah", en: "OPD id or roles '\(opd.id)' are not valid")
        }
        if metadata.rubric.isEmpty {
            problems.add("\(TemplateLayout.instructions)!B\(TemplateLayout.metadataRow)",
                id: "lembar Petunjuk tidak menyebut rubrik (baris 'rubrik'); buat ulang templat dengan assess template --format xlsx",
                en: "sheet Petunjuk names no rubric (a 'rubrik' row); make the template again with assess template --format xlsx")
        }
        return metadata
    }

    /// A cell as text with spaces trimmed (numbers as written), nil when empty.
    private func text(_ sheet: Sheet, _ row: Int, _ column: Int) -> String? {
        guard let cell = sheet.cell(row: row, column: column) else { return nil }
        switch cell.value {
        case .text(let text): return text.trimmingCharacters(in: .whitespacesAndNewlines)
        case .number(let number): return Self.plainNumber(number)
        case .bool(let value): return value ? "TRUE" : "FALSE"
        case .date(let date): return date
        case .error(let error): return error
        case .formulaWithoutValue: return nil
        }
    }

    /// `3` for `3`, `3.0` or `3E0`; other numbers as written.
    static func plainNumber(_ raw: String) -> String {
        if let value = Double(raw), value.rounded() == value, abs(value) < 1e15 { return String(Int(value)) }
        return raw
    }

    /// The header row must be the template's, so that a moved column cannot change what a cell means.
    private func checkHeader(_ sheet: Sheet, _ headers: [String], _ problems: inout Problems) -> Bool {
        for (index, header) in headers.enumerated() {
            let found = text(sheet, 1, index + 1) ?? ""
            if found.lowercased() != header {
                problems.add("\(sheet.name)!\(CellReference.name(row: 1, column: index + 1))", code: .wrongRoot,
                    id: "judul kolom ini '\(found)', seharusnya '\(header)'; jangan memindah, menghapus, atau menyisipkan kolom templat",
                    en: "this column header is '\(found)', expected '\(header)'; do not move, delete or insert the template's columns")
                return false
            }
        }
        return true
    }

    /// Refuses what cannot be read as the officer meant: a merged input cell, a formula with no
    /// cached value, an error value. Nil is a blank.
    private func input(_ sheet: Sheet, _ row: Int, _ column: Int, _ problems: inout Problems) -> CellValue? {
        let name = "\(sheet.name)!\(CellReference.name(row: row, column: column))"
        if let range = sheet.mergedRange(row: row, column: column) {
            problems.add(name, id: "sel isian ini digabung (\(CellReference.name(row: range.first.row, column: range.first.column)):\(CellReference.name(row: range.last.row, column: range.last.column))); pisahkan kembali selnya agar setiap baris punya jawabannya sendiri",
                         en: "this input cell is merged (\(CellReference.name(row: range.first.row, column: range.first.column)):\(CellReference.name(row: range.last.row, column: range.last.column))); unmerge it so that every row has its own answer")
            return nil
        }
        guard let cell = sheet.cell(row: row, column: column) else { return nil }
        switch cell.value {
        case .formulaWithoutValue:
            problems.add(name, id: "sel ini berisi rumus tanpa nilai tersimpan (berkas disimpan oleh program yang tidak menghitung); buka dan simpan ulang di Excel atau LibreOffice, atau tulis nilainya langsung",
                         en: "this cell holds a formula with no stored value (the file was saved by a program that does not calculate); open and save it again in Excel or LibreOffice, or type the value itself")
            return nil
        case .error(let error):
            problems.add(name, id: "sel ini berisi galat rumus \(error); tulis nilainya langsung",
                         en: "this cell holds the formula error \(error); type the value itself")
            return nil
        case .text(let text) where text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty:
            return nil
        default:
            return cell.value
        }
    }

    private func documents(_ sheet: Sheet, _ problems: inout Problems) -> [EvidenceRecord.DocumentRecord] {
        typealias Column = TemplateLayout.DocumentColumn
        guard checkHeader(sheet, Column.allCases.map(\.header), &problems) else { return [] }
        var documents: [EvidenceRecord.DocumentRecord] = []
        var seen: [String: Int] = [:]
        for row in 2...max(2, sheet.lastRow) {
            let values = Column.allCases.map { input(sheet, row, $0.rawValue, &problems) }
            guard values.contains(where: { $0 != nil }) else { continue }
            func string(_ column: Column) -> String? {
                values[column.rawValue - 1].map { value in
                    switch value {
                    case .text(let text): text.trimmingCharacters(in: .whitespacesAndNewlines)
                    case .number(let number): Self.plainNumber(number)
                    case .bool(let value): value ? "TRUE" : "FALSE"
                    case .date(let date): date
                    case .error, .formulaWithoutValue: ""
                    }
                }
            }
            func cell(_ column: Column) -> String { "\(sheet.name)!\(CellReference.name(row: row, column: column.rawValue))" }
            let place = EvidenceRecord.Place(element: "document", line: row, cell: cell(.id), cellColumn: Column.id.rawValue)
            guard let id = string(.id), !id.isEmpty else {
                problems.add(cell(.id), id: "baris dokumen ini tidak punya id; beri id (misalnya perbup-12-2023) atau kosongkan seluruh barisnya",
                             en: "this document row has no id; give it one (for example perbup-12-2023) or clear the whole row")
                continue
            }
            guard OPDList.isIdentifier(id) else {
                problems.add(cell(.id), id: "id dokumen '\(id)' tidak sah: 1–64 huruf, angka, '.', '_' atau '-', diawali huruf atau angka",
                             en: "document id '\(id)' is not valid: 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit")
                continue
            }
            if let earlier = seen[id] {
                problems.add(cell(.id), code: .duplicateIdentifier, id: "dokumen '\(id)' sudah ada di baris \(earlier)",
                             en: "document '\(id)' is already on row \(earlier)")
                continue
            }
            seen[id] = row
            var date: String?
            switch values[Column.date.rawValue - 1] {
            case .date(let iso)?: date = iso
            case .text(let text)?:
                date = SpreadsheetDate.parseText(text.trimmingCharacters(in: .whitespaces))
                if date == nil {
                    problems.add(cell(.date), id: "'\(text)' bukan tanggal; tulis 2024-05-02 atau 02/05/2024", en: "'\(text)' is not a date; write 2024-05-02 or 02/05/2024")
                }
            case .number(let number)?:
                // A serial typed into a cell without a date format.
                date = Double(number).flatMap { SpreadsheetDate.iso(serial: $0, date1904: false) }
                if date == nil { problems.add(cell(.date), id: "\(number) bukan tanggal", en: "\(number) is not a date") }
            case nil: date = nil
            default:
                problems.add(cell(.date), id: "sel ini bukan tanggal; tulis 2024-05-02 atau 02/05/2024", en: "this cell is not a date; write 2024-05-02 or 02/05/2024")
            }
            let sha = string(.sha256).flatMap { $0.isEmpty ? nil : $0.lowercased() }
            if let sha, sha.count != 64 || !sha.allSatisfy(\.isHexDigit) {
                problems.add(cell(.sha256), id: "sha256 harus 64 digit heksadesimal", en: "sha256 must be 64 hexadecimal digits")
            }
            let title = [string(.title), string(.number)].compactMap { $0?.isEmpty == false ? $0 : nil }.joined(separator: ", ")
            documents.append(.init(id: id, title: title, date: date, href: string(.file).flatMap { $0.isEmpty ? nil : $0 },
                                   sha256: sha, place: place))
        }
        return documents
    }

    private func answers(_ sheet: Sheet, declared: Set<String>, _ problems: inout Problems) -> [EvidenceRecord.AnswerRecord] {
        typealias Column = TemplateLayout.Answer
        guard checkHeader(sheet, Column.allCases.map(\.header), &problems) else { return [] }
        var answers: [EvidenceRecord.AnswerRecord] = []
        var current: [String: Int] = [:]
        func place(_ row: Int, _ column: Column, _ element: String) -> EvidenceRecord.Place {
            .init(element: element, line: row, cell: "\(sheet.name)!\(CellReference.name(row: row, column: column.rawValue))", cellColumn: column.rawValue)
        }
        func cited(_ row: Int) -> String? {
            let value = input(sheet, row, Column.documents.rawValue, &problems)
            guard let value else { return nil }
            let text: String = switch value {
            case .text(let text): text
            case .number(let number): Self.plainNumber(number)
            default: ""
            }
            let ids = text.split(whereSeparator: { $0 == "," || $0 == ";" || $0.isWhitespace }).map(String.init)
            for id in ids where !declared.contains(id) {
                problems.add("\(sheet.name)!\(CellReference.name(row: row, column: Column.documents.rawValue))", code: .undeclaredDocument,
                    id: "dokumen '\(id)' tidak ada di lembar Dokumen; tambahkan barisnya di sana atau perbaiki id-nya",
                    en: "document '\(id)' is not in sheet Dokumen; add its row there or correct the id")
            }
            return ids.isEmpty ? nil : ids.joined(separator: " ")
        }
        for row in 2...max(2, sheet.lastRow) {
            guard let indicator = text(sheet, row, Column.indicator.rawValue), !indicator.isEmpty else { continue }
            let key = text(sheet, row, Column.criterion.rawValue) ?? ""
            if key.lowercased() == TemplateLayout.claimKey || key.lowercased() == TemplateLayout.valueKey {
                var answer = EvidenceRecord.AnswerRecord(indicator: indicator, claimed: nil, place: place(row, .indicator, "answer"))
                let value = input(sheet, row, Column.met.rawValue, &problems)
                let written: String? = switch value {
                case .number(let number)?: Self.plainNumber(number)
                case .text(let text)?: text.trimmingCharacters(in: .whitespacesAndNewlines)
                case .bool(let flag)?: flag ? "TRUE" : "FALSE"
                case .date(let date)?: date
                default: nil
                }
                if key.lowercased() == TemplateLayout.claimKey {
                    answer.claimed = written
                    answer.claimedPlace = place(row, .met, "answer")
                } else {
                    answer.value = written.map { value in value.replacingOccurrences(of: ",", with: ".") }
                    answer.documents = cited(row)
                }
                if case .text(let note)? = input(sheet, row, Column.note.rawValue, &problems) {
                    answer.notes = [.init(language: nil, text: note.trimmingCharacters(in: .whitespacesAndNewlines), place: place(row, .note, "note"))]
                }
                current[indicator] = answers.count
                answers.append(answer)
                continue
            }
            let value = input(sheet, row, Column.met.rawValue, &problems)
            let documents = cited(row)
            guard let met = Self.yesNo(value) else {
                problems.add("\(sheet.name)!\(CellReference.name(row: row, column: Column.met.rawValue))",
                    id: "tulis Ya atau Tidak (atau kosongkan) di kolom terpenuhi", en: "write Ya (yes) or Tidak (no), or leave it blank, in column terpenuhi")
                continue
            }
            guard met else { continue }
            let criterion = EvidenceRecord.Met(criterion: key, documents: documents, place: place(row, .criterion, "met"))
            if let position = current[indicator] {
                answers[position].met.append(criterion)
            } else {
                // A criterion row whose indicator row was deleted still counts under its indicator.
                current[indicator] = answers.count
                answers.append(.init(indicator: indicator, claimed: nil, met: [criterion], place: place(row, .indicator, "answer")))
            }
        }
        // An indicator row left as it came says nothing; without it the round trip keeps the file's answers.
        return answers.filter { $0.claimed != nil || $0.value != nil || !$0.met.isEmpty || !$0.notes.isEmpty }
    }

    /// true for Ya/Yes/Y/TRUE/1/Benar in any case, false for Tidak/No/T/N/FALSE/0/Salah or a
    /// blank, nil for anything else.
    static func yesNo(_ value: CellValue?) -> Bool? {
        switch value {
        case nil: return false
        case .bool(let flag)?: return flag
        case .number(let number)?: return Double(number).flatMap { $0 == 1 ? true : $0 == 0 ? false : nil }
        case .text(let text)?:
            switch text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() {
            case "ya", "y", "yes", "true", "1", "benar", "v", "✓": return true
            case "tidak", "no", "n", "false", "0", "salah", "-", "": return false
            default: return nil
            }
        default: return nil
        }
    }

}
