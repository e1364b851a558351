import SPBEAssess

/// A calendar date as a report prints it: `1 Desember 2026` / `1 December 2026`. Kept as plain
/// numbers so a report is the same wherever and whenever it is rendered for the same date.
public struct ReportDate: Sendable, Hashable {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...31).contains(day), (1900...9999).contains(year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// `2026-12-01`; nil for anything else.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    private static let months: [Language: [String]] = [
        .id: ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"],
        .en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    ]

    public func text(_ lang: Language) -> String {
        "\(day) \(Self.months[lang]![month - 1]) \(year)"
    }

    public var iso: String {
        String(year) + "-" + (month < 10 ? "0" : "") + String(month) + "-" + (day < 10 ? "0" : "") + String(day)
    }
}
