import Foundation
import SPBEAssess

/// Writes pretty-printed JSON straight into a byte buffer, in the layout `JSONEncoder` gives with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` (two-space indent, `"key" : value`,
/// an empty container as `[` blank line `]`), so outputs keep their bytes while a national run
/// no longer pays for Codable's boxing (about a quarter of `score`'s instructions).
///
/// Callers write object members in sorted key order (byte order, as `.sortedKeys` sorts); debug
/// builds check it. Strings are escaped as JSON requires (`"`, `\`, U+0000–U+001F), and U+2028 /
/// U+2029 too, so the output is also safe to embed in JavaScript.
///
/// ```swift
/// var json = JSONWriter()
/// json.beginObject(); json.key("id"); json.string("I01"); json.endObject()
/// json.bytes   // {\n  "id" : "I01"\n}
/// ```
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    /// One entry per open container: whether it has a member yet, and (debug) its last key.
    private var open: [(hasMembers: Bool, lastKey: String?)] = []
    /// A key was just written, so the next value follows it on the same line.
    private var afterKey = false

    init(reserving capacity: Int = 1 << 16) {
        bytes.reserveCapacity(capacity)
    }

    /// Hands over what is written so far and empties the buffer (the open containers stay).
    mutating func take() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }

    // MARK: containers

    mutating func beginObject() { beginValue(); bytes.append(UInt8(ascii: "{")); open.append((false, nil)) }
    mutating func endObject() { endContainer(UInt8(ascii: "}")) }
    mutating func beginArray() { beginValue(); bytes.append(UInt8(ascii: "[")); open.append((false, nil)) }
    mutating func endArray() { endContainer(UInt8(ascii: "]")) }

    mutating func key(_ name: String) {
        assert(open.last.map { $0.lastKey.map { Array($0.utf8).lexicographicallyPrecedes(name.utf8) } ?? true } ?? false,
               "JSON keys must be written in sorted order: \(name) after \(open.last?.lastKey ?? "")")
        newMember()
        #if DEBUG
        open[open.count - 1].lastKey = name
        #endif
        appendQuoted(name)
        // Byte by byte: an array literal here is made and freed for every key written.
        bytes.append(0x20)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(0x20)
        afterKey = true
    }

    // MARK: values

    mutating func string(_ value: String) { beginValue(); appendQuoted(value) }
    mutating func string(_ value: String?) { if let value { string(value) } else { null() } }
    mutating func bool(_ value: Bool) { beginValue(); bytes.append(contentsOf: value ? Array("true".utf8) : Array("false".utf8)) }
    mutating func null() { beginValue(); bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C]) }
    mutating func number(_ value: Int) { beginValue(); appendInteger(value) }
    mutating func number(_ value: Int?) { if let value { number(value) } else { null() } }

    /// As `JSONEncoder` writes a `Double`: its shortest round-trip `description`, without `.0`.
    mutating func number(_ value: Double) {
        beginValue()
        if value == value.rounded(), abs(value) < 1e15, !(value == 0 && value.sign == .minus) {
            appendInteger(Int(value))
        } else {
            var text = value.description
            if text.hasSuffix(".0") { text.removeLast(2) }
            bytes.append(contentsOf: text.utf8)
        }
    }

    mutating func number(_ value: Double?) { if let value { number(value) } else { null() } }

    /// A rubric decimal (weights, and the levels of measured indicators): written as its `Double`
    /// has always been written, so outputs keep their bytes.
    mutating func number(_ value: ExactDecimal) {
        if value.millionths % ExactDecimal.scale == 0 {
            number(Int(value.millionths / ExactDecimal.scale))
        } else {
            number(value.doubleValue)
        }
    }

    /// Full precision, as SPEC §5 writes an index (`index`).
    mutating func number(_ value: IndexValue) { number(value.value) }

    /// A whole value encoded by `JSONEncoder` (same options), re-indented to sit at this depth:
    /// for the few report parts still declared as `Codable` types.
    mutating func encoded(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        beginValue()
        let indent = [UInt8](repeating: 0x20, count: 2 * open.count)
        for byte in data {
            bytes.append(byte)
            // Newlines only occur between tokens: strings escape theirs.
            if byte == 0x0A { bytes.append(contentsOf: indent) }
        }
    }

    // MARK: layout

    private mutating func newMember() {
        precondition(!open.isEmpty, "a member needs an open container")
        if open[open.count - 1].hasMembers { bytes.append(UInt8(ascii: ",")) }
        bytes.append(0x0A)
        open[open.count - 1].hasMembers = true
        appendIndent(open.count)
    }

    /// A value in an array starts a new line; after a key (or at the top) it does not.
    private mutating func beginValue() {
        if afterKey { afterKey = false; return }
        if !open.isEmpty { newMember() }
    }

    private mutating func endContainer(_ bracket: UInt8) {
        let level = open.removeLast()
        bytes.append(0x0A)
        if !level.hasMembers { bytes.append(0x0A) }
        appendIndent(open.count)
        bytes.append(bracket)
    }

    private mutating func appendIndent(_ depth: Int) {
        for _ in 0..<depth { bytes.append(0x20); bytes.append(0x20) }
    }

    private mutating func appendInteger(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            bytes.append(contentsOf: buffer[(20 - count)...])
        }
    }

    private static let hex = Array("0123456789abcdef".utf8)

    private mutating func appendQuoted(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            // Most strings (ids, titles, paths) need no escape: copy them whole.
            if !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == 0xE2 }) {
                bytes.append(contentsOf: utf8)
                return
            }
            var start = 0
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                var escape: [UInt8]? = nil
                var width = 1
                switch byte {
                case UInt8(ascii: "\""): escape = [0x5C, byte]
                case UInt8(ascii: "\\"): escape = [0x5C, byte]
                case 0x08: escape = [0x5C, UInt8(ascii: "b")]
                case 0x09: escape = [0x5C, UInt8(ascii: "t")]
                case 0x0A: escape = [0x5C, UInt8(ascii: "n")]
                case 0x0C: escape = [0x5C, UInt8(ascii: "f")]
                case 0x0D: escape = [0x5C, UInt8(ascii: "r")]
                case 0..<0x20:
                    escape = [0x5C, UInt8(ascii: "u"), 0x30, 0x30, Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0xF)]]
                case 0xE2 where index + 2 < utf8.count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                    // U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR
                    escape = Array((utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                    width = 3
                default: break
                }
                if let escape {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                    bytes.append(contentsOf: escape)
                    index += width
                    start = index
                } else {
                    index += 1
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<utf8.count]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
