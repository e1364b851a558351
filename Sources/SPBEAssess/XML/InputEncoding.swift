/// The character encoding of an input file, decided as libxml2 decides it (the first bytes, then
/// the XML declaration), and the file's text in a form the scans before the parser can read.
///
/// Those scans (``AttributeLimit``) and the column search read markup as ASCII bytes. That is
/// right for UTF-8 and for the single-byte encodings a regency may save in (ISO-8859-x,
/// windows-125x); UTF-16 is transcoded to UTF-8 first. Any other encoding libxml2 can convert
/// (UTF-7, Shift_JIS, UCS-4, EBCDIC, …) can hide markup from a byte scan (a UTF-16 file did,
/// with a character whose second byte is a quote), so it is refused: no evidence is written in
/// them.
enum InputEncoding: Equatable {
    /// UTF-8 (with or without a byte-order mark) or US-ASCII: the bytes are the text.
    case utf8
    /// One byte a character, ASCII below 0x80: ISO-8859-x and windows-125x.
    case singleByte
    case utf16(bigEndian: Bool)
    /// An encoding refused, as the file names it (or as its first bytes show it), and the byte
    /// order of a UTF-16 file that names it, so that the name can be placed.
    case refused(String, inUTF16BigEndian: Bool? = nil)
    /// An XML declaration that does not follow XML's grammar: libxml2 reports it, but may still
    /// switch to an encoding named in it, so it is refused before the parse.
    case malformedDeclaration

    /// How libxml2 would read `bytes`.
    static func of(_ bytes: [UInt8]) -> InputEncoding {
        let head = bytes.prefix(4)
        if head.elementsEqual([0x00, 0x00, 0x00, 0x3C]) || head.elementsEqual([0x3C, 0x00, 0x00, 0x00])
            || head.elementsEqual([0x00, 0x00, 0x3C, 0x00]) || head.elementsEqual([0x00, 0x3C, 0x00, 0x00]) {
            return .refused("UCS-4")
        }
        if head.elementsEqual([0x4C, 0x6F, 0xA7, 0x94]) { return .refused("EBCDIC") }
        for bigEndian in [true, false] {
            let mark: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
            let start: [UInt8] = bigEndian ? [0x00, 0x3C, 0x00, 0x3F] : [0x3C, 0x00, 0x3F, 0x00]
            guard head.starts(with: mark) || head.elementsEqual(start) else { continue }
            // The declaration's ASCII, a byte a unit; any other unit cannot be part of it.
            let marked = head.starts(with: mark) ? 1 : 0
            let ascii = (marked..<bytes.count / 2).lazy.map { (index: Int) -> UInt8 in
                let unit = Self.unit(bytes, at: 2 * index, bigEndian: bigEndian)
                return unit < 0x80 ? UInt8(unit) : 0x01
            }
            switch XMLDeclaration(ascii) {
            case .absent, .encoding(nil): return .utf16(bigEndian: bigEndian)
            case .malformed: return .malformedDeclaration
            case .encoding(let declared?):
                // libxml2 goes on reading UTF-16 under these labels and switches to any other one.
                switch declared.uppercased() {
                case "UTF-16", "UTF16", "UTF-8", "UTF8": return .utf16(bigEndian: bigEndian)
                case "UTF-16LE" where !bigEndian, "UTF-16BE" where bigEndian: return .utf16(bigEndian: bigEndian)
                default: return .refused(declared, inUTF16BigEndian: bigEndian)
                }
            }
        }
        let marked = head.starts(with: [0xEF, 0xBB, 0xBF])
        switch XMLDeclaration(bytes[(marked ? 3 : 0)...]) {
        case .absent, .encoding(nil): return .utf8
        case .malformed: return .malformedDeclaration
        case .encoding(let declared?):
            switch declared.uppercased() {
            // Under a UTF-16 label libxml2 refuses 8-bit content itself ("labelled UTF-16 but
            // has UTF-8 content"), reading no further.
            case "UTF-8", "UTF8", "US-ASCII", "ASCII", "UTF-16", "UTF16": return .utf8
            // After a UTF-8 byte-order mark another label is a contradiction: refused.
            case let name where isSingleByte(name) && !marked: return .singleByte
            default: return .refused(declared)
            }
        }
    }

    /// Throws when `source` is in an encoding refused or its declaration is malformed.
    static func check(_ source: SourceText) throws(LoadError) {
        switch source.encoding {
        case .utf8, .singleByte, .utf16:
            return
        case .refused(let name, _):
            throw LoadError([Diagnostic(.malformedXML, file: source.path, line: 1,
                column: source.column(line: 1, element: "?xml", attribute: "encoding"),
                id: "pengodean karakter '\(name)' tidak diterima; simpan berkas sebagai UTF-8",
                en: "character encoding '\(name)' is not accepted; save the file as UTF-8")])
        case .malformedDeclaration:
            throw LoadError([Diagnostic(.malformedXML, file: source.path, line: 1, column: 1,
                id: "deklarasi XML di awal berkas tidak tersusun dengan benar; tulis <?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                en: "the XML declaration at the start of the file is malformed; write <?xml version=\"1.0\" encoding=\"UTF-8\"?>")])
        }
    }

    /// The file as text a byte scan reads right: `bytes` itself unless it is UTF-16, transcoded
    /// then to UTF-8, which keeps every line where it was and every character one character (a
    /// unit UTF-16 cannot decode becomes U+FFFD; libxml2 reports it). In the single-byte
    /// encodings markup is ASCII as it is; a character there is one byte, not one UTF-8 lead.
    func scannable(_ bytes: [UInt8]) -> [UInt8] {
        switch self {
        case .utf8, .singleByte, .refused(_, nil), .malformedDeclaration:
            return bytes
        case .utf16(let bigEndian), .refused(_, let bigEndian?):
            let units = Self.units(bytes, bigEndian: bigEndian)
            var text: [UInt8] = []
            text.reserveCapacity(units.count)
            _ = transcode(units.first == 0xFEFF ? units.dropFirst().makeIterator() : units[...].makeIterator(),
                          from: UTF16.self, to: UTF8.self, stoppingOnError: false) { text.append($0) }
            return text
        }
    }

    /// ISO-8859-1 … 16, windows-1250 … 1258 (CP1250 …) and Latin-1 under its other names.
    private static func isSingleByte(_ name: String) -> Bool {
        if name == "LATIN1" || name == "ISO-LATIN-1" { return true }
        for (prefix, numbers) in [("ISO-8859-", 1...16), ("ISO8859-", 1...16), ("WINDOWS-", 1250...1258), ("CP", 1250...1258)]
        where name.hasPrefix(prefix) {
            let digits = name.dropFirst(prefix.count)
            return digits.allSatisfy { $0.isASCII && $0.isNumber } && Int(digits).map(numbers.contains) == true
        }
        return false
    }

    private static func unit(_ bytes: [UInt8], at index: Int, bigEndian: Bool) -> UInt16 {
        let first = UInt16(bytes[index]), second = UInt16(bytes[index + 1])
        return bigEndian ? first << 8 | second : second << 8 | first
    }

    private static func units(_ bytes: [UInt8], bigEndian: Bool) -> [UInt16] {
        stride(from: 0, to: bytes.count - 1, by: 2).map { unit(bytes, at: $0, bigEndian: bigEndian) }
    }
}
