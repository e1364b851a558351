/// Builds the ``NationalSummary`` of an evidence tree: reads the files in parallel with the
/// streaming reader, one batch of whole directories at a time, so memory holds one batch of
/// assessments and, after it, one small ``InstansiResult`` per instansi — not the corpus.
///
/// Per directory, an instansi-kind file stands for its instansi; otherwise the OPD files are
/// grouped by `unit/@instansi` and combined with ``Aggregator`` (the rubric's rules). The OPD
/// files of one instansi are expected in one directory (as `province/instansi/opd.xml` has
/// them); the same instansi in a second directory is reported, not merged. Invalid files are
/// listed with their diagnostics and the rest is still summarised. One summary per rubric and
/// period (``summarizeSections(_:progress:)``), of one role (self by default).
///
/// ```swift
/// let summary = SummaryBuilder(reader: reader).summarize(EvidenceTree.scan(["corpus"]).files)
/// ```
public struct SummaryBuilder: Sendable {
    public let reader: StreamingEvidenceReader
    public let options: ScoringOptions
    public let jobs: Int
    /// At most about this many directories' parts are held before they are merged, so memory
    /// stays bounded; progress is reported about every this many files.
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

    /// The role summarised; files of other roles (an inspectorate's or assessor's review kept
    /// beside the evidence) are left out and counted in ``NationalSummary/otherRoleFiles``.
    public var role: Role = .self

    /// The first section's summary (see ``summarizeSections(_:progress:)``). `progress(done,
    /// total)` is called about every ``batchSize`` files and at the end, one call at a time (on
    /// a reading thread).
    public func summarize(_ files: [EvidenceTree.File],
                          progress: (Int, Int) -> Void = { _, _ in }) throws(Failure) -> NationalSummary {
        try summarizeSections(files, progress: progress)[0]
    }

    /// One summary per rubric and period (sorted by rubric id, then period), never mixing them:
    /// an instansi's 2023 file in the 2024 folder goes to the 2023 section. Invalid files and
    /// problems are reported in the first section only, so each is shown once.
    public func summarizeSections(_ unsorted: [EvidenceTree.File],
                                  progress: (Int, Int) -> Void = { _, _ in }) throws(Failure) -> [NationalSummary] {
        // A directory's files together, even where a subdirectory sorts between them ("review/"
        // before "setda.xml"), so no directory is read as two.
        // Each file's directory found once, not in every comparison (a twentieth of a national
        // summary, all of it before the first file was read).
        let keyed = unsorted.enumerated().map { (folder: directory($1.path), offset: $0, file: $1) }
            .sorted { $0.folder != $1.folder ? $0.folder < $1.folder : $0.offset < $1.offset }
        let files = keyed.map(\.file)
        var shared = Shared()
        var states: [SectionKey: State] = [:]
        // A directory's files are one group: reading, scoring and aggregating it needs nothing
        // from the others, so it is one piece of work on any core, its assessments freed there
        // as soon as its part is made.
        var groups: [Range<Int>] = []
        var groupStart = 0
        while groupStart < files.count {
            var groupEnd = groupStart + 1
            while groupEnd < files.count, keyed[groupEnd].folder == keyed[groupStart].folder { groupEnd += 1 }
            groups.append(groupStart..<groupEnd)
            groupStart = groupEnd
        }
        // The parts are merged in directory order, as one thread would, by whichever worker
        // finished the next one, while the others go on reading: merging between batches left
        // every core but one idle. At most about `batchSize` directories' parts wait at once.
        var done = 0
        var reported = 0
        // Merging throws nothing, so neither does the read.
        try? reader.read(groups: groups.map { files[$0].map(\.path) }, jobs: jobs, window: batchSize) { [groups] number, results in
            let group = groups[number]
            return (group.count, part(keyed[group.lowerBound].folder, Array(zip(files[group], results))))
        } inOrder: { (count: Int, part: DirectoryPart) in
            merge(part, &states, &shared)
            done += count
            if done - reported >= batchSize || done == files.count {
                reported = done
                progress(done, files.count)
            }
        }
        let keys = states.keys.sorted { ($0.rubricID, $0.period) < ($1.rubricID, $1.period) }
        guard !keys.isEmpty else { throw .noValidEvidence(invalidFiles: shared.invalid) }
        return keys.enumerated().compactMap { number, key in
            guard var state = states[key] else { return nil }
            // An aggregated instansi takes the name its own file gives anywhere in the run.
            state.results = state.results.map { result in
                guard result.name == result.id, let name = shared.names[result.id] else { return result }
                return InstansiResult(id: result.id, name: name, province: result.province, source: result.source,
                                      index: result.index, predicate: result.predicate, scores: result.scores)
            }
            var reported = Shared()
            if number == 0 { reported = shared }
            return section(state, period: key.period, files: files.count, shared: reported)
        }
    }

