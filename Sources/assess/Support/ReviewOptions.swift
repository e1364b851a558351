import ArgumentParser
import Foundation
import SPBEAssess

extension FailCondition: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }

    public static var defaultCompletionKind: CompletionKind { .list(["overclaim", "missing-document", "delta:1", "delta:2"]) }
}

/// Output formats of the review commands (`compare`, `check`).
enum ReviewFormat: String, ExpressibleByArgument, CaseIterable { case table, md, json }

/// Options shared by `assess compare` and `assess check`: evidence checks and `--fail-on`.
struct ReviewOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder acuan path href dokumen: periksa bahwa setiap berkas yang dirujuk ada dan cocok dengan sha256-nya. / Folder the documents' href paths are relative to: check each cited file exists and matches its sha256.", valueName: "DIR"))
    var documents: String?

    @Option(name: .long, help: "Dokumen yang bertanggal lebih dari sekian tahun sebelum akhir periode dilaporkan sebagai dokumen lama. / A document dated more than this many years before the end of the period is reported as old.")
    var maxAgeYears: Int = 5

    @Option(name: .long, parsing: .singleValue,
            help: ArgumentHelp("Keluar dengan kode 3 bila kondisi terpenuhi: overclaim, missing-document, atau delta:X (level suatu indikator berselisih X atau lebih). Dapat diulang. / Exit 3 when the condition holds: overclaim, missing-document, or delta:X (an indicator's levels differ by X or more). Repeatable.", valueName: "CONDITION"))
    var failOn: [FailCondition] = []

    @Option(name: .long, help: "Format keluaran: table, md (Markdown), atau json. / Output format: table, md (Markdown) or json.")
    var format: ReviewFormat = .table

    @Flag(name: .long, help: "Hitung kriteria yang ditandai terpenuhi meskipun tidak didukung dokumen. / Count criteria marked met even when no document supports them.")
    var noRequireEvidence = false

    func validate() throws {
        guard (0...Self.mostYears).contains(maxAgeYears) else {
            throw ValidationError(OutputLanguage.pick("--max-age-years harus dari 0 sampai \(Self.mostYears), bukan \(maxAgeYears)", "--max-age-years must be from 0 to \(Self.mostYears), not \(maxAgeYears)"))
        }
    }

    /// Older than any written record; keeps the cutoff year arithmetic far from overflow.
    static let mostYears = 10_000

    var scoring: ScoringOptions { ScoringOptions(requireEvidence: !noRequireEvidence) }

    /// The documents folder, or exit 1 when it is missing or not a directory.
    func folder() throws -> DocumentFolder? {
        guard let documents else { return nil }
        do { return try DocumentFolder(path: documents) } catch { throw Console.fail(error) }
    }

    /// Each card's evidence findings; an unreadable document file ends the run with exit 1.
    func findings(for cards: [Scorecard], folder: DocumentFolder?) throws -> [[EvidenceFinding]] {
        let check = EvidenceCheck(options: .init(maxAgeYears: maxAgeYears))
        var result: [[EvidenceFinding]] = []
        for card in cards {
            do { result.append(try check.run(card.assessment, documents: folder)) } catch { throw Console.fail(error) }
        }
        return result
    }

    /// The document files the cards cite under `--documents`: an output must not replace them.
    func citedFiles(_ cards: [Scorecard]) -> [String] {
        guard let documents else { return [] }
        return cards.flatMap { $0.assessment.documents.compactMap(\.href) }
            .map { (documents as NSString).appendingPathComponent($0) }
    }

    /// After the report is written: exit 3 naming the conditions that hold.
    func enforce(cards: [Scorecard], findings: [EvidenceFinding], comparison: Comparison?) throws {
        let held = failOn.filter { $0.holds(cards: cards, findings: findings, comparison: comparison) }
        guard !held.isEmpty else { return }
        Console.error(OutputLanguage.pick("kondisi --fail-on terpenuhi: ", "--fail-on condition met: ")
                      + held.map(\.description).joined(separator: ", "))
        throw ExitStatus.failOn.exitCode
    }
}
