/// Spreadsheet date serials and ISO dates, by integer arithmetic on the proleptic Gregorian
/// calendar (no time zone can shift a day).
public enum SpreadsheetDate {
    /// `2024-05-02` for a serial day number: days since 1899-12-30 in the 1900 system (which
    /// counts the non-existent 1900-02-29, so serials below 61 are one day later), days since
    /// 1904-01-01 in the 1904 system. The time of day is ignored.
    public static func iso(serial: Double, date1904: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        var day = Int(serial.rounded(.down))
        if date1904 {
            day += 1462
        } else if day < 61 {
            guard day >= 1, day != 60 else { return nil }
            day += 1
        }
        return iso(daysSince18991230: day)
    }

    /// The 1900-system serial of an ISO date (for writing date cells).
    public static func serial(iso text: String) -> Int? {
        guard let (year, month, day) = components(text) else { return nil }
        return daysFromCivil(year, month, day) - daysFromCivil(1899, 12, 30)
    }

    /// Year, month, day of `yyyy-mm-dd`, checked to be a real date.
    public static func components(_ text: String) -> (Int, Int, Int)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        return isReal(year, month, day) ? (year, month, day) : nil
    }

    /// `2024-05-02` from `2024-05-02` or the Indonesian day-first `02/05/2024` (also `2/5/2024`
    /// and `02-05-2024`), nil for anything else.
    public static func parseText(_ text: String) -> String? {
        if components(text) != nil { return text }
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." })
        guard parts.count == 3, parts[2].count == 4, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]),
              isReal(year, month, day) else { return nil }
        return format(year, month, day)
    }

    static func isReal(_ year: Int, _ month: Int, _ day: Int) -> Bool {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    static func iso(daysSince18991230 days: Int) -> String {
        let (year, month, day) = civil(fromDays: days + daysFromCivil(1899, 12, 30))
        return format(year, month, day)
    }

    static func format(_ year: Int, _ month: Int, _ day: Int) -> String {
        func pad(_ n: Int, _ width: Int) -> String { String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Days since 1970-01-01 (H. Hinnant's algorithm).
    static func daysFromCivil(_ y: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y - 1 : y
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civil(fromDays z: Int) -> (Int, Int, Int) {
        let z = z + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
