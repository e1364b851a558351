import Foundation
import SPBEAssess

/// "Why this number" in one sentence: the indicators costing the unit most index points.
enum LostPointsLine {
    static func text(_ card: Scorecard, _ lang: Language, count: Int = 5) -> String {
        let items = LostPoints(card).overall.prefix(count).map { item in
            "\(item.indicatorID) −" + (lang == .id ? item.points.description.replacingOccurrences(of: ".", with: ",") : item.points.description)
        }
        guard !items.isEmpty else { return lang == .id ? "Semua indikator pada level puncak." : "Every indicator at the top level." }
        return (lang == .id ? "Poin indeks terbesar yang hilang: " : "Largest index points lost: ") + items.joined(separator: ", ")
    }
}
