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

    var root: XMLElement? {
        xmlDocGetRootElement(pointer).map { XMLElement(node: $0, document: self) }
    }

    static let parseOptions = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue
                                    | XML_PARSE_NOCDATA.rawValue)

    /// Parses `source`; throws every parser error when the document is not well formed.
    static func parse(_ source: SourceText) throws(LoadError) -> XMLDocument {
        LibXML.ensureInitialized()
        if let kind = BinarySignature.detect(source.bytes) {
            throw LoadError([Diagnostic(.malformedXML, file: source.path, line: 1, column: 1,
                "this is \(kind), not an XML file; give the evidence or rubric XML, not a supporting document")])
        }
        guard let context = xmlNewParserCtxt() else {
            throw LoadError([Diagnostic(.malformedXML, file: source.path, "out of memory creating the XML parser")])
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
            throw LoadError([Diagnostic(.malformedXML, file: source.path, "the file is not well-formed XML")])
        }
        throw LoadError(collector.diagnostics)
    }
}

/// Collects parser errors for one parse; reached from C callbacks through the context.
private final class ParserDiagnostics {
    let source: SourceText
    var diagnostics: [Diagnostic] = []
    private var doctypeRefused = false

    init(source: SourceText) { self.source = source }

    var path: String { source.path }

    func add(_ error: xmlErrorPtr) {
        // After we stop the parser at a DOCTYPE, what follows is noise about the halt.
        guard !doctypeRefused else { return }
        let severity: Diagnostic.Severity = error.pointee.level == XML_ERR_WARNING ? .warning : .error
        let line = Int(error.pointee.line)
        let column = Int(error.pointee.int2)
        diagnostics.append(Diagnostic(.malformedXML, file: path,
                                      line: line > 0 ? line : nil, column: column > 0 ? column : nil,
                                      Self.explain(LibXML.cleanMessage(error.pointee.message)), severity: severity))
    }

    /// libxml2's limit messages suggest XML_PARSE_HUGE, which a user cannot and should not set;
    /// say what the limit is instead.
    static func explain(_ message: String) -> String {
        if message.hasPrefix("Excessive depth in document") {
            return "elements are nested more than 256 deep (spbe-assess files need fewer than 10 levels)"
        }
        if message.contains("huge text node") || message.contains("too long") && message.contains("XML_PARSE_HUGE") {
            return "a text or attribute value is longer than libxml2's limit of 10,000,000 bytes"
        }
        return message
    }

    func refuseDoctype(line: Int, column: Int) {
        doctypeRefused = true
        // The parser stands past the DOCTYPE's name; point at `<!DOCTYPE` itself where we can.
        let start = line > 0 ? source.column(line: line, element: "!DOCTYPE") : nil
        diagnostics.append(Diagnostic(.doctypeRefused, file: path, line: line > 0 ? line : nil,
                                      column: start ?? (column > 0 ? column : nil),
                                      "a DOCTYPE is not allowed: spbe-assess formats need no DTD, and DTDs can declare entities that read files or expand without bound"))
    }
}
