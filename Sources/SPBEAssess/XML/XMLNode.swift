/// A small XML tree for writing files: elements, text and comments, rendered with every
/// character escaped for where it stands.
///
/// Reading goes through libxml2; writing needs no parser, only escaping done right: `&`, `<`,
/// `>` in text; those plus `"`, `'` and line breaks or tabs (as character references, so they
/// survive attribute-value normalisation) in attributes; `--` in comments, which XML forbids
/// there. Characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates cannot occur
/// in a Swift `String`, U+FFFE/U+FFFF) become U+FFFD.
///
/// ```swift
/// let note = XMLNode.element("note", [("xml:lang", "id")], [.text("Rp 5 < 10 & \"ok\"")])
/// XMLNode.document(root: note)   // <?xml …?>\n<note xml:lang="id">Rp 5 &lt; 10 &amp; "ok"</note>\n
/// ```
public indirect enum XMLNode: Sendable {
    case element(String, [(String, String)], [XMLNode])
    case text(String)
    case comment(String)

    /// An element whose only content is text, as `<title>…</title>`.
    public static func element(_ name: String, _ attributes: [(String, String)] = [], text: String) -> XMLNode {
        .element(name, attributes, [.text(text)])
    }

    /// The whole file: declaration, optional leading comments, the root element, a final newline.
    public static func document(root: XMLNode, leadingComments: [String] = []) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        for comment in leadingComments { out += XMLNode.comment(comment).rendered(indent: "") + "\n" }
        out += root.rendered(indent: "") + "\n"
        return out
    }

    /// Elements holding only text stay on one line; others put each child on its own line,
    /// indented two spaces per level.
    public func rendered(indent: String) -> String {
        switch self {
        case .text(let text):
            return indent + Self.escapeText(text)
        case .comment(let text):
            return indent + "<!--" + Self.escapeComment(text) + "-->"
        case .element(let name, let attributes, let children):
            let head = "<" + name + attributes.map { " \($0.0)=\"\(Self.escapeAttribute($0.1))\"" }.joined()
            if children.isEmpty { return indent + head + "/>" }
            if children.allSatisfy({ if case .text = $0 { true } else { false } }) {
                let text = children.map { if case .text(let t) = $0 { Self.escapeText(t) } else { "" } }.joined()
                return indent + head + ">" + text + "</" + name + ">"
            }
            let inner = children.map { $0.rendered(indent: indent + "  ") }.joined(separator: "\n")
            return indent + head + ">\n" + inner + "\n" + indent + "</" + name + ">"
        }
    }

    static func escapeText(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"  // Needed only after "]]", but always is simpler.
            case "\r": out += "&#13;"  // A raw CR would be read back as a line feed.
            default: out.unicodeScalars.append(allowed(scalar))
            }
        }
        return out
    }

    static func escapeAttribute(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default: out.unicodeScalars.append(allowed(scalar))
            }
        }
        return out
    }

    /// A comment may not contain `--` nor end with `-`; nothing in it is a reference, so `&` and
    /// `<` stay as they are. Each `--` becomes `- -`; the
    /// spaces around the text keep a final `-` off the closing `-->`.
    static func escapeComment(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            let character = allowed(scalar)
            if character == "-", out.unicodeScalars.last == "-" { out += " " }
            out.unicodeScalars.append(character)
        }
        return " " + out.trimmingSpacesAround + " "
    }

    /// The scalar if XML 1.0 allows it in a document, else U+FFFD.
    static func allowed(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: scalar
        default: "\u{FFFD}"
        }
    }
}

private extension String {
    var trimmingSpacesAround: String {
        var text = Substring(self)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}
