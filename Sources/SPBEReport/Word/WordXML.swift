import SPBEAssess

/// Paragraphs, runs and tables of WordprocessingML, as ``XMLNode``s.
enum WordXML {
    static let namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    /// The text width of an A4 page with the report's margins, in twentieths of a point.
    static let textWidth = 11906 - 1134 - 1418

    static func run(_ text: String, bold: Bool = false, size: Int? = nil) -> XMLNode {
        var properties: [XMLNode] = []
        if bold { properties.append(.element("w:b", [], [])) }
        if let size { properties.append(.element("w:sz", [("w:val", "\(size)")], [])) }
        return .element("w:r", [], (properties.isEmpty ? [] : [.element("w:rPr", [], properties)])
                        + [.element("w:t", [("xml:space", "preserve")], text: text)])
    }

    /// A paragraph in a style (`Heading1`, `Title`…), of runs.
    static func paragraph(_ runs: [XMLNode], style: String? = nil, pageBreakBefore: Bool = false, centred: Bool = false) -> XMLNode {
        var properties: [XMLNode] = []
        if let style { properties.append(.element("w:pStyle", [("w:val", style)], [])) }
        if pageBreakBefore { properties.append(.element("w:pageBreakBefore", [], [])) }
        if centred { properties.append(.element("w:jc", [("w:val", "center")], [])) }
        return .element("w:p", [], (properties.isEmpty ? [] : [.element("w:pPr", [], properties)]) + runs)
    }

    static func paragraph(_ text: String, style: String? = nil, bold: Bool = false, pageBreakBefore: Bool = false, centred: Bool = false) -> XMLNode {
        paragraph([run(text, bold: bold)], style: style, pageBreakBefore: pageBreakBefore, centred: centred)
    }

    /// `Label: text`, the label bold (Fakta / Analisis / Justifikasi).
    static func labelled(_ label: String, _ text: String) -> XMLNode {
        paragraph([run(label + ": ", bold: true), run(text)])
    }

    /// A table in the document's table style; the first row is the header, repeated on every page.
    static func table(_ header: [String], _ rows: [[String]], style: String = "ReportTable") -> XMLNode {
        let columns = max(header.count, rows.map(\.count).max() ?? 0)
        // A table of seven columns or more is set in 9 pt (11 pt elsewhere), so its headers fit.
        let size: Int? = columns >= 7 ? 18 : nil
        func row(_ cells: [String], header: Bool) -> XMLNode {
            .element("w:tr", [], (header ? [.element("w:trPr", [], [.element("w:tblHeader", [], [])])] : [])
                     + cells.map { .element("w:tc", [], [paragraph([run($0, bold: header, size: size)])]) })
        }
        // Every column gets at least its longest word (up to 12 characters), so no header or date
        // breaks inside a word; what is left of the A4 text width goes to the columns with
        // longer text, up to 40 characters each, so a title column is not squeezed to the width
        // of a number.
        func longestWord(_ cells: [String], _ column: Int) -> Int {
            column < cells.count ? min(12, cells[column].split(separator: " ").map(\.count).max() ?? 0) : 0
        }
        let minimum = (0..<columns).map { column in
            // Header text is bold, and so a little wider.
            4 + max(4, longestWord(header, column) + 2, rows.map { longestWord($0, column) }.max() ?? 0)
        }
        let wanted = (0..<columns).map { column in
            max(minimum[column], 3 + min(40, ([header] + rows).map { column < $0.count ? $0[column].count : 0 }.max() ?? 4))
        }
        let capacity = textWidth / (size == nil ? 110 : 90)  // characters across the page, roughly
        let spare = max(0, capacity - minimum.reduce(0, +))
        let extra = zip(wanted, minimum).map { $0 - $1 }
        let extraTotal = max(1, extra.reduce(0, +))
        let lengths = zip(minimum, extra).map { $0 + min($1, $1 * spare / extraTotal) }
        let total = lengths.reduce(0, +)
        let widths = lengths.map { textWidth * $0 / max(total, 1) }
        return .element("w:tbl", [], [
            .element("w:tblPr", [], [.element("w:tblStyle", [("w:val", style)], []), .element("w:tblW", [("w:w", "\(textWidth)"), ("w:type", "dxa")], []),
                                     .element("w:tblLayout", [("w:type", "fixed")], [])]),
            .element("w:tblGrid", [], widths.map { .element("w:gridCol", [("w:w", "\($0)")], []) }),
        ] + (header.isEmpty ? [] : [row(header, header: true)]) + rows.map { row($0, header: false) })
    }

    /// A table of contents field over Heading 1–3; Word fills it on opening (settings ask it to).
    static func tableOfContents(placeholder: String) -> XMLNode {
        .element("w:p", [], [
            .element("w:r", [], [.element("w:fldChar", [("w:fldCharType", "begin")], [])]),
            .element("w:r", [], [.element("w:instrText", [("xml:space", "preserve")], text: " TOC \\o \"1-3\" \\h \\z \\u ")]),
            .element("w:r", [], [.element("w:fldChar", [("w:fldCharType", "separate")], [])]),
            run(placeholder),
            .element("w:r", [], [.element("w:fldChar", [("w:fldCharType", "end")], [])]),
        ])
    }

