/// Next period's evidence file started from last period's: the same unit, the same met criteria
/// with the same documents, every answer marked for re-confirmation, claims left out (a claim is
/// made afresh each year), and each document older than `maxAgeYears` before the new period
/// flagged. The result is an ordinary evidence file; the OPD re-confirms or removes each line.
///
/// ```swift
/// let carried = CarryForward(period: "2025", maxAgeYears: 3).carry(lastYear)
/// let xml = EvidenceWriter.write(carried.assessment, comments: carried.comments(in: .id))
/// ```
public struct CarryForward: Sendable {
    public let period: String
    /// A document dated more than this many years before 1 January of the new period is flagged.
    public let maxAgeYears: Int

    public init(period: String, maxAgeYears: Int = 3) {
        self.period = period
        self.maxAgeYears = maxAgeYears
    }

    public struct Result: Sendable {
        public let assessment: Assessment
        /// Documents dated before the age limit, in file order.
        public let oldDocuments: [Document]
        public let fromPeriod: String
        let maxAgeYears: Int

        /// The file's leading comments, in `language`.
        public func comments(in language: Language) -> [String] {
            var lines = [language == .en
                ? "Carried over from period \(fromPeriod): every answer must be re-confirmed; remove any <met> that no longer holds and check each document is still current."
                : "Dibawa dari periode \(fromPeriod): setiap jawaban wajib dikonfirmasi ulang; hapus <met> yang tidak lagi berlaku dan periksa apakah setiap dokumen masih berlaku."]
            for document in oldDocuments {
                lines.append(language == .en
                    ? "OLD DOCUMENT: \(document.id) is dated \(document.date ?? "?"), more than \(maxAgeYears) years before period \(assessment.period); replace or re-confirm it."
                    : "DOKUMEN LAMA: \(document.id) bertanggal \(document.date ?? "?"), lebih dari \(maxAgeYears) tahun sebelum periode \(assessment.period); ganti atau konfirmasi ulang.")
            }
            return lines
        }
    }

    public func carry(_ last: Assessment) -> Result {
        let newYear = Int(period.prefix(4)) ?? 0
        let limit = newYear - maxAgeYears
        let old = last.documents.filter { document in
            guard let date = document.date, let year = Int(date.prefix(4)) else { return false }
            // Dated before 1 January of (new year − age): older than the stated age.
            return year < limit
        }
        let oldIDs = Set(old.map(\.id))
        let answers = last.answers.map { answer in
            let cited = Set(answer.met.flatMap(\.documentIDs) + answer.valueDocumentIDs).intersection(oldIDs).sorted()
            let flag = cited.isEmpty ? ("", "")
                : (" Dokumen lama: \(cited.joined(separator: ", ")).", " Old documents: \(cited.joined(separator: ", ")).")
            let note = LocalizedText(
                id: "KONFIRMASI ULANG: dibawa dari periode \(last.period).\(flag.0)",
                en: "RE-CONFIRM: carried over from period \(last.period).\(flag.1)")
            return Answer(indicatorID: answer.indicatorID, claimed: nil, met: answer.met, value: answer.value,
                          valueDocumentIDs: answer.valueDocumentIDs, note: note)
        }
        let assessment = Assessment(path: last.path, rubricID: last.rubricID, period: period, role: last.role,
                                    unit: last.unit, answers: answers, documents: last.documents, warnings: [])
        return Result(assessment: assessment, oldDocuments: old, fromPeriod: last.period, maxAgeYears: maxAgeYears)
    }

    /// The period after `period` when it is a plain year (2024 → 2025); nil otherwise.
    public static func next(after period: String) -> String? {
        guard period.count == 4, let year = Int(period) else { return nil }
        return String(year + 1)
    }
}
