import SPBEAssess

/// How numbers, levels and dates read in the human-readable reports (HTML, Markdown, Word):
/// a decimal comma in Indonesian, a point in English. JSON and CSV keep their own formats.
///
/// Every level shown goes through ``level(_:_:)``, so that when measured indicators carry a
/// decimal level only that function changes.
public enum ReportFormat {
    /// `2.47` → `2,47` in Indonesian; unchanged in English.
    public static func decimal(_ text: String, _ lang: Language) -> String {
        guard lang == .id else { return text }
        // By bytes (a `.` is never part of a longer UTF-8 sequence): Foundation's
        // `replacingOccurrences` cost 17,000 instructions a number, most of a national table.
        return String(decoding: text.utf8.map { $0 == UInt8(ascii: ".") ? UInt8(ascii: ",") : $0 }, as: UTF8.self)
    }

    /// An index rounded half-up to two decimals: `2,47` / `2.47`.
    public static func index(_ value: IndexValue, _ lang: Language) -> String {
        decimal(value.description, lang)
    }

    /// A measured indicator's value with two decimals, as an index reads: `3,42`, `4,00`.
    public static func measured(_ value: ExactDecimal, _ lang: Language) -> String {
        index(IndexValue(weightedLevels: value.millionths, totalWeight: ExactDecimal.scale), lang)
    }

    /// A score as the reports show it: a level as a whole number (`3`), a measured value with
    /// two decimals (`3,42`).
    public static func score(_ value: ExactDecimal, _ lang: Language) -> String {
        value.millionths % ExactDecimal.scale == 0 ? level(Int(value.millionths / ExactDecimal.scale), lang) : measured(value, lang)
    }

    /// The level the evidence supports: a measured indicator's value is its supported level.
    public static func supported(_ score: IndicatorScore, _ lang: Language) -> String {
        Self.score(score.supportedScore, lang)
    }

    /// A change of score with its sign: `+1`, `-2`, `+0,49`.
    public static func signed(_ delta: ExactDecimal, _ lang: Language) -> String {
        delta.millionths < 0 ? "-" + score(ExactDecimal.zero - delta, lang) : "+" + score(delta, lang)
    }

    /// A weight or effort as an exact decimal.
    public static func exact(_ value: ExactDecimal, _ lang: Language) -> String {
        decimal(value.description, lang)
    }

    /// `value` with a fixed number of decimals, rounded half away from zero.
    public static func fixed(_ value: Double, places: Int, _ lang: Language) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        var digits = String(Int(scaled))
        if places > 0 {
            while digits.count <= places { digits = "0" + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -places))
        }
        return decimal((value < 0 && scaled != 0 ? "-" : "") + digits, lang)
    }

    /// A difference of indices in hundredths: `+0,91`, `-0,14`, `0,00`.
    public static func signed(hundredths: Int, _ lang: Language) -> String {
        let text = fixed(Double(abs(hundredths)) / 100, places: 2, lang)
        return hundredths > 0 ? "+" + text : hundredths < 0 ? "-" + text : text
    }

    /// A maturity level as the reports show it.
    public static func level(_ level: Int, _ lang: Language) -> String { "\(level)" }

    /// A level change, `2→3`.
    public static func levels(from: Int, to: Int, _ lang: Language) -> String {
        level(from, lang) + "→" + level(to, lang)
    }
}
