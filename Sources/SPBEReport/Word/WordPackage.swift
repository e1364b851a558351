import Foundation
import SPBEAssess
import ZIPFoundation

/// A WordprocessingML package (.docx): the XML parts, zipped by ZIPFoundation. Every part is
/// written with the project's XML writer, so text from evidence files is escaped.
enum WordPackage {
    static let contentTypes = XMLNode.element("Types", [("xmlns", "http://schemas.openxmlformats.org/package/2006/content-types")], [
        .element("Default", [("Extension", "rels"), ("ContentType", "application/vnd.openxmlformats-package.relationships+xml")], []),
        .element("Default", [("Extension", "xml"), ("ContentType", "application/xml")], []),
        .element("Override", [("PartName", "/word/document.xml"),
                              ("ContentType", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")], []),
        .element("Override", [("PartName", "/word/styles.xml"),
                              ("ContentType", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml")], []),
        .element("Override", [("PartName", "/word/settings.xml"),
                              ("ContentType", "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml")], []),
    ])

    static func relationships(_ items: [(id: String, type: String, target: String)]) -> XMLNode {
        .element("Relationships", [("xmlns", "http://schemas.openxmlformats.org/package/2006/relationships")], items.map {
            .element("Relationship", [("Id", $0.id), ("Type", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/" + $0.type),
                                      ("Target", $0.target)], [])
        })
    }

    /// Word updates fields (the table of contents) when the file opens.
    static let settings = XMLNode.element("w:settings", [("xmlns:w", WordXML.namespace)], [.element("w:updateFields", [("w:val", "true")], [])])

    /// The .docx bytes for a document body and styles. Entries carry a fixed date, so the same
    /// report gives the same file.
    static func package(document: XMLNode, styles: XMLNode) throws -> Data {
        let parts: [(String, XMLNode)] = [
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", relationships([("rId1", "officeDocument", "word/document.xml")])),
            ("word/_rels/document.xml.rels", relationships([("rId1", "styles", "styles.xml"), ("rId2", "settings", "settings.xml")])),
            ("word/document.xml", document),
            ("word/styles.xml", styles),
            ("word/settings.xml", settings),
        ]
        let archive = try Archive(data: Data(), accessMode: .create)
        let date = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01
        for (path, node) in parts {
            let data = Data(XMLNode.document(root: node).utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let bytes = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return bytes
    }
}
