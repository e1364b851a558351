import ArgumentParser
import SPBEAssess
import SPBEWorkbook

/// `assess score EVIDENCE…`: index and predicate for each unit.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Indeks dan predikat setiap unit, dengan indeks domain, aspek, dan pilar serta klaim berlebih. / Index and predicate for each unit, with domain, aspect and pillar indices and overclaims.",
        discussion: """
            EVIDENCE dapat berupa berkas atau direktori (dipindai untuk mencari *.xml, diurutkan \
            menurut nama).

            EVIDENCE may be files or directories (scanned for *.xml, in sorted order).

            Contoh / Example:
              assess score fixtures/kab-ketapang-2024/kab-ketapang.xml
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @OptionGroup var rubricOptions: RubricOptions
    @OptionGroup var outputOptions: OutputOptions

    @Option(name: .long, help: "Format keluaran: table atau json. / Output format: table or json.")
    var format: Format = .table

    @OptionGroup var scoringFlags: ScoringFlags
    @OptionGroup var jobs: JobsOption
    @OptionGroup var responsibilityOptions: ResponsibilityOptions

    @Argument(help: ArgumentHelp("Berkas atau direktori bukti dukung. / Evidence files or directories.", valueName: "EVIDENCE"))
    var evidence: [String]

    /// Files are read, scored and rendered this many at a time, so memory holds one batch of
    /// results however many files there are: the scorecards for a table (256 dense instansi
    /// files: about 40 MB); for JSON, the rendered units read ahead of the output (about 5 MB).
    static let batchSize = 256

    func run() throws {
        let paths: [String]
        do { paths = try InputPaths.expand(evidence) } catch { throw Console.fail(error) }
        let resolver = RubricResolver(catalog: rubricOptions.catalog(), rubricOverride: rubricOptions.rubric)
        let reader: StreamingEvidenceReader
        do { reader = try StreamingEvidenceReader(resolver: resolver, workbooks: WorkbookEvidenceReader()) } catch { throw Console.fail(error) }
        let spool = try OutputSpool(target: OutputFile(outputOptions.output, reads: paths + rubricOptions.readPaths))
        let options = scoringFlags.options
        var problems: [Diagnostic] = []
        let language = outputOptions.lang
        switch format {
        case .table:
            var written = 0  // units in the table so far
            for start in stride(from: 0, to: paths.count, by: Self.batchSize) {
                let batch = Array(paths[start..<min(paths.count, start + Self.batchSize)])
                let results = reader.read(paths: batch, jobs: jobs.count) { _, result in
                    result.map { Scorer(rubric: $0.rubric, options: options).score($0.assessment) }
                }
                let cards = Self.successes(results, problems: &problems)
                // Once a file is invalid nothing will be shown; keep reading to report every problem.
                guard problems.isEmpty else { continue }
                // The batches' parts join into exactly what rendering every card at once gives
                // (units separated by a blank line).
                try spool.append((written == 0 ? "" : "\n\n")
                                 + ScoreTable.render(cards, language: language, results: try opdResults(cards)).dropLast())
                written += cards.count
            }
        case .json:
            // Each card is rendered on the thread that scored it and freed there; the rendered
            // units go out in order while later files are still being read.
            var json = JSONWriter()
            json.beginArray()
            try reader.read(paths: paths, jobs: jobs.count, window: Self.batchSize, { _, result in
                result.map { ScoreJSON.element(Scorer(rubric: $0.rubric, options: options).score($0.assessment), language: language) }
            }, inOrder: { result in
                switch result {
                case .success(let element):
                    // Once a file is invalid nothing will be shown; keep reading to report every problem.
                    if problems.isEmpty { try json.element(rendered: element, to: spool.append(bytes:)) }
                case .failure(let error): problems += error.diagnostics
                }
            })
            json.endArray()
            try json.drain(spool.append(bytes:))
        }
        if !problems.isEmpty { throw Console.fail(LoadError(problems)) }
        try spool.append("\n")
        try spool.commit()
    }

    /// The values of the results that succeeded; the diagnostics of the others go to `problems`.
    private static func successes<T>(_ results: [Result<T, LoadError>], problems: inout [Diagnostic]) -> [T] {
        var values: [T] = []
        values.reserveCapacity(results.count)
        for result in results {
            switch result {
            case .success(let value): values.append(value)
            case .failure(let error): problems += error.diagnostics
            }
        }
        return values
    }

    /// Each OPD file's own result (capaian OPD), when its rubric names owners: decided from the
    /// file and the responsibility alone, so `readiness` and `report` show the same number.
    private func opdResults(_ cards: [Scorecard]) throws -> [String: OPDResult] {
        var byRubric: [String: Responsibility] = [:]
        var results: [String: OPDResult] = [:]
        for card in cards where card.assessment.unit.kind == .opd {
            let responsibility = try byRubric[card.rubric.id] ?? responsibilityOptions.responsibility(for: card.rubric)
            byRubric[card.rubric.id] = responsibility
            results[card.assessment.path] = OPDResult(card, responsibility: responsibility)
        }
        return results
    }
}
