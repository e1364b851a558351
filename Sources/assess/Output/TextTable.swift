/// Plain-text columns for a terminal: left-aligned text, right-aligned numbers.
struct TextTable {
    enum Alignment { case left, right }

    var columns: [Alignment]
    var rows: [[String]] = []

    init(_ columns: [Alignment]) { self.columns = columns }

    mutating func add(_ row: [String]) { rows.append(row) }

    func render(indent: String = "") -> String {
        var widths = Array(repeating: 0, count: columns.count)
        for row in rows {
            for (column, cell) in row.enumerated() where column < widths.count {
                widths[column] = max(widths[column], cell.count)
            }
        }
        return rows.map { row in
            let cells = row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return columns[column] == .left ? cell + pad : pad + cell
            }
            return indent + cells.joined(separator: "  ").replacingTrailingSpaces()
        }.joined(separator: "\n")
    }
}

private extension String {
    func replacingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
