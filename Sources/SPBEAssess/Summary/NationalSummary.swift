/// The national picture of one rubric's evidence: every instansi's index and predicate, the
/// spread of predicates and the mean and median index per province and nationally, and the
/// indicators weakest across the country. Built by ``SummaryBuilder``.
public struct NationalSummary: Sendable {
    public let rubric: Rubric
    /// In tree order (province, then directory, then instansi id).
    public let instansi: [InstansiResult]
    /// In province order (sorted by name).
    public let provinces: [GroupStatistics]
    public let national: GroupStatistics
    /// The ten (or fewer) indicators with the lowest mean level across instansi, lowest first;
    /// ties in rubric order.
    public let weakest: [IndicatorStatistics]
    /// Evidence files read (valid or not).
    public let fileCount: Int
    /// Files that could not be used, each with its problems (file:line:col).
    public let invalidFiles: [InvalidFile]
    /// OPD files that could not be combined (no `instansi`, two files for one OPD, mixed
    /// periods), and instansi found in two directories.
    public let aggregationProblems: [Diagnostic]

    /// The period every file of this summary is for.
    public var period: String = ""
    /// The role summarised.
    public var role: Role = .self
    /// Valid files of another role, left out.
    public var otherRoleFiles: [String] = []

    public struct InvalidFile: Sendable {
        public let path: String
        public let diagnostics: [Diagnostic]
    }
}

/// One instansi's result.
public struct InstansiResult: Sendable {
    public enum Source: Sendable, Hashable {
        /// The instansi's own file (`kind="instansi"`).
        case file(String)
        /// Aggregated from this many OPD files with the rubric's aggregation rules.
        case aggregated(opdFiles: Int)
    }

    public let id: String
    public let name: String
    public let province: String
    public let source: Source
    public let index: IndexValue
    public let predicate: Predicate
    /// What each rubric indicator scores, in rubric order: its level, or a measured indicator's
    /// exact value (3.42, not 3).
    public let scores: [ExactDecimal]
}

/// Statistics of a set of instansi (a province, or the nation).
public struct GroupStatistics: Sendable {
    /// The province's directory name; empty for the nation.
    public let name: String
    public let count: Int
    /// Instansi per predicate, in the rubric's predicate order.
    public let predicateCounts: [Int]
    /// Exact: Σ index / count.
    public let mean: IndexValue
    /// The middle index; for an even count the mean of the two middle ones.
    public let median: IndexValue

    /// Statistics of `indices`, all under `rubric`.
    init(name: String, results: [InstansiResult], rubric: Rubric) {
        self.name = name
        count = results.count
        var counts = Array(repeating: 0, count: rubric.predicates.count)
        for result in results {
            if let position = rubric.predicates.firstIndex(of: result.predicate) { counts[position] += 1 }
        }
        predicateCounts = counts
        mean = Self.mean(results.map(\.index))
        let sorted = results.map(\.index).sorted()
        if sorted.isEmpty {
            median = .zero
        } else if sorted.count % 2 == 1 {
            median = sorted[sorted.count / 2]
        } else {
            median = Self.mean([sorted[sorted.count / 2 - 1], sorted[sorted.count / 2]])
        }
    }

    /// Σ n_i/d / count, exact, for indices over one rubric (one total weight d).
    static func mean(_ indices: [IndexValue]) -> IndexValue {
        guard let first = indices.first else { return .zero }
        let sum = indices.reduce(Int64(0)) { $0 + $1.weightedLevels }
        return IndexValue(weightedLevels: sum, totalWeight: first.totalWeight * Int64(indices.count))
    }
}

/// An indicator's mean score across instansi: of its levels, or of a measured indicator's values.
public struct IndicatorStatistics: Sendable {
    public let indicatorID: String
    /// Σ score over the instansi, exact: 3.42 + 2.91 = 6.33.
    public let scoreSum: ExactDecimal
    public let instansiCount: Int

    /// The exact mean, Σ / count, shown like an index: rounded half-up to two decimals.
    public var mean: IndexValue {
        IndexValue(weightedLevels: scoreSum.millionths, totalWeight: Int64(instansiCount) * ExactDecimal.scale)
    }

    public var meanLevel: Double { mean.value }
}
