/// A small typed tree for HTML and SVG, escaped by construction.
///
/// Every piece of text and every attribute value goes through ``Markup/escape(_:)`` when rendered,
/// so text from evidence files (notes, titles, names) can never become markup: a note
/// `<script>…` shows as text. There is deliberately no "raw" node. Element and attribute names
/// come from this module's code only.
///
/// (JohnSundell/Plot 0.14 was considered; it does not escape attribute values, so user text in
/// an attribute could break out of it.)
public indirect enum Markup: Sendable, Equatable {
    case element(String, attributes: [Attribute], children: [Markup])
    case text(String)
    case fragment([Markup])

    public struct Attribute: Sendable, Equatable {
        public let name: String
        public let value: String
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// `Markup.el("p", ["class": "note"], .text("…"))`. Attributes render in the order given.
    public static func el(_ name: String, _ attributes: KeyValuePairs<String, String>, _ children: Markup...) -> Markup {
        .element(name, attributes: attributes.map { Attribute($0.key, $0.value) }, children: children)
    }

    /// `Markup.el("tr", cell1, cell2)`: an element without attributes.
    public static func el(_ name: String, _ children: Markup...) -> Markup {
        .element(name, attributes: [], children: children)
    }

    public static func el(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], children: [Markup]) -> Markup {
        .element(name, attributes: attributes.map { Attribute($0.key, $0.value) }, children: children)
    }

    /// HTML void elements, written without a closing tag.
    static let voidElements: Set<String> = ["meta", "br", "hr", "img", "link", "col"]
    /// SVG shapes, written `<circle …/>` when empty; every other element gets a closing tag.
    static let svgShapes: Set<String> = ["circle", "line", "polygon", "polyline", "rect", "path", "ellipse"]

    public func render() -> String {
        var output = ""
        render(into: &output)
        return output
    }

    func render(into output: inout String) {
        switch self {
        case .text(let text):
            output += Markup.escape(text)
        case .fragment(let parts):
            parts.forEach { $0.render(into: &output) }
        case .element(let name, let attributes, let children):
            output += "<\(name)"
            for attribute in attributes {
                output += " \(attribute.name)=\"\(Markup.escape(attribute.value))\""
            }
            if Markup.voidElements.contains(name) {
                output += ">"
                return
            }
            if children.isEmpty, Markup.svgShapes.contains(name) {
                output += "/>"
                return
            }
            output += ">"
            if name == "style" {
                // A raw-text element: entities are not decoded there, so quotes stay quotes; `<`,
                // `>` and `&` (which the stylesheet never holds) are still escaped, so no text
                // can close the element.
                for child in children { if case .text(let text) = child { output += Markup.escapeRawText(text) } }
            } else {
                children.forEach { $0.render(into: &output) }
            }
            output += "</\(name)>"
        }
    }

    /// Inside <style>: only the characters that could end the element.
    static func escapeRawText(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    /// Escapes the five characters that can end text or an attribute value.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
