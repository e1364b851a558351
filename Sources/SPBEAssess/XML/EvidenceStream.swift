import CLibXML

/// Reads an evidence file in one pass with libxml2's SAX2 parser, validating against the
/// evidence schema as it goes (`xmlSchemaSAXPlug`), and collects an ``EvidenceRecord`` without
/// building a tree: memory is the file's bytes, a note per element of ours with a copy of the
/// attribute values and texts it needs (less than the file), and the record.
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
        guard errors.isEmpty, context.pointee.wellFormed != 0, builder.schemaErrors == 0, builder.rootIsEvidence else {
            return .invalid
        }
        let record = builder.build()
        return builder.refusedValues == 0 ? .record(record) : .invalid
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
        // The three called for every element lend the builder (`withBuilder`), as the
        // parse holds it throughout: a retain and release per call was 200,000 per 200 files.
        sax.pointee.startElementNs = { userData, localName, _, uri, _, _, attributeCount, _, attributes in
            guard let context = userData?.assumingMemoryBound(to: xmlParserCtxt.self), let localName else { return }
            RecordBuilder.withBuilder(of: context) { builder in
                builder.start(localName, uri: uri, context: context,
                              attributes: Attributes(pointer: attributes, count: Int(attributeCount)))
            }
        }
        sax.pointee.endElementNs = { userData, _, _, _ in
            guard let context = userData?.assumingMemoryBound(to: xmlParserCtxt.self) else { return }
            RecordBuilder.withBuilder(of: context) { $0.end() }
        }
        let characters: charactersSAXFunc = { userData, characters, length in
            guard let context = userData?.assumingMemoryBound(to: xmlParserCtxt.self), let characters else { return }
            RecordBuilder.withBuilder(of: context) { builder in
                guard builder.capturing else { return }
                builder.arena.append(UnsafeBufferPointer(start: characters, count: Int(length)))
            }
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

    /// The raw bytes of the attribute `name`'s value, as libxml2 hands them over; nil when absent.
    func bytes(_ name: Name) -> UnsafeBufferPointer<UInt8>? {
        bytes(at: slots[name.rawValue])
    }

    /// The raw bytes of `xml:lang`, when given on this element.
    var language: UnsafeBufferPointer<UInt8>? { bytes(at: languageSlot) }

    private func bytes(at slot: Int32) -> UnsafeBufferPointer<UInt8>? {
        guard slot >= 0, let pointer else { return nil }
        let base = Int(slot) * 5
        guard let start = pointer[base + 3], let end = pointer[base + 4] else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: start, count: end - start)
    }
}

/// An attribute value's raw bytes read back as ``XMLElement/attribute(_:)`` gives the value.
private enum AttributeValue {
    static func string(_ bytes: UnsafeBufferPointer<UInt8>, href: Bool = false) -> String {
        // The common case, a value with no `&`, is folded from the bytes: one String, made
        // only when nothing needs folding (no byte copy, no second String).
        if !href, !bytes.contains(UInt8(ascii: "&")) { return WhiteSpaceFolding.fold(bytes) }
        return WhiteSpaceFolding.attribute(href ? "href" : "", decode(bytes))
    }

    /// A value of a type whose pattern the streaming schema leaves out, and whether `pattern`
    /// accepts it (``CheckedPattern``); `list` for a list of such values.
    static func checked(_ bytes: UnsafeBufferPointer<UInt8>, _ pattern: CheckedPattern, list: Bool) -> (value: String, accepted: Bool) {
        // The common case: bytes the pattern accepts need no folding and hold no `&`, so they are
        // the value as they are.
        if pattern.accepts(bytes, list: list) { return (String(decoding: bytes, as: UTF8.self), true) }
        let value = string(bytes)
        return (value, pattern.accepts(value, list: list))
    }

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
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

/// Where some bytes sit in a ``ByteArena``; `count` -1 when there are none (an absent value).
private struct Span {
    var start: Int32 = 0
    var count: Int32 = -1

