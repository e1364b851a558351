import CLibXML
import Foundation
import Testing
@testable import SPBEAssess
@testable import SPBEReport

@Suite("Reports")
struct ReportTests {
    static func card(_ xml: String, rubric: Rubric = Repo.spbe2020) throws -> Scorecard {
        Scorer(rubric: rubric).score(try Inline.assessment(xml, rubric: rubric))
    }

    /// Collects libxml2 HTML parser errors; reached from the C callback through `_private`.
    final class HTMLErrors {
        var codes: [Int32] = []
    }

    /// Parses HTML with libxml2's HTML parser: true when it reports no error other than
    /// "unknown tag", which libxml2 2.9 (an HTML 4 parser) says of HTML5's svg, figure, header….
    static func parseHTML(_ html: String) -> Bool {
        guard let context = htmlNewParserCtxt() else { return false }
        defer { htmlFreeParserCtxt(context) }
        let errors = HTMLErrors()
        let retained = Unmanaged.passRetained(errors)
        defer { retained.release() }
        // The HTML parser's context is not a SAX2 one, so its errors skip the context's serror;
        // the per-thread structured handler sees them. Set and reset around this parse only.
        xmlSetStructuredErrorFunc(retained.toOpaque()) { userData, error in
            guard let userData, let error else { return }
            Unmanaged<HTMLErrors>.fromOpaque(userData).takeUnretainedValue().codes.append(error.pointee.code)
        }
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        let options = Int32(HTML_PARSE_NONET.rawValue)
        let document = html.withCString { htmlCtxtReadMemory(context, $0, Int32(strlen($0)), "report.html", "UTF-8", options) }
        defer { if let document { xmlFreeDoc(document) } }
        let unknownTag = Int32(XML_HTML_UNKNOWN_TAG.rawValue)
        return document != nil && errors.codes.allSatisfy { $0 == unknownTag }
    }

    @Test("the HTML parses and holds the sections and charts it should")
    func htmlStructure() throws {
        let result = try CLI.run("report", "fixtures/kab-ketapang-2024/kab-ketapang.xml", "--target", "Sangat Baik")
        #expect(result.status == 0, "\(result.stderr)")
        let html = result.stdout
        #expect(Self.parseHTML(html))
        #expect(!Self.parseHTML("<html><body><p>a</q></body></html>"))  // the check can fail
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<script"))                       // no scripts at all
        #expect(!html.contains("http://") || html.components(separatedBy: "http://").dropFirst().allSatisfy { $0.hasPrefix("www.w3.org/2000/svg") })
        for fragment in ["class=\"chart radar\"", "class=\"chart bars\"", "Peta jalan menuju target", "Klaim berlebih",
                         "Indikator", ">2.47<", ">Cukup<", "class=\"target\""] {
            #expect(html.contains(fragment), "\(fragment)")
        }
        // 8 aspects: 5 rings, 1 target ring and 1 value polygon; 8 dots.
        #expect(html.components(separatedBy: "class=\"ring\"").count - 1 == 5)
        #expect(html.components(separatedBy: "class=\"dot\"").count - 1 == 8)
    }

    @Test("a regency's OPD files get the heatmap and the readiness ranking")
    func regency() throws {
        let result = try CLI.run("report", "fixtures/kab-contoh-2024", "--lang", "en")
        #expect(result.status == 0)
        #expect(Self.parseHTML(result.stdout))
        #expect(result.stdout.contains("OPD × indicator heatmap"))
        #expect(result.stdout.contains("OPD readiness (lowest first)"))
        #expect(result.stdout.contains("NOT SUBMITTED"))
        // 18 OPD rows in the heatmap.
        #expect(result.stdout.components(separatedBy: "class=\"unit-name\"").count - 1 == 18)
        let markdown = try CLI.run("report", "--format", "md", "fixtures/kab-contoh-2024").stdout
        #expect(markdown.contains("## Kesiapan OPD (terendah lebih dulu)"))
        #expect(markdown.contains("**BELUM MENYERAHKAN**"))
    }

    @Test("radar geometry: 5 lies on the outer ring, 0 at the centre, the first axis straight up")
    func radarGeometry() {
        let chart = RadarChart(axes: (1...8).map { .init(label: "A\($0)", value: 5) })
        let centre = chart.centre
        for axis in 0..<8 {
            let p = chart.point(axis: axis, value: 5)
            #expect(abs(hypot(p.x - centre.x, p.y - centre.y) - chart.radius) < 1e-9)
            let origin = chart.point(axis: axis, value: 0)
            #expect(abs(origin.x - centre.x) < 1e-9 && abs(origin.y - centre.y) < 1e-9)
        }
        let top = chart.point(axis: 0, value: 5)
        #expect(abs(top.x - centre.x) < 1e-9 && abs(top.y - (centre.y - chart.radius)) < 1e-9)
        // Axis 2 of 8 is 90° clockwise: straight right; 2.5 is half way out.
        let right = chart.point(axis: 2, value: 2.5)
        #expect(abs(right.x - (centre.x + chart.radius / 2)) < 1e-9 && abs(right.y - centre.y) < 1e-9)
    }

