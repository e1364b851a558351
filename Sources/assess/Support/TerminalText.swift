/// Text bound for a terminal, made inert: a file name or an evidence note may hold a newline
/// (forging a second, innocent-looking message line) or an escape sequence (colouring, moving
/// the cursor, retitling the window). Every C0 and C1 control character but the line breaks
/// the tool itself puts between messages becomes a visible `\n`, `\u{1B}`-style escape.
enum TerminalText {
    /// Escapes controls inside each line of `text`; the newlines between lines stay.
    static func escape(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { escapeLine(Substring($0)) }.joined(separator: "\n")
    }

    /// Escapes every control character, newlines included: for one value (a file name) inside a line.
    static func escapeLine<S: StringProtocol>(_ text: S) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return String(text) }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where isControl(scalar): out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }
}
