/// What a cell holds, as the workbook stores it (a formula's cached result in its place).
public enum CellValue: Sendable, Hashable {
    /// A string (shared, inline or a formula's string result).
    case text(String)
    /// A number as written in the part (`3.42`, `1`), so no decimal is lost to binary floating point.
    case number(String)
    case bool(Bool)
    /// A date: a number in a date format, or an ISO date cell (`t="d"`), as `2024-05-02`.
    case date(String)
    /// An error value such as `#DIV/0!`.
    case error(String)
    /// A formula whose result the file does not carry (written by a program that does not calculate).
    case formulaWithoutValue
}

public struct Cell: Sendable, Hashable {
    public let value: CellValue
    /// True when the cell holds a formula (its cached value is `value`).
    public let isFormula: Bool
}

/// A range of merged cells, inclusive.
public struct MergedRange: Sendable, Hashable {
    public let first: (row: Int, column: Int)
    public let last: (row: Int, column: Int)

    public func contains(row: Int, column: Int) -> Bool {
        (first.row...last.row).contains(row) && (first.column...last.column).contains(column)
    }

    public static func == (a: MergedRange, b: MergedRange) -> Bool {
        a.first == b.first && a.last == b.last
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(first.row); hasher.combine(first.column); hasher.combine(last.row); hasher.combine(last.column)
    }
}

/// One worksheet: its cells by position and its merged ranges.
public struct Sheet: Sendable {
    public let name: String
    public let cells: [Int: [Int: Cell]]
    public let merged: [MergedRange]
    /// The highest row number that holds a cell.
    public var lastRow: Int { cells.keys.max() ?? 0 }

    public func cell(row: Int, column: Int) -> Cell? { cells[row]?[column] }

    /// The merged range a cell lies in, when it does.
    public func mergedRange(row: Int, column: Int) -> MergedRange? {
        merged.first { $0.contains(row: row, column: column) }
    }
}

/// The sheets of a workbook, in tab order.
public struct Workbook: Sendable {
    public let path: String
    public let sheets: [Sheet]

    public func sheet(_ name: String) -> Sheet? { sheets.first { $0.name == name } }
}
