import Foundation
import Testing
@testable import SPBEAssess
@testable import SPBEReport

/// The documents handed out at a meeting: the Word report (read back by third-party readers:
/// LibreOffice, pdftotext, python-docx), the HTML printed by headless Chromium, the signature
/// file, Indonesian wording, the Markdown escaper.
@Suite("Meeting documents", .serialized)
struct DocumentTests {
    /// The path of an external tool, or nil (the caller prints why it skips).
    static func tool(_ name: String) -> String? {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for directory in path where FileManager.default.isExecutableFile(atPath: directory + "/" + name) {
            return directory + "/" + name
        }
        return nil
    }

    @discardableResult
    static func shell(_ tool: String, _ arguments: [String], in directory: URL? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func signatureFile(_ scratch: borrowing Scratch) throws -> String {
        try scratch.write("ttd.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <signatures xmlns="urn:spbe-assess:signatures:1" place="Sukamaju">
              <signatory role="mandiri" name="Ir. Bambang Wicaksono" nip="197204151998031004" position="Kepala Diskominfo"/>
              <signatory role="mengetahui" name="Drs. Ahmad Fauzi" nip="1968 0312 1994 03 1 005" position="Sekretaris Daerah"/>
            </signatures>
            """)
    }

    @Test("the Word report converts with LibreOffice; its text holds the name, a decimal-comma index and the berita acara")
    func wordConverts() throws {
        let scratch = try Scratch()
        let docx = scratch.path("laporan.docx")
        let result = try CLI.run("report", "--lang", "id", "fixtures/kab-contoh-2024", "--format", "docx", "--target", "Baik", "--date", "2026-12-01",
                                 "--signatures", try Self.signatureFile(scratch), "--output", docx)
        #expect(result.status == 0, "\(result.stderr)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: docx))
        #expect(bytes.prefix(2) == Data("PK".utf8))  // a ZIP package
        guard let soffice = Self.tool("soffice"), let pdftotext = Self.tool("pdftotext") else {
            print("skipped: LibreOffice (soffice) or pdftotext is not installed; apt-get install libreoffice-writer-nogui poppler-utils")
            return
        }
        let converted = try Self.shell(soffice, ["--headless", "--convert-to", "pdf", "--outdir", scratch.url.path, docx])
        #expect(converted.status == 0)
        let text = try Self.shell(pdftotext, [scratch.path("laporan.pdf"), "-"]).output
        #expect(text.contains("Kabupaten Sukamaju"))  // the name read from the id kab-sukamaju, not the slug
        #expect(text.contains("Berita Acara Hasil Evaluasi"))
        #expect(text.contains("Drs. Ahmad Fauzi") && text.contains("NIP. 1968 0312 1994 03 1 005"))
        #expect(text.contains("Sukamaju, 1 Desember 2026"))
        // "Indeks d,dd — predicate": a decimal comma, never a point.
        #expect(text.range(of: #"Indeks [0-9],[0-9][0-9] — "#, options: .regularExpression) != nil)
        #expect(text.range(of: #"Indeks [0-9]\.[0-9][0-9]"#, options: .regularExpression) == nil)
        #expect(text.contains("Fakta:") && text.contains("Analisis:") && text.contains("Justifikasi:"))
    }

    @Test("python-docx reads the Word file and finds Heading 1–3 paragraphs")
    func wordHeadings() throws {
        let scratch = try Scratch()
        let docx = scratch.path("laporan.docx")
        #expect(try CLI.run("report", "--lang", "id", "fixtures/kab-ketapang-2024/kab-ketapang.xml", "--format", "docx", "--output", docx).status == 0)
        guard let python = Self.tool("python3"),
              try Self.shell(python, ["-c", "import docx"]).status == 0 else {
            print("skipped: python-docx is not installed (pip install python-docx)")
            return
        }
        let script = """
            import sys, docx, collections
            d = docx.Document(sys.argv[1])
            c = collections.Counter(p.style.name for p in d.paragraphs)
            print(c['Heading 1'], c['Heading 2'], c['Heading 3'], len(d.tables))
            print([p.text for p in d.paragraphs if p.style.name == 'Heading 1'])
            """
        let output = try Self.shell(python, ["-c", script, docx]).output
        let counts = output.split(separator: "\n").first?.split(separator: " ").compactMap { Int($0) } ?? []
        // Headings 3: one per SPBE indicator, 47; headings 2: one per domain, 4.
        #expect(counts.count == 4 && counts[2] == 47 && counts[1] == 4 && counts[0] >= 6, "\(output)")
        #expect(output.contains("Berita Acara Hasil Evaluasi") && output.contains("Rekomendasi"))
    }

    @Test("the printed regency report: A4 pages, about ten, the heatmap on a landscape page with every column")
    func printLayout() throws {
        guard let chromium = Self.tool("chromium"), let pdfinfo = Self.tool("pdfinfo"), let pdftotext = Self.tool("pdftotext") else {
            print("skipped: chromium or poppler-utils is not installed (apt-get install chromium poppler-utils)")
            return
        }
        let scratch = try Scratch()
        let html = scratch.path("r.html")
        #expect(try CLI.run("report", "--lang", "id", "fixtures/kab-contoh-2024", "--target", "Baik", "--date", "2026-12-01", "--output", html).status == 0)
        let pdf = scratch.path("r.pdf")
        try Self.shell(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--print-to-pdf=" + pdf, "file://" + html])
        let info = try Self.shell(pdfinfo, ["-f", "1", "-l", "40", pdf]).output
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
        #expect((5...12).contains(pages), "\(pages) pages")
        // Page 1 is the summary: name, index, findings.
        let first = try Self.shell(pdftotext, ["-f", "1", "-l", "1", pdf, "-"]).output
        #expect(first.contains("Kabupaten Sukamaju") && first.contains("Temuan utama") && !first.contains("kab-sukamaju"))
        #expect(first.contains("Halaman 1 dari \(pages)") && first.contains("1 Desember 2026"))
        // The heatmap's page is landscape (842 × 595 pt) and holds all 47 column heads.
        var found = false
        for page in 1...max(pages, 1) {
            let text = try Self.shell(pdftotext, ["-f", "\(page)", "-l", "\(page)", pdf, "-"]).output
            guard text.contains("Peta panas OPD") else { continue }
            found = true
            let size = info.split(separator: "\n").first { $0.hasPrefix("Page") && $0.contains(" \(page) size:") } ?? ""
            #expect(size.contains("841.92 x 594.96"), "\(size)")
            let missing = (1...47).map { String(format: "I%02d", $0) }.filter { !text.contains($0) }
            #expect(missing.isEmpty, "columns not on the page: \(missing)")
        }
        #expect(found)
    }

    @Test("signature file: an unknown role and malformed XML are explained at their line, in Indonesian, exit 1")
    func badSignatures() throws {
        let scratch = try Scratch()
        let unknown = try scratch.write("a.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <signatures xmlns="urn:spbe-assess:signatures:1">
              <signatory role="bupati" name="X" position="Y"/>
            </signatures>
            """)
        let result = try CLI.run("report", "--lang", "id", "fixtures/kab-contoh-2024", "--format", "docx", "--signatures", unknown, "--output", scratch.path("o.docx"))
        #expect(result.status == 1)
        #expect(result.stderr.contains("a.xml:3:"), "\(result.stderr)")
        // The message exists in Indonesian (the CLI prints it once the message sweep lands).
        do {
            _ = try SignatureList.load(path: unknown)
            Issue.record("an unknown role was accepted")
        } catch {
            #expect(error.diagnostics.first?.description(in: .id).contains("peran penanda tangan 'bupati' tidak dikenal") == true)
        }
        #expect(!FileManager.default.fileExists(atPath: scratch.path("o.docx")))
        let english = try CLI.run("report", "fixtures/kab-contoh-2024", "--format", "docx", "--lang", "en", "--signatures", unknown, "--output", scratch.path("o.docx"))
        #expect(english.stderr.contains("unknown signatory role 'bupati'"))
        let broken = try scratch.write("b.xml", "<signatures xmlns=\"urn:spbe-assess:signatures:1\"><signatory role=\"asesor\"")
        let malformed = try CLI.run("report", "--lang", "id", "fixtures/kab-contoh-2024", "--format", "docx", "--signatures", broken, "--output", scratch.path("o.docx"))
        #expect(malformed.status == 1)
        #expect(malformed.stderr.contains("b.xml:1:"))
        let nip = try scratch.write("c.xml", """
            <signatures xmlns="urn:spbe-assess:signatures:1"><signatory role="asesor" name="X" nip="12345" position="Y"/></signatures>
            """)
        #expect(try CLI.run("report", "--lang", "id", "fixtures/kab-contoh-2024", "--format", "docx", "--signatures", nip, "--output", scratch.path("o.docx")).status == 1)
        // The same from the command line.
        #expect(try CLI.run("report", "--lang", "id", "fixtures/kab-contoh-2024", "--format", "docx", "--signatory", "bupati;X;;Y", "--output", scratch.path("o.docx")).status == 1)
        #expect(try CLI.run("report", "--lang", "id", "fixtures/kab-contoh-2024", "--format", "docx", "--signatory", "asesor;X", "--output", scratch.path("o.docx")).status == 1)
        #expect(!FileManager.default.fileExists(atPath: scratch.path("o.docx")))
        #expect(throws: LoadError.self) { try SignatureList.signatory("asesor;X;12;Y", source: "test") }
        let person = try SignatureList.signatory("asesor; Dr. Rina Wulandari ;;Asesor Eksternal", source: "test")
        #expect(person == Signatory(role: .asesor, name: "Dr. Rina Wulandari", nip: nil, position: "Asesor Eksternal"))
    }

    @Test("--format docx on a terminal without --output is a usage error; piped, it writes the ZIP")
    func docxOnTerminal() throws {
        let piped = try CLI.run("report", "--lang", "id", "fixtures/kab-ketapang-2024/kab-ketapang.xml", "--format", "docx")
        #expect(piped.status == 0 && piped.stdout.hasPrefix("PK"))
        guard let script = Self.tool("script") else {
            print("skipped: util-linux 'script' (a pseudo-terminal) is not installed")
            return
        }
        // script(1) runs the command on a pseudo-terminal, so isatty(1) holds.
        let command = "'\(CLI.binary.path)' report '\(Repo.path("fixtures/kab-ketapang-2024/kab-ketapang.xml"))' --format docx; echo \"status=$?\""
        let output = try Self.shell(script, ["-qc", command, "/dev/null"]).output
        #expect(output.contains("status=2"), "\(output)")
        #expect(output.contains("--format docx menulis berkas Word"))
        #expect(!output.contains("PK\u{3}\u{4}"))
    }

    @Test("Indonesian reports name roles in Indonesian: no English role id in a sentence")
    func roleNames() throws {
        let markdown = try CLI.run("compare", "--lang", "id", "fixtures/kab-ketapang-2024/kab-ketapang.xml", "fixtures/kab-ketapang-2024/review/asesor.xml",
                                   "--format", "md").stdout
        #expect(markdown.contains("diturunkan oleh asesor") || markdown.contains("dinaikkan oleh asesor"), "\(markdown.prefix(600))")
        for english in ["diturunkan assessor", "dinaikkan assessor", "klaim berlebih self", "bukti dukung self", "self–assessor", "| self |"] {
            #expect(!markdown.contains(english), "\(english)")
        }
        let html = try CLI.run("report", "--lang", "id", "fixtures/kab-contoh-2024").stdout
        #expect(!html.contains("Kurang untuk level"))  // cannot be read as the predicate Kurang
        #expect(html.contains("belum terpenuhi"))
    }

    @Test("one Markdown escaper: hostile HTML and javascript: links in notes are neutralised")
    func markdownEscaper() {
        let note = "<img src=x onerror=alert(1)> [klik](javascript:alert(1)) **tebal**"
        let escaped = MarkdownText.escape(note)
        #expect(!escaped.contains("<img"))
        #expect(!escaped.contains("](javascript:"))
        #expect(!escaped.contains("javascript:"))
        #expect(escaped == "&lt;img src=x onerror=alert(1)&gt; \\[klik\\](javascript&#58;alert(1)) \\*\\*tebal\\*\\*")
        #expect(MarkdownText.escape("a\nb") == "a b")
    }

    @Test("numbers in Indonesian take a decimal comma; the id slug is read as a name")
    func formatting() {
        #expect(ReportFormat.fixed(2.466, places: 2, .id) == "2,47")
        #expect(ReportFormat.fixed(2.466, places: 2, .en) == "2.47")
        #expect(ReportFormat.fixed(-0.004, places: 2, .id) == "0,00")
        #expect(ReportFormat.signed(hundredths: 91, .id) == "+0,91")
        #expect(ReportFormat.signed(hundredths: -14, .en) == "-0.14")
        #expect(DisplayName.fromSlug("kab-sukamaju") == "Kabupaten Sukamaju")
        #expect(DisplayName.fromSlug("kota-banda-aceh") == "Kota Banda Aceh")
        #expect(ReportDate(iso: "2026-12-01")?.text(.id) == "1 Desember 2026")
        #expect(ReportDate(iso: "2026-13-01") == nil)
    }

    @Test("chart labels wrap instead of being clipped, and the value axis follows the rubric's scale")
    func chartLabels() throws {
        #expect(ChartText.wrap("Layanan Administrasi Pemerintahan Berbasis Elektronik", width: 16, lines: 2)
                == ["Layanan", "Administrasi…"])
        #expect(ChartText.wrap("Layanan Publik Berbasis Elektronik", width: 20, lines: 2) == ["Layanan Publik", "Berbasis Elektronik"])
        #expect(ChartText.wrap("Digital-government security", width: 16, lines: 2) == ["Digital-", "government…"])
        #expect(ChartText.wrap("Data-driven", width: 16, lines: 2) == ["Data-driven"])
        // Every label line of every aspect and domain of the three rubrics fits the bar chart's label column.
        for id in ["spbe-2020", "pemdi-2026", "smart-city-2023"] {
            let rubric = try Repo.withCatalog { try $0.rubric(id) }
            for language in Language.allCases {
                let labels = rubric.aspects.map { "\($0.id) \($0.title.text(in: language))" } + rubric.domains.map { "\($0.id) \($0.title.text(in: language))" }
                for label in labels {
                    for line in ChartText.wrap(label, width: BarChart.labelCharacters, lines: 2) {
                        #expect(ChartText.width(line, size: 12) <= BarChart(bars: []).labelWidth - 8, "\(line)")
                    }
                }
            }
        }
        // A 7-level scale: 7 on the full track, 3.5 at half of it.
        let chart = BarChart(bars: [], scale: ChartScale(minimum: 0, maximum: 7))
        #expect(chart.length(7) == chart.barWidth)
        #expect(chart.length(3.5) == chart.barWidth / 2)
        #expect(ChartScale(Repo.spbe2020).maximum == 5)
    }
}
