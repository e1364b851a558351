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
struct JSONWriter: ~Copyable {
    /// What is written so far. Hand-managed rather than an `[UInt8]`: `append(contentsOf:)` costs
    /// about 200 instructions however short the bytes, which made a three-letter key cost 500.
    /// The writer is noncopyable, so the buffer has one owner.
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
    /// How many containers are open, and whether the innermost has a member yet; `enclosing`
    /// keeps that flag for the others. Kept apart so that a member, the common step, touches two
    /// scalars and not an array (whose uniqueness checks were a third of writing a key).
    private var depth = 0
    private var innermostHasMembers = false
    private var enclosing: [Bool] = []
    #if DEBUG
    /// The last key of each open object, to check the order.
    private var lastKeys: [[UInt8]?] = []
    #endif
    /// A key was just written, so the next value follows it on the same line.
    private var afterKey = false

    /// `insideArray`: the writer starts within an open array, to render one element on its own
    /// (on another thread) for ``element(rendered:)`` of the writer of the whole array.
    init(reserving capacity: Int = 1 << 16, insideArray: Bool = false) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
        enclosing.reserveCapacity(8)
        if insideArray { open() }
    }

    deinit { base.deallocate() }

    /// The bytes written so far.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Hands what is written so far to `body` without copying it, then empties the buffer (the
    /// open containers stay).
    mutating func drain(_ body: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        defer { count = 0 }
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }

    // MARK: containers

    mutating func beginObject() { beginValue(); append(byte: UInt8(ascii: "{")); open() }
    mutating func endObject() { endContainer(UInt8(ascii: "}")) }
    mutating func beginArray() { beginValue(); append(byte: UInt8(ascii: "[")); open() }
    mutating func endArray() { endContainer(UInt8(ascii: "]")) }

    /// A member name written in the source: copied as it is, as no name of ours needs escaping
    /// (debug builds check).
    mutating func key(_ name: StaticString) {
        let utf8 = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        assert(!utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 >= 0x80 })
        beginKey(utf8)
        // One capacity check, and a byte loop: names are a few bytes, shorter than a call to
        // memcpy is worth.
        if count + utf8.count + 5 > capacity { grow(to: count + utf8.count + 5) }
        base[count] = UInt8(ascii: "\"")
        for index in 0..<utf8.count { base[count + 1 + index] = utf8[index] }
        count += utf8.count + 1
        base[count] = UInt8(ascii: "\"")
        base[count + 1] = UInt8(ascii: " ")
        base[count + 2] = UInt8(ascii: ":")
        base[count + 3] = UInt8(ascii: " ")
        count += 4
        afterKey = true
    }

    /// A member name made at run time (a map's keys), escaped as any string.
    mutating func key(named name: String) {
        var name = name
        name.withUTF8 { beginKey($0) }
        appendQuoted(name)
        endKey()
    }

    /// An element of the open array, rendered by a writer made `insideArray`: the same bytes as
    /// writing it here (the comma before it is this writer's to give).
    mutating func element(rendered: [UInt8]) {
        precondition(depth > 0, "an element needs an open array")
        if innermostHasMembers { append(byte: UInt8(ascii: ",")) }
        innermostHasMembers = true
        append(bytes: rendered)
    }

    /// The same, with everything written so far and then the element handed to `sink` (see
    /// ``drain(_:)``): a national run's elements go out as they are, not copied in here first.
    mutating func element(rendered: [UInt8], to sink: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        element(rendered: [])
        try drain(sink)
        try rendered.withUnsafeBytes(sink)
    }

    // MARK: values

    mutating func string(_ value: String) { beginValue(); appendQuoted(value) }
    mutating func string(_ value: String?) { if let value { string(value) } else { null() } }
    mutating func bool(_ value: Bool) { beginValue(); append(value ? "true" : "false") }
    mutating func null() { beginValue(); append("null") }
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
            append(sequence: text.utf8)
        }
    }

    mutating func number(_ value: Double?) { if let value { number(value) } else { null() } }

    /// A rubric decimal (weights, and the levels of measured indicators): written as its `Double`
    /// has always been written, so outputs keep their bytes.
    ///
    /// Its digits are written directly: a decimal of at most 15 significant digits is the
    /// shortest text of the nearest `Double` (no shorter one can round to the same value), so
    /// the bytes are `description`'s, without its cost. Below 0.0001 `description` switches to
    /// an exponent, and is used.
    mutating func number(_ value: ExactDecimal) {
        let millionths = value.millionths, scale = ExactDecimal.scale
        if millionths % scale == 0 {
            number(Int(millionths / scale))
        } else if millionths.magnitude >= 100, millionths.magnitude < 1_000_000_000_000_000 {
            beginValue()
            if millionths < 0 { append(byte: UInt8(ascii: "-")) }
            appendInteger(Int(millionths.magnitude / UInt64(scale)))
            append(byte: UInt8(ascii: "."))
            // The fraction's digits, leading zeros kept and trailing ones dropped, with no String.
            var fraction = Int(millionths.magnitude % UInt64(scale)), digits = 6
            while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
            var power = 1
            for _ in 1..<digits { power *= 10 }
            while power > 0 {
                append(byte: UInt8(ascii: "0") + UInt8(fraction / power % 10))
                power /= 10
            }
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
        let indent = [UInt8](repeating: 0x20, count: 2 * depth)
        for byte in data {
            append(byte: byte)
            // Newlines only occur between tokens: strings escape theirs.
            if byte == 0x0A { append(bytes: indent) }
        }
    }

    // MARK: layout

    private mutating func open() {
        if depth > 0 { enclosing.append(innermostHasMembers) }
        innermostHasMembers = false
        depth += 1
        #if DEBUG
        lastKeys.append(nil)
        #endif
    }

    private mutating func beginKey(_ name: UnsafeBufferPointer<UInt8>) {
        #if DEBUG
        let last = lastKeys.last ?? nil
        assert(last.map { $0.lexicographicallyPrecedes(name) } ?? true,
               "JSON keys must be written in sorted order: \(String(decoding: name, as: UTF8.self)) after \(String(decoding: last ?? [], as: UTF8.self))")
        if !lastKeys.isEmpty { lastKeys[lastKeys.count - 1] = Array(name) }
        #endif
        newMember()
    }

    private mutating func endKey() {
        append(" : ")
        afterKey = true
    }

    private mutating func newMember() {
        precondition(depth > 0, "a member needs an open container")
        if innermostHasMembers { append(byte: UInt8(ascii: ",")) }
        innermostHasMembers = true
        appendLineBreak(depth)
    }

    /// A value in an array starts a new line; after a key (or at the top) it does not.
    private mutating func beginValue() {
        if afterKey { afterKey = false; return }
        if depth > 0 { newMember() }
    }

    private mutating func endContainer(_ bracket: UInt8) {
        precondition(depth > 0, "no container to close")
        let hadMembers = innermostHasMembers
        depth -= 1
        innermostHasMembers = depth > 0 ? enclosing.removeLast() : false
        #if DEBUG
        lastKeys.removeLast()
        #endif
        if !hadMembers { append(byte: 0x0A) }
        appendLineBreak(depth)
        append(byte: bracket)
    }

    private mutating func append(_ literal: StaticString) {
        append(bytes: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    private mutating func append(byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        base[count] = byte
        count += 1
    }

    private mutating func append(bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        if count + bytes.count > capacity { grow(to: count + bytes.count) }
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    private mutating func append(bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append(bytes: $0) }
    }

    private mutating func append(bytes: Slice<UnsafeMutableRawBufferPointer>) {
        let raw = UnsafeRawBufferPointer(UnsafeMutableRawBufferPointer(rebasing: bytes))
        append(bytes: raw.bindMemory(to: UInt8.self))
    }

    private mutating func append(sequence: some Sequence<UInt8>) {
        for byte in sequence { append(byte: byte) }
    }

    private mutating func grow(to needed: Int) {
        var size = capacity * 2
        while size < needed { size *= 2 }
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        larger.update(from: base, count: count)
        base.deallocate()
        base = larger
        capacity = size
    }

    /// A line break and the indent of `depth`, copied whole from ``lineBreak``: appending them
    /// byte by byte was most of the cost of a key.
    private mutating func appendLineBreak(_ depth: Int) {
        if 1 + 2 * depth <= Self.lineBreak.utf8CodeUnitCount {
            append(bytes: UnsafeBufferPointer(start: Self.lineBreak.utf8Start, count: 1 + 2 * depth))
        } else {
            append(byte: 0x0A)
            append(sequence: repeatElement(0x20, count: 2 * depth))
        }
    }

    /// A line break and the indent of depth 15; shallower ones are its beginning.
    private static let lineBreak: StaticString = "\n                              "

    private mutating func appendInteger(_ value: Int) {
        if value < 0 { append(byte: UInt8(ascii: "-")) }
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
            append(bytes: buffer[(20 - count)...])
        }
    }

    private static let hex = Array("0123456789abcdef".utf8)

    private mutating func appendQuoted(_ text: String) {
        append(byte: UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            // Most strings (ids, titles, paths) need no escape: copy them whole.
            if !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == 0xE2 }) {
                append(bytes: utf8)
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
                    append(bytes: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                    append(bytes: escape)
                    index += width
                    start = index
                } else {
                    index += 1
                }
            }
            append(bytes: UnsafeBufferPointer(rebasing: utf8[start..<utf8.count]))
        }
        append(byte: UInt8(ascii: "\""))
    }
}
