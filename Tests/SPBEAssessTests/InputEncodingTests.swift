import Foundation
import Testing
@testable import SPBEAssess

/// Files in the encodings XML allows are read and placed like their UTF-8 twins; encodings that
/// could hide markup from the checks before the parse are refused, naming the encoding.
@Suite("Input encodings")
struct InputEncodingTests {
    /// `xml` in UTF-16, its declaration relabelled: little-endian after a byte-order mark, or
    /// big-endian without one (XML tells it by `<?` then).
    static func utf16(_ xml: String, bigEndian: Bool) -> Data {
        let relabelled = xml.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"")
        var data = Data(bigEndian ? [] : [0xFF, 0xFE])
        for unit in relabelled.utf16 {
            data.append(contentsOf: bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)])
        }
        return data
    }

    static func validate(_ path: String) -> FileValidator.Outcome {
        Repo.withCatalog { FileValidator(catalog: $0).validate(path: path) }
    }

    /// The invalid fixtures whose fault is not in their bytes (`invalid-utf8.xml` is, and an
    /// empty file has no encoding).
    static let relocatable = InvalidInputTests.expectations.filter { !["invalid-utf8.xml", "empty.xml"].contains($0.file) }

    @Test("a UTF-16 file's problem is at the line and column read off its UTF-8 twin", arguments: relocatable)
    func utf16Places(_ expected: InvalidInputTests.Expectation) throws {
        let xml = try String(contentsOfFile: Repo.path("fixtures/invalid/\(expected.file)"), encoding: .utf8)
        let scratch = try Scratch()
        // "UTF-16" is a character longer than "UTF-8": a fault on the declaration's line moves.
        let column = expected.column.map { expected.line == 1 ? $0 + 1 : $0 }
        for bigEndian in [false, true] where !bigEndian || xml.hasPrefix("<?xml") {
            let path = scratch.path(expected.file)
            try Self.utf16(xml, bigEndian: bigEndian).write(to: URL(fileURLWithPath: path))
            let first = Self.validate(path).diagnostics.first { $0.severity == .error }
            #expect(first?.code == expected.code, "\(expected.file) big-endian: \(bigEndian)")
            #expect(first?.line == expected.line, "\(expected.file) big-endian: \(bigEndian)")
            #expect(first?.column == column, "\(expected.file) big-endian: \(bigEndian)")
        }
    }

    @Test("a UTF-8 byte-order mark moves no column", arguments: InvalidInputTests.expectations.filter { $0.line == 1 })
    func utf8MarkPlaces(_ expected: InvalidInputTests.Expectation) throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Repo.path("fixtures/invalid/\(expected.file)")))
        let scratch = try Scratch()
        let path = scratch.path(expected.file)
        try (Data([0xEF, 0xBB, 0xBF]) + bytes).write(to: URL(fileURLWithPath: path))
        let first = Self.validate(path).diagnostics.first { $0.severity == .error }
        #expect(first?.code == expected.code)
        #expect(first.map { [$0.line, $0.column] } == [expected.line, expected.column])
    }

    /// `≡` (U+2261) is the bytes 61 22 in UTF-16LE and `∀` (U+2200) 22 00 in UTF-16BE: a byte
    /// scan would take the 0x22 for a quote and miss every `=` after it. 300 attributes pass
    /// libxml2 quickly, so an unguarded scan shows as the schema's message instead.
    @Test("an element with more than 256 attributes is refused in UTF-16 too, whatever its characters' bytes")
    func utf16Attributes() throws {
        let scratch = try Scratch()
        for (bigEndian, trick) in [(false, "\u{2261}"), (true, "\u{2200}")] {
            let attributes = (1..<300).map { "a\($0)=\"x\"" }.joined(separator: " ")
            let xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <assessment xmlns="urn:spbe-assess:evidence:1" rubric="spbe-2020" period="2024" role="self" a0="\(trick)" \(attributes)/>
                """
            let path = scratch.path("attributes.xml")
            try Self.utf16(xml, bigEndian: bigEndian).write(to: URL(fileURLWithPath: path))
            let problems = Self.validate(path).diagnostics
            #expect(problems.count == 1, "big-endian: \(bigEndian)")
            #expect(problems.first?.code == .tooManyAttributes, "big-endian: \(bigEndian)")
            #expect(problems.first?.line == 2)
        }
    }

    /// A line whose fault follows characters of one byte in Latin-1 and two in UTF-8, two of
    /// them (`°`, 0xB0; `€`, 0x80 in windows-1252) bytes UTF-8 would count as continuations.
    /// By hand: `<answer indicator="I01">` is 24 characters, `<note>Café 25°</note>` 21,
    /// `</answer>` 9, a space: the second `<answer ` starts at 56 and its `indicator` at 64.
    static func latinLine(_ sign: String) -> String {
        """
        <?xml version="1.0" encoding="ENCODING"?>
        <assessment xmlns="urn:spbe-assess:evidence:1" rubric="spbe-2020" period="2024" role="self">
          <unit id="diskominfo" kind="opd">Dinas Komunikasi dan Informatika Café</unit>
        <answer indicator="I01"><note>Café 25\(sign)</note></answer> <answer indicator="I99"/>
        </assessment>
        """
    }

    @Test("ISO-8859-1 and windows-1252 files are read, and placed in characters",
          arguments: [("ISO-8859-1", String.Encoding.isoLatin1, "°"), ("windows-1252", .windowsCP1252, "€")])
    func singleByte(_ name: String, _ encoding: String.Encoding, _ sign: String) throws {
        let scratch = try Scratch()
        let path = scratch.path("latin.xml")
        let xml = Self.latinLine(sign).replacingOccurrences(of: "ENCODING", with: name)
        try #require(xml.data(using: encoding)).write(to: URL(fileURLWithPath: path))
        let first = Self.validate(path).diagnostics.first
        #expect(first?.code == .unknownReference)
        #expect(first?.line == 4 && first?.column == 64)

        // Without the fault it scores as its UTF-8 twin, the unit's name decoded.
        let valid = xml.replacingOccurrences(of: " <answer indicator=\"I99\"/>", with: "")
        try #require(valid.data(using: encoding)).write(to: URL(fileURLWithPath: path))
        let twin = try scratch.write("twin.xml", valid.replacingOccurrences(of: name, with: "UTF-8"))
        let latin = try CLI.run("score", "--format", "json", path), utf8 = try CLI.run("score", "--format", "json", twin)
        #expect(latin.status == 0)
        #expect(latin.stdout.replacingOccurrences(of: path, with: "FILE") == utf8.stdout.replacingOccurrences(of: twin, with: "FILE"))
        #expect(latin.stdout.contains("Informatika Café"))
    }

    static let evidence = """
        <assessment xmlns="urn:spbe-assess:evidence:1" rubric="spbe-2020" period="2024" role="self">
          <unit id="diskominfo" kind="opd">Dinas Komunikasi dan Informatika</unit>
          <answer indicator="I01" claimed="1"/>
        </assessment>
        """

    /// Files in encodings libxml2 can convert and a byte scan cannot read, each with the name the
    /// message gives and the column of `encoding` (`<?xml version="1.0" ` is 20 characters),
    /// none where no declaration is readable.
    static var refused: [(name: String, bytes: Data, column: Int?)] {
        func declared(_ encoding: String) -> Data { Data("<?xml version=\"1.0\" encoding=\"\(encoding)\"?>\n\(evidence)".utf8) }
        let ucs4 = Data("<?xml version=\"1.0\"?>\n\(evidence)".unicodeScalars.flatMap { scalar -> [UInt8] in
            let value = scalar.value
            return [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24)]
        })
        return ["UTF-7", "Shift_JIS", "ISO-2022-JP", "EUC-KR", "UTF--8"].map { ($0, declared($0), 21) } + [
            // libxml2 reads a declaration of any length.
            ("UTF-7", Data("<?xml version=\"1.0\"\(String(repeating: " ", count: 400))encoding=\"UTF-7\"?>\n\(evidence)".utf8), 420),
            ("UCS-4", ucs4, nil),
            ("EBCDIC", Data([0x4C, 0x6F, 0xA7, 0x94, 0x93, 0x40]), nil),
            // libxml2 would switch from UTF-16 to the declared encoding, and from UTF-8 after a mark.
            ("ISO-8859-1", utf16("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n\(evidence)", bigEndian: false), 21),
            ("ISO-8859-1", utf16("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n\(evidence)", bigEndian: true), 21),
            // The byte-order mark is not a character: `<?xml` is at column 1.
            ("windows-1252", Data([0xEF, 0xBB, 0xBF]) + declared("windows-1252"), 21),
        ]
    }

    @Test("an encoding that could hide markup from the checks is refused, naming it, in both languages")
    func refusedEncodings() throws {
        let scratch = try Scratch()
        for (name, bytes, column) in Self.refused {
            let path = scratch.path("encoded.xml")
            try bytes.write(to: URL(fileURLWithPath: path))
            let problems = Self.validate(path).diagnostics
            #expect(problems.map(\.code) == [.malformedXML], "\(name)")
            #expect(problems.first?.line == 1, "\(name)")
            #expect(problems.first?.column == column, "\(name)")
            #expect(problems.first?.message == "character encoding '\(name)' is not accepted; save the file as UTF-8", "\(name)")
            let english = try CLI.run("score", "--lang", "en", path), indonesian = try CLI.run("score", "--lang", "id", path)
            #expect(english.status == 1 && indonesian.status == 1)
            #expect(english.stderr.contains("character encoding '\(name)' is not accepted; save the file as UTF-8"), "\(name)")
            #expect(indonesian.stderr.contains("pengodean karakter '\(name)' tidak diterima; simpan berkas sebagai UTF-8"), "\(name)")
        }
    }

    /// libxml2 reports these declarations as faulty, yet switches to the encoding they name.
    @Test("a declaration outside XML's grammar is refused before the parse", arguments: [
        "<?xml version=\"1.0\"encoding=\"UTF-7\"?>", "<?xml encoding=\"UTF-7\"?>", "<?xml version=\"1.0\" encoding=\"UTF-8\"",
    ])
    func malformedDeclaration(_ declaration: String) throws {
        let scratch = try Scratch()
        let path = try scratch.write("declaration.xml", "\(declaration)\n\(Self.evidence)")
        let problems = Self.validate(path).diagnostics
        #expect(problems.map(\.code) == [.malformedXML])
        #expect(problems.first.map { [$0.line, $0.column] } == [1, 1])
        #expect(problems.first?.message == "the XML declaration at the start of the file is malformed; write <?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        let indonesian = try CLI.run("validate", "--lang", "id", path)
        #expect(indonesian.stderr.contains("deklarasi XML di awal berkas tidak tersusun dengan benar"))
    }

    @Test("declarations read by XML's grammar", arguments: [
        ("<?xml version=\"1.0\"?>", XMLDeclaration.encoding(nil)), ("<?xml version='1.0' ?><a/>", .encoding(nil)),
        ("<?xml\tversion=\"1.0\"\nencoding = 'UTF-8'\r\n?>", .encoding("UTF-8")),
        ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>", .encoding("UTF-8")),
        ("<?xml version=\"1.0\" standalone='no'?>", .encoding(nil)),
        ("<?xml version=\"1.0\" standalone=\"maybe\"?>", .malformed), ("<?xml version=\"1.0\" encoding=\"8bit\"?>", .malformed),
        ("<?xml version=\"1.0\" encoding=\"\"?>", .malformed), ("<?xml version=\"1.0\" encoding=\"UTF-8'?>", .malformed),
        ("<?xml version=\"1.0\" encoding=\"UTF-8\" version=\"1.0\"?>", .malformed), ("<?xml version=\"\"?>", .malformed),
        ("<?xml?>", .absent), ("<?xml-stylesheet href=\"a\"?>", .absent), ("<a/>", .absent), ("", .absent),
    ])
    func declarations(_ text: String, _ expected: XMLDeclaration) {
        #expect(XMLDeclaration(Array(text.utf8)) == expected)
    }

    @Test("encodings told apart as libxml2 tells them", arguments: [
        ("", InputEncoding.utf8), ("<a/>", .utf8), ("<?xml version=\"1.0\"?><a/>", .utf8),
        ("<?xml version='1.0' encoding = 'utf-8'?><a/>", .utf8), ("<?xml version=\"1.0\" encoding=\"US-ASCII\"?>", .utf8),
        ("<?xml version=\"1.0\" encoding=\"iso-8859-15\"?>", .singleByte), ("<?xml version=\"1.0\" encoding=\"CP1252\"?>", .singleByte),
        ("<?xml version=\"1.0\" encoding=\"latin1\"?>", .singleByte), ("<?xml version=\"1.0\" encoding=\"ISO-8859-17\"?>", .refused("ISO-8859-17")),
        ("<?xml version=\"1.0\" encoding=\"windows-1259\"?>", .refused("windows-1259")),
        ("<?xml-stylesheet encoding=\"UTF-7\"?><a/>", .utf8), ("<?xml version=\"1.0\" encoding=\"KOI8-R\"?>", .refused("KOI8-R")),
    ])
    func detection(_ text: String, _ expected: InputEncoding) {
        #expect(InputEncoding.of(Array(text.utf8)) == expected)
    }

    @Test("UTF-16 is told by its mark or by `<?`, in either byte order, and read as UTF-8")
    func utf16Detection() {
        let xml = "<?xml version=\"1.0\"?><a b=\"é≡\"/>"
        for bigEndian in [false, true] {
            var bytes = [UInt8](Self.utf16(xml, bigEndian: bigEndian))
            let encoding = InputEncoding.of(bytes)
            #expect(encoding == .utf16(bigEndian: bigEndian))
            #expect(encoding.scannable(bytes) == Array(xml.utf8))
            if !bigEndian { bytes.removeFirst(2) }  // the same without the mark
            #expect(InputEncoding.of(bytes) == .utf16(bigEndian: bigEndian))
        }
        #expect(InputEncoding.of([0xFE, 0xFF, 0x00, 0x3C]) == .utf16(bigEndian: true))
        // A lone surrogate is one character, as libxml2 will say when it reads it.
        #expect(InputEncoding.utf16(bigEndian: false).scannable([0x3C, 0x00, 0x00, 0xD8, 0x3E, 0x00]) == [0x3C, 0xEF, 0xBF, 0xBD, 0x3E])
    }
}
