import Foundation
@testable import SPBEAssess

/// Paths and loaders shared by the tests; everything is read from the repository itself.
enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
    static let rubricsDirectory = path("rubrics")

    /// One catalog per test process: schemas compile once.
    nonisolated(unsafe) private static let shared = RubricCatalog(directory: rubricsDirectory)
    private static let lock = NSLock()

    static func withCatalog<T>(_ body: (RubricCatalog) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(shared)
    }

    static var spbe2020: Rubric { try! withCatalog { try $0.rubric("spbe-2020") } }
    static var rubricSchema: XMLSchema { try! withCatalog { try $0.schema(for: .rubric) } }
    static var evidenceSchema: XMLSchema { try! withCatalog { try $0.schema(for: .evidence) } }
}

/// Loads XML given as a string, as if it were the file `name`.
enum Inline {
    static func document(_ xml: String, name: String = "inline.xml") throws(LoadError) -> XMLDocument {
        try XMLDocument.parse(SourceText(path: name, bytes: Array(xml.utf8)))
    }

    static func rubric(_ xml: String, name: String = "rubric.xml") throws(LoadError) -> Rubric {
        try RubricLoader(schema: Repo.rubricSchema).load(document: document(xml, name: name))
    }

    static func assessment(_ xml: String, rubric: Rubric, name: String = "evidence.xml") throws(LoadError) -> Assessment {
        try EvidenceLoader(schema: Repo.evidenceSchema).open(document: document(xml, name: name)).assessment(against: rubric)
    }

    /// The diagnostics a load throws; empty if it succeeds.
    static func problems(_ load: () throws -> Void) -> [Diagnostic] {
        do {
            try load()
            return []
        } catch let error as LoadError {
            return error.diagnostics
        } catch {
            return [Diagnostic(.unreadable, file: "?", "unexpected error \(error)")]
        }
    }
}

/// Builds evidence files for tests.
enum EvidenceXML {
    /// An assessment of `rubric` with each indicator at the level `levels` gives it: every
    /// criterion of levels 1…L marked met with a document. Indicators given no level are left
    /// unanswered.
    static func profile(_ rubric: Rubric, levels: [String: Int], claimed: [String: Int] = [:]) -> String {
        var answers = ""
        for indicator in rubric.indicators {
            guard let level = levels[indicator.id] else { continue }
            // A measured indicator takes the level as its documented value.
            let claim = indicator.isMeasured ? " value=\"\(level)\" documents=\"doc\""
                : claimed[indicator.id].map { " claimed=\"\($0)\"" } ?? ""
            answers += "  <answer indicator=\"\(indicator.id)\"\(claim)>\n"
            // The floor needs no proof: criteria start above it.
            for value in stride(from: indicator.floor + 1, through: level, by: 1) {
                for criterion in indicator.criteria(ofLevel: value) {
                    answers += "    <met criterion=\"\(criterion.id)\" documents=\"doc\"/>\n"
                }
            }
            answers += "  </answer>\n"
        }
        return wrap(rubric: rubric.id, answers)
    }

    static func wrap(rubric: String = "spbe-2020", _ body: String, documents: String = "<document id=\"doc\">Bukti</document>") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <assessment xmlns="urn:spbe-assess:evidence:1" rubric="\(rubric)" period="2024" role="self">
          <unit id="diskominfo" kind="opd" instansi="kab-ketapang">Dinas Komunikasi dan Informatika</unit>
        \(body)
          \(documents)
        </assessment>
        """
    }

    /// Levels by indicator number range, e.g. `[(1...10, 3), (11...14, 2)]`.
    static func levels(_ ranges: [(ClosedRange<Int>, Int)]) -> [String: Int] {
        var result: [String: Int] = [:]
        for (range, level) in ranges {
            for number in range { result[String(format: "I%02d", number)] = level }
        }
        return result
    }
}

extension IndexValue {
    /// Σ level × weight in weight-millionths, as the tests work it out by hand. The scorer keeps
    /// levels in hundredths (measured values have two decimals), so its fraction is this × 100
    /// over Σ weight × 100.
    var numerator: Int64 { weightedLevels / 100 }
}
