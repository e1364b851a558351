import Foundation
import CLibXML

/// A compiled XSD, shared by every validation of a run.
///
/// A compiled `xmlSchemaPtr` is read-only once built and safe to use from several threads, each
/// validation with its own context; hence `@unchecked Sendable`.
public final class XMLSchema: @unchecked Sendable {
    let pointer: xmlSchemaPtr
    public let path: String

    /// The patterns taken out of this copy of the schema, which its user checks itself.
    public let removedPatterns: [CheckedPattern]

    /// Compiles the schema at `path`. The schema is parsed from memory with the block-all entity
    /// loader in place, so it cannot pull in anything from the network or the disk.
    ///
    /// `removing` names patterns to take out, for a reader that checks them itself: each is taken
    /// out only where it is its type's one pattern, written exactly as ``CheckedPattern/expression``.
    public init(path: String, removing patterns: [CheckedPattern] = []) throws(LoadError) {
        LibXML.ensureInitialized()
        var source = try InputFile.load(path, limits: .default)
        var removed: [CheckedPattern] = []
        if !patterns.isEmpty {
            let document = try XMLDocument.parse(source)
            removed = patterns.filter { Self.remove($0, from: document) }
            source = SourceText(path: path, bytes: Self.serialized(document))
        }
        let collector = SchemaDiagnostics(path: path)
        let compiled: xmlSchemaPtr? = source.bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                guard let context = xmlSchemaNewMemParserCtxt(chars.baseAddress, Int32(chars.count)) else { return nil }
                defer { xmlSchemaFreeParserCtxt(context) }
                let retained = Unmanaged.passRetained(collector)
                defer { retained.release() }
                xmlSchemaSetParserStructuredErrors(context, SchemaDiagnostics.callback, retained.toOpaque())
                return xmlSchemaParse(context)
            }
        }
        guard let compiled else {
            throw LoadError(collector.diagnostics.isEmpty
                ? [Diagnostic(.schemaViolation, file: path, id: "skema XML ini tidak dapat dikompilasi", en: "cannot compile this XML schema")]
                : collector.diagnostics)
        }
        self.pointer = compiled
        self.path = path
        self.removedPatterns = removed
    }

    /// Takes `pattern` out of `<xs:simpleType name="…"><xs:restriction>` of its type, when it is
    /// the restriction's one pattern and has exactly its expression; whether it did. A
    /// `maxLength` of exactly ``CheckedPattern/maxLength`` goes with it (libxml2 counts every
    /// value's characters through its white-space rules, a sixteenth of validating a dense
    /// file), and when no facet is left, so does the splitting of the lists of that type.
    private static func remove(_ pattern: CheckedPattern, from document: XMLDocument) -> Bool {
        let schemaNamespace = "http://www.w3.org/2001/XMLSchema"
        guard let root = document.root else { return false }
        let restrictions = root.children(named: "simpleType")
            .filter { $0.namespace == schemaNamespace && $0.rawAttribute("name") == pattern.typeName }
            .flatMap { $0.children(named: "restriction") }
        guard restrictions.count == 1, let restriction = restrictions.first else { return false }
        let facets = restriction.children(named: "pattern").filter { $0.namespace == schemaNamespace }
        guard facets.count == 1, let facet = facets.first, facet.rawAttribute("value") == pattern.expression else { return false }
        var removed = [facet]
        if let limit = pattern.maxLength {
            removed += restriction.children(named: "maxLength")
                .filter { $0.namespace == schemaNamespace && $0.rawAttribute("value") == String(limit) }
        }
        for node in removed {
            xmlUnlinkNode(node.node)
            xmlFreeNode(node.node)
        }
        if restriction.children.isEmpty { relaxLists(of: pattern.typeName, in: root, schemaNamespace: schemaNamespace) }
        return true
    }

    /// Each `<xs:list itemType="…"/>` of the target namespace's `typeName` becomes a plain
    /// `xs:token` (the same white-space rule, no items to split): its items have no facet left
    /// to check here, and the reader checks them itself.
    private static func relaxLists(of typeName: String, in root: XMLElement, schemaNamespace: String) {
        guard let target = root.rawAttribute("targetNamespace") else { return }
        for list in root.children(named: "simpleType").filter({ $0.namespace == schemaNamespace }).flatMap({ $0.children(named: "list") }) {
            guard list.namespace == schemaNamespace, list.children.isEmpty, let item = list.rawAttribute("itemType") else { continue }
            let parts = item.split(separator: ":", maxSplits: 1).map(String.init)
            let (prefix, local) = parts.count == 2 ? (parts[0], parts[1]) : (nil, parts[0])
            guard local == typeName,
                  let namespace = xmlSearchNs(list.node.pointee.doc, list.node, prefix), namespace.pointee.href.map({ String(cString: $0) }) == target
            else { continue }
            let schemaPrefix = list.node.pointee.ns?.pointee.prefix.map { String(cString: $0) }
            xmlNodeSetName(list.node, "restriction")
            xmlUnsetProp(list.node, "itemType")
            xmlSetProp(list.node, "base", schemaPrefix.map { "\($0):token" } ?? "token")
        }
    }

    private static func serialized(_ document: XMLDocument) -> [UInt8] {
        var text: UnsafeMutablePointer<xmlChar>?
        var count: Int32 = 0
        xmlDocDumpMemory(document.pointer, &text, &count)
        guard let text else { return [] }
        defer { spbe_xml_free(text) }
        return Array(UnsafeBufferPointer(start: text, count: Int(count)))
    }

    deinit { xmlSchemaFree(pointer) }

    /// Every way `document` breaks the schema; empty when it is valid.
    func violations(of document: XMLDocument) -> [Diagnostic] {
        guard let context = xmlSchemaNewValidCtxt(pointer) else {
            return [Diagnostic(.schemaViolation, file: document.source.path, id: "memori habis saat validasi", en: "out of memory validating")]
        }
        defer { xmlSchemaFreeValidCtxt(context) }
        let collector = SchemaDiagnostics(path: document.source.path, document: document)
        let retained = Unmanaged.passRetained(collector)
        defer { retained.release() }
        xmlSchemaSetValidStructuredErrors(context, SchemaDiagnostics.callback, retained.toOpaque())
        let result = xmlSchemaValidateDoc(context, document.pointer)
        if result != 0, collector.diagnostics.isEmpty {
            return [Diagnostic(.schemaViolation, file: document.source.path, id: "dokumen tidak sesuai dengan skemanya",
                                en: "the document does not match its schema")]
        }
        return collector.diagnostics
    }
}

