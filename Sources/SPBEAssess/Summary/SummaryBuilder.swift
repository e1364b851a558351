/// Builds the ``NationalSummary`` of an evidence tree: reads the files in parallel with the
/// streaming reader, one batch of whole directories at a time, so memory holds one batch of
/// assessments and, after it, one small ``InstansiResult`` per instansi — not the corpus.
///
/// Per directory, an instansi-kind file stands for its instansi; otherwise the OPD files are
/// grouped by `unit/@instansi` and combined with ``Aggregator`` (the rubric's rules). The OPD
/// files of one instansi are expected in one directory (as `province/instansi/opd.xml` has
/// them); the same instansi in a second directory is reported, not merged. Invalid files are
/// listed with their diagnostics and the rest is still summarised. One rubric per summary: the
/// first valid file's (or the resolver's override); a file under another rubric is listed.
///
/// ```swift
/// let summary = SummaryBuilder(reader: reader).summarize(EvidenceTree.scan(["corpus"]).files)
/// ```
public struct SummaryBuilder: Sendable {
    public let reader: StreamingEvidenceReader
    public let options: ScoringOptions
    public let jobs: Int
    /// Directories are gathered into batches of at least this many files, so every thread has
    /// work while memory stays bounded.
    public var batchSize = 512

    public init(reader: StreamingEvidenceReader, options: ScoringOptions = ScoringOptions(),
                jobs: Int = ParallelWork.defaultJobs) {
        self.reader = reader
        self.options = options
        self.jobs = jobs
    }

    public enum Failure: Error, Sendable {
        /// No file could be read as evidence: there is nothing to summarise.
        case noValidEvidence(invalidFiles: [NationalSummary.InvalidFile])
    }

    /// `progress(done, total)` is called on the calling thread after each batch.
    public func summarize(_ files: [EvidenceTree.File],
                          progress: (Int, Int) -> Void = { _, _ in }) throws(Failure) -> NationalSummary {
        var state = State()
        var start = 0
        while start < files.count {
            var end = start
            // Whole directories only, so an instansi's files are never split across batches.
            while end < files.count, end - start < batchSize || directory(files[end].path) == directory(files[end - 1].path) {
                end += 1
            }
            let batch = Array(files[start..<end])
            let results = reader.read(paths: batch.map(\.path), jobs: jobs) { _, result in result }
            var groupStart = 0
            while groupStart < batch.count {
                var groupEnd = groupStart + 1
                let folder = directory(batch[groupStart].path)
                while groupEnd < batch.count, directory(batch[groupEnd].path) == folder { groupEnd += 1 }
                summarizeDirectory(folder, Array(zip(batch[groupStart..<groupEnd], results[groupStart..<groupEnd])), &state)
                groupStart = groupEnd
            }
            start = end
            progress(end, files.count)
        }
        guard let rubric = state.rubric else { throw .noValidEvidence(invalidFiles: state.invalid) }

        let provinceNames = Set(state.results.map(\.province)).sorted()
        let byProvince = Dictionary(grouping: state.results, by: \.province)
        var sums = Array(repeating: 0, count: rubric.indicators.count)
        for result in state.results {
            for (position, level) in result.levels.enumerated() { sums[position] += level }
        }
        let weakest = rubric.indicators.indices
            .sorted { sums[$0] != sums[$1] ? sums[$0] < sums[$1] : $0 < $1 }
            .prefix(10)
            .map { IndicatorStatistics(indicatorID: rubric.indicators[$0].id, levelSum: sums[$0], instansiCount: state.results.count) }
        return NationalSummary(
            rubric: rubric, instansi: state.results,
            provinces: provinceNames.map { GroupStatistics(name: $0, results: byProvince[$0] ?? [], rubric: rubric) },
            national: GroupStatistics(name: "", results: state.results, rubric: rubric),
            weakest: Array(weakest), fileCount: files.count, invalidFiles: state.invalid,
            aggregationProblems: state.aggregationProblems)
    }

    private struct State {
        var rubric: Rubric?
        var results: [InstansiResult] = []
        var invalid: [NationalSummary.InvalidFile] = []
        var aggregationProblems: [Diagnostic] = []
        /// Instansi id → the directory it was found in.
        var seen: [String: String] = [:]
    }

    private func directory(_ path: String) -> Substring {
        path.lastIndex(of: "/").map { path[..<$0] } ?? ""
    }

    private func summarizeDirectory(_ folder: Substring,
                                    _ files: [(EvidenceTree.File, Result<StreamingEvidenceReader.Loaded, LoadError>)],
                                    _ state: inout State) {
        var instansiFiles: [(EvidenceTree.File, Assessment)] = []
        var opds: [String: [Assessment]] = [:]
        var province = ""
        for (file, result) in files {
            switch result {
            case .failure(let error):
                state.invalid.append(.init(path: file.path, diagnostics: error.diagnostics))
            case .success(let loaded):
                let rubric = state.rubric ?? loaded.rubric
                guard loaded.rubric.id == rubric.id else {
                    state.invalid.append(.init(path: file.path, diagnostics: [Diagnostic(.rubricMismatch, file: file.path,
                        "this file uses rubric '\(loaded.rubric.id)', but the summary is of rubric '\(rubric.id)' (the first valid file's); summarise each rubric separately or give --rubric")]))
                    continue
                }
                state.rubric = rubric
                province = file.province
                if loaded.assessment.unit.kind == .instansi {
                    instansiFiles.append((file, loaded.assessment))
                } else {
                    opds[loaded.assessment.unit.instansi ?? "", default: []].append(loaded.assessment)
                }
            }
        }
        guard let rubric = state.rubric else { return }
        let scorer = Scorer(rubric: rubric, options: options)
        var found: [InstansiResult] = []
        for (file, assessment) in instansiFiles {
            found.append(result(assessment.unit.id, assessment.unit.name, file.province, .file(file.path), scorer.score(assessment)))
        }
        let covered = Set(instansiFiles.map { $0.1.unit.id })
        // By id, not dictionary order: the problems of several failing instansi print alike on every run.
        for (instansi, members) in opds.sorted(by: { $0.key < $1.key }) where !covered.contains(instansi) {
            do throws(LoadError) {
                let aggregate = try Aggregator(rubric: rubric).aggregate(members, path: String(folder))
                found.append(result(instansi, instansi, province, .aggregated(opdFiles: members.count),
                                    scorer.score(aggregate.assessment)))
            } catch {
                state.aggregationProblems += error.diagnostics
            }
        }
        for result in found.sorted(by: { $0.id < $1.id }) {
            if let other = state.seen[result.id] {
                state.aggregationProblems.append(Diagnostic(.duplicateUnit, file: String(folder),
                    "instansi '\(result.id)' is also in \(other); its files there and here are summarised once, from there"))
                continue
            }
            state.seen[result.id] = String(folder)
            state.results.append(result)
        }
    }

    private func result(_ id: String, _ name: String, _ province: String, _ source: InstansiResult.Source,
                        _ card: Scorecard) -> InstansiResult {
        InstansiResult(id: id, name: name, province: province, source: source, index: card.index,
                       predicate: card.predicate, levels: card.indicators.map(\.level))
    }
}
