/// Checks an assessment's *bukti dukung*: what an inspector looks for before trusting the levels.
///
/// Without a documents folder the check reads only the file: documents cited by no criterion,
/// criteria marked met without a document, document dates after the period or too old, and the
/// same declared SHA-256 under different ids. With a folder it also looks up every cited
/// document's `href` and compares the file's SHA-256 with the declared one.
///
/// ```swift
/// let findings = try EvidenceCheck(options: .init(maxAgeYears: 5)).run(assessment, documents: folder)
/// ```
public struct EvidenceCheck: Sendable {
    public struct Options: Sendable, Hashable {
        /// A document dated more than this many years before the end of the period is too old.
        public var maxAgeYears: Int

        public init(maxAgeYears: Int = 5) { self.maxAgeYears = maxAgeYears }
    }

    public let options: Options

    public init(options: Options = Options()) { self.options = options }

    /// Findings in file order (by line, then column).
    public func run(_ assessment: Assessment, documents folder: DocumentFolder? = nil) throws(LoadError) -> [EvidenceFinding] {
        var findings: [EvidenceFinding] = []
        let cited = Set(assessment.answers.flatMap { $0.met.flatMap(\.documentIDs) })
        var metIndex = 0
        for answer in assessment.answers {
            for met in answer.met {
                defer { metIndex += 1 }
                guard met.documentIDs.isEmpty else { continue }
                let location = assessment.location(ofMet: metIndex)
                findings.append(EvidenceFinding(kind: .metWithoutDocument, location: location,
                                                indicatorID: answer.indicatorID, criterionID: met.criterionID))
            }
        }

        let end = PeriodEnd(period: assessment.period)
        var seenHashes: [String: String] = [:]
        for (index, document) in assessment.documents.enumerated() {
            let location = assessment.location(ofDocument: index)
            if !cited.contains(document.id) {
                findings.append(EvidenceFinding(kind: .uncitedDocument, location: location, documentID: document.id))
            }
            if let text = document.date, let date = CalendarDay(text), let end {
                if date > end.lastDay {
                    findings.append(EvidenceFinding(kind: .dateAfterPeriod, location: location, documentID: document.id,
                                                    detail: "\(date) > \(end.lastDay)"))
                } else if date < end.cutoff(years: options.maxAgeYears) {
                    findings.append(EvidenceFinding(kind: .dateTooOld, location: location, documentID: document.id,
                                                    detail: "\(date) < \(end.cutoff(years: options.maxAgeYears))"))
                }
            }

            var hash = document.sha256?.lowercased()
            if let folder, cited.contains(document.id) {
                if let href = document.href {
                    switch try folder.digest(of: href) {
                    case .missing:
                        findings.append(EvidenceFinding(kind: .fileMissing, location: location, documentID: document.id, detail: href))
                    case .outsideFolder:
                        findings.append(EvidenceFinding(kind: .fileOutsideFolder, location: location, documentID: document.id, detail: href))
                    case .found(let actual):
                        if let declared = hash, declared != actual {
                            findings.append(EvidenceFinding(kind: .hashMismatch, location: location, documentID: document.id,
                                                            detail: "\(href): \(actual)"))
                        }
                        hash = hash ?? actual
                    }
                } else {
                    findings.append(EvidenceFinding(kind: .noHref, location: location, documentID: document.id))
                }
            }
            if let hash {
                if let first = seenHashes[hash] {
                    findings.append(EvidenceFinding(kind: .duplicateHash, location: location, documentID: document.id, detail: first))
                } else {
                    seenHashes[hash] = document.id
                }
            }
        }
        return findings.sorted { ($0.location.line, $0.location.column ?? 0) < ($1.location.line, $1.location.column ?? 0) }
    }
}

/// One problem with an assessment's evidence, at the element it concerns.
public struct EvidenceFinding: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A declared document that no `met` cites.
        case uncitedDocument
        /// A `met` with no `documents`: it does not count unless `--no-require-evidence`.
        case metWithoutDocument
        /// Dated after the last day of the period.
        case dateAfterPeriod
        /// Dated more than `maxAgeYears` before the end of the period.
        case dateTooOld
        /// The `href` names no file under the documents folder.
        case fileMissing
        /// The `href` is absolute or leaves the documents folder; it was not opened.
        case fileOutsideFolder
        /// A cited document with no `href` to check (only reported with a documents folder).
        case noHref
        /// The file's SHA-256 differs from the declared `sha256`.
        case hashMismatch
        /// The same file (same SHA-256) declared under another id earlier in the file.
        case duplicateHash

        /// Whether the finding means a document is absent (for `--fail-on missing-document`).
        public var isMissingDocument: Bool {
            self == .metWithoutDocument || self == .fileMissing
        }
    }

    public let kind: Kind
    public let location: SourceLocation
    public var indicatorID: String?
    public var criterionID: String?
    public var documentID: String?
    /// The date compared, the href looked up with the hash found, or the id first declaring the
    /// same hash.
    public var detail: String?

    public init(kind: Kind, location: SourceLocation, indicatorID: String? = nil, criterionID: String? = nil,
                documentID: String? = nil, detail: String? = nil) {
        self.kind = kind
        self.location = location
        self.indicatorID = indicatorID
        self.criterionID = criterionID
        self.documentID = documentID
        self.detail = detail
    }
}

/// The last day of an assessment period (`2024` or `2024-rev1` → 2024-12-31).
struct PeriodEnd {
    let year: Int

    init?(period: String) {
        guard let year = Int(period.prefix(4)), period.prefix(4).allSatisfy(\.isNumber) else { return nil }
        self.year = year
    }

    var lastDay: CalendarDay { CalendarDay(year: year, month: 12, day: 31) }

    /// Dates before this are more than `years` years older than the end of the period.
    func cutoff(years: Int) -> CalendarDay { CalendarDay(year: year - years, month: 12, day: 31) }
}

/// The day of an `xs:date`, compared by number: a year may have more than four digits
/// (`12024-01-01` is after 2024, not before it, as comparing text would say) or a sign.
struct CalendarDay: Comparable, CustomStringConvertible {
    let year: Int
    let month: Int
    let day: Int

    init(year: Int, month: Int, day: Int) {
        (self.year, self.month, self.day) = (year, month, day)
    }

    /// `[-]YYYY…-MM-DD`, any time zone after it ignored; nil for anything else.
    init?(_ text: String) {
        var rest = Substring(text)
        let negative = rest.first == "-"
        if negative { rest = rest.dropFirst() }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        rest = rest.dropFirst(digits.count)
        guard digits.count >= 4, rest.count >= 6, rest.first == "-" else { return nil }
        let month = rest.dropFirst().prefix(2), day = rest.dropFirst(4).prefix(2)
        guard rest.dropFirst(3).first == "-", let m = Int(month), let d = Int(day) else { return nil }
        // A year too long for Int is still a year: far before or far after any period.
        let magnitude = Int(digits) ?? Int.max / 2
        self.init(year: negative ? -magnitude : magnitude, month: m, day: d)
    }

    static func < (a: CalendarDay, b: CalendarDay) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    var description: String {
        let digits = String(abs(year))
        let padded = String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        return (year < 0 ? "-" : "") + padded + "-" + Self.two(month) + "-" + Self.two(day)
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
