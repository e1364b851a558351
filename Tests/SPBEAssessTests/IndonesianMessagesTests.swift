import Foundation
import Testing

/// Messages converted to both languages read in Indonesian under `--lang id` (the default) and
/// keep their English text under `--lang en`: worked from the sentences in the sources.
@Suite("Indonesian messages", .serialized)
struct IndonesianMessagesTests {
    @Test("a bad OPD list: each row's problem in Indonesian, at its line")
    func opdList() throws {
        let scratch = try Scratch()
        let bad = try scratch.write("opd.csv", "id,name,roles\ndua,Dua,b\ndua,Lagi,b\ntiga,,b\n")
        let id = try CLI.run("template", "--lang", "id", "--rubric", "spbe-2020", "--opds", bad, "--out", scratch.path("templat"))
        #expect(id.status == 1)
        #expect(id.stderr.contains("\(bad):3: galat: OPD 'dua' tercantum dua kali (pertama pada baris 2)"))
        #expect(id.stderr.contains("\(bad):4: galat: OPD 'tiga' tidak bernama"))
        let en = try CLI.run("template", "--lang", "en", "--rubric", "spbe-2020", "--opds", bad, "--out", scratch.path("templat"))
        #expect(en.status == 1)
        #expect(en.stderr.contains("\(bad):3: error: OPD 'dua' is listed twice (first on line 2)"))

        let empty = try scratch.write("kosong.csv", "id,name,roles\n")
        let header = try CLI.run("template", "--lang", "id", "--rubric", "spbe-2020", "--opds", empty, "--out", scratch.path("templat"))
        #expect(header.stderr.contains("\(empty): galat: daftar OPD hanya berisi baris kepala, tanpa OPD"))
    }

    @Test("aggregate: an instansi file and a file of another role, in Indonesian, the role named mandiri/inspektorat")
    func aggregate() throws {
        let instansi = try CLI.run("aggregate", "--lang", "id", "fixtures/kab-ketapang-2024")
        #expect(instansi.status == 1)
        #expect(instansi.stderr.contains("fixtures/kab-ketapang-2024/kab-ketapang.xml: galat: ini berkas instansi (unit kab-ketapang, kind=\"instansi\"); agregasi hanya menggabungkan berkas OPD — keluarkan berkas ini dari masukan"))

        let scratch = try Scratch()
        for name in KetapangAggregationTests.opdNames {
            var text = try String(contentsOfFile: Repo.path("fixtures/kab-ketapang-2024/\(name).xml"), encoding: .utf8)
            if name == "setda" { text = text.replacingOccurrences(of: #"role="self""#, with: #"role="inspectorate""#) }
            _ = try scratch.write("\(name).xml", text)
        }
        let directory = scratch.url.path
        let role = try CLI.run("aggregate", "--lang", "id", directory)
        #expect(role.status == 1)
        #expect(role.stderr.contains("\(directory)/setda.xml: galat: peran berkas ini 'inspektorat', sedangkan pada 6 berkas (mis. \(directory)/bappeda.xml) 'mandiri'; setiap agregasi hanya untuk berkas dengan instansi, rubrik, periode, dan peran yang sama"))
        #expect(IndonesianWordingTests.englishRoleIDs(in: role.stderr) == [])
        let english = try CLI.run("aggregate", "--lang", "en", directory)
        #expect(english.stderr.contains("\(directory)/setda.xml: error: role is 'inspectorate', but 6 files (e.g. \(directory)/bappeda.xml) have 'self'"))
    }

    @Test("gap: a target off the index range, in either language", arguments: [
        ("id", "--target: galat: target 7 di luar rentang indeks 0–5"),
        ("en", "--target: error: target 7 is outside the index range 0–5"),
    ])
    func gapTarget(lang: String, expected: String) throws {
        let result = try CLI.run("gap", "--lang", lang, "fixtures/kab-ketapang-2024/kab-ketapang.xml", "--target", "7")
        #expect(result.status == 1)
        #expect(result.stderr.contains(expected), "\(result.stderr)")
    }

    @Test("summary of an empty folder and a missing path, in Indonesian")
    func emptyTree() throws {
        let scratch = try Scratch()
        let empty = try CLI.run("summary", "--lang", "id", scratch.url.path)
        #expect(empty.status == 1)
        #expect(empty.stderr.contains("\(scratch.url.path): galat: direktori ini tidak berisi berkas *.xml, pada kedalaman berapa pun"))
        let missing = try CLI.run("score", "--lang", "id", scratch.path("tidak-ada.xml"))
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("tidak-ada.xml: galat: berkas tidak dapat dibaca: "))
    }
}