    private func section(_ state: State, period: String, files: Int, shared: Shared) -> NationalSummary {
        let rubric = state.rubric
        let provinceNames = Set(state.results.map(\.province)).sorted()
        let byProvince = Dictionary(grouping: state.results, by: \.province)
        var sums = Array(repeating: ExactDecimal.zero, count: rubric.indicators.count)
        for result in state.results {
            for (position, score) in result.scores.enumerated() { sums[position] = sums[position] + score }
        }
        let weakest = rubric.indicators.indices
            .sorted { sums[$0] != sums[$1] ? sums[$0] < sums[$1] : $0 < $1 }
            .prefix(10)
            .map { IndicatorStatistics(indicatorID: rubric.indicators[$0].id, scoreSum: sums[$0], instansiCount: state.results.count) }
        return NationalSummary(
            rubric: rubric, instansi: state.results,
            provinces: provinceNames.map { GroupStatistics(name: $0, results: byProvince[$0] ?? [], rubric: rubric) },
            national: GroupStatistics(name: "", results: state.results, rubric: rubric),
            weakest: Array(weakest), fileCount: files, invalidFiles: shared.invalid,
            aggregationProblems: state.aggregationProblems + shared.problems,
            period: period, role: role, otherRoleFiles: shared.otherRole)
    }

    private struct SectionKey: Hashable {
        let rubricID: String
        let period: String
    }

    /// One section's results.
    private struct State {
        let rubric: Rubric
        var results: [InstansiResult] = []
        var aggregationProblems: [Diagnostic] = []
        /// Instansi id → the directory it was found in.
        var seen: [String: String] = [:]
    }

    /// What every section shares: files that could not be read, or were of another role.
    private struct Shared {
        var invalid: [NationalSummary.InvalidFile] = []
        var problems: [Diagnostic] = []
        var otherRole: [String] = []
        /// Instansi id → the name its own files give it.
        var names: [String: String] = [:]
    }