/// Collects schema errors; schema errors carry a line and the node, from which we find a column.
private final class SchemaDiagnostics {
    let path: String
    let document: XMLDocument?
    var diagnostics: [Diagnostic] = []

    init(path: String, document: XMLDocument? = nil) {
        self.path = path
        self.document = document
    }

    static let callback: xmlStructuredErrorFunc = { userData, error in
        guard let userData, let error else { return }
        Unmanaged<SchemaDiagnostics>.fromOpaque(userData).takeUnretainedValue().add(error)
    }

    func add(_ error: xmlErrorPtr) {
        let message = LibXML.cleanMessage(error.pointee.message)
        var line = Int(error.pointee.line)
        var column: Int?
        if let document, let raw = error.pointee.node {
            let node = raw.assumingMemoryBound(to: xmlNode.self)
            if line <= 0 { line = Int(xmlGetLineNo(node)) }
            if node.pointee.type == XML_ELEMENT_NODE {
                column = XMLElement(node: node, document: document).column(line: line, attribute: Self.attributeName(in: message))
            }
        }
        let severity: Diagnostic.Severity = error.pointee.level == XML_ERR_WARNING ? .warning : .error
        // libxml2 speaks English; the Indonesian lead-in says what kind of problem it reports.
        let lead = severity == .error ? "XML tidak sah menurut skema" : "catatan validasi skema"
        diagnostics.append(Diagnostic(.schemaViolation, file: path, line: line > 0 ? line : nil, column: column,
                                      id: "\(lead): \(message)", en: message, severity: severity))
    }

    /// libxml2 names the attribute at fault as `…, attribute 'claimed': …`.
    private static func attributeName(in message: String) -> String? {
        guard let marker = message.range(of: "attribute '") else { return nil }
        let rest = message[marker.upperBound...]
        return rest.firstIndex(of: "'").map { String(rest[..<$0]) }
    }
}
