import Foundation
import Testing
@testable import SPBEAssess

@Suite("assess aggregate, readiness and template", .serialized)
struct AggregateCommandLineTests {
    static let opdFiles = KetapangAggregationTests.opdNames.map { "fixtures/kab-ketapang-2024/\($0).xml" }

    /// A scratch copy of the seven OPD files, so tests can add a bad one beside them.
    func copyOPDs(into scratch: borrowing Scratch) throws -> String {
        for path in Self.opdFiles {
            _ = try scratch.write((path as NSString).lastPathComponent, try String(contentsOfFile: Repo.path(path), encoding: .utf8))
        }
        return scratch.url.path
    }

    @Test("aggregate writes a valid instansi file that score reads as 2.31 Cukup, and shows the pillars")
    func aggregate() throws {
        let scratch = try Scratch()
        let output = scratch.path("kab-ketapang-agregat.xml")
        let result = try CLI.runArray(["aggregate", "--lang", "id", "--name", "Pemerintah Kabupaten Ketapang", "--output", output] + Self.opdFiles)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        // KetapangAggregationTests: 216.45 over the 39 answered + 14.6 for the 8 unanswered at the
        // floor 1 = 231.05 → 2.31 (2.16 when they counted 0).
        #expect(result.stdout.contains("Indeks 2,31  Cukup"))
        #expect(result.stdout.contains("pilar governance  Smart Governance"))
        let text = try String(contentsOfFile: output, encoding: .utf8)
        #expect(text.contains("Pilar governance: 2,31 Cukup (bobot 100)."))
        #expect(text.contains(#"<unit id="kab-ketapang" kind="instansi">Pemerintah Kabupaten Ketapang</unit>"#))

        #expect(try CLI.run("validate", output).status == 0)
        let score = try CLI.run("score", "--lang", "id", "--format", "json", output)
        let units = try #require(try JSONSerialization.jsonObject(with: Data(score.stdout.utf8)) as? [[String: Any]])
        #expect(units[0]["indexRounded"] as? Double == 2.31)
        #expect(units[0]["predicate"] as? String == "Cukup")

        // Without --output the file goes to stdout.
        let stdout = try CLI.runArray(["aggregate"] + Self.opdFiles)
        #expect(stdout.status == 0)
        #expect(stdout.stdout.hasPrefix("<?xml"))
    }

    @Test("the fixture directory holds the instansi file: refused, naming it")
    func instansiFileRefused() throws {
        let result = try CLI.run("aggregate", "fixtures/kab-ketapang-2024")
        #expect(result.status == 1)
        #expect(result.stderr.contains("fixtures/kab-ketapang-2024/kab-ketapang.xml: error: this is an instansi file"))
        #expect(result.stdout.isEmpty)
    }

    /// readiness reads the regency's folder as it is: its own instansi file names the regency and
    /// is not ranked as an OPD; the numbers are those of the seven OPD files alone (2.31).
    @Test("readiness on the fixture directory sets the instansi file aside and takes its name")
    func readinessOnFolder() throws {
        let result = try CLI.run("readiness", "--lang", "id", "fixtures/kab-ketapang-2024")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Pemerintah Kabupaten Ketapang (kab-ketapang) · spbe-2020 · periode 2024"))
        #expect(result.stdout.contains("Indeks agregat 2,31 Cukup"))
        #expect(!result.stdout.contains("\nkab-ketapang "))
    }

