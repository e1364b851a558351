import CLibXML

/// Reads an evidence file in one pass with libxml2's SAX2 parser, validating against the
/// evidence schema as it goes (`xmlSchemaSAXPlug`), and collects an ``EvidenceRecord`` without
/// building a tree: memory is the file's bytes plus what the record keeps.
///
/// The parser is set up as ``XMLDocument/parse(_:)`` sets it up (same options, same DOCTYPE
/// refusal at the internal subset). A file with any problem — malformed, a DOCTYPE, breaking
/// the schema — is not explained here: ``read(_:)`` says so, and the caller reads it again with
/// the DOM loader, whose messages carry the element's line and column (rare, and only for files
/// that are wrong anyway).
///
/// One instance per thread: it owns a schema validation context. The compiled schema is shared.
final class EvidenceStream {
    enum Outcome {
        /// Well-formed and schema-valid.
        case record(EvidenceRecord)
        /// Not a valid evidence file: malformed, a DOCTYPE, the schema or the root element.
        case invalid
    }

    private let validation: OpaquePointer

    init?(schema: XMLSchema) {
        LibXML.ensureInitialized()
        guard let validation = xmlSchemaNewValidCtxt(schema.pointer) else { return nil }
        self.validation = validation
    }

    deinit { xmlSchemaFreeValidCtxt(validation) }

    /// The record of a valid file, or `.invalid` for any other; throws only for a binary file.
    func read(_ source: SourceText) throws(LoadError) -> Outcome {
        try BinarySignature.refuse(source)
        let builder = RecordBuilder(source: source)
        let retained = Unmanaged.passRetained(builder)
        defer { retained.release() }
        xmlSchemaSetValidStructuredErrors(validation, Self.schemaError, retained.toOpaque())

        let context: xmlParserCtxtPtr? = source.bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { xmlCreateMemoryParserCtxt($0.baseAddress, Int32($0.count)) }
        }
        guard let context else {
            throw LoadError([Diagnostic(.malformedXML, file: source.path, id: "memori habis saat membuat pengurai XML",
                                        en: "out of memory creating the XML parser")])
        }
        defer { xmlFreeParserCtxt(context) }
        // The memory context reads from our buffer; it must outlive the parse, and does.
        source.bytes.withUnsafeBufferPointer { _ in
            xmlCtxtUseOptions(context, XMLDocument.parseOptions)
            context.pointee._private = retained.toOpaque()
            Self.install(on: context.pointee.sax)
            guard let plug = xmlSchemaSAXPlug(validation, &context.pointee.sax, &context.pointee.userData) else {
                builder.schemaErrors += 1
                return
            }
            // Parser errors go to this thread's structured handler: after plugging, the SAX
            // handler's user data is the plug, not the context, so `serror` could not find us.
            xmlSetStructuredErrorFunc(retained.toOpaque()) { userData, error in
                guard let userData, let error else { return }
                Unmanaged<RecordBuilder>.fromOpaque(userData).takeUnretainedValue().diagnostics.add(error)
            }
            _ = xmlParseDocument(context)
            xmlSetStructuredErrorFunc(nil, nil)
            xmlSchemaSAXUnplug(plug)
        }
        if let document = context.pointee.myDoc { xmlFreeDoc(document) }

