/// Who answers for the instansi on each indicator: its penanggung jawab (the official cycle has the
/// coordinator assign each indicator to one OPD).
///
/// By default the responsible party is the indicator's **first owner role**; the OPD list's
/// `penanggung-jawab` column or an assignment file (`indikator,opd`) names an OPD instead, the
/// assignment file winning over the list. An indicator with no owners and no assignment is
/// answered by whichever OPD has the best evidence for it.
///
/// A role stands for the OPDs that play it. When several do (four Setda bagian playing `setda`),
/// the best-supported answer among them is the role's: OPDs sharing a role split the work, so one
/// that left an indicator to the other is not held against it, and removing a file can only lower
/// the role's level, never raise it.
///
/// ```swift
/// let responsibility = try Responsibility(rubric: rubric, opds: list, listPath: "opd.csv")
/// responsibility.party(for: indicator)   // .opd("setda-organisasi") or .role("diskominfo")
/// ```
public struct Responsibility: Sendable, Hashable {
    public enum Party: Sendable, Hashable, CustomStringConvertible {
        /// The OPDs playing this role (its best answer counts).
        case role(String)
        /// This one OPD.
        case opd(String)
        /// Any OPD (an indicator with no owners): the best answer counts.
        case anyOPD

        public var description: String {
            switch self {
            case .role(let role): role
            case .opd(let id): id
            case .anyOPD: "*"
            }
        }

        /// True when `unit` answers for this party.
        public func includes(_ unit: Unit) -> Bool {
            switch self {
            case .role(let role): unit.roles.contains(role)
            case .opd(let id): unit.id == id
            case .anyOPD: true
            }
        }
    }

    /// Indicator id → the OPD id assigned to it.
    public let assigned: [String: String]

    /// The rubric's defaults only.
    public init() { assigned = [:] }

    /// The OPD list's `penanggung-jawab` column, overridden indicator by indicator by `assignments`.
    /// Throws every unknown indicator, indicator given to two OPDs, and assignment to an OPD not on
    /// the list (when a list is given).
    public init(rubric: Rubric, opds: [OPDEntry] = [], listPath: String = "opd.csv",
                assignments: [Assignment] = [], assignmentPath: String = "assign.csv") throws(LoadError) {
        var problems: [Diagnostic] = []
        var fromList: [String: String] = [:]
        for opd in opds {
            for indicatorID in opd.responsibleFor {
                if rubric.indicator(indicatorID) == nil {
                    problems.append(Diagnostic(.unknownReference, file: listPath, line: opd.line,
                        id: "OPD '\(opd.id)' ditetapkan sebagai penanggung jawab indikator '\(indicatorID)', yang tidak ada dalam rubrik \(rubric.id)",
                        en: "OPD '\(opd.id)' is made responsible for indicator '\(indicatorID)', which rubric \(rubric.id) does not have"))
                } else if let other = fromList[indicatorID], other != opd.id {
                    problems.append(Diagnostic(.duplicateIdentifier, file: listPath, line: opd.line,
                        id: "indikator \(indicatorID) mempunyai dua penanggung jawab: \(other) dan \(opd.id); tetapkan satu OPD",
                        en: "indicator \(indicatorID) has two responsible OPDs: \(other) and \(opd.id); name one OPD"))
                } else {
                    fromList[indicatorID] = opd.id
                }
            }
        }
        var fromFile: [String: Assignment] = [:]
        let listed = Set(opds.map(\.id))
        for assignment in assignments {
            if rubric.indicator(assignment.indicatorID) == nil {
                problems.append(Diagnostic(.unknownReference, file: assignmentPath, line: assignment.line,
                    id: "indikator '\(assignment.indicatorID)' tidak ada dalam rubrik \(rubric.id)",
                    en: "indicator '\(assignment.indicatorID)' is not in rubric \(rubric.id)"))
                continue
            }
            if !opds.isEmpty && !listed.contains(assignment.opdID) {
                problems.append(Diagnostic(.unknownReference, file: assignmentPath, line: assignment.line,
                    id: "penanggung jawab '\(assignment.opdID)' untuk \(assignment.indicatorID) tidak ada dalam daftar OPD",
                    en: "responsible OPD '\(assignment.opdID)' for \(assignment.indicatorID) is not in the OPD list"))
                continue
            }
            if let other = fromFile[assignment.indicatorID], other.opdID != assignment.opdID {
                problems.append(Diagnostic(.duplicateIdentifier, file: assignmentPath, line: assignment.line,
                    id: "indikator \(assignment.indicatorID) mempunyai dua penanggung jawab: \(other.opdID) (baris \(other.line)) dan \(assignment.opdID); tetapkan satu OPD",
                    en: "indicator \(assignment.indicatorID) has two responsible OPDs: \(other.opdID) (line \(other.line)) and \(assignment.opdID); name one OPD"))
                continue
            }
            fromFile[assignment.indicatorID] = assignment
        }
        guard problems.isEmpty else { throw LoadError(problems) }
        assigned = fromList.merging(fromFile.mapValues(\.opdID)) { _, file in file }
    }