    static let none = Span()
    var isNone: Bool { count < 0 }
}

/// The bytes a parse hands over that the record needs later: attribute values and texts, one
/// after another. Hand-managed (not an `[UInt8]`, whose `append(contentsOf:)` costs about 200
/// instructions however short the bytes); the builder owns it alone.
private struct ByteArena: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 256)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > capacity { grow(to: count + bytes.count) }
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    /// Out of line: the element callback keeps a dozen values, and this rare path inlined at
    /// each of them made the callback 6 KB, evicting libxml2's parser from the instruction cache.
    @inline(never)
    private mutating func grow(to needed: Int) {
        while capacity < needed { capacity *= 2 }
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        larger.update(from: base, count: count)
        base.deallocate()
        base = larger
    }

    /// `bytes` kept, and where.
    mutating func keep(_ bytes: UnsafeBufferPointer<UInt8>?) -> Span {
        guard let bytes else { return .none }
        let start = count
        append(bytes)
        return Span(start: Int32(start), count: Int32(bytes.count))
    }

    /// The bytes of `span` (empty for none), valid until the next append.
    func bytes(_ span: Span) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + Int(span.start), count: max(0, Int(span.count)))
    }
}

/// Builds the record from SAX events; reached from the C callbacks through the context's
/// `_private`. Its state is touched by one thread, several times per element, so it goes without
/// dynamic exclusivity checks.
///
/// In two passes: during the parse each element of ours is only noted (its kind, place and the
/// raw bytes of the attributes it needs, copied aside), and the record's Strings and arrays are
/// made from those notes once the parse is over (``build()``), and only for a file that passed.
/// Making them between libxml2's own steps had its parser, its validator and our code take turns
/// in the instruction cache, which then held none of them: a third of the misses of a dense file.
private final class RecordBuilder {
    let source: SourceText
    let diagnostics: ParserDiagnostics
    @exclusivity(unchecked) var schemaErrors = 0
    /// Values the checks in place of the schema's patterns refused (``CheckedPattern``).
    @exclusivity(unchecked) var refusedValues = 0
    @exclusivity(unchecked) var rootIsEvidence = false
    /// The evidence namespace's name as this parse hands it over (DocumentKind.evidence.namespace).
    @exclusivity(unchecked) private var evidenceNamespace: UnsafePointer<xmlChar>?

    /// The element kinds the record keeps; everything else only counts depth.
    private enum Kind: UInt8 {
        case root, unit, answer, met, note, document, recommendation, other

        /// The attributes noted for an element of this kind, in the order ``build()`` reads them.
        var keptAttributes: (Attributes.Name?, Attributes.Name?, Attributes.Name?, Attributes.Name?) {
            switch self {
            case .root: (.rubric, .period, .role, nil)
            case .unit: (.id, .kind, .instansi, .roles)
            case .answer: (.indicator, .claimed, .value, .documents)
            case .document: (.id, .date, .href, .sha256)
            case .recommendation: (.indicator, .target, .due, nil)
            case .met: (.criterion, .documents, nil, nil)
            case .note, .other: (nil, nil, nil, nil)
            }
        }
    }

    /// The value of attribute `name`, kept in the arena; none when not asked for or absent.
    private func keep(_ name: Attributes.Name?, _ attributes: Attributes) -> Span {
        guard let name else { return .none }
        return arena.keep(attributes.bytes(name))
    }

    /// One element of ours, as the parse met it. `values` are its attributes, in the order
    /// ``build()`` reads them for its kind.
    private struct Note {
        var kind: Kind
        var line: Int32
        /// The byte offset of its `<`, -1 when the parser could not say (not UTF-8).
        var offset: Int32
        var ordinal: Int32
        /// The `xml:lang` in force, its own or an ancestor's.
        var language: Span
        var values: (Span, Span, Span, Span)
        /// Its text, for unit, note, document and recommendation.
        var text = Span.none
    }

