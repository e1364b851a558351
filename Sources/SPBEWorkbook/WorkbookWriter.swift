import Foundation
import SPBEAssess
import ZIPFoundation

/// A sheet to write: cells, column widths, merged ranges, validations, frozen rows, protection
/// and page set-up. Content only; ``WorkbookWriter`` turns it into the parts of an `.xlsx`.
public struct SheetSpec: Sendable {
    public enum Content: Sendable, Hashable {
        case text(String)
        /// A number as it should appear in the XML (`3.42`), never through a Double.
        case number(String)
        /// An ISO date, written as a date serial.
        case date(String)
    }

    public struct Validation: Sendable {
        public enum Kind: Sendable {
            case list([String])
            case decimal(String, String)
            case date
        }

        public var kind: Kind
        /// Cell ranges (`G2 G5:G9`).
        public var cells: [String]
        public var prompt: String?
    }

    public var name: String
    public var cells: [Int: [Int: (Content?, WorkbookStyle)]] = [:]
    /// Widths in characters, by column from A.
    public var widths: [Double] = []
    public var merged: [String] = []
    public var validations: [Validation] = []
    public var frozenRows = 0
    public var protected = true
    public var landscape = true
    /// Rows repeated at the top of every printed page.
    public var printTitleRows = 0
    /// Rows with an explicit height (points).
    public var heights: [Int: Double] = [:]

    public init(name: String) { self.name = name }

    public mutating func set(_ row: Int, _ column: Int, _ content: Content?, _ style: WorkbookStyle = .text) {
        cells[row, default: [:]][column] = (content, style)
    }

    public mutating func text(_ row: Int, _ column: Int, _ text: String, _ style: WorkbookStyle = .text) {
        set(row, column, .text(text), style)
    }
}

