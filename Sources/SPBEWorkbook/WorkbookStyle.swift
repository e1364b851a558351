import SPBEAssess

/// The fixed cell styles of every workbook the tool writes, and the `styles.xml` that defines
/// them. A style's raw value is its index in `cellXfs`, so the order of cases is the file's.
public enum WorkbookStyle: Int, CaseIterable, Sendable {
    case plain
    /// Header row: bold on grey, wrapped, bordered, locked.
    case header
    /// Locked text, wrapped, top-aligned, bordered.
    case text
    /// An indicator's own row in `Jawaban`: bold on light blue.
    case indicator
    /// Cells the officer fills: unlocked, pale yellow.
    case input
    case inputDate
    case inputDecimal
    /// A sheet's title.
    case title
    /// Numbers shown with two decimals, and whole numbers.
    case decimal
    case integer
    /// Five fills from red to green for levels 1–5 (and predicate bands), two decimals.
    case band1, band2, band3, band4, band5
    /// A locked date (reports) and a bold two-decimal figure (an index).
    case date
    case decimalBold

    /// The band style for position `k` of `count` (0-based), spread over the five fills.
    public static func band(_ k: Int, of count: Int) -> WorkbookStyle {
        let step = count <= 1 ? 4 : k * 4 / (count - 1)
        return [band1, band2, band3, band4, band5][max(0, min(4, step))]
    }

    /// The band of a level on a 1…`maximum` scale.
    public static func band(level: Double, maximum: Int) -> WorkbookStyle {
        band(Int((level - 1).rounded(.down)), of: max(2, maximum))
    }

    /// Styles that wrap text (the writer sizes their rows).
    var wraps: Bool { [.plain, .header, .text, .indicator, .input].contains(self) }

    var isInput: Bool { self == .input || self == .inputDate || self == .inputDecimal }

    static let bandColours = ["FFF8696B", "FFFCAA78", "FFFFEB84", "FFB1D580", "FF63BE7B"]

    /// `xl/styles.xml`.
    static var stylesheet: XMLNode {
        // Fills: 0 and 1 are required by Excel (none, gray125); then grey, blue, yellow, bands.
        func solid(_ argb: String) -> XMLNode {
            .element("fill", [], [.element("patternFill", [("patternType", "solid")],
                                           [.element("fgColor", [("rgb", argb)], []), .element("bgColor", [("indexed", "64")], [])])])
        }
        let fills: [XMLNode] = [
            .element("fill", [], [.element("patternFill", [("patternType", "none")], [])]),
            .element("fill", [], [.element("patternFill", [("patternType", "gray125")], [])]),
            solid("FFD9D9D9"), solid("FFDDEBF7"), solid("FFFFF2CC"),
        ] + bandColours.map(solid)
        func font(bold: Bool = false, size: String = "11") -> XMLNode {
            .element("font", [], (bold ? [XMLNode.element("b", [], [])] : []) + [
                .element("sz", [("val", size)], []), .element("name", [("val", "Calibri")], []), .element("family", [("val", "2")], [])])
        }
        let thin: [XMLNode] = ["left", "right", "top", "bottom"].map {
            .element($0, [("style", "thin")], [.element("color", [("rgb", "FFA6A6A6")], [])])
        }
        let borders: [XMLNode] = [
            .element("border", [], [.element("left", [], []), .element("right", [], []), .element("top", [], []),
                                    .element("bottom", [], []), .element("diagonal", [], [])]),
            .element("border", [], thin + [.element("diagonal", [], [])]),
        ]
        let xfs = allCases.map { style -> XMLNode in
            let (format, font, fill, border, wrap, bold): (Int, Int, Int, Int, Bool, Bool) = switch style {
            case .plain: (0, 0, 0, 0, true, false)
            case .header: (0, 1, 2, 1, true, true)
            case .text: (0, 0, 0, 1, true, false)
            case .indicator: (0, 1, 3, 1, true, true)
            case .input: (49, 0, 4, 1, true, false)
            case .inputDate: (164, 0, 4, 1, false, false)
            case .inputDecimal: (2, 0, 4, 1, false, false)
            case .title: (0, 2, 0, 0, false, true)
            case .decimal: (2, 0, 0, 1, false, false)
            case .integer: (1, 0, 0, 1, false, false)
            case .band1: (2, 0, 5, 1, false, false)
            case .band2: (2, 0, 6, 1, false, false)
            case .band3: (2, 0, 7, 1, false, false)
            case .band4: (2, 0, 8, 1, false, false)
            case .band5: (2, 0, 9, 1, false, false)
            case .date: (164, 0, 0, 1, false, false)
            case .decimalBold: (2, 1, 0, 1, false, true)
            }
            _ = bold
            var attributes = [("numFmtId", String(format)), ("fontId", String(font)), ("fillId", String(fill)),
                              ("borderId", String(border)), ("xfId", "0"), ("applyProtection", "1")]
            if format != 0 { attributes.append(("applyNumberFormat", "1")) }
            if fill != 0 { attributes.append(("applyFill", "1")) }
            attributes.append(("applyAlignment", "1"))
            return .element("xf", attributes, [
                .element("alignment", [("vertical", "top")] + (wrap ? [("wrapText", "1")] : []), []),
                .element("protection", [("locked", style.isInput ? "0" : "1")], []),
            ])
        }
        return .element("styleSheet", [("xmlns", WorkbookReader.main)], [
            .element("numFmts", [("count", "1")], [.element("numFmt", [("numFmtId", "164"), ("formatCode", "yyyy-mm-dd")], [])]),
            .element("fonts", [("count", "3")], [font(), font(bold: true), font(bold: true, size: "14")]),
            .element("fills", [("count", String(fills.count))], fills),
            .element("borders", [("count", String(borders.count))], borders),
            .element("cellStyleXfs", [("count", "1")], [.element("xf", [("numFmtId", "0"), ("fontId", "0"), ("fillId", "0"), ("borderId", "0")], [])]),
            .element("cellXfs", [("count", String(xfs.count))], xfs),
            .element("cellStyles", [("count", "1")], [.element("cellStyle", [("name", "Normal"), ("xfId", "0"), ("builtinId", "0")], [])]),
        ])
    }
}