        // Any problem at all, malformed XML included, is explained by the DOM loader: two
        // parser set-ups do not word every error alike (the fuzzer found encodings where they
        // differ), and only files that are wrong anyway pay for the second read.
        let errors = builder.diagnostics.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty, context.pointee.wellFormed != 0, builder.schemaErrors == 0, builder.refusedValues == 0,
              builder.rootIsEvidence else {
            return .invalid
        }
        return .record(builder.record)
    }

    private static let schemaError: xmlStructuredErrorFunc = { userData, error in
        guard let userData, let error, error.pointee.level != XML_ERR_WARNING else { return }
        Unmanaged<RecordBuilder>.fromOpaque(userData).takeUnretainedValue().schemaErrors += 1
    }

    /// Our handlers in place of the tree builder's; errors are left to the thread's handler.
    private static func install(on sax: UnsafeMutablePointer<xmlSAXHandler>) {
        sax.pointee.startDocument = nil
        sax.pointee.endDocument = nil
        sax.pointee.serror = nil
        // With no document being built, the tree builder's handlers for comments, processing
        // instructions and entity references would make nodes with no parent and leak them (the
        // fuzzer's LeakSanitizer found it); our reader has no use for any of them.
        sax.pointee.comment = nil
        sax.pointee.processingInstruction = nil
        sax.pointee.reference = nil
        sax.pointee.internalSubset = { userData, _, _, _ in
            guard let context = userData?.assumingMemoryBound(to: xmlParserCtxt.self),
                  let builder = RecordBuilder.of(context) else { return }
            let input = context.pointee.input
            builder.diagnostics.refuseDoctype(line: Int(input?.pointee.line ?? 0), column: Int(input?.pointee.col ?? 0))
            xmlStopParser(context)
        }
        sax.pointee.startElementNs = { userData, localName, _, uri, _, _, attributeCount, _, attributes in
            guard let context = userData?.assumingMemoryBound(to: xmlParserCtxt.self),
                  let builder = RecordBuilder.of(context), let localName else { return }
            builder.start(localName, uri: uri, context: context,
                          attributes: Attributes(pointer: attributes, count: Int(attributeCount)))
        }
        sax.pointee.endElementNs = { userData, _, _, _ in
            guard let context = userData?.assumingMemoryBound(to: xmlParserCtxt.self),
                  let builder = RecordBuilder.of(context) else { return }
            builder.end()
        }
        let characters: charactersSAXFunc = { userData, characters, length in
            guard let context = userData?.assumingMemoryBound(to: xmlParserCtxt.self),
                  let builder = RecordBuilder.of(context), let characters, builder.capturing else { return }
            builder.text.append(contentsOf: UnsafeBufferPointer(start: characters, count: Int(length)))
        }
        sax.pointee.characters = characters
        sax.pointee.ignorableWhitespace = characters
        sax.pointee.cdataBlock = characters
    }
}

/// The attributes SAX2 hands over: five pointers each (local name, prefix, URI, value start,
/// value end); values are not NUL-terminated. Their names are looked at once, on arrival, and
/// each known one kept by slot: an element's three or four reads then cost no name compares
/// (comparing every name for every read was a twentieth of reading a dense file).
private struct Attributes {
    /// The attributes of evidence.xsd, in no namespace.
    enum Name: Int {
        case rubric, period, role, id, kind, instansi, roles, indicator, claimed, value, documents, date, href, sha256,
             target, due, criterion
    }

    private let pointer: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    /// Each name's attribute index, -1 when absent; the first of a repeated name (a repeat is
    /// not well-formed, and the file is refused anyway).
    private var slots = InlineArray<17, Int32>(repeating: -1)
    /// The index of `xml:lang`, -1 when absent.
    private var languageSlot: Int32 = -1

    init(pointer: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, count: Int) {
        self.pointer = pointer
        guard let pointer else { return }
        for index in 0..<count {
            let base = index * 5
            guard let local = pointer[base] else { continue }
            if pointer[base + 2] == nil, let name = Self.name(local), slots[name.rawValue] < 0 {
                slots[name.rawValue] = Int32(index)
            } else if languageSlot < 0, let prefix = pointer[base + 1], Names.equal(prefix, "xml"), Names.equal(local, "lang") {
                languageSlot = Int32(index)
            }
        }
    }

