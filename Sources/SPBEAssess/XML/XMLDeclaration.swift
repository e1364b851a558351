/// The XML declaration a file starts with (`<?xml version="1.0" encoding="UTF-8"?>`), read by
/// XML's grammar (production 23) for the encoding it names.
///
/// Read strictly because libxml2 is lenient where it matters: it switches to an encoding named
/// in a declaration it has already found faulty (no space before `encoding`, no `version`), and
/// reads a declaration of any length. Anything but the grammar is `malformed`, so that no reading
/// of the declaration can differ from libxml2's without the file being refused.
enum XMLDeclaration: Equatable {
    /// No declaration: the file does not start with `<?xml` and a space (libxml2's own test).
    case absent
    /// A declaration, with the encoding it names, if any.
    case encoding(String?)
    case malformed

    /// The declaration at the start of `text` (ASCII; in UTF-16 a byte a unit).
    init<Text: Collection<UInt8>>(_ text: Text) where Text.Index == Int {
        var reader = Reader(text: text, index: text.startIndex)
        guard reader.take("<?xml"), reader.skipSpace() else { self = .absent; return }
        // VersionNum: digits and dots (XML says `1.` and digits); EncName: a letter, then letters,
        // digits, `.`, `_`, `-`.
        let isVersion = { (byte: UInt8) in byte == UInt8(ascii: ".") || Self.isDigit(byte) }
        let isEncName = { (byte: UInt8) in Self.isLetter(byte) || Self.isDigit(byte) || [0x2E, 0x5F, 0x2D].contains(byte) }
        guard reader.take("version"), reader.equals(), reader.quoted(where: isVersion) != nil
        else { self = .malformed; return }
        var encoding: String?
        var spaced = reader.skipSpace()
        if spaced, reader.take("encoding") {
            guard reader.equals(), let name = reader.quoted(where: isEncName), let first = name.utf8.first, Self.isLetter(first)
            else { self = .malformed; return }
            encoding = name
            spaced = reader.skipSpace()
        }
        if spaced, reader.take("standalone") {
            guard reader.equals(), let value = reader.quoted(where: Self.isLetter), value == "yes" || value == "no"
            else { self = .malformed; return }
            _ = reader.skipSpace()
        }
        self = reader.take("?>") ? .encoding(encoding) : .malformed
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

    private struct Reader<Text: Collection<UInt8>> where Text.Index == Int {
        let text: Text
        var index: Int

        /// Steps over `literal` when the text goes on with it.
        mutating func take(_ literal: StaticString) -> Bool {
            let bytes = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
            guard text[index...].starts(with: bytes) else { return false }
            index += bytes.count
            return true
        }

        /// Steps over white space; whether there was any.
        mutating func skipSpace() -> Bool {
            let start = index
            while index < text.endIndex, [0x20, 0x09, 0x0A, 0x0D].contains(text[index]) { index += 1 }
            return index > start
        }

        /// `Eq` of the grammar: `=` with optional space around it.
        mutating func equals() -> Bool {
            _ = skipSpace()
            guard take("=") else { return false }
            _ = skipSpace()
            return true
        }

        /// A value in single or double quotes, every character of it `allowed`; nil when empty
        /// or when anything else comes before the closing quote.
        mutating func quoted(where allowed: (UInt8) -> Bool) -> String? {
            guard index < text.endIndex, text[index] == 0x22 || text[index] == 0x27 else { return nil }
            let quote = text[index]
            let start = index + 1
            index = start
            while index < text.endIndex, text[index] != quote {
                guard allowed(text[index]) else { return nil }
                index += 1
            }
            guard index < text.endIndex, index > start else { return nil }
            index += 1
            return String(decoding: text[start..<(index - 1)], as: UTF8.self)
        }
    }
}
