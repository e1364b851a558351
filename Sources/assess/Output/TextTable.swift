/// Plain-text columns for a terminal: left-aligned text, right-aligned numbers.
struct TextTable {
    enum Alignment { case left, right }

    var columns: [Alignment]
    var rows: [[String]] = []

    init(_ columns: [Alignment]) { self.columns = columns }

    mutating func add(_ row: [String]) { rows.append(row) }

    /// Each cell's width is counted once and every line is built as bytes: counting Characters
    /// twice per cell and joining padded Strings made a national summary's table of 4,000 rows
    /// a tenth of the run, all of it after the last file was read.
    func render(indent: String = "") -> String {
        let counted = rows.map { $0.map(Self.width) }
        var widths = Array(repeating: 0, count: columns.count)
        for row in counted {
            for (column, width) in row.enumerated() where column < widths.count {
                widths[column] = max(widths[column], width)
            }
        }
        var out: [UInt8] = []
        for (number, row) in rows.enumerated() {
            if number > 0 { out.append(UInt8(ascii: "\n")) }
            let lineStart = out.count
            out.append(contentsOf: indent.utf8)
            for (column, cell) in row.enumerated() {
                if column > 0 { out.append(contentsOf: [UInt8(ascii: " "), UInt8(ascii: " ")]) }
                let width = counted[number][column]
                let pad = repeatElement(UInt8(ascii: " "), count: (column < widths.count ? widths[column] : width) - width)
                let left = column >= columns.count || columns[column] == .left
                if !left { out.append(contentsOf: pad) }
                out.append(contentsOf: cell.utf8)
                if left { out.append(contentsOf: pad) }
            }
            // No trailing spaces (a space byte is never part of a longer character).
            while out.count > lineStart, out.last == UInt8(ascii: " ") { out.removeLast() }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A cell's width in Characters, as a terminal shows it; printable ASCII by its length.
    private static func width(_ cell: String) -> Int {
        cell.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F } ? cell.utf8.count : cell.count
    }
}