    /// Which of our names `local` is: by its first byte, then one or two compares.
    private static func name(_ local: UnsafePointer<xmlChar>) -> Name? {
        func either(_ a: StaticString, _ first: Name, _ b: StaticString, _ second: Name) -> Name? {
            Names.equal(local, a) ? first : Names.equal(local, b) ? second : nil
        }
        func only(_ a: StaticString, _ name: Name) -> Name? { Names.equal(local, a) ? name : nil }
        switch local[0] {
        case UInt8(ascii: "c"): return either("criterion", .criterion, "claimed", .claimed)
        case UInt8(ascii: "d"):
            return Names.equal(local, "documents") ? .documents : either("date", .date, "due", .due)
        case UInt8(ascii: "i"):
            return Names.equal(local, "indicator") ? .indicator : either("id", .id, "instansi", .instansi)
        case UInt8(ascii: "r"):
            return Names.equal(local, "role") ? .role : either("roles", .roles, "rubric", .rubric)
        case UInt8(ascii: "p"): return only("period", .period)
        case UInt8(ascii: "k"): return only("kind", .kind)
        case UInt8(ascii: "v"): return only("value", .value)
        case UInt8(ascii: "h"): return only("href", .href)
        case UInt8(ascii: "s"): return only("sha256", .sha256)
        case UInt8(ascii: "t"): return only("target", .target)
        default: return nil
        }
    }

    /// The value of the attribute `name`, as ``XMLElement/attribute(_:)`` gives it.
    func value(_ name: Name) -> String? {
        let index = slots[name.rawValue]
        return index < 0 ? nil : value(at: Int(index), href: name == .href)
    }

    /// The value of `name`, of a type whose pattern the streaming schema leaves out, and whether
    /// `pattern` accepts it (``CheckedPattern``); `list` for a list of such values.
    func value(_ name: Name, _ pattern: CheckedPattern, list: Bool = false) -> (value: String, accepted: Bool)? {
        let index = Int(slots[name.rawValue])
        guard index >= 0, let pointer else { return nil }
        // The common case: bytes the pattern accepts need no folding and hold no `&`, so they are
        // the value as they are.
        if let start = pointer[index * 5 + 3], let end = pointer[index * 5 + 4] {
            let bytes = UnsafeBufferPointer(start: start, count: end - start)
            if pattern.accepts(bytes, list: list) { return (String(decoding: bytes, as: UTF8.self), true) }
        }
        let value = value(at: index, href: false)
        return (value, pattern.accepts(value, list: list))
    }

    private func value(at index: Int, href: Bool) -> String {
        let base = index * 5
        guard let pointer else { return "" }
        // The common case, a value with no `&`, is folded from the bytes: one String, made
        // only when nothing needs folding (no byte copy, no second String).
        if let start = pointer[base + 3], let end = pointer[base + 4], !href {
            let bytes = UnsafeBufferPointer(start: start, count: end - start)
            if !bytes.contains(UInt8(ascii: "&")) { return WhiteSpaceFolding.fold(bytes) }
        }
        return WhiteSpaceFolding.attribute(href ? "href" : "", Self.decode(pointer[base + 3], pointer[base + 4]))
    }

    /// `xml:lang`, when given on this element.
    var language: String? {
        guard languageSlot >= 0, let pointer else { return nil }
        let base = Int(languageSlot) * 5
        return WhiteSpaceFolding.attribute("xml:lang", Self.decode(pointer[base + 3], pointer[base + 4]))
    }

    private static func decode(_ start: UnsafePointer<xmlChar>?, _ end: UnsafePointer<xmlChar>?) -> String {
        guard let start, let end else { return "" }
        let bytes = UnsafeBufferPointer(start: start, count: end - start)
        let text = String(decoding: bytes, as: UTF8.self)
        // Without entity substitution libxml2 hands `&` in a value over as the reference `&#38;`
        // (the tree builder decodes it again); decode it as the DOM does. Looking for the byte
        // first keeps Foundation's string search off the common path.
        guard bytes.contains(UInt8(ascii: "&")) else { return text }
        return text.replacingOccurrences(of: "&#38;", with: "&")
    }
}

