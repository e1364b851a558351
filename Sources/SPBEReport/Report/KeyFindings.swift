import SPBEAssess

/// The three to five findings a Sekda reads first, in order of what to act on: overclaims (the
/// index the ministry will publish is lower than claimed), OPDs that have not submitted, the
/// weakest aspects, the plan to the target, criteria met without a document. Shared by the
/// HTML summary page and the Word report.
public enum KeyFindings {
    public static func of(_ input: ReportInput) -> [String] {
        guard let card = input.headline else { return [] }
        let lang = input.language
        var findings: [String] = []
        // Overclaims: for a regency, those of every OPD.
        var overclaimed: [String] = []
        if let readiness = input.readiness {
            for entry in readiness.entries where entry.submitted {
                for score in entry.overclaims where !overclaimed.contains(score.id) { overclaimed.append(score.id) }
            }
        } else {
            overclaimed = card.overclaims.map(\.id)
        }
        if !overclaimed.isEmpty {
            findings.append(lang == .id
                ? "\(overclaimed.count) indikator diklaim lebih tinggi daripada yang didukung bukti: \(list(overclaimed)). Level yang dihitung mengikuti bukti."
                : "\(overclaimed.count) indicators are claimed higher than the evidence supports: \(list(overclaimed)). The level counted follows the evidence.")
        }
        if let missing = input.readiness?.missing, !missing.isEmpty {
            // An OPD not on any list is known only by the owner role nobody played.
            let names = missing.map { $0.name ?? (lang == .id ? "pemegang peran \($0.unitID)" : "the \($0.unitID) role") }
            findings.append(lang == .id
                ? "\(missing.count) OPD belum menyerahkan penilaian: \(list(names))."
                : "\(missing.count) OPDs have not submitted: \(list(names)).")
        }
        if let followUp = input.followUp, !followUp.items.isEmpty {
            findings.append((lang == .id ? "Rekomendasi \(followUp.review.period): " : "Recommendations of \(followUp.review.period): ")
                            + followUp.counts(lang) + ".")
        }
        let weakest = zip(card.aspects, card.rubric.aspects).sorted { $0.0.index < $1.0.index }.prefix(2)
        if !weakest.isEmpty {
            let text = weakest.map { "\($1.title.text(in: lang)) (\(ReportFormat.index($0.index, lang)))" }.joined(separator: lang == .id ? " dan " : " and ")
            findings.append(lang == .id ? "Aspek terlemah: \(text)." : "Weakest aspects: \(text).")
        }
        if let plan = input.plans[card.assessment.path] {
            findings.append(planHeadline(plan, lang))
        }
        let undocumented = card.indicators.reduce(0) { $0 + $1.metWithoutDocument.count }
        if undocumented > 0 {
            findings.append(lang == .id
                ? "\(undocumented) kriteria ditandai terpenuhi tanpa dokumen dan tidak dihitung."
                : "\(undocumented) criteria are marked met without a document and are not counted.")
        }
        return Array(findings.prefix(5))
    }

    /// `Target 3,00 dapat dicapai dalam 12 langkah: 2,47 → 3,01 (Baik).`
    public static func planHeadline(_ plan: GapPlan, _ lang: Language) -> String {
        let now = ReportFormat.index(plan.current, lang)
        let then = ReportFormat.index(plan.projected, lang)
        let predicate = plan.projectedPredicate.label.text(in: lang)
        if plan.alreadyMet { return Phrase.alreadyMet.text(lang) }
        if plan.reachable {
            return lang == .id
                ? "Target dapat dicapai dalam \(plan.steps.count) langkah: \(now) → \(then) (\(predicate))."
                : "The target is reachable in \(plan.steps.count) steps: \(now) → \(then) (\(predicate))."
        }
        return lang == .id
            ? "Target tidak dapat dicapai; indeks terbaik \(then) (\(predicate)) dalam \(plan.steps.count) langkah."
            : "The target is not reachable; the best index is \(then) (\(predicate)) in \(plan.steps.count) steps."
    }

    /// At most eight items, then "and N more".
    static func list(_ items: [String]) -> String {
        items.count <= 8 ? items.joined(separator: ", ") : items.prefix(8).joined(separator: ", ") + " (+\(items.count - 8))"
    }
}
