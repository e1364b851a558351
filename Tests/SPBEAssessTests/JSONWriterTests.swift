import Foundation
import Testing
@testable import assess
import SPBEAssess

/// The streaming JSON writer, read back by Foundation's parsers and compared with `JSONEncoder`.
@Suite("JSON writer")
struct JSONWriterTests {
    static func array(of strings: [String]) -> [UInt8] {
        var json = JSONWriter()
        json.beginArray()
        for string in strings { json.string(string) }
        json.endArray()
        return json.bytes
    }

    /// Both Foundation readers. JSONSerialization (swift-corelibs) drops a U+FEFF inside a string,
    /// a reader quirk, not an escaping question: for those strings only JSONDecoder is compared.
    static func expectReadBack(_ strings: [String]) throws {
        let bytes = Data(array(of: strings))
        #expect(try JSONDecoder().decode([String].self, from: bytes) == strings)
        let serialized = try #require(try JSONSerialization.jsonObject(with: bytes) as? [String])
        #expect(serialized.count == strings.count)
        for (read, written) in zip(serialized, strings) where !written.unicodeScalars.contains("\u{FEFF}") {
            #expect(read == written)
        }
    }

    static var hostile: [String] {
        var strings = (0..<0x20).map { String(Unicode.Scalar(UInt8($0))) }
        strings.append(strings.joined())
        strings += ["\"", "\\", "/", "\u{7F}", "\u{2028}", "\u{2029}", "a\u{2028}b\u{2029}c", "\u{FFFE}", "\u{FFFF}",
                    "\u{FEFF}", "😀👩‍👩‍👧", "e\u{301}\u{302}\u{303}", "\u{10FFFF}", "", "\"\\\"\\\\", "</script>",
                    "\u{E2}\u{80}", "line\r\nbreak\ttab\u{0}nul"]
        return strings
    }

    @Test func hostileStringsReadBack() throws {
        let strings = Self.hostile
        try Self.expectReadBack(strings)
        let bytes = Self.array(of: strings)
        // Only the JSON structure's own newlines are raw; U+2028/2029 never appear unescaped.
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(!text.contains("\u{2028}") && !text.contains("\u{2029}"))
    }

    /// Escapes as worked out from RFC 8259 §7 (and JSONEncoder's lower-case hex).
    @Test func escapeBytes() {
        func quoted(_ text: String) -> String {
            var json = JSONWriter()
            json.string(text)
            return String(decoding: json.bytes, as: UTF8.self)
        }
        #expect(quoted("a\"b\\c/d") == #""a\"b\\c/d""#)
        #expect(quoted("\u{0}\u{1}\u{1F}") == #""\u0000\u0001\u001f""#)
        #expect(quoted("\u{8}\u{9}\u{A}\u{C}\u{D}") == #""\b\t\n\f\r""#)
        #expect(quoted("x\u{2028}y\u{2029}") == #""x\u2028y\u2029""#)
        #expect(quoted("é😀\u{7F}") == "\"é😀\u{7F}\"")
    }

    /// Random strings from a fixed seed, drawn from ASCII, control, BMP and astral scalars.
    @Test func randomStringsReadBack() throws {
        var random = SeededGenerator(seed: 18)
        var strings: [String] = []
        for _ in 0..<2000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...24, using: &random) {
                let value: UInt32 = switch Int.random(in: 0..<4, using: &random) {
                case 0: UInt32.random(in: 0..<0x80, using: &random)
                case 1: UInt32.random(in: 0..<0x20, using: &random)
                case 2: UInt32.random(in: 0x80..<0xD800, using: &random)
                default: UInt32.random(in: 0xE000...0x10FFFF, using: &random)
                }
                if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
            }
            strings.append(String(scalars))
        }
        try Self.expectReadBack(strings)
    }

    /// Layout and numbers byte for byte as `JSONEncoder` writes them with the project's options.
    @Test func sameBytesAsJSONEncoder() throws {
        struct Sample: Encodable {
            let a: [Double]
            let b: [String]
            let c: [String: Int]
            let d: Bool
            let e: Int?
            enum CodingKeys: CodingKey { case a, b, c, d, e }
            func encode(to encoder: Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(a, forKey: .a)
                try container.encode(b, forKey: .b)
                try container.encode(c, forKey: .c)
                try container.encode(d, forKey: .d)
                try container.encode(e, forKey: .e)
            }
        }
        let numbers = [0, 1e-06, 0.1 + 0.2, 2.0 / 3, 13, 4.5, 27.5, 123456789, 1e16, 2.605]
        let strings = Self.hostile.filter { !$0.contains("\u{2028}") && !$0.contains("\u{2029}") }
        let sample = Sample(a: numbers, b: strings, c: [:], d: true, e: nil)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let expected = try encoder.encode(sample)

        var json = JSONWriter()
        json.beginObject()
        json.key("a"); json.beginArray(); for number in numbers { json.number(number) }; json.endArray()
        json.key("b"); json.beginArray(); for string in strings { json.string(string) }; json.endArray()
        json.key("c"); json.beginObject(); json.endObject()
        json.key("d"); json.bool(true)
        json.key("e"); json.number(Int?.none)
        json.endObject()
        #expect(String(decoding: json.bytes, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
    }

    /// Rubric decimals come out as their `Double` always did: `13`, `4.5`, `1e-06`.
    @Test func exactDecimals() {
        var json = JSONWriter()
        json.beginArray()
        for millionths: Int64 in [13_000_000, 4_500_000, 1, 2_750_000, 0] { json.number(ExactDecimal(millionths: millionths)) }
        json.endArray()
        #expect(String(decoding: json.bytes, as: UTF8.self) == "[\n  13,\n  4.5,\n  1e-06,\n  2.75,\n  0\n]")
    }

    /// Decimals written from their digits give the bytes `Double.description` gives (the
    /// contract's numbers), at the edges of the direct path and at random inside it.
    @Test func exactDecimalsAsDoubles() {
        var generator = SystemRandomNumberGenerator()
        var values: [Int64] = [100, 99, -100, 101, 1_234_567, -1_666_667, 999_999_999_999_999, 1_000_000_000_000_001,
                               -999_999_999_999_999, 10_000, 1_000_010, 123_456_789_012_345]
        for _ in 0..<20_000 {
            let magnitude = Int64.random(in: 1...999_999_999_999_999, using: &generator)
            values.append(Bool.random(using: &generator) ? magnitude : -magnitude)
            values.append(Int64.random(in: -10_000_000...10_000_000, using: &generator))
        }
        for millionths in values {
            var direct = JSONWriter(), viaDouble = JSONWriter()
            direct.number(ExactDecimal(millionths: millionths))
            viaDouble.number(Double(millionths) / 1_000_000)
            #expect(direct.bytes == viaDouble.bytes, "\(millionths) millionths")
        }
    }
}