private enum Names {
    /// Compares a NUL-terminated libxml2 name with a literal without making a String.
    static func equal(_ name: UnsafePointer<xmlChar>, _ literal: StaticString) -> Bool {
        let bytes = literal.utf8Start
        for index in 0..<literal.utf8CodeUnitCount where name[index] != bytes[index] { return false }
        return name[literal.utf8CodeUnitCount] == 0
    }
}

/// Builds the record from SAX events; reached from the C callbacks through the context's
/// `_private`. Its state is touched by one thread, several times per element, so it goes without
/// dynamic exclusivity checks.
private final class RecordBuilder {
    let source: SourceText
    let diagnostics: ParserDiagnostics
    @exclusivity(unchecked) var record = EvidenceRecord(root: .init(element: "assessment", line: 0))
    @exclusivity(unchecked) var schemaErrors = 0
    /// Values the checks in place of the schema's patterns refused (``CheckedPattern``).
    @exclusivity(unchecked) var refusedValues = 0
    @exclusivity(unchecked) var rootIsEvidence = false
    /// The evidence namespace's name as this parse hands it over (DocumentKind.evidence.namespace).
    @exclusivity(unchecked) private var evidenceNamespace: UnsafePointer<xmlChar>?

    /// The element kinds the record keeps; everything else only counts depth.
    private enum Kind: Int { case root, unit, answer, met, note, document, recommendation, other }
    @exclusivity(unchecked) private var stack: [(kind: Kind, language: String?)] = []
    /// Elements of each kind started on `countedLine` so far: a place's ordinal, as the DOM
    /// loader counts it (``XMLDocument/ordinal(of:)``).
    @exclusivity(unchecked) private var countedLine = -1
    @exclusivity(unchecked) private var counts = [Int](repeating: 0, count: 8)

    /// The ordinal of a `kind` element starting on `line`, counted.
    private func ordinal(_ kind: Kind, line: Int) -> Int {
        if line != countedLine {
            countedLine = line
            for index in counts.indices { counts[index] = 0 }
        }
        defer { counts[kind.rawValue] += 1 }
        return counts[kind.rawValue]
    }
    /// Text is gathered only inside unit, note, document and recommendation.
    @exclusivity(unchecked) var capturing = false
    @exclusivity(unchecked) var text: [UInt8] = []

    init(source: SourceText) {
        self.source = source
        self.diagnostics = ParserDiagnostics(source: source)
        stack.reserveCapacity(8)
        text.reserveCapacity(256)
    }

    static func of(_ context: xmlParserCtxtPtr) -> RecordBuilder? {
        context.pointee._private.map { Unmanaged<RecordBuilder>.fromOpaque($0).takeUnretainedValue() }
    }

