import CLibXML

/// A parsed XML document, owned; freed when the value goes away.
///
/// Parsing is safe for untrusted input: no network, no DTD loading, no entity substitution, no
/// XInclude, no huge mode, and any document with a DOCTYPE is refused as soon as the parser meets
/// it — our formats need none, and refusing it means no entity is ever declared, let alone
/// expanded. Every parser error is collected with its line and column.
final class XMLDocument {
    let source: SourceText
    let pointer: xmlDocPtr

    private init(source: SourceText, pointer: xmlDocPtr) {
        self.source = source
        self.pointer = pointer
    }

    deinit { xmlFreeDoc(pointer) }

    /// Each element's place among the elements of its name whose start libxml2 records on the
    /// same line (0 for the first): on a line holding several `<met`, it tells which one an
    /// element is (``SourceText/column(line:element:attribute:ordinal:)``). Built on first use,
    /// in one walk of the tree.
    private var ordinals: [xmlNodePtr: Int]?

    func ordinal(of node: xmlNodePtr) -> Int {
        if ordinals == nil {
            var table: [xmlNodePtr: Int] = [:]
            var counts: [String: Int] = [:]
            var line = -1
            func walk(_ first: xmlNodePtr?) {
                var current = first
                while let node = current {
                    if node.pointee.type == XML_ELEMENT_NODE {
                        let here = Int(xmlGetLineNo(node))
                        if here != line { line = here; counts.removeAll(keepingCapacity: true) }
                        let name = String(cString: node.pointee.name)
                        table[node] = counts[name, default: 0]
                        counts[name, default: 0] += 1
                        walk(node.pointee.children)
                    }
                    current = node.pointee.next
                }
            }
            walk(xmlDocGetRootElement(pointer))
            ordinals = table
        }
        return ordinals?[node] ?? 0
    }

    /// The byte offset of an element's `<`, recorded while parsing; nil when the parser could
    /// not say it (a file in another encoding than UTF-8).
    static func offset(of node: xmlNodePtr) -> Int? {
        node.pointee._private.map { Int(bitPattern: $0) - 1 }
    }

    var root: XMLElement? {
        xmlDocGetRootElement(pointer).map { XMLElement(node: $0, document: self) }
    }

    static let parseOptions = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue
                                    | XML_PARSE_NOCDATA.rawValue)

    /// Parses `source`; throws every parser error when the document is not well formed.
    static func parse(_ source: SourceText) throws(LoadError) -> XMLDocument {
        LibXML.ensureInitialized()
        try BinarySignature.refuse(source)
        guard let context = xmlNewParserCtxt() else {
            throw LoadError([Diagnostic(.malformedXML, file: source.path, id: "memori habis saat membuat pengurai XML",
                                        en: "out of memory creating the XML parser")])
        }
        defer { xmlFreeParserCtxt(context) }

        let collector = ParserDiagnostics(source: source)
        let retained = Unmanaged.passRetained(collector)
        defer { retained.release() }
        context.pointee._private = retained.toOpaque()
        context.pointee.sax.pointee.serror = { userData, error in
            // userData is the parser context; our collector hangs off its _private field.
            guard let context = userData?.assumingMemoryBound(to: xmlParserCtxt.self),
                  let collectorPointer = context.pointee._private, let error else { return }
            Unmanaged<ParserDiagnostics>.fromOpaque(collectorPointer).takeUnretainedValue().add(error)
        }
        // The tree builder's element handler, then the tag's byte offset in the node's spare
        // pointer: diagnostics and locations then place the element exactly (``offset(of:)``).
        context.pointee.sax.pointee.startElementNs = { userData, localName, prefix, uri, namespaceCount, namespaces,
                                                       attributeCount, defaulted, attributes in
            guard let context = userData?.assumingMemoryBound(to: xmlParserCtxt.self) else { return }
            let parent = context.pointee.node
            xmlSAX2StartElementNs(userData, localName, prefix, uri, namespaceCount, namespaces,
                                  attributeCount, defaulted, attributes)
            guard let node = context.pointee.node, node != parent, let collectorPointer = context.pointee._private,
                  let offset = LibXML.tagOffset(context, in: Unmanaged<ParserDiagnostics>.fromOpaque(collectorPointer)
                                                    .takeUnretainedValue().source) else { return }
            node.pointee._private = UnsafeMutableRawPointer(bitPattern: offset + 1)
        }
        context.pointee.sax.pointee.internalSubset = { userData, _, _, _ in
            guard let context = userData?.assumingMemoryBound(to: xmlParserCtxt.self),
                  let collectorPointer = context.pointee._private else { return }
            let collector = Unmanaged<ParserDiagnostics>.fromOpaque(collectorPointer).takeUnretainedValue()
            let input = context.pointee.input
            collector.refuseDoctype(line: Int(input?.pointee.line ?? 0), column: Int(input?.pointee.col ?? 0))
            xmlStopParser(context)
        }

        let document = source.bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                xmlCtxtReadMemory(context, chars.baseAddress, Int32(chars.count), source.path, nil, parseOptions)
            }
        }
        let errors = collector.diagnostics.filter { $0.severity == .error }
        if let document, errors.isEmpty, context.pointee.wellFormed != 0 {
            return XMLDocument(source: source, pointer: document)
        }
        if let document { xmlFreeDoc(document) }
        if errors.isEmpty {
            throw LoadError([Diagnostic(.malformedXML, file: source.path, id: "berkas ini bukan XML yang tersusun dengan benar",
                                        en: "the file is not well-formed XML")])
        }
        throw LoadError(collector.diagnostics)
    }
}