    /// Real Word styles, so the navigation pane and a table of contents work.
    static func styles() -> XMLNode {
        func style(_ id: String, _ name: String, size: Int, bold: Bool = false, colour: String? = nil, outline: Int? = nil,
                   before: Int = 0, after: Int = 120, next: String = "Normal") -> XMLNode {
            var paragraph: [XMLNode] = [.element("w:keepNext", [], []), .element("w:spacing", [("w:before", "\(before)"), ("w:after", "\(after)")], [])]
            if let outline { paragraph.append(.element("w:outlineLvl", [("w:val", "\(outline)")], [])) }
            var run: [XMLNode] = [.element("w:sz", [("w:val", "\(size)")], [])]
            if bold { run.insert(.element("w:b", [], []), at: 0) }
            if let colour { run.append(.element("w:color", [("w:val", colour)], [])) }
            return .element("w:style", [("w:type", "paragraph"), ("w:styleId", id)], [
                .element("w:name", [("w:val", name)], []), .element("w:basedOn", [("w:val", "Normal")], []),
                .element("w:next", [("w:val", next)], []), .element("w:qFormat", [], []),
                .element("w:pPr", [], paragraph), .element("w:rPr", [], run),
            ])
        }
        let border = { (side: String) in XMLNode.element("w:\(side)", [("w:val", "single"), ("w:sz", "4"), ("w:space", "0"), ("w:color", "9AA5B1")], []) }
        return .element("w:styles", [("xmlns:w", namespace)], [
            .element("w:docDefaults", [], [
                .element("w:rPrDefault", [], [.element("w:rPr", [], [
                    .element("w:rFonts", [("w:ascii", "Calibri"), ("w:hAnsi", "Calibri"), ("w:cs", "Calibri")], []),
                    .element("w:sz", [("w:val", "22")], []), .element("w:lang", [("w:val", "id-ID")], [])])]),
                .element("w:pPrDefault", [], [.element("w:pPr", [], [.element("w:spacing", [("w:after", "100"), ("w:line", "264"), ("w:lineRule", "auto")], [])])]),
            ]),
            .element("w:style", [("w:type", "paragraph"), ("w:default", "1"), ("w:styleId", "Normal")], [
                .element("w:name", [("w:val", "Normal")], []), .element("w:qFormat", [], [])]),
            style("Title", "Title", size: 52, bold: true, colour: "1D4E89", after: 240),
            style("Subtitle", "Subtitle", size: 32, colour: "1F2933", after: 200),
            style("Heading1", "heading 1", size: 32, bold: true, colour: "1D4E89", outline: 0, before: 360),
            style("Heading2", "heading 2", size: 26, bold: true, colour: "1D4E89", outline: 1, before: 240),
            style("Heading3", "heading 3", size: 22, bold: true, colour: "1F2933", outline: 2, before: 180, after: 60),
            .element("w:style", [("w:type", "table"), ("w:styleId", "ReportTable")], [
                .element("w:name", [("w:val", "Tabel Laporan")], []), .element("w:basedOn", [("w:val", "TableNormal")], []),
                .element("w:pPr", [], [.element("w:spacing", [("w:after", "0")], [])]),
                .element("w:rPr", [], [.element("w:sz", [("w:val", "18")], [])]),
                .element("w:tblPr", [], [
                    .element("w:tblBorders", [], ["top", "left", "bottom", "right", "insideH", "insideV"].map(border)),
                    .element("w:tblCellMar", [], [.element("w:left", [("w:w", "80"), ("w:type", "dxa")], []),
                                                  .element("w:right", [("w:w", "80"), ("w:type", "dxa")], [])]),
                ]),
                .element("w:tblStylePr", [("w:type", "firstRow")], [
                    .element("w:rPr", [], [.element("w:b", [], [])]),
                    .element("w:tcPr", [], [.element("w:shd", [("w:val", "clear"), ("w:color", "auto"), ("w:fill", "E4EBF2")], [])]),
                ]),
            ]),
            .element("w:style", [("w:type", "table"), ("w:styleId", "SignatureTable")], [
                .element("w:name", [("w:val", "Tabel Tanda Tangan")], []), .element("w:basedOn", [("w:val", "TableNormal")], []),
            ]),
            .element("w:style", [("w:type", "table"), ("w:default", "1"), ("w:styleId", "TableNormal")], [
                .element("w:name", [("w:val", "Normal Table")], []),
                .element("w:tblPr", [], [.element("w:tblCellMar", [], [.element("w:left", [("w:w", "108"), ("w:type", "dxa")], []),
                                                                        .element("w:right", [("w:w", "108"), ("w:type", "dxa")], [])])]),
            ]),
        ])
    }
}