    private func directory(_ path: String) -> Substring {
        // On the UTF-8 view: by Character, finding the last `/` walked the name's graphemes.
        path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path[..<$0] } ?? ""
    }

    /// What one directory contributes: worked out on any thread, merged by ``merge(_:_:_:)``.
    private struct DirectoryPart: Sendable {
        let folder: Substring
        var invalid: [NationalSummary.InvalidFile] = []
        var otherRole: [String] = []
        /// Instansi id and the name its own file gives, in file order.
        var names: [(id: String, name: String)] = []
        /// Per section, in key order: the results found here (sorted by id) and the problems
        /// aggregating them.
        var sections: [(key: SectionKey, rubric: Rubric, found: [InstansiResult], problems: [Diagnostic])] = []
    }

    private func part(_ folder: Substring,
                      _ files: [(EvidenceTree.File, Result<StreamingEvidenceReader.Loaded, LoadError>)]) -> DirectoryPart {
        var part = DirectoryPart(folder: folder)
        var instansiFiles: [SectionKey: [(EvidenceTree.File, Assessment)]] = [:]
        var opds: [SectionKey: [String: [Assessment]]] = [:]
        var rubrics: [SectionKey: Rubric] = [:]
        var province = ""
        for (file, result) in files {
            switch result {
            case .failure(let error):
                part.invalid.append(.init(path: file.path, diagnostics: error.diagnostics))
            case .success(let loaded):
                // An instansi's own file names it, whatever its role or period: aggregated
                // results show that name, not the slug.
                if loaded.assessment.unit.kind == .instansi { part.names.append((loaded.assessment.unit.id, loaded.assessment.unit.name)) }
                guard loaded.assessment.role == role else {
                    part.otherRole.append(file.path)
                    continue
                }
                let key = SectionKey(rubricID: loaded.rubric.id, period: loaded.assessment.period)
                rubrics[key] = loaded.rubric
                province = file.province
                if loaded.assessment.unit.kind == .instansi {
                    instansiFiles[key, default: []].append((file, loaded.assessment))
                } else {
                    opds[key, default: [:]][loaded.assessment.unit.instansi ?? "", default: []].append(loaded.assessment)
                }
            }
        }
        // One rubric per id in a run (the resolver loads each once), so this directory's rubric
        // for a section is the section's.
        for (key, rubric) in rubrics.sorted(by: { ($0.key.rubricID, $0.key.period) < ($1.key.rubricID, $1.key.period) }) {
            let scorer = Scorer(rubric: rubric, options: options)
            var found: [InstansiResult] = []
            var problems: [Diagnostic] = []
            let own = instansiFiles[key] ?? []
            for (file, assessment) in own {
                found.append(result(assessment.unit.id, assessment.unit.name, file.province, .file(file.path), scorer.score(assessment)))
            }
            let covered = Set(own.map { $0.1.unit.id })
            for (instansi, members) in (opds[key] ?? [:]).sorted(by: { $0.key < $1.key }) where !covered.contains(instansi) {
                do throws(LoadError) {
                    let aggregate = try Aggregator(rubric: rubric).aggregate(members, path: String(folder))
                    found.append(result(instansi, instansi, province, .aggregated(opdFiles: members.count),
                                        scorer.score(aggregate.assessment)))
                } catch {
                    problems += error.diagnostics
                }
            }
            part.sections.append((key, rubric, found.sorted(by: { $0.id < $1.id }), problems))
        }
        return part
    }

    /// Adds one directory's part to the sections, in the order directories are read: an
    /// instansi found again in a later directory is reported there.
    private func merge(_ part: DirectoryPart, _ states: inout [SectionKey: State], _ shared: inout Shared) {
        shared.invalid += part.invalid
        shared.otherRole += part.otherRole
        for (id, name) in part.names { shared.names[id] = name }
        for (key, rubric, found, problems) in part.sections {
            // Taken out, not copied: a copy left in the dictionary would make every append copy
            // the results so far (quadratic: an eighth of a 2,000-file summary).
            var state = states.removeValue(forKey: key) ?? State(rubric: rubric)
            state.aggregationProblems += problems
            for result in found {
                if let other = state.seen[result.id] {
                    state.aggregationProblems.append(Diagnostic(.duplicateUnit, file: String(part.folder),
                        id: "instansi '\(result.id)' juga ada di \(other); berkasnya dirangkum sekali, dari sana",
                        en: "instansi '\(result.id)' is also in \(other); its files there and here are summarised once, from there"))
                    continue
                }
                state.seen[result.id] = String(part.folder)
                state.results.append(result)
            }
            states[key] = state
        }
    }

    private func result(_ id: String, _ name: String, _ province: String, _ source: InstansiResult.Source,
                        _ card: Scorecard) -> InstansiResult {
        InstansiResult(id: id, name: name, province: province, source: source, index: card.index,
                       predicate: card.predicate, scores: card.indicators.map(\.score))
    }
}
