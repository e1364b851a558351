import Foundation
import SPBEReport

/// A report made of headings, lines and tables, rendered as plain text for a terminal or as
/// Markdown: `compare` and `check` write one body in either format.
struct ReviewDocument {
    enum Style { case table, markdown }

    enum Block {
        case heading(String)
        case line(String)
        case bullets([String])
        case table(alignments: [TextTable.Alignment], header: [String], rows: [[String]])
        case blank
    }

    var blocks: [Block] = []

    mutating func heading(_ text: String) { blocks.append(.heading(text)) }
    mutating func line(_ text: String) { blocks.append(.line(text)) }
    mutating func bullets(_ items: [String]) { if !items.isEmpty { blocks.append(.bullets(items)) } }
    mutating func blank() { blocks.append(.blank) }
    mutating func table(_ alignments: [TextTable.Alignment], header: [String], rows: [[String]]) {
        blocks.append(.table(alignments: alignments, header: header, rows: rows))
    }

    func render(_ style: Style) -> String {
        var out: [String] = []
        for block in blocks {
            switch (block, style) {
            case (.heading(let text), .table):
                if !(out.last?.isEmpty ?? true) { out.append("") }
                out.append(text)
            case (.heading(let text), .markdown):
                if !(out.last?.isEmpty ?? true) { out.append("") }
                out.append("## " + MarkdownText.escape(text))
                out.append("")
            case (.line(let text), .table):
                out.append(text)
            case (.line(let text), .markdown):
                out.append(MarkdownText.escape(text))
            case (.bullets(let items), .table):
                out += items.map { "  - " + $0 }
            case (.bullets(let items), .markdown):
                out += items.map { "- " + MarkdownText.escape($0) }
            case (.blank, _):
                if !(out.last?.isEmpty ?? true) { out.append("") }
            case (.table(let alignments, let header, let rows), .table):
                var table = TextTable(alignments)
                table.add(header)
                rows.forEach { table.add($0) }
                out.append(table.render(indent: "  "))
            case (.table(let alignments, let header, let rows), .markdown):
                if !(out.last?.isEmpty ?? true) { out.append("") }
                out.append("| " + header.map(Self.cell).joined(separator: " | ") + " |")
                out.append("|" + alignments.map { $0 == .right ? "---:|" : "---|" }.joined())
                out += rows.map { "| " + $0.map(Self.cell).joined(separator: " | ") + " |" }
                out.append("")
            }
        }
        while out.last?.isEmpty == true { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }

    /// A Markdown cell: text from files stays text (the one escaper of every Markdown output).
    private static func cell(_ text: String) -> String { MarkdownText.escape(text) }
}
