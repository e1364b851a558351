/// A non-negative decimal with up to six fractional digits, held exactly as an integer count of
/// millionths.
///
/// Rubric weights (1.3, 2.75) and predicate thresholds (1.8) are decimals. In binary floating
/// point Σ level × weight can come out as 2.5949999… where the official arithmetic gives 2.595,
/// which then rounds to the wrong predicate. Keeping millionths as integers makes every sum and
/// product exact.
public struct ExactDecimal: Sendable, Hashable, Comparable, CustomStringConvertible {
    public static let scale: Int64 = 1_000_000
    /// The largest value accepted, so that sums of thousands of level × weight products stay far
    /// from Int64 overflow.
    public static let maximum = ExactDecimal(millionths: 1_000_000 * scale)

    /// The value times one million.
    public let millionths: Int64

    public init(millionths: Int64) { self.millionths = millionths }

    public init(_ integer: Int) { self.millionths = Int64(integer) * Self.scale }

    /// Parses `12`, `1.3`, `2.750000`; nil for anything else (signs, exponents, NaN, more than six
    /// decimals, or more than ``maximum``).
    public init?(parsing text: String) {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0]
        let fraction = parts.count > 1 ? parts[1] : ""
        guard !whole.isEmpty || !fraction.isEmpty, whole.count <= 10, fraction.count <= 6,
              whole.allSatisfy(\.isASCIIDigitCharacter), fraction.allSatisfy(\.isASCIIDigitCharacter),
              parts.count == 1 || !fraction.isEmpty
        else { return nil }
        let padded = fraction + String(repeating: "0", count: 6 - fraction.count)
        let value = (Int64(whole) ?? 0) * Self.scale + Int64(padded)!
        guard value <= Self.maximum.millionths else { return nil }
        self.millionths = value
    }

    public static func + (a: Self, b: Self) -> Self { Self(millionths: a.millionths + b.millionths) }
    public static func - (a: Self, b: Self) -> Self { Self(millionths: a.millionths - b.millionths) }
    public static func * (a: Self, level: Int) -> Self { Self(millionths: a.millionths * Int64(level)) }
    public static func < (a: Self, b: Self) -> Bool { a.millionths < b.millionths }
    public static let zero = ExactDecimal(millionths: 0)

    public var doubleValue: Double { Double(millionths) / Double(Self.scale) }

    /// Shortest exact form: `1.3`, `2.75`, `100`.
    public var description: String {
        let whole = millionths / Self.scale
        var fraction = String(millionths % Self.scale)
        fraction = String(repeating: "0", count: 6 - fraction.count) + fraction
        while fraction.last == "0" { fraction.removeLast() }
        return fraction.isEmpty ? "\(whole)" : "\(whole).\(fraction)"
    }
}

private extension Character {
    var isASCIIDigitCharacter: Bool { ("0"..."9").contains(self) }
}