    func start(_ name: UnsafePointer<xmlChar>, uri: UnsafePointer<xmlChar>?, context: xmlParserCtxtPtr,
               attributes: Attributes) {
        let line = Int(context.pointee.input?.pointee.line ?? 0)
        /// Where a recorded element is: exactly, by its byte offset, in a UTF-8 file; by line
        /// and ordinal otherwise.
        func place(_ element: String, _ kind: Kind) -> EvidenceRecord.Place {
            if let offset = LibXML.tagOffset(context, in: source) {
                return EvidenceRecord.Place(element: element, line: line, offset: offset)
            }
            return EvidenceRecord.Place(element: element, line: line, ordinal: ordinal(kind, line: line))
        }
        let language = attributes.language ?? stack.last?.language
        // DocumentKind.evidence.namespace, compared without making a String per element.
        var inEvidence = false
        if let uri {
            // libxml2 keeps one copy of each namespace name per parse: once the evidence
            // namespace is met, its pointer stands for it.
            if uri == evidenceNamespace {
                inEvidence = true
            } else if Names.equal(uri, "urn:spbe-assess:evidence:1") {
                inEvidence = true
                evidenceNamespace = uri
            }
        }
        let parent = stack.last?.kind
        var kind = Kind.other
        if inEvidence {
            switch parent {
            case nil where Names.equal(name, "assessment"):
                kind = .root
                rootIsEvidence = true
                record.root = place("assessment", .root)
                record.rubricID = identifier(attributes, .rubric)
                record.period = attributes.value(.period)
                record.role = attributes.value(.role)
            case .root? where Names.equal(name, "unit"):
                kind = .unit
                if record.unit == nil {
                    record.unit = .init(id: identifier(attributes, .id), name: "", kind: attributes.value(.kind),
                                        instansi: identifier(attributes, .instansi), roles: identifiers(attributes, .roles),
                                        place: place("unit", .unit))
                }
            case .root? where Names.equal(name, "answer"):
                kind = .answer
                record.answers.append(.init(indicator: identifier(attributes, .indicator), claimed: attributes.value(.claimed),
                                            value: attributes.value(.value), documents: identifiers(attributes, .documents),
                                            place: place("answer", .answer)))
            case .root? where Names.equal(name, "document"):
                kind = .document
                record.documents.append(.init(id: identifier(attributes, .id), title: "", date: attributes.value(.date),
                                              href: attributes.value(.href), sha256: digest(attributes, .sha256),
                                              place: place("document", .document)))
            case .root? where Names.equal(name, "recommendation"):
                kind = .recommendation
                record.recommendations.append(.init(indicator: identifier(attributes, .indicator), target: attributes.value(.target),
                                                    due: attributes.value(.due), language: language, text: "",
                                                    place: place("recommendation", .recommendation)))
            case .answer? where Names.equal(name, "met"):
                kind = .met
                let answer = record.answers.count - 1
                // Room for a typical answer's criteria at once, not grown 1, 2, 4, 8.
                if record.answers[answer].met.isEmpty { record.answers[answer].met.reserveCapacity(8) }
                record.answers[answer].met.append(
                    .init(criterion: identifier(attributes, .criterion), documents: identifiers(attributes, .documents),
                          place: place("met", .met)))
            case .answer? where Names.equal(name, "note"):
                kind = .note
                record.answers[record.answers.count - 1].notes.append(
                    .init(language: language, text: "", place: place("note", .note)))
            default:
                break
            }
        }
        if parent == nil, kind != .root { rootIsEvidence = false }
        stack.append((kind, language))
        if kind == .unit || kind == .note || kind == .document || kind == .recommendation {
            capturing = true
            text.removeAll(keepingCapacity: true)
        }
    }

    /// The value of an attribute of type `Identifier`, `IdentifierList` or `SHA256`, checked here
    /// because the streaming schema goes without their patterns; a refusal sends the file to the
    /// full schema. (Every attribute of those types in evidence.xsd is read through one of these.)
    private func identifier(_ attributes: Attributes, _ name: Attributes.Name) -> String? {
        checked(attributes.value(name, .identifier))
    }

    private func identifiers(_ attributes: Attributes, _ name: Attributes.Name) -> String? {
        checked(attributes.value(name, .identifier, list: true))
    }

    private func digest(_ attributes: Attributes, _ name: Attributes.Name) -> String? {
        checked(attributes.value(name, .sha256))
    }

    private func checked(_ read: (value: String, accepted: Bool)?) -> String? {
        guard let read else { return nil }
        if !read.accepted { refusedValues += 1 }
        return read.value
    }

    func end() {
        guard let top = stack.popLast() else { return }
        guard capturing, top.kind == .unit || top.kind == .note || top.kind == .document || top.kind == .recommendation else { return }
        capturing = false
        let folded = text.withUnsafeBufferPointer { WhiteSpaceFolding.fold($0) }
        switch top.kind {
        case .unit:
            // Only the first <unit> counts, as in the DOM reader; the schema allows one anyway.
            if record.unit?.name.isEmpty == true { record.unit?.name = folded }
        case .note:
            let answer = record.answers.count - 1
            record.answers[answer].notes[record.answers[answer].notes.count - 1].text = folded
        case .document:
            record.documents[record.documents.count - 1].title = folded
        case .recommendation:
            record.recommendations[record.recommendations.count - 1].text = folded
        default: break
        }
    }
}
