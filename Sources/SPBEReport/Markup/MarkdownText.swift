/// The one Markdown escaper of every Markdown output (`report`, `compare`, `check`, `gap`,
/// `readiness`, `trend`): text from evidence files must stay text.
///
/// Markdown's structural characters are backslash-escaped, so `[x](javascript:…)` is no link and
/// `**` no emphasis; `<` and `&` become entities, so `<img onerror=…>` is no HTML (a backslash
/// does not stop an HTML tag in every renderer, an entity does); line breaks fold to a space so a
/// note stays one table cell or one list item. A `:` after `javascript`, `data` or `vbscript` is
/// written as an entity too, so not even an autolinking renderer makes a live link of it.
public enum MarkdownText {
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "|", "#", "!", "~": result += "\\\(character)"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            case ":" where endsWithScheme(result): result += "&#58;"
            case "\n", "\r", "\r\n", "\t": result += " "
            default: result.append(character)
            }
        }
        return result
    }

    private static func endsWithScheme(_ text: String) -> Bool {
        let lower = text.suffix(10).lowercased()
        return ["javascript", "data", "vbscript"].contains { lower.hasSuffix($0) }
    }
}
