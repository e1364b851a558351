import Foundation
import Testing
@testable import SPBEAssess

/// `SummaryBuilder` on a tree small enough to work out by hand: two provinces, three instansi.
///
/// - `prov-a/kab-1/kab-1.xml`: the instansi's own file, every indicator at level 3 except I47
///   (weight 3) at 2 → (3 × 97 + 2 × 3) / 100 = 2.97 Baik.
/// - `prov-a/kab-2/`: two OPD files of kab-2, diskominfo's every indicator at 2 and bappeda's at 4;
///   by default each indicator takes its responsible OPD's answer (the rubric's first owner):
///   diskominfo's 22 (Σw 40.4) at 2, bappeda's I13, I14, I32 (Σw 7.75) at 4, the rest (Σw 51.85,
///   responsible OPDs that did not submit) at the floor 1: (80.8 + 31 + 51.85) / 100 = 1.6365 →
///   1.64 Kurang.
/// - `prov-b/kab-3/kab-3.xml`: every indicator at 1 except I47 unanswered, which counts at the
///   floor, 1 → (1 × 97 + 1 × 3) / 100 = 1.00 Kurang (0.97 when it counted 0); beside it a
///   malformed file, reported and counted.
///
/// (Before the floor kab-1 was all at 3 and kab-3's unanswered I47 at 0 made I47 the weakest;
/// with the floor an unanswered indicator is no lower than a level-1 one, so kab-1's I47 at 2
/// keeps one indicator weakest, and the floor shows in its sum.)
/// National: mean (2.97 + 1.6365 + 1) / 3 = 5.6065 / 3 = 1.8688 → 1.87, median 1.64; prov-a mean
/// and median (2.97 + 1.6365) / 2 = 2.30325 → 2.30, prov-b 1.00. Level sum per indicator (kab-1 +
/// kab-2 + kab-3): I47 2 + 1 + 1 = 4; an indicator kab-2 has at the floor 3 + 1 + 1 = 5 (I09, I10,
/// I19, I20, I25, I27, I29, I30, I31, … in rubric order); diskominfo's 3 + 2 + 1 = 6; bappeda's
/// 3 + 4 + 1 = 8. The ten weakest are I47, then the first nine at 5.
@Suite("National summary")
struct SummaryTests {
    static func tree(_ scratch: borrowing Scratch) throws -> String {
        let rubric = Repo.spbe2020
        let all = EvidenceXML.levels([(1...47, 0)]).keys
        func levels(_ value: Int, except: Set<String> = []) -> [String: Int] {
            Dictionary(uniqueKeysWithValues: all.filter { !except.contains($0) }.map { ($0, value) })
        }
        func unit(_ xml: String, _ line: String) -> String {
            xml.replacingOccurrences(of: #"<unit id="diskominfo" kind="opd" instansi="kab-ketapang">Dinas Komunikasi dan Informatika</unit>"#,
                                     with: line)
        }
        let root = scratch.path("nasional")
        for folder in ["prov-a/kab-1", "prov-a/kab-2", "prov-b/kab-3"] {
            try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
        }
        try unit(EvidenceXML.profile(rubric, levels: levels(3).merging(["I47": 2]) { $1 }), #"<unit id="kab-1" kind="instansi">Kabupaten Satu</unit>"#)
            .write(toFile: root + "/prov-a/kab-1/kab-1.xml", atomically: true, encoding: .utf8)
        try unit(EvidenceXML.profile(rubric, levels: levels(2)), #"<unit id="diskominfo" kind="opd" instansi="kab-2">Diskominfo</unit>"#)
            .write(toFile: root + "/prov-a/kab-2/diskominfo.xml", atomically: true, encoding: .utf8)
        try unit(EvidenceXML.profile(rubric, levels: levels(4)), #"<unit id="bappeda" kind="opd" instansi="kab-2">Bappeda</unit>"#)
            .write(toFile: root + "/prov-a/kab-2/bappeda.xml", atomically: true, encoding: .utf8)
        try unit(EvidenceXML.profile(rubric, levels: levels(1, except: ["I47"])), #"<unit id="kab-3" kind="instansi">Kabupaten Tiga</unit>"#)
            .write(toFile: root + "/prov-b/kab-3/kab-3.xml", atomically: true, encoding: .utf8)
        try "<assessment xmlns=\"urn:spbe-assess:evidence:1\">\n  <unit".write(toFile: root + "/prov-b/kab-3/rusak.xml", atomically: true, encoding: .utf8)
        return root
    }

    @Test("indices, predicates, mean, median and weakest indicators, worked out by hand")
    func handChecked() throws {
        let scratch = try Scratch()
        let root = try Self.tree(scratch)
        let (files, problems) = EvidenceTree.scan([root])
        #expect(problems.isEmpty)
        #expect(files.map(\.province) == ["prov-a", "prov-a", "prov-a", "prov-b", "prov-b"])
        let reader = try StreamingEvidenceReader(resolver: RubricResolver(catalog: RubricCatalog(directory: Repo.rubricsDirectory)))
        let summary = try SummaryBuilder(reader: reader, jobs: 2).summarize(files)

        #expect(summary.instansi.map(\.id) == ["kab-1", "kab-2", "kab-3"])
        #expect(summary.instansi.map(\.index.description) == ["2.97", "1.64", "1.00"])
        #expect(summary.instansi.map { $0.predicate.label.text(in: .id) } == ["Baik", "Kurang", "Kurang"])
        #expect(summary.instansi.map(\.source) == [.file(root + "/prov-a/kab-1/kab-1.xml"), .aggregated(opdFiles: 2),
                                                   .file(root + "/prov-b/kab-3/kab-3.xml")])
        // Predicates in rubric order: Kurang, Cukup, Baik, Sangat Baik, Memuaskan.
        #expect(summary.national.predicateCounts == [2, 0, 1, 0, 0])
        #expect(summary.national.mean == IndexValue(weightedLevels: 560_650_000, totalWeight: 300_000_000))
        #expect(summary.national.mean.description == "1.87")
        #expect(summary.national.median.description == "1.64")
        #expect(summary.provinces.map(\.name) == ["prov-a", "prov-b"])
        #expect(summary.provinces.map(\.count) == [2, 1])
        #expect(summary.provinces.map(\.mean.description) == ["2.30", "1.00"])
        #expect(summary.provinces.map(\.median.description) == ["2.30", "1.00"])
        #expect(summary.provinces[0].predicateCounts == [1, 0, 1, 0, 0])
        #expect(summary.weakest.map(\.indicatorID) == ["I47", "I09", "I10", "I19", "I20", "I25", "I27", "I29", "I30", "I31"])
        #expect(summary.weakest.first?.scoreSum == ExactDecimal(4))
        #expect(summary.weakest.dropFirst().allSatisfy { $0.scoreSum == ExactDecimal(5) && $0.instansiCount == 3 })
        #expect(summary.fileCount == 5)
        #expect(summary.invalidFiles.map(\.path) == [root + "/prov-b/kab-3/rusak.xml"])
        #expect(summary.invalidFiles.first?.diagnostics.first?.line == 2)
    }

    @Test("progress comes in directory order after each batch of files, ending at the total, and two jobs merge as one does")
    func progressInOrder() throws {
        let scratch = try Scratch()
        let root = try Self.tree(scratch)
        let files = EvidenceTree.scan([root]).files
        let reader = try StreamingEvidenceReader(resolver: RubricResolver(catalog: RubricCatalog(directory: Repo.rubricsDirectory)))
        var builder = SummaryBuilder(reader: reader, jobs: 2)
        builder.batchSize = 1
        var reports: [[Int]] = []
        let summary = try builder.summarize(files) { reports.append([$0, $1]) }
        // Directories of 1 (kab-1), 2 (kab-2) and 2 (kab-3) files.
        #expect(reports == [[1, 5], [3, 5], [5, 5]])
        let one = try SummaryBuilder(reader: reader, jobs: 1).summarize(files)
        #expect(summary.instansi.map(\.id) == one.instansi.map(\.id))
        #expect(summary.instansi.map(\.index) == one.instansi.map(\.index))
        #expect(summary.invalidFiles.map(\.path) == one.invalidFiles.map(\.path))
    }

    /// Two pemdi-2026 instansi, every ladder indicator at 4 and the measured P05 at 1.42 and 2.91;
    /// the other measured indicators (P06, P07, P10, P19, P20) unanswered, at the floor 1.
    /// P05's mean is (1.42 + 2.91) / 2 = 4.33 / 2 = 2.165 → 2.17 (half-up, as an index); its
    /// levels rounded down would have given (1 + 2) / 2 = 1.50. Weakest: the five unanswered at
    /// 1.00, P05 at 2.17, then the first ladder indicators at 4.00.
    static func measuredTree(_ scratch: borrowing Scratch) throws -> String {
        let rubric = Repo.pemdi2026
        var levels: [String: Int] = [:]
        for indicator in rubric.indicators where !indicator.isMeasured { levels[indicator.id] = 4 }
        levels["P05"] = 2
        let root = scratch.path("pemdi")
        for (id, value) in [("kab-1", "1.42"), ("kab-2", "2.91")] {
            try FileManager.default.createDirectory(atPath: "\(root)/prov-a/\(id)", withIntermediateDirectories: true)
            try EvidenceXML.profile(rubric, levels: levels)
                .replacingOccurrences(of: #"<unit id="diskominfo" kind="opd" instansi="kab-ketapang">Dinas Komunikasi dan Informatika</unit>"#,
                                      with: #"<unit id="\#(id)" kind="instansi">Kabupaten \#(id)</unit>"#)
                .replacingOccurrences(of: #"indicator="P05" value="2""#, with: #"indicator="P05" value="\#(value)""#)
                .write(toFile: "\(root)/prov-a/\(id)/\(id).xml", atomically: true, encoding: .utf8)
        }
        return root
    }

    @Test("a measured indicator's mean among the weakest is exact: 2.165 → 2.17, not its levels' 1.50")
    func measuredWeakest() throws {
        let scratch = try Scratch()
        let root = try Self.measuredTree(scratch)
        let reader = try StreamingEvidenceReader(resolver: RubricResolver(catalog: RubricCatalog(directory: Repo.rubricsDirectory)))
        let summary = try SummaryBuilder(reader: reader, jobs: 1).summarize(EvidenceTree.scan([root]).files)
        #expect(summary.weakest.map(\.indicatorID) == ["P06", "P07", "P10", "P19", "P20", "P05", "P01", "P02", "P03", "P04"])
        let p05 = try #require(summary.weakest.first { $0.indicatorID == "P05" })
        #expect(p05.scoreSum == ExactDecimal(millionths: 4_330_000))
        #expect(p05.meanLevel == 2.165)
        #expect(p05.mean.description == "2.17")
    }

    @Test("a symlink loop is scanned once, and the scan is sorted")
    func symlinkLoop() throws {
        let scratch = try Scratch()
        let root = try Self.tree(scratch)
        try FileManager.default.createSymbolicLink(atPath: root + "/prov-a/kab-2/loop", withDestinationPath: root + "/prov-a")
        let (files, problems) = EvidenceTree.scan([root])
        #expect(problems.isEmpty)
        #expect(files.count == 5)
        #expect(files.map(\.path) == files.map(\.path).sorted())
    }
}

@Suite("assess summary")
struct SummaryCommandTests {
    @Test("invalid files are reported at file:line:col and counted, the rest summarised, exit 1")
    func invalidFiles() throws {
        let scratch = try Scratch()
        let root = try SummaryTests.tree(scratch)
        let result = try CLI.run("summary", root, "--format", "json", "--jobs", "2")
        #expect(result.status == 1)
        #expect(result.stderr.contains("prov-b/kab-3/rusak.xml:2:"))
        #expect(result.stderr.contains("1 of 5 files invalid") || result.stderr.contains("1 dari 5 berkas tidak valid"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["invalidFiles"] as? Int == 1)
        let instansi = try #require(json["instansi"] as? [[String: Any]])
        #expect(instansi.map { $0["id"] as? String } == ["kab-1", "kab-2", "kab-3"])
        #expect(instansi.map { $0["indexRounded"] as? Double } == [2.97, 1.64, 1.0])
    }

    @Test("the weakest indicators show a measured mean with two decimals, a decimal comma in Indonesian", arguments: [
        ("id", "2,17", "1,00"), ("en", "2.17", "1.00"),
    ])
    func measuredWeakest(lang: String, mean: String, floor: String) throws {
        let scratch = try Scratch()
        let root = try SummaryTests.measuredTree(scratch)
        let result = try CLI.run("summary", "--lang", lang, root)
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(separator: "\n").map(String.init)
        let p05 = try #require(rows.first { $0.hasPrefix("  P05 ") })
        #expect(p05.hasSuffix(" " + mean))
        #expect(try #require(rows.first { $0.hasPrefix("  P06 ") }).hasSuffix(" " + floor))
    }

    @Test("CSV has one row per instansi; the same result with one thread or several")
    func csvAndJobs() throws {
        let scratch = try Scratch()
        let root = try SummaryTests.tree(scratch)
        let one = try CLI.run("summary", root, "--lang", "id", "--format", "csv", "--jobs", "1")
        let many = try CLI.run("summary", root, "--lang", "id", "--format", "csv", "--jobs", "4")
        #expect(one.stdout == many.stdout)
        let rows = one.stdout.split(separator: "\r\n")
        #expect(rows.count == 4)
        // kab-2 under the default rule, the responsible OPD's answer (the first owner role): diskominfo
        // answers for 22 indicators weighing 40.4 (at 2), bappeda for 3 weighing 7.75 (at 4); the
        // other first owners (inspektorat 8.55, setda 19.05, bkpsdm 7, bpkad 8.25, dpmptsp 3,
        // dukcapil 3, layanan-publik 3: 51.85) have no file and stand at the floor 1.
        // (40.4 × 2 + 7.75 × 4 + 51.85 × 1) / 100 = (80.8 + 31 + 51.85) / 100 = 1.6365 → 1.64 Kurang.
        #expect(rows[2] == "prov-a,kab-2,kab-2,aggregated,2,1.6365,1.64,Kurang")
    }

    @Test("province folders read as the provinces' official names; anything else as it is")
    func provinceNames() {
        #expect(ProvinceName.display("sumatera-utara") == "Sumatera Utara")
        #expect(ProvinceName.display("Jawa_Barat") == "Jawa Barat")
        #expect(ProvinceName.display("di-yogyakarta") == "DI Yogyakarta")
        #expect(ProvinceName.display("papua-barat-daya") == "Papua Barat Daya")
        #expect(ProvinceName.display("prov-a") == "prov-a")
    }

    /// A regency's folder holds its OPD files directly and a `smart-city/` subfolder: that
    /// subfolder is not a province (it once headed the smart-city section as one).
    @Test("a regency folder's subfolders are not provinces")
    func regencyFolder() throws {
        let (files, problems) = EvidenceTree.scan([Repo.path("fixtures/kab-contoh-2024")])
        #expect(problems.isEmpty)
        #expect(files.contains { $0.path.hasSuffix("smart-city/kab-sukamaju-smart-city.xml") })
        #expect(files.allSatisfy { $0.province.isEmpty })
    }
}
