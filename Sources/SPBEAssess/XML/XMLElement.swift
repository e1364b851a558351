import CLibXML

/// A read-only view of one element of an ``XMLDocument``; valid while the document lives (it
/// holds the document, so it keeps it alive).
struct XMLElement {
    let node: xmlNodePtr
    let document: XMLDocument

    var name: String { String(cString: node.pointee.name) }

    var namespace: String? {
        node.pointee.ns.flatMap { $0.pointee.href.map { String(cString: $0) } }
    }

    var line: Int { Int(xmlGetLineNo(node)) }

    /// The element's child elements, in document order.
    var children: [XMLElement] {
        var result: [XMLElement] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE {
                result.append(XMLElement(node: current, document: document))
            }
            child = current.pointee.next
        }
        return result
    }

    func children(named name: String) -> [XMLElement] {
        children.filter { $0.name == name }
    }

    /// An attribute without namespace, with white space collapsed as the schema reads it
    /// (``WhiteSpaceFolding/attribute(_:_:)``).
    func attribute(_ name: String) -> String? {
        rawAttribute(name).map { WhiteSpaceFolding.attribute(name, $0) }
    }

    /// An attribute without namespace exactly as libxml2 reads it (XML's own normalisation only).
    func rawAttribute(_ name: String) -> String? {
        LibXML.takeString(xmlGetNoNsProp(node, name))
    }

    /// The `xml:lang` in force here, inherited from ancestors as XML defines.
    var language: String? { LibXML.takeString(xmlNodeGetLang(node)).map { WhiteSpaceFolding.attribute("xml:lang", $0) } }

    /// The text content with runs of white space folded to one space, as a title or criterion
    /// wrapped over several lines is meant to read.
    var text: String {
        WhiteSpaceFolding.fold(LibXML.takeString(xmlNodeGetContent(node)) ?? "")
    }

    /// The byte offset of the element's `<` in the file, when the parser recorded it.
    var offset: Int? { XMLDocument.offset(of: node) }

    /// The column of this element's start tag, or of one of its attributes, on `line` (the
    /// element's own by default).
    /// (The ordinal is worked out only when there is no offset: the argument is an autoclosure.)
    func column(line: Int? = nil, attribute: String? = nil) -> Int? {
        document.source.column(line: line ?? self.line, element: name, attribute: attribute,
                               ordinal: document.ordinal(of: node), offset: offset)
    }

    /// A diagnostic pointing at this element, or at one of its attributes.
    func diagnostic(_ code: Diagnostic.Code, _ message: String, attribute: String? = nil,
                    severity: Diagnostic.Severity = .error) -> Diagnostic {
        Diagnostic(code, file: document.source.path, line: line, column: column(attribute: attribute), message,
                   severity: severity)
    }

    /// A diagnostic in both languages pointing at this element, or at one of its attributes.
    func diagnostic(_ code: Diagnostic.Code, attribute: String? = nil, id: String, en: String,
                    severity: Diagnostic.Severity = .error) -> Diagnostic {
        var result = diagnostic(code, en, attribute: attribute, severity: severity)
        result.indonesian = id
        return result
    }
}