    @Test("mixed periods, duplicate OPDs and an empty directory exit 1 and write nothing")
    func badInputs() throws {
        let scratch = try Scratch()
        let directory = try copyOPDs(into: scratch)
        let bappeda = try String(contentsOfFile: Repo.path("fixtures/kab-ketapang-2024/bappeda.xml"), encoding: .utf8)
        _ = try scratch.write("bappeda-2023.xml", bappeda.replacingOccurrences(of: #"period="2024""#, with: #"period="2023""#))
        let output = scratch.path("out.xml")
        let mixed = try CLI.run("aggregate", "--output", output, directory)
        #expect(mixed.status == 1)
        #expect(mixed.stderr.contains("bappeda-2023.xml: error: period is '2023', but 7 files (e.g. \(directory)/bappeda.xml) have '2024'"))
        #expect(mixed.stderr.contains("bappeda.xml: error: OPD 'bappeda' is also in \(directory)/bappeda-2023.xml; give each OPD one file"))
        #expect(mixed.stderr.split(separator: "\n").count == 2)
        #expect(!FileManager.default.fileExists(atPath: output))

        let empty = try Scratch()
        let none = try CLI.run("aggregate", empty.url.path)
        #expect(none.status == 1)
        #expect(none.stderr.contains("directory has no *.xml files"))
        #expect(try CLI.run("aggregate").status == 2)
        #expect(try CLI.run("aggregate", "--rule", "average", directory).status == 2)
    }

    @Test("an answer to an indicator the OPD does not own is a located warning and still counts")
    func notOwned() throws {
        let scratch = try Scratch()
        let bappeda = try String(contentsOfFile: Repo.path("fixtures/kab-ketapang-2024/bappeda.xml"), encoding: .utf8)
        // bappeda also answers I46 (owned by dukcapil) at level 1, on the file's fifth line.
        let extra = #"  <answer indicator="I46" claimed="1"><note>Dukcapil belum menyerahkan.</note></answer>"#
        let path = try scratch.write("bappeda.xml", bappeda.replacingOccurrences(of: "  <answer indicator=\"I13\"", with: extra + "\n  <answer indicator=\"I13\""))
        let output = scratch.path("agregat.xml")
        let result = try CLI.run("aggregate", "--output", output, path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("\(path):5:3: warning: bappeda answers I46, which rubric spbe-2020 gives to dukcapil"))
        // I13 3·2.5 + I14 2·2.5 + I32 3·2.75 + I46 1·3 = 23.75, and the 43 unanswered at the floor
        // 1 × (100 − 2.5 − 2.5 − 2.75 − 3 = 89.25): 113 → 1.13 (0.24 when they counted 0).
        #expect(result.stdout.contains("Index 1.13"))
    }

    @Test("readiness: ranked table, Markdown and JSON with the missing OPDs")
    func readiness() throws {
        let table = try CLI.runArray(["readiness", "--lang", "id"] + Self.opdFiles)
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("Belum menyerahkan: dukcapil, layanan-publik"))
        #expect(table.stdout.contains("Indeks agregat 2,31 Cukup · pilar Smart Governance 2,31 Cukup"))
        #expect(table.stdout.contains("  I15 level 2 → 3: I15.L3.b"))

        let markdown = try CLI.runArray(["readiness", "--format", "md", "--lang", "en"] + Self.opdFiles)
        // Indices as in KetapangAggregationTests.readiness(): owned and unanswered at the floor 1.
        #expect(markdown.stdout.contains("| 1 | dukcapil | — | 1.00 | Poor | 1 | — | I46 | NOT SUBMITTED |"))
        #expect(markdown.stdout.contains("| 3 | inspektorat | Inspektorat Daerah | 1.32 |"))

        let json = try CLI.runArray(["readiness", "--format", "json"] + Self.opdFiles)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["missing"] as? [String] == ["dukcapil", "layanan-publik"])
        let opds = try #require(object["opds"] as? [[String: Any]])
        #expect(opds.map { $0["id"] as? String } == ["dukcapil", "layanan-publik", "inspektorat", "diskominfo", "bkpsdm",
                                                    "setda", "bappeda", "dpmptsp", "bpkad"])
        #expect(opds.map { $0["indexRounded"] as? Double } == [1, 1, 1.32, 2.25, 2.39, 2.57, 2.68, 3, 3.33])
        #expect(opds[0]["name"] is NSNull)
        #expect(opds[0]["submitted"] as? Bool == false)
        #expect(opds[8]["overclaims"] as? [String] == ["I38"])
        let instansi = try #require(object["instansi"] as? [String: Any])
        #expect(instansi["indexRounded"] as? Double == 2.31)
        #expect((instansi["pillars"] as? [[String: Any]])?.first?["id"] as? String == "governance")
    }

    @Test("template: writes one file per OPD, refuses to overwrite without --force, reports bad rows")
    func template() throws {
        let scratch = try Scratch()
        let csv = try scratch.write("opd.csv", "id,name,roles\ndiskominfo,Dinas Komunikasi dan Informatika,\nbappeda,Bappeda,bappeda\n")
        let out = scratch.path("templat")
        let first = try CLI.run("template", "--lang", "id", "--rubric", "spbe-2020", "--opds", csv, "--out", out, "--period", "2025", "--instansi", "kab-ketapang")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("\(out)/diskominfo.xml: 26 indikator"))
        #expect(first.stdout.contains("\(out)/bappeda.xml: 4 indikator"))  // I12 (with diskominfo), I13, I14, I32
        #expect(try CLI.run("validate", out).status == 0)

        let marker = "<!-- diubah -->\n"
        try Data(marker.utf8).write(to: URL(fileURLWithPath: "\(out)/bappeda.xml"))
        let again = try CLI.run("template", "--rubric", "spbe-2020", "--opds", csv, "--out", out)
        #expect(again.status == 1)
        #expect(again.stderr.contains("\(out)/bappeda.xml: error: already exists; pass --force to overwrite"))
        #expect(try String(contentsOfFile: "\(out)/bappeda.xml", encoding: .utf8) == marker)
        #expect(try CLI.run("template", "--rubric", "spbe-2020", "--opds", csv, "--out", out, "--force").status == 0)
        #expect(try String(contentsOfFile: "\(out)/bappeda.xml", encoding: .utf8) != marker)

        let bad = try scratch.write("bad.csv", "id,name,roles\nx y,Nama,\n")
        let rows = try CLI.run("template", "--rubric", "spbe-2020", "--opds", bad, "--out", scratch.path("lain"))
        #expect(rows.status == 1)
        #expect(rows.stderr.contains("\(bad):2: error: OPD id 'x y' is not an identifier"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("lain")))

        #expect(try CLI.run("template", "--opds", csv, "--out", out).status == 2)
        #expect(try CLI.run("template", "--rubric", "spbe-2020", "--opds", csv, "--out", out, "--period", "tahun ini").status == 2)
    }
}
