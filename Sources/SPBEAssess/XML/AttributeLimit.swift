#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        // Every byte of every file passes here: without bounds checks it costs a fraction. The
        // text, not the bytes: in UTF-16 a character's second byte can be a quote or a `<`.
        try source.text.withUnsafeBufferPointer { (bytes) throws(LoadError) in
            if fewAttributesPossible(bytes) { return }
            try check(bytes, source)
        }
    }

    /// Each attribute takes at least four bytes (`a=""`) and a tag holds no `<` but its first,
    /// so a tag with more than `maximum` attributes needs more than `4 × maximum` bytes between
    /// one `<` and the next. When no such stretch exists — every ordinary file — no tag can
    /// break the limit, and `memchr` from `<` to `<` proves it without looking at the bytes
    /// between.
    private static func fewAttributesPossible(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count, stretch = 4 * maximum
        var previous = 0
        while previous < count {
            guard let found = memchr(base + previous, Int32(UInt8(ascii: "<")), count - previous) else {
                return count - previous <= stretch
            }
            let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if at - previous > stretch { return false }
            previous = at + 1
        }
        return true
    }

    /// Every byte of every file passes here, so the scan jumps with `memchr` to the next `<`
    /// outside tags and to the closing quote inside a value, and counts lines only when it
    /// has a tag to report.
    private static func check(_ bytes: UnsafeBufferPointer<UInt8>, _ source: SourceText) throws(LoadError) {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        /// The offset of the next `byte` at or after `start`, or `count`.
        @inline(__always) func next(_ byte: UInt8, from start: Int) -> Int {
            guard start < count, let found = memchr(base + start, Int32(byte), count - start) else { return count }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
        var index = 0
        @inline(__always) func skip(to terminator: StaticString) {
            let first = terminator.utf8Start[0], length = terminator.utf8CodeUnitCount
            while true {
                index = next(first, from: index)
                guard index < count else { return }
                if index + length <= count, memcmp(base + index, terminator.utf8Start, length) == 0 {
                    index += length
                    return
                }
                index += 1
            }
        }
        @inline(__always) func starts(_ prefix: StaticString) -> Bool {
            index + prefix.utf8CodeUnitCount <= count && memcmp(base + index, prefix.utf8Start, prefix.utf8CodeUnitCount) == 0
        }
        while true {
            index = next(UInt8(ascii: "<"), from: index)
            guard index + 1 < count else { return }
            let following = bytes[index + 1]
            if following == UInt8(ascii: "!") {
                if starts("<!--") { index += 4; skip(to: "-->") }
                else if starts("<![CDATA[") { index += 9; skip(to: "]]>") }
                else { index += 2; skip(to: ">") }
                continue
            }
            if following == UInt8(ascii: "?") { index += 2; skip(to: "?>"); continue }
            // A start (or end) tag: count `=` outside quotes until its `>`.
            let tagStart = index
            var attributes = 0
            index += 1
            while index < count {
                let current = bytes[index]
                if current == UInt8(ascii: "\"") || current == UInt8(ascii: "'") {
                    index = next(current, from: index + 1)  // the closing quote, or the end
                } else if current == UInt8(ascii: "=") {
                    attributes += 1
                    if attributes > maximum {
                        throw LoadError([Diagnostic(.tooManyAttributes, file: source.path, line: source.lineNumber(ofOffset: tagStart),
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
