import Foundation
import Testing
@testable import SPBEAssess

/// `assess summary` never mixes rubrics, periods or roles, and reads the shipped fixtures.
@Suite("Summary sections per rubric, period and role", .serialized)
struct SummarySectionTests {
    @Test("summary reads each shipped fixture folder without errors, the year in every header", arguments: [
        "fixtures/kab-ketapang-2023", "fixtures/kab-ketapang-2024", "fixtures/kab-ketapang-2026", "fixtures/kab-contoh-2024",
    ])
    func shippedFixtures(folder: String) throws {
        let result = try CLI.run("summary", "--lang", "id", folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("error"))
        let year = String(folder.suffix(4))
        let headers = result.stdout.split(separator: "\n").filter { $0.contains(" instansi · ") }
        #expect(!headers.isEmpty)
        #expect(headers.allSatisfy { $0.contains("periode \(year)") }, "\(headers)")
    }

    @Test("kab-ketapang-2024: the review files are of other roles, left out with one note; --role assessor reads them")
    func roles() throws {
        let result = try CLI.run("summary", "--lang", "id", "fixtures/kab-ketapang-2024")
        #expect(result.status == 0)
        // The folder's own instansi file (2.47, NOTES.md) stands for the regency.
        #expect(result.stdout.contains("kab-ketapang  Pemerintah Kabupaten Ketapang    2,47  Cukup"))
        let notes = result.stderr.split(separator: "\n")
        #expect(notes.count == 1)
        #expect(notes.first?.contains("2 berkas peran lain tidak dirangkum") == true)
        let assessor = try CLI.run("summary", "--lang", "id", "--role", "assessor", "fixtures/kab-ketapang-2024")
        #expect(assessor.status == 0, "\(assessor.stderr)")
        #expect(assessor.stdout.hasPrefix("Evaluasi SPBE (PermenPANRB 59/2020) · periode 2024 · penilaian asesor eksternal"))
    }

    /// The 2023 instansi file copied into a 2024 folder is its own 2023 section: the 2024 result
    /// (2.47) is not replaced by the 2023 one (2.17), and each header names its year.
    @Test("a 2023 file in a 2024 folder makes a 2023 section, not a mixed row")
    func mixedPeriods() throws {
        let scratch = try Scratch()
        for (name, source) in [("kab-ketapang.xml", "fixtures/kab-ketapang-2024/kab-ketapang.xml"),
                               ("kab-ketapang-2023.xml", "fixtures/kab-ketapang-2023/kab-ketapang.xml")] {
            _ = try scratch.write(name, try String(contentsOfFile: Repo.path(source), encoding: .utf8))
        }
        let result = try CLI.run("summary", "--lang", "id", scratch.url.path)
        #expect(result.status == 0, "\(result.stderr)")
        let sections = result.stdout.components(separatedBy: "Evaluasi SPBE (PermenPANRB 59/2020) · periode ").dropFirst()
        #expect(sections.map { String($0.prefix(4)) } == ["2023", "2024"])
        #expect(sections.first?.contains("2,17  Cukup") == true)
        #expect(sections.last?.contains("2,47  Cukup") == true)
        let json = try CLI.run("summary", "--lang", "id", "--format", "json", scratch.url.path)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(array.map { $0["period"] as? String } == ["2023", "2024"])
        let csv = try CLI.run("summary", "--lang", "id", "--format", "csv", scratch.url.path)
        #expect(csv.status == 1)
        #expect(csv.stderr.contains("berkas ini mencakup beberapa rubrik atau periode (spbe-2020 2023, spbe-2020 2024)"))
    }

    @Test("an aggregated regency takes the name its own instansi file gives")
    func names() throws {
        let result = try CLI.run("summary", "--lang", "id", "fixtures/kab-contoh-2024")
        #expect(result.stdout.contains("kab-sukamaju  Pemerintah Kabupaten Sukamaju"))
        #expect(!result.stdout.contains("kab-sukamaju  kab-sukamaju"))
    }
}