    @exclusivity(unchecked) private var notes: [Note] = []
    @exclusivity(unchecked) var arena: ByteArena
    @exclusivity(unchecked) private var stack: [(kind: Kind, language: Span)] = []
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
        defer { counts[Int(kind.rawValue)] += 1 }
        return counts[Int(kind.rawValue)]
    }
    /// Text is gathered only inside unit, note, document and recommendation, into the arena.
    @exclusivity(unchecked) var capturing = false
    @exclusivity(unchecked) private var textStart = 0

    init(source: SourceText) {
        self.source = source
        self.diagnostics = ParserDiagnostics(source: source)
        // Values and texts are a part of the file's bytes: room for them all at once, as a rule.
        // (Capped: a huge file grows them as it goes, rather than reserving for all at once.)
        arena = ByteArena(capacity: min(source.bytes.count / 2, 1 << 20))
        notes.reserveCapacity(min(source.bytes.count / 48, 1 << 14))
        stack.reserveCapacity(8)
    }

    static func of(_ context: xmlParserCtxtPtr) -> RecordBuilder? {
        context.pointee._private.map { Unmanaged<RecordBuilder>.fromOpaque($0).takeUnretainedValue() }
    }

    /// Runs `body` with the parse's builder without retaining it: ``EvidenceStream/read(_:)``
    /// keeps the builder alive until the parse is over.
    static func withBuilder(of context: xmlParserCtxtPtr, _ body: (RecordBuilder) -> Void) {
        guard let raw = context.pointee._private else { return }
        Unmanaged<RecordBuilder>.fromOpaque(raw)._withUnsafeGuaranteedRef(body)
    }

    func start(_ name: UnsafePointer<xmlChar>, uri: UnsafePointer<xmlChar>?, context: xmlParserCtxtPtr,
               attributes: Attributes) {
        let languageHere = attributes.language
        let language = languageHere == nil ? (stack.last?.language ?? .none) : arena.keep(languageHere)
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
            case .root? where Names.equal(name, "unit"): kind = .unit
            case .root? where Names.equal(name, "answer"): kind = .answer
            case .root? where Names.equal(name, "document"): kind = .document
            case .root? where Names.equal(name, "recommendation"): kind = .recommendation
            case .answer? where Names.equal(name, "met"): kind = .met
            case .answer? where Names.equal(name, "note"): kind = .note
            default: break
            }
        }
        // The attributes each kind keeps, copied through one helper: a copy written out for each
        // (a dozen) made this callback, run for every element, crowd libxml2 out of the instruction cache.
        let kept = kind.keptAttributes
        let values = (keep(kept.0, attributes), keep(kept.1, attributes), keep(kept.2, attributes), keep(kept.3, attributes))
        if parent == nil, kind != .root { rootIsEvidence = false }
        stack.append((kind, language))
        guard kind != .other else { return }
        // Where it is: exactly, by its byte offset, in a UTF-8 file; by line and ordinal otherwise.
        let line = Int(context.pointee.input?.pointee.line ?? 0)
        let offset = LibXML.tagOffset(context, in: source)
        notes.append(Note(kind: kind, line: Int32(clamping: line), offset: offset.map { Int32(clamping: $0) } ?? -1,
                          ordinal: offset == nil ? Int32(clamping: ordinal(kind, line: line)) : 0,
                          language: language, values: values))
        if kind == .unit || kind == .note || kind == .document || kind == .recommendation {
            capturing = true
            textStart = arena.count
        }
    }

    func end() {
        guard let top = stack.popLast() else { return }
        guard capturing, top.kind == .unit || top.kind == .note || top.kind == .document || top.kind == .recommendation else { return }
        capturing = false
        // The element capturing text has no children of ours, so it is the last one noted.
        notes[notes.count - 1].text = Span(start: Int32(textStart), count: Int32(arena.count - textStart))
    }

    /// The record, made from the notes of the parse.
    func build() -> EvidenceRecord {
        var record = EvidenceRecord(root: .init(element: "assessment", line: 0))
        func place(_ note: Note, _ element: String) -> EvidenceRecord.Place {
            note.offset >= 0 ? EvidenceRecord.Place(element: element, line: Int(note.line), offset: Int(note.offset))
                : EvidenceRecord.Place(element: element, line: Int(note.line), ordinal: Int(note.ordinal))
        }
        func value(_ span: Span, href: Bool = false) -> String? {
            span.isNone ? nil : AttributeValue.string(arena.bytes(span), href: href)
        }
        func language(_ note: Note) -> String? {
            note.language.isNone ? nil : WhiteSpaceFolding.attribute("xml:lang", AttributeValue.decode(arena.bytes(note.language)))
        }
        func text(_ note: Note) -> String { WhiteSpaceFolding.fold(arena.bytes(note.text)) }
        // Counted, not guessed: growing the answers (records of a few hundred bytes) moved them all.
        record.answers.reserveCapacity(notes.reduce(0) { $1.kind == .answer ? $0 + 1 : $0 })
        for note in notes {
            switch note.kind {
            case .root:
                record.root = place(note, "assessment")
                record.rubricID = identifier(note.values.0)
                record.period = value(note.values.1)
                record.role = value(note.values.2)
            case .unit:
                // Only the first <unit> counts, as in the DOM reader; the schema allows one anyway.
                guard record.unit == nil else { continue }
                record.unit = .init(id: identifier(note.values.0), name: text(note), kind: value(note.values.1),
                                    instansi: identifier(note.values.2), roles: identifiers(note.values.3), place: place(note, "unit"))
            case .answer:
                record.answers.append(.init(indicator: identifier(note.values.0), claimed: value(note.values.1),
                                            value: value(note.values.2), documents: identifiers(note.values.3),
                                            place: place(note, "answer")))
            case .met:
                let answer = record.answers.count - 1
                // Room for a typical answer's criteria at once, not grown 1, 2, 4, 8.
                if record.answers[answer].met.isEmpty { record.answers[answer].met.reserveCapacity(8) }
                record.answers[answer].met.append(
                    .init(criterion: identifier(note.values.0), documents: identifiers(note.values.1), place: place(note, "met")))
            case .note:
                record.answers[record.answers.count - 1].notes.append(
                    .init(language: language(note), text: text(note), place: place(note, "note")))
            case .document:
                record.documents.append(.init(id: identifier(note.values.0), title: text(note), date: value(note.values.1),
                                              href: value(note.values.2, href: true), sha256: digest(note.values.3),
                                              place: place(note, "document")))
            case .recommendation:
                record.recommendations.append(.init(indicator: identifier(note.values.0), target: value(note.values.1),
                                                    due: value(note.values.2), language: language(note), text: text(note),
                                                    place: place(note, "recommendation")))
            case .other:
                break
            }
        }
        return record
    }

    /// The value of an attribute of type `Identifier`, `IdentifierList` or `SHA256`, checked here
    /// because the streaming schema goes without their patterns; a refusal counts against the
    /// file (which then goes to the full schema). Every attribute of those types in evidence.xsd
    /// is read through one of these.
    private func identifier(_ span: Span) -> String? { checked(span, .identifier, list: false) }

    private func identifiers(_ span: Span) -> String? { checked(span, .identifier, list: true) }

    private func digest(_ span: Span) -> String? { checked(span, .sha256, list: false) }

    private func checked(_ span: Span, _ pattern: CheckedPattern, list: Bool) -> String? {
        guard !span.isNone else { return nil }
        let read = AttributeValue.checked(arena.bytes(span), pattern, list: list)
        if !read.accepted { refusedValues += 1 }
        return read.value
    }
}
