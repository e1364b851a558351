/// A1-style cell addresses: column letters and 1-based row and column numbers.
public enum CellReference {
    /// `A` for 1, `Z` for 26, `AA` for 27.
    public static func column(_ number: Int) -> String {
        var number = number
        var letters = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            number = (number - 1) / 26
        }
        return letters
    }

    public static func name(row: Int, column: Int) -> String { "\(Self.column(column))\(row)" }

    /// (row, column) of `B12`; nil when it is not an address (or beyond XFD1048576).
    public static func parse(_ text: String) -> (row: Int, column: Int)? {
        var column = 0
        var row = 0
        var digits = false
        for scalar in text.unicodeScalars {
            if !digits, ("A"..."Z").contains(scalar) {
                column = column * 26 + Int(scalar.value) - 64
                guard column <= 16384 else { return nil }
            } else if ("0"..."9").contains(scalar), column > 0 {
                digits = true
                row = row * 10 + Int(scalar.value) - 48
                guard row <= 1_048_576 else { return nil }
            } else {
                return nil
            }
        }
        return digits && row > 0 ? (row, column) : nil
    }
}
