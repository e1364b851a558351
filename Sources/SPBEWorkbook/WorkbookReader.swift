import Foundation
import SPBEAssess

/// Reads an `.xlsx` workbook into its sheets' cell values: every part through the project's
/// libxml2 layer (a DOCTYPE or entity in any part is refused like in any XML input), the ZIP
/// under ``WorkbookLimits``, nothing written to disk.
///
/// Cells come out as their values: shared and inline strings, numbers as written, booleans,
/// dates (numbers in a date format become ISO dates), formulas by their cached value.
///
/// ```swift
/// let workbook = try WorkbookReader().read(bytes: bytes, path: "diskominfo.xlsx")
/// let answers = workbook.sheet("Jawaban")
/// ```
public struct WorkbookReader: Sendable {
    public var limits: WorkbookLimits

    public init(limits: WorkbookLimits = .default) { self.limits = limits }

    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let strictRelationships = "http://purl.oclc.org/ooxml/officeDocument/relationships"

    public func read(bytes: [UInt8], path: String) throws(LoadError) -> Workbook {
        var archive = try WorkbookArchive(bytes: bytes, path: path, limits: limits)
        func fail(_ id: String, _ en: String) -> LoadError { LoadError([Diagnostic(.unreadable, file: path, id: id, en: en)]) }

        if let mimetype = try archive.read("mimetype").map({ String(decoding: $0, as: UTF8.self) }),
           mimetype.hasPrefix("application/vnd.oasis.opendocument") {
            throw fail("ini lembar kerja OpenDocument (.ods), bukan buku kerja Excel; di LibreOffice pilih Simpan Sebagai → Excel 2007-365 (.xlsx)",
                       "this is an OpenDocument spreadsheet (.ods), not an Excel workbook; in LibreOffice choose Save As → Excel 2007-365 (.xlsx)")
        }
        guard archive.has("[Content_Types].xml") else {
            throw fail("arsip ZIP ini bukan buku kerja Excel: tidak ada [Content_Types].xml",
                       "this ZIP archive is not an Excel workbook: it has no [Content_Types].xml")
        }
        // Parsed only to refuse a hostile part; the relationships say where everything is.
        _ = try archive.part("[Content_Types].xml")

        let workbookPath = try officeDocument(&archive) ?? "xl/workbook.xml"
        guard let workbook = try archive.part(workbookPath) else {
            throw fail("arsip ZIP ini bukan buku kerja Excel: tidak ada \(workbookPath)",
                       "this ZIP archive is not an Excel workbook: it has no \(workbookPath)")
        }
        let folder = workbookPath.split(separator: "/").dropLast().joined(separator: "/")
        let rels = try relationshipTargets(&archive, "\(folder)/_rels/\(workbookPath.split(separator: "/").last ?? "workbook.xml").rels", folder: folder)

        let date1904 = workbook.children(named: "workbookPr").first.map { ["1", "true"].contains($0.attribute("date1904") ?? "") } ?? false
        let strings = try sharedStrings(&archive, rels.byType["sharedStrings"] ?? "\(folder)/sharedStrings.xml")
        let dateStyles = try dateStyleIndices(&archive, rels.byType["styles"] ?? "\(folder)/styles.xml")

        var sheets: [Sheet] = []
        for element in workbook.children(named: "sheets").first?.children(named: "sheet") ?? [] {
            let name = element.attribute("name") ?? ""
            let id = element.attribute("id", namespace: Self.relationships)
                ?? element.attribute("id", namespace: Self.strictRelationships) ?? ""
            guard let target = rels.byID[id], let root = try archive.part(target) else {
                throw fail("lembar '\(name)' disebut di buku kerja tetapi bagiannya tidak ada",
                           "sheet '\(name)' is listed in the workbook but its part is missing")
            }
            sheets.append(try sheet(root, name: name, strings: strings, dateStyles: dateStyles, date1904: date1904, path: path))
        }
        return Workbook(path: path, sheets: sheets)
    }

    /// The main part named by the package relationships, when they name one.
    private func officeDocument(_ archive: inout WorkbookArchive) throws(LoadError) -> String? {
        try relationshipTargets(&archive, "_rels/.rels", folder: "").byType["officeDocument"]
    }

    struct Relationships {
        var byID: [String: String] = [:]
        /// By the last segment of the type URI (`styles`, `sharedStrings`, `officeDocument`).
        var byType: [String: String] = [:]
    }

    private func relationshipTargets(_ archive: inout WorkbookArchive, _ name: String, folder: String) throws(LoadError) -> Relationships {
        var result = Relationships()
        guard let root = try archive.part(name) else { return result }
        for element in root.children(named: "Relationship") where element.attribute("TargetMode") != "External" {
            guard let id = element.attribute("Id"), let target = element.attribute("Target") else { continue }
            var resolved = target.hasPrefix("/") ? String(target.dropFirst()) : (folder.isEmpty ? target : "\(folder)/\(target)")
            while resolved.hasPrefix("./") { resolved.removeFirst(2) }
            guard WorkbookArchive.isSafe(resolved) else {
                throw LoadError([Diagnostic(.unreadable, file: "\(archive.path):\(name)",
                    id: "relasi '\(id)' menunjuk ke luar arsip ('\(target)'); berkas ditolak",
                    en: "relationship '\(id)' points outside the archive ('\(target)'); the file is refused")])
            }
            result.byID[id] = resolved
            if let type = element.attribute("Type")?.split(separator: "/").last { result.byType[String(type)] = resolved }
        }
        return result
    }

