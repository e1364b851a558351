/// Who made an assessment.
public enum Role: String, Sendable, Hashable, CaseIterable {
    /// Penilaian mandiri: the unit's own assessment.
    case `self`
    /// Review by the APIP (inspektorat).
    case inspectorate
    /// External assessor.
    case assessor
}

/// What is assessed: one OPD (agency) or a whole instansi.
public struct Unit: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case opd, instansi }

    public let id: String
    public let name: String
    public let kind: Kind
    /// The instansi an OPD belongs to, when the file says.
    public let instansi: String?
    /// The OPD roles this unit plays, matched against rubric owners; its id when the file names none.
    public let roles: [String]
}

/// One unit's answers for one rubric and period, by one role: the content of an evidence file,
/// checked against its rubric.
public struct Assessment: Sendable {
    public let path: String
    public let rubricID: String
    public let period: String
    public let role: Role
    public let unit: Unit
    /// In file order; at most one per indicator.
    public let answers: [Answer]
    public let documents: [Document]
    /// Problems that do not make the file unusable (a criterion marked met with no document).
    public let warnings: [Diagnostic]
    /// Where each answer, `met` and document sits in the file, for reports that point at them.
    public var locations = EvidenceLocations()
    /// An assessor's or inspectorate's recommendations, in file order (``FollowUp``).
    public var recommendations: [Recommendation] = []

    public func answer(for indicatorID: String) -> Answer? {
        answers.first { $0.indicatorID == indicatorID }
    }
}

/// A unit's answer for one indicator.
public struct Answer: Sendable, Hashable {
    public let indicatorID: String
    /// The level the unit says it has reached; nil when it claims nothing (an assessor may record
    /// only what the evidence shows).
    public let claimed: Int?
    public let met: [MetCriterion]
    /// A measured indicator's value (floor … top, at most two decimals); nil on a ladder indicator.
    public let value: ExactDecimal?
    /// The documents that show a measured value; empty when none is cited.
    public let valueDocumentIDs: [String]
    public let note: LocalizedText

    public init(indicatorID: String, claimed: Int?, met: [MetCriterion], value: ExactDecimal? = nil,
                valueDocumentIDs: [String] = [], note: LocalizedText) {
        self.indicatorID = indicatorID
        self.claimed = claimed
        self.met = met
        self.value = value
        self.valueDocumentIDs = valueDocumentIDs
        self.note = note
    }
}

/// A criterion the unit marks as met, with the documents that support it.
public struct MetCriterion: Sendable, Hashable {
    public let criterionID: String
    /// Declared document ids; empty when the unit cited none. A slice: the criteria of one
    /// answer share one array (an array per criterion was a third of all allocations when
    /// reading a dense file).
    public let documentIDs: ArraySlice<String>

    public init(criterionID: String, documentIDs: ArraySlice<String>) {
        self.criterionID = criterionID
        self.documentIDs = documentIDs
    }

    public init(criterionID: String, documentIDs: [String]) {
        self.init(criterionID: criterionID, documentIDs: documentIDs[...])
    }
}

/// A supporting document (bukti dukung).
public struct Document: Sendable, Hashable {
    public let id: String
    public let title: String
    /// ISO date (`2023-05-02`), when given.
    public let date: String?
    public let href: String?
    public let sha256: String?
}
