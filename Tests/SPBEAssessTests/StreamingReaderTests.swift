import Foundation
import Testing
@testable import SPBEAssess

/// The streaming reader must mean exactly what the DOM loader means: same assessment, same
/// diagnostics (codes, lines, columns, messages), on every fixture and on generated files.
@Suite("Streaming evidence reader")
struct StreamingReaderTests {
    /// A catalog of its own: the resolver locks it, and the shared test catalog has its own lock.
    static let resolver = RubricResolver(catalog: RubricCatalog(directory: Repo.rubricsDirectory))

    enum Outcome: Equatable {
        case loaded(AssessmentSnapshot)
        case failed([Diagnostic])
    }

    /// Everything an Assessment holds, comparable.
    struct AssessmentSnapshot: Equatable {
        let path, rubricID, period: String
        let role: Role
        let unit: SPBEAssess.Unit
        let answers: [Answer]
        let documents: [Document]
        let warnings: [Diagnostic]
        let locations: EvidenceLocations

        init(_ a: Assessment) {
            path = a.path; rubricID = a.rubricID; period = a.period; role = a.role; unit = a.unit
            answers = a.answers; documents = a.documents; warnings = a.warnings
            locations = a.locations
        }
    }

    static func viaDOM(_ path: String) -> Outcome {
        do throws(LoadError) {
            let file = try EvidenceLoader(schema: try resolver.evidenceSchema()).open(path: path)
            let rubric = try resolver.rubric(named: file.rubricID) { file.rubricDiagnostic($0, $1) }
            return .loaded(AssessmentSnapshot(try file.assessment(against: rubric)))
        } catch {
            return .failed(error.diagnostics)
        }
    }

    static func viaStream(_ path: String) -> Outcome {
        do throws(LoadError) {
            return .loaded(AssessmentSnapshot(try StreamingEvidenceReader(resolver: resolver).assessment(path: path)))
        } catch {
            return .failed(error.diagnostics)
        }
    }

    /// Every fixture, and every input the fuzzer once found the two readers disagreeing on.
    static var fixtureFiles: [String] {
        var files: [String] = []
        for folder in ["fixtures", "fuzz/regressions"] {
            let root = Repo.path(folder)
            let enumerator = FileManager.default.enumerator(atPath: root)
            while let relative = enumerator?.nextObject() as? String {
                if relative.hasSuffix(".xml") { files.append((root as NSString).appendingPathComponent(relative)) }
            }
        }
        return files.sorted()
    }

    @Test("agrees with the DOM loader on every fixture, valid or not")
    func fixtures() {
        let files = Self.fixtureFiles
        #expect(files.count > 50)
        var loaded = 0
        for path in files {
            let dom = Self.viaDOM(path)
            #expect(Self.viaStream(path) == dom, "\(path)")
            if case .loaded = dom { loaded += 1 }
        }
        #expect(loaded > 20)
    }

    @Test("agrees with the DOM loader on generated files, including notes, languages and escapes")
    func generated() throws {
        let scratch = try Scratch()
        let rubric = Repo.spbe2020
        var rng = SeededGenerator(seed: 8)
        for number in 0..<40 {
            var body = ""
            for indicator in rubric.indicators where Bool.random(using: &rng) || number == 0 {
                let level = Int.random(in: 0...5, using: &rng)
                let claim = Int.random(in: 0...3, using: &rng) == 0 ? "" : " claimed=\"\(Int.random(in: 1...5, using: &rng))\""
                body += "  <answer indicator=\"\(indicator.id)\"\(claim)>\n"
                for value in stride(from: 1, through: level, by: 1) {
                    for criterion in indicator.criteria(ofLevel: value) where Int.random(in: 0...9, using: &rng) > 0 {
                        let documents = Int.random(in: 0...9, using: &rng) == 0 ? "" : " documents=\"doc  a&#x2d;b \""
                        body += "    <met criterion=\"\(criterion.id)\"\(documents)/>\n"
                    }
                }
                if Bool.random(using: &rng) {
                    body += "    <note>  Catatan &amp; bukti\n\t <![CDATA[<lengkap>]]>  </note>\n"
                    if Bool.random(using: &rng) { body += "    <note xml:lang=\"en\">Note &#38; more</note>\n" }
                }
                body += "  </answer>\n"
            }
            let documents = """
                <document id="doc" href="bukti/a.pdf?x=1&amp;y=2" date="2023-01-02">Bukti\n   satu</document>
                  <document id="a-b">Bukti &lt;dua&gt;</document>
                """
            // Now and then a mistake, so diagnostics are compared too.
            if number % 7 == 3 { body += "  <answer indicator=\"I99\"/>\n" }
            let path = try scratch.write("opd-\(number).xml", EvidenceXML.wrap(body, documents: documents))
            #expect(Self.viaStream(path) == Self.viaDOM(path), "\(path)")
            // The valid ones are read by the stream itself, not by the DOM fallback.
            let stream = try #require(EvidenceStream(schema: try Self.resolver.evidenceSchema()))
            let outcome = try stream.read(InputFile.load(path, limits: .default))
            guard case .record(let record) = outcome else {
                Issue.record("\(path) was not read by the stream")
                continue
            }
            #expect(record.documents.first?.href == "bukti/a.pdf?x=1&y=2")
        }
    }

    @Test("a DOCTYPE is refused before anything in it is used, as the DOM loader refuses it")
    func doctype() {
        let path = Repo.path("fixtures/hostile/billion-laughs.xml")
        guard case .failed(let problems) = Self.viaStream(path) else {
            Issue.record("billion laughs was accepted")
            return
        }
        #expect(problems.map(\.code) == [.doctypeRefused])
    }

    @Test("results come back in input order whatever the number of threads")
    func order() throws {
        let scratch = try Scratch()
        let rubric = Repo.spbe2020
        var paths: [String] = []
        for number in 0..<60 {
            let xml = EvidenceXML.profile(rubric, levels: EvidenceXML.levels([(1...47, number % 5 + 1)]))
                .replacingOccurrences(of: "id=\"diskominfo\"", with: "id=\"opd-\(number)\"")
            paths.append(try scratch.write("opd-\(number).xml", xml))
        }
        paths.insert(Repo.path("fixtures/invalid/malformed.xml"), at: 17)
        let reader = try StreamingEvidenceReader(resolver: Self.resolver)
        let expected = paths.map { path -> String in
            path.hasSuffix("malformed.xml") ? "invalid" : "opd-\(path.split(separator: "-").last!.dropLast(4))"
        }
        for jobs in [1, 2, 4, 7] {
            let units = reader.read(paths: paths, jobs: jobs) { _, result in
                (try? result.get().assessment.unit.id) ?? "invalid"
            }
            #expect(units == expected, "jobs \(jobs)")
        }
    }

    @Test("white space folding: the byte paths give what splitting by Character gives")
    func folding() {
        let pieces = [" ", "  ", "\n", "\t", "\r", "\r\n", "a", "Bukti", "é", "\u{301}", "&", "x"]
        var rng = SeededGenerator(seed: 88)
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 0...12, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let expected = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
            #expect(WhiteSpaceFolding.fold(text) == expected, "\(Array(text.utf8))")
            let bytes = Array(text.utf8)
            #expect(bytes.withUnsafeBufferPointer { WhiteSpaceFolding.fold($0) } == expected, "\(bytes)")
        }
    }
}