    private func sharedStrings(_ archive: inout WorkbookArchive, _ name: String) throws(LoadError) -> [String] {
        guard let root = try archive.part(name) else { return [] }
        return root.children(named: "si").map(Self.richText)
    }

    /// The text of a string item: its `t`, or its runs' `t`s, leaving out phonetic runs (`rPh`).
    static func richText(_ item: XMLPart.Element) -> String {
        var text = ""
        for child in item.children {
            switch child.name {
            case "t": text += child.rawText
            case "r": text += child.children(named: "t").map(\.rawText).joined()
            default: break
            }
        }
        return text
    }

    /// The indices of `cellXfs` whose number format shows a date.
    private func dateStyleIndices(_ archive: inout WorkbookArchive, _ name: String) throws(LoadError) -> Set<Int> {
        guard let root = try archive.part(name) else { return [] }
        var custom: [Int: String] = [:]
        for format in root.children(named: "numFmts").first?.children(named: "numFmt") ?? [] {
            if let id = format.attribute("numFmtId").flatMap({ Int($0) }) { custom[id] = format.attribute("formatCode") ?? "" }
        }
        var result: Set<Int> = []
        for (index, xf) in (root.children(named: "cellXfs").first?.children(named: "xf") ?? []).enumerated() {
            guard let id = xf.attribute("numFmtId").flatMap({ Int($0) }) else { continue }
            if let code = custom[id] {
                if Self.isDateFormat(code) { result.insert(index) }
            } else if (14...17).contains(id) || (27...31).contains(id) || (34...36).contains(id) || (50...58).contains(id) || id == 22 {
                result.insert(index)
            }
        }
        return result
    }

    /// A format code shows a date when, outside quoted text, escapes and `[…]` sections, it has
    /// a day or year token.
    static func isDateFormat(_ code: String) -> Bool {
        var inQuote = false, inBracket = false, escaped = false
        for character in code.lowercased() {
            if escaped { escaped = false; continue }
            switch character {
            case "\\": escaped = true
            case "\"": inQuote.toggle()
            case "[" where !inQuote: inBracket = true
            case "]" where !inQuote: inBracket = false
            case "d" where !inQuote && !inBracket, "y" where !inQuote && !inBracket: return true
            default: break
            }
        }
        return false
    }

    private func sheet(_ root: XMLPart.Element, name: String, strings: [String], dateStyles: Set<Int>,
                       date1904: Bool, path: String) throws(LoadError) -> Sheet {
        var cells: [Int: [Int: Cell]] = [:]
        var rowNumber = 0
        var problems: [Diagnostic] = []
        for row in root.children(named: "sheetData").first?.children(named: "row") ?? [] {
            rowNumber = row.attribute("r").flatMap { Int($0) } ?? rowNumber + 1
            guard rowNumber <= limits.maxRows else {
                throw LoadError([Diagnostic(.tooLarge, file: "\(path):\(name)!A\(rowNumber)",
                    id: "lembar '\(name)' melewati batas \(limits.maxRows) baris; templat SPBE hanya memerlukan beberapa ratus baris",
                    en: "sheet '\(name)' goes past the limit of \(limits.maxRows) rows; an SPBE template needs a few hundred")])
            }
            var columnNumber = 0
            for element in row.children(named: "c") {
                if let reference = element.attribute("r"), let parsed = CellReference.parse(reference) {
                    columnNumber = parsed.column
                } else {
                    columnNumber += 1
                }
                let style = element.attribute("s").flatMap { Int($0) } ?? 0
                let formula = !element.children(named: "f").isEmpty
                let raw = element.children(named: "v").first?.rawText
                let value: CellValue?
                switch element.attribute("t") ?? "n" {
                case "s":
                    if let index = raw.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), strings.indices.contains(index) {
                        value = .text(strings[index])
                    } else {
                        problems.append(Diagnostic(.malformedXML, file: "\(path):\(name)!\(CellReference.name(row: rowNumber, column: columnNumber))",
                            id: "sel ini menunjuk ke teks bersama yang tidak ada", en: "this cell refers to a shared string that does not exist"))
                        value = nil
                    }
                case "inlineStr": value = .text(element.children(named: "is").first.map(Self.richText) ?? "")
                case "str": value = raw.map { .text($0) } ?? (formula ? .formulaWithoutValue : nil)
                case "b": value = raw.map { .bool($0.trimmingCharacters(in: .whitespaces) == "1") } ?? (formula ? .formulaWithoutValue : nil)
                case "e": value = .error(raw ?? "#N/A")
                case "d": value = raw.map { .date(String($0.prefix(10))) } ?? (formula ? .formulaWithoutValue : nil)
                default:
                    if let raw = raw?.trimmingCharacters(in: .whitespaces), !raw.isEmpty {
                        if dateStyles.contains(style), let serial = Double(raw), let iso = SpreadsheetDate.iso(serial: serial, date1904: date1904) {
                            value = .date(iso)
                        } else {
                            value = .number(raw)
                        }
                    } else {
                        value = formula ? .formulaWithoutValue : nil
                    }
                }
                if let value { cells[rowNumber, default: [:]][columnNumber] = Cell(value: value, isFormula: formula) }
            }
        }
        guard problems.isEmpty else { throw LoadError(problems) }
        var merged: [MergedRange] = []
        for element in root.children(named: "mergeCells").first?.children(named: "mergeCell") ?? [] {
            let ends = (element.attribute("ref") ?? "").split(separator: ":").map(String.init)
            guard let first = ends.first.flatMap(CellReference.parse), let last = (ends.last).flatMap(CellReference.parse) else { continue }
            merged.append(MergedRange(first: first, last: last))
        }
        return Sheet(name: name, cells: cells, merged: merged)
    }
}
