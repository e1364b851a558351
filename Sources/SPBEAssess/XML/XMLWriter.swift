/// Writes XML text with escaping by construction: element and attribute names come from code,
/// and every value passes through ``escapeText(_:)`` or ``escapeAttribute(_:)``, so no input
/// text (a note, a document title like `<script>&"'`) can open a tag or end an attribute.
///
/// ```swift
/// var writer = XMLWriter()
/// writer.open("assessment", [("xmlns", "urn:spbe-assess:evidence:1"), ("period", "2026")])
/// writer.element("note", [("xml:lang", "id")], text: "A & B")
/// writer.close()
/// let xml = writer.finish()
/// ```
/// Attributes whose value is nil are left out. Characters XML 1.0 cannot carry at all (most C0
/// controls, U+FFFE, U+FFFF) are replaced by U+FFFD rather than written as an invalid document.
public struct XMLWriter {
    private var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    private var open: [String] = []

    public init() {}

    public mutating func comment(_ text: String) {
        // `--` may not appear inside a comment; a space keeps the text readable.
        var body = Self.replacingInvalid(text)
        while body.contains("--") { body = body.replacingOccurrences(of: "--", with: "- -") }
        if body.hasSuffix("-") { body += " " }
        output += indent + "<!-- " + body + " -->\n"
    }

    public mutating func open(_ name: String, _ attributes: [(String, String?)] = []) {
        output += indent + "<" + name + Self.attributes(attributes) + ">\n"
        open.append(name)
    }

    public mutating func close() {
        guard let name = open.popLast() else { return }
        output += indent + "</" + name + ">\n"
    }

    /// An element with text content, or empty (`<met …/>`) when `text` is nil.
    public mutating func element(_ name: String, _ attributes: [(String, String?)] = [], text: String? = nil) {
        output += indent + "<" + name + Self.attributes(attributes)
        if let text {
            output += ">" + Self.escapeText(text) + "</" + name + ">\n"
        } else {
            output += "/>\n"
        }
    }

    /// The document, with any element still open closed.
    public mutating func finish() -> String {
        while !open.isEmpty { close() }
        return output
    }

    private var indent: String { String(repeating: "  ", count: open.count) }

    private static func attributes(_ pairs: [(String, String?)]) -> String {
        pairs.compactMap { name, value in value.map { " \(name)=\"\(escapeAttribute($0))\"" } }.joined()
    }

    /// Text content: `&`, `<` and `>` (the last so that `]]>` cannot appear), and carriage
    /// returns, which a parser would otherwise fold into line feeds.
    public static func escapeText(_ text: String) -> String {
        var result = ""
        for scalar in replacingInvalid(text).unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\r": result += "&#13;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// An attribute value in double quotes: both quotes, `&`, `<`, `>`, and the white space a
    /// parser would normalise to spaces (tab, line feed, carriage return) as character references.
    public static func escapeAttribute(_ text: String) -> String {
        var result = ""
        for scalar in replacingInvalid(text).unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t": result += "&#9;"
            case "\n": result += "&#10;"
            case "\r": result += "&#13;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// XML 1.0 allows tab, line feed, carriage return, U+0020–U+D7FF, U+E000–U+FFFD and
    /// U+10000 and above; anything else becomes U+FFFD.
    static func replacingInvalid(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let allowed = value == 0x9 || value == 0xA || value == 0xD || (0x20...0xD7FF).contains(value)
                || (0xE000...0xFFFD).contains(value) || value >= 0x10000
            result.append(allowed ? scalar : "\u{FFFD}")
        }
        return String(result)
    }
}