/// Writes sheets as an `.xlsx` workbook in memory: the parts rendered with ``XMLNode`` (so every
/// character is escaped), the ZIP made by ZIPFoundation with a fixed time stamp so the same
/// input gives the same bytes.
public enum WorkbookWriter {
    public static func write(_ sheets: [SheetSpec]) throws -> Data {
        var parts: [(String, String)] = []
        parts.append(("[Content_Types].xml", XMLNode.document(root: .element("Types",
            [("xmlns", "http://schemas.openxmlformats.org/package/2006/content-types")],
            [.element("Default", [("Extension", "rels"), ("ContentType", "application/vnd.openxmlformats-package.relationships+xml")], []),
             .element("Default", [("Extension", "xml"), ("ContentType", "application/xml")], []),
             .element("Override", [("PartName", "/xl/workbook.xml"), ("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")], []),
             .element("Override", [("PartName", "/xl/styles.xml"), ("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml")], [])]
            + sheets.indices.map { .element("Override", [("PartName", "/xl/worksheets/sheet\($0 + 1).xml"),
                                                       ("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml")], []) }))))
        parts.append(("_rels/.rels", XMLNode.document(root: relationships([
            ("rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "xl/workbook.xml")]))))
        var workbookRels = sheets.indices.map { ("rId\($0 + 1)", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet", "worksheets/sheet\($0 + 1).xml") }
        workbookRels.append(("rId\(sheets.count + 1)", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "styles.xml"))
        parts.append(("xl/_rels/workbook.xml.rels", XMLNode.document(root: relationships(workbookRels))))
        let titles: [XMLNode] = sheets.enumerated().compactMap { index, sheet in
            sheet.printTitleRows > 0 ? .element("definedName", [("name", "_xlnm.Print_Titles"), ("localSheetId", String(index))],
                                                text: "'\(sheet.name.replacingOccurrences(of: "'", with: "''"))'!$1:$\(sheet.printTitleRows)") : nil
        }
        parts.append(("xl/workbook.xml", XMLNode.document(root: .element("workbook",
            [("xmlns", WorkbookReader.main), ("xmlns:r", WorkbookReader.relationships)],
            [.element("bookViews", [], [.element("workbookView", [("activeTab", "0")], [])]),
             .element("sheets", [], sheets.enumerated().map { index, sheet in
                 .element("sheet", [("name", sheet.name), ("sheetId", String(index + 1)), ("r:id", "rId\(index + 1)")], [])
             })] + (titles.isEmpty ? [] : [.element("definedNames", [], titles)])
            + [.element("calcPr", [("calcId", "191029")], [])]))))
        parts.append(("xl/styles.xml", XMLNode.document(root: WorkbookStyle.stylesheet)))
        for (index, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", XMLNode.document(root: worksheet(sheet, selected: index == 0))))
        }

        let archive = try Archive(data: Data(), accessMode: .create)
        let stamp = Date(timeIntervalSince1970: 1_704_067_200)  // 2024-01-01: reproducible bytes.
        for (name, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), modificationDate: stamp,
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    /// About 12.75 points per wrapped line of the tallest cell (Calibri 11), nil for a one-line row.
    static func estimatedHeight(_ sheet: SheetSpec, row: Int) -> Double? {
        var lines = 1
        for (column, (content, style)) in sheet.cells[row] ?? [:] {
            guard style.wraps, case .text(let text)? = content else { continue }
            // About 1.2 characters of Calibri 11 per unit of column width, less the cell's padding.
            let perLine = max(4, Int(((column <= sheet.widths.count ? sheet.widths[column - 1] : 8.43) - 1) * 1.2))
            let count = text.split(separator: "\n", omittingEmptySubsequences: false)
                .reduce(0) { $0 + max(1, ($1.count + perLine - 1) / perLine) }
            lines = max(lines, count)
        }
        return lines > 1 ? Double(lines) * 12.75 + 3 : nil
    }

    static func relationships(_ items: [(String, String, String)]) -> XMLNode {
        .element("Relationships", [("xmlns", "http://schemas.openxmlformats.org/package/2006/relationships")],
                 items.map { .element("Relationship", [("Id", $0.0), ("Type", $0.1), ("Target", $0.2)], []) })
    }

    static func worksheet(_ sheet: SheetSpec, selected: Bool) -> XMLNode {
        var children: [XMLNode] = [.element("sheetPr", [], [.element("pageSetUpPr", [("fitToPage", "1")], [])])]
        var view: [XMLNode] = []
        if sheet.frozenRows > 0 {
            view.append(.element("pane", [("ySplit", String(sheet.frozenRows)), ("topLeftCell", "A\(sheet.frozenRows + 1)"),
                                          ("activePane", "bottomLeft"), ("state", "frozen")], []))
        }
        children.append(.element("sheetViews", [], [.element("sheetView", (selected ? [("tabSelected", "1")] : []) + [("workbookViewId", "0")], view)]))
        children.append(.element("sheetFormatPr", [("defaultRowHeight", "15")], []))
        if !sheet.widths.isEmpty {
            children.append(.element("cols", [], sheet.widths.enumerated().map { index, width in
                .element("col", [("min", String(index + 1)), ("max", String(index + 1)), ("width", String(width)), ("customWidth", "1")], [])
            }))
        }
        let rows: [XMLNode] = sheet.cells.keys.sorted().map { row in
            let cells: [XMLNode] = (sheet.cells[row] ?? [:]).keys.sorted().map { column in
                let (content, style) = sheet.cells[row]![column]!
                var attributes = [("r", CellReference.name(row: row, column: column))]
                if style != .plain { attributes.append(("s", String(style.rawValue))) }
                switch content {
                case nil:
                    return .element("c", attributes, [])
                case .text(let text)?:
                    attributes.append(("t", "inlineStr"))
                    return .element("c", attributes, [.element("is", [], [.element("t", [("xml:space", "preserve")], text: text)])])
                case .number(let number)?:
                    return .element("c", attributes, [.element("v", text: number)])
                case .date(let iso)?:
                    return .element("c", attributes, [.element("v", text: SpreadsheetDate.serial(iso: iso).map(String.init) ?? "")])
                }
            }
            var attributes = [("r", String(row))]
            // Neither Excel nor LibreOffice fits a row to wrapped text when opening a file, so the
            // height is estimated here from the text and its column's width.
            if let height = sheet.heights[row] ?? estimatedHeight(sheet, row: row) {
                attributes += [("ht", String(height)), ("customHeight", "1")]
            }
            return .element("row", attributes, cells)
        }
        children.append(.element("sheetData", [], rows))
        if sheet.protected {
            // No password: the lock keeps the structure from slipping, not a secret.
            children.append(.element("sheetProtection", [("sheet", "1"), ("objects", "1"), ("scenarios", "1"),
                                                         ("formatColumns", "0"), ("formatRows", "0")], []))
        }
        if !sheet.merged.isEmpty {
            children.append(.element("mergeCells", [("count", String(sheet.merged.count))], sheet.merged.map { .element("mergeCell", [("ref", $0)], []) }))
        }
        if !sheet.validations.isEmpty {
            children.append(.element("dataValidations", [("count", String(sheet.validations.count))], sheet.validations.map { validation in
                var attributes: [(String, String)]
                var formulas: [XMLNode]
                switch validation.kind {
                case .list(let items):
                    attributes = [("type", "list")]
                    formulas = [.element("formula1", text: "\"" + items.joined(separator: ",") + "\"")]
                case .decimal(let low, let high):
                    attributes = [("type", "decimal"), ("operator", "between")]
                    formulas = [.element("formula1", text: low), .element("formula2", text: high)]
                case .date:
                    attributes = [("type", "date"), ("operator", "between")]
                    formulas = [.element("formula1", text: "1"), .element("formula2", text: "2958465")]
                }
                attributes += [("allowBlank", "1"), ("showErrorMessage", "1"), ("showInputMessage", validation.prompt == nil ? "0" : "1")]
                if let prompt = validation.prompt { attributes.append(("prompt", String(prompt.prefix(255)))) }
                attributes.append(("sqref", validation.cells.joined(separator: " ")))
                return .element("dataValidation", attributes, formulas)
            }))
        }
        children.append(.element("pageMargins", [("left", "0.5"), ("right", "0.5"), ("top", "0.6"), ("bottom", "0.6"), ("header", "0.3"), ("footer", "0.3")], []))
        children.append(.element("pageSetup", [("paperSize", "9"), ("orientation", sheet.landscape ? "landscape" : "portrait"),
                                               ("fitToWidth", "1"), ("fitToHeight", "0")], []))
        return .element("worksheet", [("xmlns", WorkbookReader.main), ("xmlns:r", WorkbookReader.relationships)], children)
    }
}
