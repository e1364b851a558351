/// Folds runs of white space to one space and trims the ends, as a title or note wrapped over
/// several lines is meant to read. The one definition both evidence readers and the rubric
/// loader use.
enum WhiteSpaceFolding {
    static func fold(_ raw: String) -> String {
        raw.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
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
