/// Refuses an element with more attributes than any of our formats could use, before libxml2
/// sees it: libxml2 2.9 checks each attribute of a start tag against every earlier one, so a
/// single tag with 300,000 attributes takes minutes to parse. Our elements carry at most seven.
///
/// One linear pass over the bytes: inside a start tag, each `=` outside a quoted value is one
/// attribute; comments, CDATA sections, processing instructions and declarations are skipped
/// whole. A file that is not well-formed is left to the parser to explain.
enum AttributeLimit {
    static let maximum = 256

    static func check(_ source: SourceText) throws(LoadError) {
        // Every byte of every file passes here: without bounds checks it costs a fraction.
        try source.bytes.withUnsafeBufferPointer { (bytes) throws(LoadError) in try check(bytes, source) }
    }

    private static func check(_ bytes: UnsafeBufferPointer<UInt8>, _ source: SourceText) throws(LoadError) {
        var index = 0
        var line = 1
        let count = bytes.count
        @inline(__always) func skip(to terminator: [UInt8]) {
            while index < count {
                if bytes[index] == 0x0A { line += 1 }
                if bytes[index] == terminator[0], index + terminator.count <= count,
                   bytes[index..<index + terminator.count].elementsEqual(terminator) {
                    index += terminator.count
                    return
                }
                index += 1
            }
        }
        while index < count {
            let byte = bytes[index]
            if byte == 0x0A { line += 1 }
            guard byte == UInt8(ascii: "<"), index + 1 < count else { index += 1; continue }
            let next = bytes[index + 1]
            if next == UInt8(ascii: "!") {
                if bytes[index...].starts(with: Array("<!--".utf8)) { index += 4; skip(to: Array("-->".utf8)) }
                else if bytes[index...].starts(with: Array("<![CDATA[".utf8)) { index += 9; skip(to: Array("]]>".utf8)) }
                else { index += 2; skip(to: [UInt8(ascii: ">")]) }
                continue
            }
            if next == UInt8(ascii: "?") { index += 2; skip(to: Array("?>".utf8)); continue }
            // A start (or end) tag: count `=` outside quotes until its `>`.
            let tagLine = line
            var attributes = 0
            var quote: UInt8 = 0
            index += 1
            while index < count {
                let current = bytes[index]
                if current == 0x0A { line += 1 }
                if quote != 0 {
                    if current == quote { quote = 0 }
                } else if current == UInt8(ascii: "\"") || current == UInt8(ascii: "'") {
                    quote = current
                } else if current == UInt8(ascii: "=") {
                    attributes += 1
                    if attributes > maximum {
                        throw LoadError([Diagnostic(.tooManyAttributes, file: source.path, line: tagLine,
                            id: "sebuah elemen memiliki lebih dari \(maximum) atribut; format spbe-assess memakai paling banyak tujuh",
                            en: "an element has more than \(maximum) attributes; spbe-assess formats use at most seven")])
                    }
                } else if current == UInt8(ascii: ">") || current == UInt8(ascii: "<") {
                    break
                }
                index += 1
            }
            if index < count, bytes[index] == UInt8(ascii: ">") { index += 1 }
        }
    }
}