    /// The party answering for the instansi on `indicator`.
    public func party(for indicator: Indicator) -> Party {
        if let id = assigned[indicator.id] { return .opd(id) }
        return indicator.owners.first.map(Party.role) ?? .anyOPD
    }

    /// The parties whose levels a rule combines: the responsible one first, then the indicator's
    /// other owner roles (each at the floor when no submitted OPD plays it).
    public func parties(for indicator: Indicator, rule: Aggregation) -> [Party] {
        let first = party(for: indicator)
        guard rule != .responsible else { return [first] }
        return [first] + indicator.owners.map(Party.role).filter { $0 != first }
    }

    /// The indicators `unit` answers for, in rubric order, as its own result counts them: those
    /// assigned to it; those of a responsible role it plays that it answered, or (when its id is
    /// the role's name, the OPD that stands for the role) left unanswered; and those it answered
    /// as a co-owner (one of the indicator's owner roles). Decided from the unit and its own
    /// answers alone, so the number is the same whichever command shows it.
    public func scope(of unit: Unit, answered: Set<String>, rubric: Rubric) -> [Indicator] {
        rubric.indicators.filter { indicator in
            switch party(for: indicator) {
            case .opd(let id) where id == unit.id: return true
            case .role(let role) where unit.roles.contains(role) && unit.id == role: return true
            default:
                return answered.contains(indicator.id) && indicator.owners.contains { unit.roles.contains($0) }
            }
        }
    }
}

/// One row of an assignment file: indicator `indicatorID` is answered by OPD `opdID`.
public struct Assignment: Sendable, Hashable {
    public let indicatorID: String
    public let opdID: String
    public let line: Int

    public init(indicatorID: String, opdID: String, line: Int) {
        self.indicatorID = indicatorID
        self.opdID = opdID
        self.line = line
    }
}

/// Reads an assignment file, CSV with the header `indikator,opd` (or `indicator,opd`).
public enum AssignmentList {
    public static func load(path: String, limits: InputLimits = .default) throws(LoadError) -> [Assignment] {
        let source = try InputFile.load(path, limits: limits)
        guard let text = String(validating: source.bytes, as: UTF8.self) else {
            throw LoadError([Diagnostic(.unreadable, file: path, id: "berkas penugasan bukan teks UTF-8",
                                        en: "the assignment file is not UTF-8 text")])
        }
        return try parse(text, path: path)
    }

    public static func parse(_ text: String, path: String) throws(LoadError) -> [Assignment] {
        var problems: [Diagnostic] = []
        let records = OPDList.records(text, path: path, problems: &problems)
        let header = records.first?.fields.map { $0.trimmingSpaces.lowercased() }
        guard header == ["indikator", "opd"] || header == ["indicator", "opd"] else {
            throw LoadError(problems + [Diagnostic(.invalidRow, file: path, line: records.first?.line,
                id: "kepala berkas penugasan harus indikator,opd", en: "the assignment file's header must be indikator,opd")])
        }
        var rows: [Assignment] = []
        for record in records.dropFirst() where !record.fields.allSatisfy({ $0.trimmingSpaces.isEmpty }) {
            let fields = record.fields.map(\.trimmingSpaces)
            guard fields.count == 2, OPDList.isIdentifier(fields[0]), OPDList.isIdentifier(fields[1]) else {
                problems.append(Diagnostic(.invalidRow, file: path, line: record.line,
                    id: "baris ini harus berisi dua pengenal: indikator,opd", en: "this row must hold two identifiers: indikator,opd"))
                continue
            }
            rows.append(Assignment(indicatorID: fields[0], opdID: fields[1], line: record.line))
        }
        guard problems.isEmpty else { throw LoadError(problems) }
        return rows
    }
}
