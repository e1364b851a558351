import Foundation
import Testing
@testable import SPBEAssess
@testable import SPBEWorkbook

/// Workbooks in and out: reading cells, the template, import with cell-located errors, every
/// hostile workbook, and third-party readers (openpyxl, LibreOffice) on what we write.
@Suite("Workbooks")
struct WorkbookTests {
    static let filled = "fixtures/xlsx/filled/bappeda.xlsx"

    static func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    static func indicators(_ scoreJSON: String) throws -> [String: [String: Any]] {
        let units = try #require(try json(scoreJSON) as? [[String: Any]])
        let list = try #require(units.first?["indicators"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: list.map { ($0["id"] as? String ?? "", $0) })
    }

    // MARK: cells

    @Test("date serials and day-first text dates convert by the calendar")
    func dates() {
        // 45292 is 2024-01-01 in Excel's 1900 system; 2024-05-02 is 121 + 1 days later.
        #expect(SpreadsheetDate.iso(serial: 45292, date1904: false) == "2024-01-01")
        #expect(SpreadsheetDate.iso(serial: 45414.75, date1904: false) == "2024-05-02")
        #expect(SpreadsheetDate.serial(iso: "2024-05-02") == 45414)
        // Serial 1 is 1900-01-01; 60 is Excel's non-existent 1900-02-29; 61 is 1900-03-01.
        #expect(SpreadsheetDate.iso(serial: 1, date1904: false) == "1900-01-01")
        #expect(SpreadsheetDate.iso(serial: 60, date1904: false) == nil)
        #expect(SpreadsheetDate.iso(serial: 61, date1904: false) == "1900-03-01")
        // The 1904 system counts from 1904-01-01.
        #expect(SpreadsheetDate.iso(serial: 0, date1904: true) == "1904-01-01")
        #expect(SpreadsheetDate.parseText("02/05/2024") == "2024-05-02")
        #expect(SpreadsheetDate.parseText("2/5/2024") == "2024-05-02")
        #expect(SpreadsheetDate.parseText("2024-05-02") == "2024-05-02")
        #expect(SpreadsheetDate.parseText("31/02/2024") == nil)
        #expect(SpreadsheetDate.parseText("29/02/2023") == nil)
        #expect(SpreadsheetDate.parseText("29/02/2024") == "2024-02-29")
    }

    @Test("yes/no is read the way people write it")
    func yesNo() {
        for yes: CellValue in [.text("Ya"), .text(" YA "), .text("yes"), .text("TRUE"), .bool(true), .number("1"), .number("1.0")] {
            #expect(WorkbookEvidenceReader.yesNo(yes) == true, "\(yes)")
        }
        for no: CellValue? in [nil, .text("Tidak"), .text("tidak"), .text("FALSE"), .bool(false), .number("0"), .text("")] {
            #expect(WorkbookEvidenceReader.yesNo(no) == false, "\(String(describing: no))")
        }
        for neither: CellValue in [.text("mungkin"), .number("2"), .date("2024-01-01")] {
            #expect(WorkbookEvidenceReader.yesNo(neither) == nil)
        }
    }

