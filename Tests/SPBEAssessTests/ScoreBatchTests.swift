import Foundation
import Testing
@testable import SPBEAssess

/// `assess score` reads, scores and renders 256 files at a time; the joined output must be
/// one JSON array (one table) in argument order, whatever the number of threads.
@Suite("assess score over many files")
struct ScoreBatchTests {
    @Test("more files than one batch: one JSON array in input order, the same with any --jobs")
    func batches() throws {
        let scratch = try Scratch()
        let rubric = Repo.spbe2020
        let count = 1030
        for number in 0..<count {
            let xml = EvidenceXML.profile(rubric, levels: ["I01": 1 + number % 5, "I02": 5 - number % 5])
                .replacingOccurrences(of: "id=\"diskominfo\"", with: "id=\"opd-\(number)\"")
            _ = try scratch.write(String(format: "opd-%04d.xml", number), xml)
        }
        let one = try CLI.run("score", scratch.url.path, "--format", "json", "--jobs", "1")
        let two = try CLI.run("score", scratch.url.path, "--format", "json", "--jobs", "2")
        #expect(one.status == 0)
        #expect(one.stdout == two.stdout)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [[String: Any]])
        #expect(array.count == count)
        let units = array.map { ($0["unit"] as? [String: Any])?["id"] as? String }
        #expect(units == (0..<count).map { "opd-\($0)" })
        // I01 at level 1 + n mod 5 (weight 1.3), I02 at 6 − that (1.3): 6 × 1.3 = 7.8, and the other
        // 45 at the floor 1 × (100 − 2.6 = 97.4): 105.2 / 100 = 1.052 whatever n is. (Levels start at 1:
        // the floor of spbe-2020; n mod 6 from 0 would give I01 at 0, which now counts 1, and the
        // sum would vary with n.)
        #expect(array.allSatisfy { ($0["index"] as? Double) == 1.052 })

        let table = try CLI.run("score", scratch.url.path)
        #expect(table.stdout.components(separatedBy: "(opd-").count - 1 == count)
        #expect(table.stdout.hasSuffix("\n") && !table.stdout.hasSuffix("\n\n"))
    }

    @Test("an invalid file among many: every problem reported, nothing on stdout, exit 1")
    func invalidAmongMany() throws {
        let scratch = try Scratch()
        let rubric = Repo.spbe2020
        for number in 0..<40 {
            _ = try scratch.write(String(format: "opd-%02d.xml", number), EvidenceXML.profile(rubric, levels: ["I01": 2]))
        }
        _ = try scratch.write("opd-17x.xml", "<assessment")
        let result = try CLI.run("score", scratch.url.path, "--jobs", "2")
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("opd-17x.xml:1:"))
    }
}

@Suite("assess validate in parallel")
struct ParallelValidateTests {
    @Test("the same report, in argument order, with one thread or several")
    func order() throws {
        let one = try CLI.run("validate", "fixtures/invalid", "fixtures/kab-contoh-2024", "--jobs", "1")
        let three = try CLI.run("validate", "fixtures/invalid", "fixtures/kab-contoh-2024", "--jobs", "3")
        #expect(one.status == 1 && three.status == 1)
        #expect(one.stdout == three.stdout)
        #expect(one.stderr == three.stderr)
        let okLines = one.stdout.split(separator: "\n").map { String($0.split(separator: ":")[0]) }
        #expect(okLines == okLines.sorted())
        #expect(okLines.count == 18)
    }
}
