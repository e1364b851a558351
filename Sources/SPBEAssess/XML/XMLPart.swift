import CLibXML

/// One XML part of a container format (a sheet of a workbook), parsed by the same safe parser
/// as every input — no network, no DTD, a DOCTYPE refused, every error with its line — and read
/// as a tree. Other modules (the workbook reader) see parts only through this view.
///
/// ```swift
/// let part = try XMLPart.parse(bytes: bytes, path: "diskominfo.xlsx:xl/workbook.xml")
/// let sheets = part.root?.children(named: "sheets").first?.children(named: "sheet") ?? []
/// ```
public struct XMLPart {
    let document: XMLDocument

    public static func parse(bytes: [UInt8], path: String) throws(LoadError) -> XMLPart {
        guard !bytes.isEmpty else {
            throw LoadError([Diagnostic(.emptyFile, file: path, id: "bagian XML ini kosong", en: "this XML part is empty")])
        }
        return XMLPart(document: try XMLDocument.parse(SourceText(path: path, bytes: bytes)))
    }

    public var root: Element? { document.root.map(Element.init) }

    /// An element of the part; valid while the part lives (it keeps the document alive).
    public struct Element {
        let element: XMLElement

        public var name: String { element.name }
        public var namespace: String? { element.namespace }
        public var line: Int { element.line }
        public var children: [Element] { element.children.map(Element.init) }

        public func children(named name: String) -> [Element] {
            element.children(named: name).map(Element.init)
        }

        /// An attribute without namespace, as written.
        public func attribute(_ name: String) -> String? { element.attribute(name) }

        /// An attribute in `namespace` (a relationship id `r:id`).
        public func attribute(_ name: String, namespace: String) -> String? {
            LibXML.takeString(xmlGetNsProp(element.node, name, namespace))
        }

        /// The text content exactly as written (white space kept: a cell's text is data).
        public var rawText: String { LibXML.takeString(xmlNodeGetContent(element.node)) ?? "" }
    }
}