    @Test("cell references and ZIP entry names")
    func references() {
        #expect(CellReference.parse("A1")! == (1, 1))
        #expect(CellReference.parse("AA12")! == (12, 27))
        #expect(CellReference.parse("XFD1048576")! == (1_048_576, 16384))
        #expect(CellReference.parse("XFE1") == nil)
        #expect(CellReference.parse("12") == nil)
        #expect(CellReference.name(row: 12, column: 26) == "Z12")
        #expect(CellReference.name(row: 3, column: 28) == "AB3")
        #expect(WorkbookArchive.isSafe("xl/worksheets/sheet1.xml"))
        for bad in ["../x", "xl/../../x", "/etc/passwd", "C:/x", "xl\\x", ""] { #expect(!WorkbookArchive.isSafe(bad), "\(bad)") }
    }

    @Test("a bomb is stopped by the per-entry bound whatever the header says")
    func entryLimit() throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Repo.path(Self.filled))))
        let small = WorkbookReader(limits: WorkbookLimits(maxEntryBytes: 2000))
        let problems = Inline.problems { _ = try small.read(bytes: bytes, path: "b.xlsx") }
        #expect(problems.map(\.code) == [.tooLarge])
        #expect(problems.first?.message(in: .id).contains("bom ZIP") == true)
        let few = WorkbookReader(limits: WorkbookLimits(maxEntries: 3))
        #expect(Inline.problems { _ = try few.read(bytes: bytes, path: "b.xlsx") }.first?.message.contains("more than 3 ZIP entries") == true)
    }

    // MARK: third-party writer

    /// bappeda.xlsx was filled by openpyxl (scripts/make-xlsx-fixtures). By hand, from the
    /// criteria marked there (every met criterion cites a declared document):
    /// - I12: L1 a,b ("ya", "YA "), L2 a,b (TRUE, 1), L3 a only → supported 2; claimed 3 → overclaim.
    /// - I13: L2 a but L2 b "Tidak", L3 a,b → supported 1, the floor (levels are cumulative).
    /// - I14: L2–L4 all (TRUE, Ya), L5 a only → supported 4; claimed "4" (text) → no overclaim.
    /// - I32: untouched → no answer, at the floor 1.
    /// (Level 1 is the floor of spbe-2020 and has no rows.) Index: 2 × 2.5 + 1 × 2.5 + 4 × 2.5 = 17.5,
    /// plus the 44 unanswered indicators at 1: (100 − 7.5) × 1 = 92.5; 110 / 100 = 1.10.
    @Test("a workbook filled by openpyxl scores as worked out by hand")
    func filledByOpenpyxl() throws {
        let result = try CLI.run("score", "--format", "json", Self.filled)
        #expect(result.status == 0, "\(result.stderr)")
        let byID = try Self.indicators(result.stdout)
        #expect(byID["I12"]?["supported"] as? Int == 2)
        #expect(byID["I12"]?["claimed"] as? Int == 3)
        #expect(byID["I12"]?["overclaim"] as? Bool == true)
        #expect(byID["I13"]?["supported"] as? Int == 1)
        #expect(byID["I13"]?["missingForNext"] as? [String] == ["I13.L2.b"])
        #expect(byID["I14"]?["supported"] as? Int == 4)
        #expect(byID["I14"]?["claimed"] as? Int == 4)
        #expect(byID["I14"]?["overclaim"] as? Bool == false)
        #expect(byID["I32"]?["assessed"] as? Bool == false)
        let unit = try #require(try Self.json(result.stdout) as? [[String: Any]]).first
        #expect(unit?["index"] as? Double == 1.1)
        #expect(unit?["indexRounded"] as? Double == 1.1)
    }

    @Test("import writes evidence that scores the same as the workbook, with the documents as typed")
    func importMatchesWorkbook() throws {
        let scratch = try Scratch()
        let output = scratch.path("bappeda.xml")
        let imported = try CLI.run("import", Self.filled, "--output", output)
        #expect(imported.status == 0, "\(imported.stderr)")
        let evidence = try Inline.assessment(String(contentsOfFile: output, encoding: .utf8), rubric: Repo.spbe2020, name: output)
        // A date cell, a day-first text date and an ISO text; the id typed with spaces around it;
        // judul and nomor joined into the title.
        #expect(evidence.documents == [
            Document(id: "perbup-12-2023", title: "Peraturan Bupati tentang SPBE, 12 Tahun 2023", date: "2023-05-02",
                     href: "bukti/perbup-12-2023.pdf", sha256: nil),
            Document(id: "renstra-2024", title: "Renstra Bappeda 2024-2026", date: "2024-05-02", href: nil, sha256: nil),
            Document(id: "lap-monev", title: "Laporan monitoring dan evaluasi", date: "2024-06-30", href: nil, sha256: nil),
        ])
        #expect(evidence.answer(for: "I12")?.note.values == ["id": "Renstra menunggu pengesahan"])
        #expect(evidence.answer(for: "I14")?.met.first?.documentIDs == ["renstra-2024", "lap-monev"])
        let fromXML = try CLI.run("score", "--format", "json", output)
        let fromWorkbook = try CLI.run("score", "--format", "json", Self.filled)
        let index = { (text: String) in (try Self.json(text) as? [[String: Any]])?.first?["index"] as? Double }
        #expect(try index(fromXML.stdout) == index(fromWorkbook.stdout))
        #expect(try index(fromXML.stdout) == 1.1)  // see filledByOpenpyxl
    }

    @Test("validate and migrate take a workbook too")
    func validateAndMigrate() throws {
        let validated = try CLI.run("validate", Self.filled, "fixtures/xlsx/bad/merged-input.xlsx")
        #expect(validated.status == 1)
        #expect(validated.stdout.contains("\(Self.filled): ok (evidence)"))
        #expect(validated.stderr.contains("fixtures/xlsx/bad/merged-input.xlsx:Jawaban!G3: error: this input cell is merged"))
        let scratch = try Scratch()
        let migrated = try CLI.run("migrate", Self.filled, "--to", "pemdi-2026", "--output", scratch.path("pemdi.xml"))
        #expect(migrated.status == 0, "\(migrated.stderr)")
        let evidence = try String(contentsOfFile: scratch.path("pemdi.xml"), encoding: .utf8)
        #expect(evidence.contains("rubric=\"pemdi-2026\""))
        #expect(evidence.contains("<unit id=\"bappeda\""))
    }

    // MARK: round trip

    @Test("evidence XML → workbook → import gives the same evidence")
    func roundTrip() throws {
        let xml = EvidenceXML.wrap("""
              <answer indicator="I13" claimed="3">
                <met criterion="I13.L2.a" documents="perbup-1 renstra"/>
                <met criterion="I13.L2.b" documents="renstra"/>
                <met criterion="I13.L3.b"/>
                <note xml:lang="id">Catatan &amp; "kutip" &lt;1&gt;</note>
              </answer>
              <answer indicator="I14">
                <met criterion="I14.L5.b" documents="perbup-1"/>
              </answer>
            """.replacingOccurrences(of: "<unit", with: "<unit"), documents: """
              <document id="perbup-1" date="2023-02-28" href="bukti/perbup 1.pdf" sha256="\(String(repeating: "ab", count: 32))">Perbup 1/2023 — SPBE</document>
              <document id="renstra">Renstra</document>
            """).replacingOccurrences(of: "<unit id=\"diskominfo\" kind=\"opd\" instansi=\"kab-ketapang\">Dinas Komunikasi dan Informatika</unit>",
                                      with: "<unit id=\"bappeda\" kind=\"opd\" instansi=\"kab-ketapang\">Bappeda</unit>")
        let original = try Inline.assessment(xml, rubric: Repo.spbe2020)
        let opd = OPDEntry(id: "bappeda", name: "Bappeda", roles: ["bappeda"])
        let data = try TemplateWorkbook(rubric: Repo.spbe2020, period: "2024", instansi: "kab-ketapang").workbook(for: [opd], filled: [original])
        let records = try WorkbookEvidenceReader().records(bytes: Array(data), path: "bappeda.xlsx")
        #expect(records.count == 1)
        let reader = try Repo.withCatalog { try StreamingEvidenceReader(resolver: RubricResolver(catalog: $0)) }
        let back = try reader.loaded(record: records[0], path: "bappeda.xlsx").assessment
        #expect(back.unit == original.unit)
        #expect(back.period == "2024")
        #expect(back.documents == original.documents)
        #expect(back.answers.map(\.indicatorID) == ["I13", "I14"])
        for answer in original.answers {
            let other = try #require(back.answer(for: answer.indicatorID))
            #expect(other.claimed == answer.claimed)
            #expect(Set(other.met) == Set(answer.met))
            #expect(other.note == answer.note)
        }
        // And once more through XML: the imported evidence writes as the original reads.
        #expect(EvidenceWriter.write(back) == EvidenceWriter.write(original))
    }

    // MARK: bad input

    struct Bad: Sendable, CustomStringConvertible {
        let file: String
        /// Where the message points, after the file name (`""` for the whole file).
        let location: String
        let phrase: String
        var description: String { file }
    }

    static let bad: [Bad] = [
        Bad(file: "zip-bomb.xlsx", location: "", phrase: "(a ZIP bomb?)"),
        Bad(file: "too-many-entries.xlsx", location: "", phrase: "more than 1000 ZIP entries"),
        Bad(file: "parent-path.xlsx", location: "", phrase: "ZIP entry '../../evil.xml' points outside the archive"),
        Bad(file: "absolute-path.xlsx", location: "", phrase: "ZIP entry '/etc/cron.d/evil' points outside the archive"),
        Bad(file: "doctype-part.xlsx", location: ":xl/worksheets/sheet2.xml:2:1", phrase: "a DOCTYPE is not allowed"),
        Bad(file: "password-protected.xlsx", location: "", phrase: "password-protected (encrypted) or an old Excel file (.xls)"),
        Bad(file: "old-format.xls", location: "", phrase: "password-protected (encrypted) or an old Excel file (.xls)"),
        Bad(file: "spreadsheet.ods", location: "", phrase: "OpenDocument spreadsheet (.ods)"),
        Bad(file: "csv-renamed.xlsx", location: "", phrase: "plain text (for example a CSV renamed .xlsx)"),
        Bad(file: "not-a-workbook.xlsx", location: "", phrase: "has no [Content_Types].xml"),
        Bad(file: "truncated.xlsx", location: "", phrase: "damaged or truncated"),
        // A deflate stream that stops before its end (ZIPFoundation's reader spun on it for ever).
        Bad(file: "unterminated-deflate.xlsx", location: "", phrase: "ZIP entry 'xl/worksheets/sheet2.xml' cannot be read (damaged or encrypted)"),
        // Python's zipfile.testzip() names the same entry as bad.
        Bad(file: "crc-mismatch.xlsx", location: "", phrase: "ZIP entry 'xl/worksheets/sheet2.xml' is damaged (CRC mismatch)"),
        Bad(file: "renamed-sheet.xlsx", location: "", phrase: "sheet 'Jawaban' is missing (the sheets are: 'Petunjuk', 'Answers', 'Dokumen')"),
        Bad(file: "deleted-sheet.xlsx", location: "", phrase: "sheet 'Dokumen' is missing"),
        Bad(file: "formula-without-value.xlsx", location: ":Jawaban!G3", phrase: "formula with no stored value"),
        Bad(file: "merged-input.xlsx", location: ":Jawaban!G3", phrase: "this input cell is merged (G3:G4)"),
        Bad(file: "rows-100000.xlsx", location: ":Jawaban!A10001", phrase: "past the limit of 10000 rows"),
        Bad(file: "unknown-criterion.xlsx", location: ":Jawaban!D3", phrase: "criterion 'I12.L9.z' is not in rubric spbe-2020"),
        Bad(file: "undeclared-document.xlsx", location: ":Jawaban!H3", phrase: "document 'tidak-ada' is not in sheet Dokumen"),
        Bad(file: "claimed-out-of-range.xlsx", location: ":Jawaban!G2", phrase: "claimed level 9 is outside indicator I12's scale"),
        Bad(file: "not-yes-no.xlsx", location: ":Jawaban!G3", phrase: "write Ya (yes) or Tidak (no)"),
        Bad(file: "bad-date.xlsx", location: ":Dokumen!D2", phrase: "'31/02/2024' is not a date"),
    ]

    @Test("every bad workbook: a located message, exit 1, nothing written", arguments: bad)
    func refused(_ bad: Bad) throws {
        let scratch = try Scratch()
        let path = "fixtures/xlsx/bad/\(bad.file)"
        let out = scratch.path("out")
        let imported = try CLI.run("import", path, "--output-dir", out)
        #expect(imported.status == 1)
        #expect(imported.stderr.contains("\(path)\(bad.location): error: "), "\(imported.stderr)")
        #expect(imported.stderr.contains(bad.phrase), "\(imported.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
        let scored = try CLI.run("score", path)
        #expect(scored.status == 1)
        #expect(scored.stdout.isEmpty)
        #expect(scored.stderr.contains(bad.phrase))
    }

    @Test("every workbook message exists in Indonesian too")
    func bilingual() throws {
        for bad in Self.bad where !["doctype-part.xlsx", "unknown-criterion.xlsx", "claimed-out-of-range.xlsx"].contains(bad.file) {
            let path = Repo.path("fixtures/xlsx/bad/\(bad.file)")
            let problems = Inline.problems {
                _ = try WorkbookEvidenceReader().records(bytes: InputBytes.load(path), path: path)
            }
            #expect(!problems.isEmpty, "\(bad.file)")
            for problem in problems {
                #expect(problem.indonesian != nil && problem.indonesian != problem.message, "\(bad.file): \(problem.message)")
            }
        }
    }

    /// A measured indicator's `nilai` row (written by hand here: no rubric in this branch's model
    /// is measured yet) becomes the answer's value and documents; a decimal comma is read as a point.
    @Test("a nilai row becomes value and documents")
    func measuredRow() throws {
        let template = TemplateWorkbook(rubric: Repo.spbe2020, period: "2024")
        let opd = OPDEntry(id: "bappeda", name: "Bappeda", roles: ["bappeda"])
        var answers = SheetSpec(name: TemplateLayout.answers)
        for column in TemplateLayout.Answer.allCases { answers.text(1, column.rawValue, column.header, .header) }
        answers.text(2, 1, "I12")
        answers.text(2, 4, "nilai")
        answers.set(2, 7, .number("3.42"), .inputDecimal)
        answers.text(2, 8, "survei-2024", .input)
        answers.text(3, 1, "I13")
        answers.text(3, 4, "nilai")
        answers.text(3, 7, "2,5", .input)
        let documents = template.documentSheet([Document(id: "survei-2024", title: "Survei", date: nil, href: nil, sha256: nil)])
        let data = try WorkbookWriter.write([template.instructions([opd], sheetNames: [TemplateLayout.answers]), answers, documents])
        let record = try WorkbookEvidenceReader().record(bytes: Array(data), path: "m.xlsx")
        #expect(record.answers.map(\.value) == ["3.42", "2.5"])
        #expect(record.answers.map(\.documents) == ["survei-2024", nil])
        #expect(record.answers.map(\.claimed) == [nil, nil])
    }

    @Test("a tampered Petunjuk is named at its cell, as the schema would refuse it in XML")
    func tamperedMetadata() throws {
        let opd = OPDEntry(id: "bappeda", name: "Bappeda", roles: ["bappeda"])
        let data = try TemplateWorkbook(rubric: Repo.spbe2020, period: "tahun ini").workbook(for: [opd])
        let problems = Inline.problems { _ = try WorkbookEvidenceReader().records(bytes: Array(data), path: "b.xlsx") }
        // Rows from 3: rubrik, periode, peran, instansi, opd.
        #expect(problems.map(\.file) == ["b.xlsx:Petunjuk!B4"])
        #expect(problems.first?.message(in: .id).contains("periode 'tahun ini' tidak sah") == true)
    }

    // MARK: template and regency workbook

    @Test("the template holds each OPD's own indicators; the regency workbook imports to one file per OPD")
    func templates() throws {
        let scratch = try Scratch()
        let made = try CLI.run("template", "--lang", "id", "--rubric", "spbe-2020", "--opds", "fixtures/xlsx/opds.csv", "--out", scratch.path("t"),
                               "--format", "xlsx", "--period", "2024", "--instansi", "kab-ketapang")
        #expect(made.status == 0, "\(made.stderr)")
        // SPBE 2020 owners (rubrics/spbe-2020.xml): bappeda owns I13, I14, I32 and shares I12.
        #expect(made.stdout.contains("bappeda.xlsx: 4 indikator"))
        let one = try CLI.run("template", "--rubric", "spbe-2020", "--opds", "fixtures/xlsx/opds.csv", "--out", scratch.path("t"),
                              "--format", "xlsx", "--period", "2024", "--instansi", "kab-ketapang", "--one-workbook")
        #expect(one.status == 0, "\(one.stderr)")
        let imported = try CLI.run("import", scratch.path("t/kab-ketapang.xlsx"), "--output-dir", scratch.path("e"))
        #expect(imported.status == 0, "\(imported.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: scratch.path("e")).sorted()
        #expect(files == ["bappeda.xml", "bkpsdm.xml", "bpkad.xml", "diskominfo.xml", "dpmptsp.xml", "inspektorat.xml", "setda.xml"])
        let dpmptsp = try Inline.assessment(String(contentsOfFile: scratch.path("e/dpmptsp.xml"), encoding: .utf8), rubric: Repo.spbe2020)
        #expect(dpmptsp.unit.roles == ["dpmptsp", "layanan-publik"])
        #expect(dpmptsp.answers.isEmpty)
        // A regency workbook is several assessments: score asks for it to be split.
        let scored = try CLI.run("score", scratch.path("t/kab-ketapang.xlsx"))
        #expect(scored.status == 1)
        #expect(scored.stderr.contains("holds 7 OPDs"))
    }

    // MARK: third-party readers

    static func python(_ arguments: [String]) throws -> CLI.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Repo.path("scripts/xlsx-readback")] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLI.Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                          stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test("openpyxl reads the template and the results workbook as meant")
    func openpyxlReadsBack() throws {
        let scratch = try Scratch()
        _ = try CLI.run("template", "--rubric", "spbe-2020", "--opds", "fixtures/xlsx/opds.csv", "--out", scratch.path("t"),
                        "--format", "xlsx", "--period", "2024")
        let template = try Self.python([scratch.path("t/bappeda.xlsx"), "Jawaban!A3", "Jawaban!G3", "Jawaban!G2", "Dokumen!D2"])
        try #require(template.status == 0, "openpyxl read-back failed (is openpyxl installed? pip install openpyxl): \(template.stderr)")
        let read = try #require(try Self.json(template.stdout) as? [String: Any])
        #expect(read["sheets"] as? [String] == ["Petunjuk", "Jawaban", "Dokumen"])
        let sheets = try #require(read["sheet"] as? [String: [String: Any]])
        #expect(sheets["Jawaban"]?["header"] as? [String] == ["indikator", "judul", "level", "kriteria", "uraian", "panduan", "terpenuhi", "dokumen", "catatan"])
        #expect(sheets["Dokumen"]?["header"] as? [String] == ["id", "judul", "nomor", "tanggal", "berkas", "sha256"])
        // Four indicators × (a claim row + levels 2–5 × 2 criteria; level 1 is the floor) + the header:
        // 4 × (1 + 8) + 1 = 37, claim rows G2 G11 G20 G29.
        #expect(sheets["Jawaban"]?["maxRow"] as? Int == 37)
        #expect(sheets["Jawaban"]?["freeze"] as? String == "A2")
        #expect(sheets["Jawaban"]?["protected"] as? Bool == true)
        #expect(sheets["Jawaban"]?["paper"] as? Int == 9)  // A4
        let validations = try #require(sheets["Jawaban"]?["validations"] as? [[String]])
        #expect(validations.contains { $0[0] == "list" && $0[1] == "\"Ya,Tidak\"" && $0[2].hasPrefix("G3 G4 ") })
        #expect(validations.contains { $0 == ["list", "\"1,2,3,4,5\"", "G2 G11 G20 G29"] })
        let cells = try #require(read["cells"] as? [String: [String: Any]])
        #expect(cells["Jawaban!A3"]?["value"] as? String == "I12")
        #expect(cells["Jawaban!A3"]?["locked"] as? Bool == true)
        #expect(cells["Jawaban!G3"]?["locked"] as? Bool == false)
        #expect(cells["Jawaban!G2"]?["locked"] as? Bool == false)
        #expect(cells["Dokumen!D2"]?["format"] as? String == "yyyy-mm-dd")

        let report = scratch.path("r.xlsx")
        let made = try CLI.run("report", "--lang", "id", Self.filled, "--format", "xlsx", "--output", report)
        #expect(made.status == 0, "\(made.stderr)")
        // Ringkasan row 2 is the index; Indikator lists the 47 indicators in rubric order, I12 on row 13.
        let results = try Self.python([report, "Ringkasan!D2", "Ringkasan!F2", "Indikator!B13", "Indikator!E13", "Indikator!F13", "Indikator!H13"])
        try #require(results.status == 0, "\(results.stderr)")
        let r = try #require(try Self.json(results.stdout) as? [String: Any])
        #expect(r["sheets"] as? [String] == ["Ringkasan", "Indikator"])
        let values = try #require(r["cells"] as? [String: [String: Any]])
        #expect(values["Ringkasan!D2"]?["value"] as? Double == 1.1)  // 110 / 100, see filledByOpenpyxl
        #expect(values["Ringkasan!D2"]?["format"] as? String == "0.00")
        #expect(values["Ringkasan!F2"]?["value"] as? String == "Kurang")
        // Row 3, its own result over I12, I13, I14 (2.5 each) and I32 (2.75): the 10 weighted
        // levels above the floor are all its own, (10.25 + 10) / 10.25 = 1.9756 → 1.98 Cukup.
        let own = try #require(try Self.json(try Self.python([report, "Ringkasan!B3", "Ringkasan!D3", "Ringkasan!F3"]).stdout) as? [String: Any])
        let ownCells = try #require(own["cells"] as? [String: [String: Any]])
        #expect(ownCells["Ringkasan!B3"]?["value"] as? String == "capaian OPD")
        #expect(ownCells["Ringkasan!D3"]?["value"] as? Double == 1.98)
        #expect(ownCells["Ringkasan!F3"]?["value"] as? String == "Cukup")
        #expect(values["Indikator!B13"]?["value"] as? String == "I12")
        #expect(values["Indikator!E13"]?["value"] as? Int == 3)
        #expect(values["Indikator!F13"]?["value"] as? Int == 2)
        #expect(values["Indikator!H13"]?["value"] as? String == "ya")
    }

    @Test("the results workbook has the sheets its input calls for")
    func resultSheets() throws {
        let scratch = try Scratch()
        let opds = ["bappeda", "bkpsdm", "bpkad", "diskominfo", "dpmptsp", "inspektorat", "setda"].map { "fixtures/kab-ketapang-2024/\($0).xml" }
        let regency = scratch.path("regency.xlsx")
        let made = try CLI.runArray(["report", "--lang", "id"] + opds + ["--format", "xlsx", "--target", "3.0", "--output", regency])
        #expect(made.status == 0, "\(made.stderr)")
        let read = try Self.python([regency, "Peta!A2", "OPD!B2"])
        try #require(read.status == 0, "openpyxl read-back failed (pip install openpyxl): \(read.stderr)")
        let sheets = try #require(try Self.json(read.stdout) as? [String: Any])
        #expect(sheets["sheets"] as? [String] == ["Ringkasan", "Indikator", "OPD", "Peta", "Rencana"])
        let cells = try #require(sheets["cells"] as? [String: [String: Any]])
        #expect(cells["Peta!A2"]?["value"] as? String == "bappeda")
        // Each OPD shows its own result, the number readiness and the HTML report show: after the
        // regency's 17 rows (index, 4 domains, 8 aspects, 1 pillar, a blank) bappeda's capaian
        // OPD, 20.75 / 7.75 = 2.68 Baik (KetapangAggregationTests), not its file scored over 47.
        let ringkasan = try #require(try Self.json(try Self.python([regency, "Ringkasan!A17", "Ringkasan!B17", "Ringkasan!D17", "Ringkasan!F17"]).stdout) as? [String: Any])
        let rows = try #require(ringkasan["cells"] as? [String: [String: Any]])
        #expect(rows["Ringkasan!A17"]?["value"] as? String == "bappeda")
        #expect(rows["Ringkasan!B17"]?["value"] as? String == "capaian OPD")
        #expect(rows["Ringkasan!D17"]?["value"] as? Double == 2.68)
        #expect(rows["Ringkasan!F17"]?["value"] as? String == "Baik")

        // The instansi file against the inspectorate's review: kab-ketapang's own index is 2.47 (CI checks it).
        let compared = scratch.path("compare.xlsx")
        #expect(try CLI.run("report", "fixtures/kab-ketapang-2024/kab-ketapang.xml", "--compare",
                            "fixtures/kab-ketapang-2024/review/inspektorat-review.xml", "--format", "xlsx", "--output", compared).status == 0)
        let comparison = try #require(try Self.json(try Self.python([compared, "Perbandingan!C2"]).stdout) as? [String: Any])
        #expect(comparison["sheets"] as? [String] == ["Ringkasan", "Indikator", "Perbandingan"])
        #expect((comparison["cells"] as? [String: [String: Any]])?["Perbandingan!C2"]?["value"] as? Double == 2.47)
        // Without --output a workbook has nowhere to go.
        #expect(try CLI.run("report", Self.filled, "--format", "xlsx").status == 2)
    }

    @Test("LibreOffice reads the generated workbooks and the numbers survive (skipped without soffice)")
    func libreOffice() throws {
        guard let soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice", "/opt/libreoffice/program/soffice"]
            .first(where: FileManager.default.isExecutableFile(atPath:)) else {
            print("WorkbookTests.libreOffice skipped: soffice (LibreOffice) is not installed")
            return
        }
        let scratch = try Scratch()
        let report = scratch.path("report.xlsx")
        #expect(try CLI.run("report", "--lang", "id", Self.filled, "--format", "xlsx", "--output", report).status == 0)
        let template = scratch.path("bappeda.xlsx")
        try FileManager.default.copyItem(atPath: Repo.path(Self.filled), toPath: template)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        process.arguments = ["--headless", "-env:UserInstallation=file://\(scratch.path("profile"))", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76",
                             "--outdir", scratch.path("csv"), report, template]
        process.standardOutput = FileHandle.nullDevice
        let err = Pipe()
        process.standardError = err
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if stderr.contains("source file could not be loaded") {
            print("WorkbookTests.libreOffice skipped: soffice has no spreadsheet component (apt-get install libreoffice-calc)")
            return
        }
        let csv = try String(contentsOfFile: scratch.path("csv/report.csv"), encoding: .utf8)
        let second = try #require(csv.split(separator: "\n").dropFirst().first)
        // The first sheet (Ringkasan): the index row, its number as LibreOffice formats 0.00.
        #expect(second.hasPrefix("bappeda,indeks,"))
        #expect(second.contains(",1.10,100.00,Kurang"))  // see filledByOpenpyxl
        // The filled workbook's first sheet (Petunjuk) carries who it is for.
        let instructions = try String(contentsOfFile: scratch.path("csv/bappeda.csv"), encoding: .utf8)
        #expect(instructions.contains("rubrik,spbe-2020"))
        #expect(instructions.contains("periode,2024"))
    }
}
