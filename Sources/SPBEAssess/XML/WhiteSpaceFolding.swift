/// Folds runs of white space to one space and trims the ends, as a title or note wrapped over
/// several lines is meant to read. The one definition both evidence readers and the rubric
/// loader use.
enum WhiteSpaceFolding {
    static func fold(_ raw: String) -> String {
        if let folded = foldASCII(raw) { return folded }
        return raw.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }

    /// The same fold byte by byte, for ASCII text without `\r\n` (where every byte is its own
    /// character, so the result is identical); nil otherwise. Splitting by Character is the
    /// costly part of loading a rubric.
    private static func foldASCII(_ raw: String) -> String? {
        var output: [UInt8] = []
        output.reserveCapacity(raw.utf8.count)
        var pendingSpace = false
        var previous: UInt8 = 0
        for byte in raw.utf8 {
            if byte >= 0x80 || (previous == 0x0D && byte == 0x0A) { return nil }
            previous = byte
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                pendingSpace = !output.isEmpty
            } else {
                if pendingSpace { output.append(0x20) }
                pendingSpace = false
                output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// An attribute's value as the schemas read it. Every attribute of our formats is of a
    /// token type (ids, lists, enumerations, numbers, dates), whose white space XSD collapses
    /// before validating — so `role=" assessor "` is valid, and must then mean `assessor`, not
    /// fail every comparison. The one exception is `href`, an `xs:string` path kept as written.
    /// Both evidence readers and the rubric and crosswalk loaders read attributes through this.
    static func attribute(_ name: String, _ value: String) -> String {
        name == "href" ? value : fold(value)
    }

    /// The same for UTF-8 bytes; text that needs no folding (the common case) is decoded once
    /// without the split and join.
    static func fold(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var needsFolding = false
        var previousSpace = true  // a leading space needs folding
        for byte in bytes {
            if byte == 0x0A || byte == 0x09 || byte == 0x0D || (byte == 0x20 && previousSpace) {
                needsFolding = true
                break
            }
            previousSpace = byte == 0x20
        }
        if previousSpace && !bytes.isEmpty { needsFolding = true }  // a trailing space
        let text = String(decoding: bytes, as: UTF8.self)
        return needsFolding ? fold(text) : text
    }
}