    @Test("bar geometry: the maximum fills the track, values beyond the scale are clamped")
    func barGeometry() {
        let chart = BarChart(bars: [.init(label: "D1", value: 2.5)])
        #expect(chart.length(5) == chart.barWidth)
        #expect(chart.length(2.5) == chart.barWidth / 2)
        #expect(chart.length(7) == chart.barWidth && chart.length(-1) == 0)
    }

    @Test("line geometry: 0 on the baseline, 5 on the top line, points evenly spread")
    func lineGeometry() {
        let chart = LineChart(points: [.init(label: "2023", value: 0), .init(label: "2024", value: 2.5), .init(label: "2026", value: 5, rubricChange: true)])
        #expect(chart.position(0) == (chart.left, chart.top + chart.plotHeight))
        #expect(chart.position(1) == (chart.left + chart.plotWidth / 2, chart.top + chart.plotHeight / 2))
        #expect(chart.position(2) == (chart.left + chart.plotWidth, chart.top))
        #expect(chart.svg(title: "t").render().contains("class=\"target\""))  // the rubric change is marked
    }

    @Test("one unit over three periods, across the SPBE → Pemdi change, gets the trend section")
    func trendReport() throws {
        let result = try CLI.run("report", "fixtures/kab-ketapang-2023/kab-ketapang.xml", "fixtures/kab-ketapang-2024/kab-ketapang.xml",
                                 "fixtures/kab-ketapang-2026/kab-ketapang.xml", "--lang", "en")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.parseHTML(result.stdout))
        #expect(result.stdout.contains("class=\"chart trend\""))
        #expect(result.stdout.contains("Index over the periods"))
        #expect(result.stdout.contains("The dashed line marks a change of rubric"))
        #expect(!result.stdout.contains("OPD × indicator heatmap"))
    }

    @Test("--compare adds the side-by-side review with the predicate changes and the agreement")
    func compareReport() throws {
        let result = try CLI.run("report", "fixtures/kab-ketapang-2024/kab-ketapang.xml", "--lang", "en",
                                 "--compare", "fixtures/kab-ketapang-2024/review/asesor.xml")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.parseHTML(result.stdout))
        #expect(result.stdout.contains("Comparison between assessors"))
        // D4 drops from 2.81 Baik (Good) to 2.43 Cukup (Fair) under the assessor (see ComparisonTests).
        #expect(result.stdout.contains("<td>D4</td><td>2.81 Good</td><td>2.43 Fair</td><td>-0.38</td>"))
        #expect(result.stdout.contains("predicate changes"))
        let markdown = try CLI.run("report", "--format", "md", "fixtures/kab-ketapang-2024/kab-ketapang.xml",
                                   "--compare", "fixtures/kab-ketapang-2024/review/asesor.xml").stdout
        #expect(markdown.contains("| D4 | 2.81 Baik | 2.43 Cukup | -0.38 | **predikat berubah** |"))
        let other = try CLI.run("report", "fixtures/kab-ketapang-2024/bappeda.xml", "--compare", "fixtures/kab-ketapang-2024/review/asesor.xml")
        #expect(other.status == 2)  // another unit
    }

    @Test("hostile text from evidence files shows as text in HTML and Markdown")
    func escaping() throws {
        let hostile = "<script>alert('x')</script> & \"quotes\" | *bold* [link](http://x)"
        let xml = EvidenceXML.wrap("<answer indicator=\"I01\" claimed=\"2\"><met criterion=\"I01.L2.a\" documents=\"doc\"/><note>\(Markup.escape(hostile))</note></answer>",
                                   documents: "<document id=\"doc\">\(Markup.escape(hostile))</document>")
        let input = ReportInput(cards: [try Self.card(xml)])
        let html = HTMLReport.render(input)
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;"))
        #expect(Self.parseHTML(html))
        #expect(Markup.el("td", ["title": hostile], .text(hostile)).render()
                == "<td title=\"\(Markup.escape(hostile))\">\(Markup.escape(hostile))</td>")
        let markdown = MarkdownReport.render(input)
        #expect(!markdown.contains("<script>"))
        #expect(markdown.contains("\\<script\\>"))
        #expect(MarkdownReport.escape("a|b*c") == "a\\|b\\*c")
    }

    @Test("every fixed label exists in Indonesian and English, and the stylesheet needs no escaping")
    func labels() {
        #expect(Phrase.isComplete)
        for phrase in Phrase.allCases where phrase != .step && phrase != .none && phrase != .status && phrase != .unit {
            #expect(phrase.text(.id) != phrase.text(.en) || ["Domain", "Target", "Level"].contains(phrase.text(.id)), "\(phrase)")
        }
        #expect(!ReportStyle.css.contains("<") && !ReportStyle.css.contains(">") && !ReportStyle.css.contains("&"))
    }

    /// RFC 4180 reader for the test: separator, quotes doubled inside quoted fields, CRLF rows.
    static func parseCSV(_ text: String, separator: Character) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var characters = Array(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        characters.append("\r\n")
        var index = 0
        while index < characters.count {
            let c = characters[index]
            if quoted {
                if c == "\"" {
                    if index + 1 < characters.count, characters[index + 1] == "\"" { field.append("\""); index += 1 } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == separator { row.append(field); field = "" }
            else if c == "\r\n" || c == "\n" {
                if !(row.isEmpty && field.isEmpty) { row.append(field); rows.append(row) }
                row = []; field = ""
            } else { field.append(c) }
            index += 1
        }
        return rows
    }

    @Test("CSV round-trips through a CSV parser with the numbers of the JSON, in both dialects")
    func csvRoundTrip() throws {
        let json = try CLI.run("score", "--format", "json", "fixtures/kab-ketapang-2024/kab-ketapang.xml").stdout
        let units = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        let indicators = try #require(units[0]["indicators"] as? [[String: Any]])

        let csv = try CLI.run("report", "--format", "csv", "fixtures/kab-ketapang-2024/kab-ketapang.xml").stdout
        #expect(csv.hasPrefix("\u{FEFF}unit_id,"))
        let rows = Self.parseCSV(csv, separator: ",")
        #expect(rows.count == 48)
        let header = rows[0]
        for (row, indicator) in zip(rows.dropFirst(), indicators) {
            let field = { (name: String) in row[header.firstIndex(of: name)!] }
            #expect(field("indicator") == indicator["id"] as? String)
            #expect(Double(field("weight")) == indicator["weight"] as? Double)
            #expect(Int(field("supported")) == indicator["supported"] as? Int)
            #expect(Int(field("claimed")) == indicator["claimed"] as? Int)
        }
        let indices = Self.parseCSV(try CLI.run("report", "--format", "csv-indices", "fixtures/kab-ketapang-2024/kab-ketapang.xml").stdout, separator: ",")
        #expect(Double(indices[1][indices[0].firstIndex(of: "index")!]) == units[0]["index"] as? Double)
        #expect(indices[1][indices[0].firstIndex(of: "index_rounded")!] == "2.47")

        let indonesian = Self.parseCSV(try CLI.run("report", "--format", "csv-indices", "--csv-dialect", "indonesian",
                                                   "fixtures/kab-ketapang-2024/kab-ketapang.xml").stdout, separator: ";")
        #expect(indonesian[1][indonesian[0].firstIndex(of: "index_rounded")!] == "2,47")
    }

    @Test("CSV fields: quoted when needed, formulas neutralised")
    func csvFields() {
        #expect(CSVReport.field("a,b", .international) == "\"a,b\"")
        #expect(CSVReport.field("say \"hi\"", .international) == "\"say \"\"hi\"\"\"")
        #expect(CSVReport.field("a;b", .international) == "a;b")
        #expect(CSVReport.field("a;b", .indonesian) == "\"a;b\"")
        #expect(CSVReport.field("=HYPERLINK(\"x\")", .international) == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(CSVReport.field("-1", .international) == "-1")
        #expect(CSVReport.field("-cmd", .international) == "'-cmd")
    }

    @Test("report --output is written atomically and the formats exit 0")
    func outputs() throws {
        let scratch = try Scratch()
        for format in ["html", "md", "csv", "csv-indices", "json"] {
            let path = scratch.path("laporan.\(format)")
            let result = try CLI.run("report", "--format", format, "--output", path, "fixtures/kab-ketapang-2024/bpkad.xml")
            #expect(result.status == 0, "\(format): \(result.stderr)")
            #expect(FileManager.default.fileExists(atPath: path))
        }
        #expect(try CLI.run("report", "--format", "pdf", "fixtures/kab-ketapang-2024/bpkad.xml").status == 2)
    }
}
