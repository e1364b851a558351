import Foundation
import Testing
@testable import SPBEAssess

/// The streaming reader checks the Identifier and SHA256 patterns itself (libxml2's regex engine
/// was a third of validation), and Identifier's length limit with its pattern. libxml2 compiling
/// the very facets is the oracle: the check must accept exactly what the type accepts, and the
/// streaming reader must still end where the DOM loader ends on every value.
@Suite("Patterns checked outside libxml2")
struct CheckedPatternTests {
    /// libxml2's verdict on `value` as an attribute of a type restricted by `pattern` (and its
    /// length limit) alone.
    static func libxml2Accepts(_ value: String, list: Bool, schema: XMLSchema) throws -> Bool {
        let escaped = value.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: "\t", with: "&#9;")
        let document = try Inline.document("<v xmlns=\"urn:test\" \(list ? "list" : "one")=\"\(escaped)\"/>")
        return schema.violations(of: document).isEmpty
    }

    static func schema(for pattern: CheckedPattern) -> String {
        let expression = pattern.expression.replacingOccurrences(of: "&", with: "&amp;")
        let length = pattern.maxLength.map { "<xs:maxLength value=\"\($0)\"/>" } ?? ""
        return """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:test" targetNamespace="urn:test" elementFormDefault="qualified">
              <xs:simpleType name="\(pattern.typeName)"><xs:restriction base="xs:token"><xs:pattern value="\(expression)"/>\(length)</xs:restriction></xs:simpleType>
              <xs:simpleType name="L"><xs:list itemType="t:\(pattern.typeName)"/></xs:simpleType>
              <xs:element name="v"><xs:complexType><xs:attribute name="one" type="t:\(pattern.typeName)"/><xs:attribute name="list" type="t:L"/></xs:complexType></xs:element>
            </xs:schema>
            """
    }

    /// XSD collapses an `xs:token` before matching; so does every reader (``WhiteSpaceFolding``).
    static func collapsed(_ value: String) -> String { WhiteSpaceFolding.attribute("id", value) }

    static func values(_ alphabet: [String], count: Int, lengths: ClosedRange<Int>, seed: UInt64) -> [String] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in
            String((0..<Int.random(in: lengths, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined())
        }
    }

    @Test("the streaming schema goes without exactly these patterns; the full one keeps them")
    func schemas() throws {
        let catalog = RubricCatalog(directory: Repo.rubricsDirectory)
        #expect(try catalog.streamingEvidenceSchema().removedPatterns == [.identifier, .sha256])
        #expect(try catalog.schema(for: .evidence).removedPatterns.isEmpty)
        let xsd = try String(contentsOfFile: Repo.path("rubrics/evidence.xsd"), encoding: .utf8)
        for pattern in CheckedPattern.allCases {
            #expect(xsd.contains("<xs:pattern value=\"\(pattern.expression)\"/>"), "\(pattern)")
        }
        #expect(xsd.contains("<xs:maxLength value=\"64\"/>"))
    }

    @Test("a length limit other than the checked one stays with libxml2, and so do the lists of that type")
    func otherLimitStays() throws {
        let scratch = try Scratch()
        let xsd = Self.schema(for: .identifier).replacingOccurrences(of: "<xs:maxLength value=\"64\"/>", with: "<xs:maxLength value=\"8\"/>")
        let schema = try XMLSchema(path: scratch.write("eight.xsd", xsd), removing: [.identifier])
        #expect(schema.removedPatterns == [.identifier])
        // The pattern is gone (an id starting with "-" passes), the limit of 8 is not, in a list too.
        #expect(try Self.libxml2Accepts("-abc", list: false, schema: schema))
        #expect(try !Self.libxml2Accepts("abcdefghi", list: false, schema: schema))
        #expect(try !Self.libxml2Accepts("a abcdefghi", list: true, schema: schema))
        // With the checked limit both go, and a list is one token for libxml2.
        let relaxed = try XMLSchema(path: scratch.write("relaxed.xsd", Self.schema(for: .identifier)), removing: [.identifier])
        #expect(try Self.libxml2Accepts(String(repeating: "a", count: 65), list: false, schema: relaxed))
        #expect(try Self.libxml2Accepts("a " + String(repeating: "b", count: 65) + " -c", list: true, schema: relaxed))
    }

    @Test("an identifier, alone or in a list, is accepted exactly when libxml2's pattern accepts it")
    func identifiers() throws {
        let scratch = try Scratch()
        let schema = try XMLSchema(path: scratch.write("identifier.xsd", Self.schema(for: .identifier)))
        let chosen = ["", "a", "Z", "0", "I01.L2.a", "dok-00", "a_b", "_a", ".a", "-a", "a-", "a.", "a b", " a ", "a\tb",
                      "a/b", "a:b", "a@b", "a[b", "a`b", "a{b", "é", "aé", "a+b", "a&b", "dok-00  dok-01", "\u{00A0}a",
                      // 64 characters are allowed, 65 are not, alone or as one item of a list.
                      String(repeating: "a", count: 64), String(repeating: "a", count: 65), " \(String(repeating: "b", count: 64)) ",
                      "a " + String(repeating: "b", count: 65), String(repeating: "c", count: 40) + " " + String(repeating: "d", count: 40)]
        let random = Self.values(["a", "Z", "0", "9", ".", "_", "-", " ", "/", ":", "@", "[", "`", "{", "G", "é", "\t", "&"],
                                 count: 400, lengths: 0...7, seed: 59)
        var accepted = 0
        for value in chosen + random {
            let expected = try Self.libxml2Accepts(value, list: false, schema: schema)
            #expect(CheckedPattern.identifier.accepts(Self.collapsed(value)) == expected, "\(value.debugDescription)")
            let expectedList = try Self.libxml2Accepts(value, list: true, schema: schema)
            #expect(CheckedPattern.identifier.accepts(Self.collapsed(value), list: true) == expectedList, "list \(value.debugDescription)")
            if expected { accepted += 1 }
        }
        // Both verdicts often enough to mean something (432 values: 38 accepted when written).
        #expect(accepted > 25 && accepted < 400)
    }

    @Test("a digest is accepted exactly when libxml2's pattern accepts it")
    func digests() throws {
        let scratch = try Scratch()
        let schema = try XMLSchema(path: scratch.write("sha256.xsd", Self.schema(for: .sha256)))
        let hex = String(repeating: "0123456789abcdefABCDEF", count: 3)
        let digest = String(hex.prefix(64)), short = String(hex.prefix(63)), long = String(hex.prefix(65))
        let chosen: [String] = ["", digest, short, long, " \(digest) ", short + "g", short + "G",
                                String(hex.prefix(32)) + " " + String(hex.prefix(31))]
        let mixed = Self.values(["0", "9", "a", "f", "A", "F", "g", "G", "/", ":", "@", "`", " "], count: 120, lengths: 63...65, seed: 2020)
        let random = mixed + Self.values(["0", "7", "b", "E"], count: 40, lengths: 64...64, seed: 2026)
        var accepted = 0
        for value in chosen + random {
            let expected = try Self.libxml2Accepts(value, list: false, schema: schema)
            #expect(CheckedPattern.sha256.accepts(Self.collapsed(value)) == expected, "\(value.debugDescription)")
            if expected { accepted += 1 }
        }
        #expect(accepted >= 40 && accepted < 160)
    }

    @Test("a file with a value the patterns refuse ends as the DOM loader ends it, with libxml2's message")
    func refusedValues() throws {
        let scratch = try Scratch()
        let digest = String(repeating: "ab", count: 31) + "zz"
        let long = String(repeating: "x", count: 65)
        let cases = [
            ("unit", "<unit id=\"-opd\" kind=\"opd\">OPD</unit>", "<document id=\"doc\">Bukti</document>", "pattern"),
            ("document", "<unit id=\"opd\" kind=\"opd\">OPD</unit>", "<document id=\"doc/1\">Bukti</document>", "pattern"),
            ("roles", "<unit id=\"opd\" kind=\"opd\" roles=\"a .b\">OPD</unit>", "<document id=\"doc\">Bukti</document>", "pattern"),
            ("digest", "<unit id=\"opd\" kind=\"opd\">OPD</unit>", "<document id=\"doc\" sha256=\"\(digest)\">Bukti</document>", "pattern"),
            ("long id", "<unit id=\"\(long)\" kind=\"opd\">OPD</unit>", "<document id=\"doc\">Bukti</document>", "length"),
            ("long role", "<unit id=\"opd\" kind=\"opd\" roles=\"a \(long)\">OPD</unit>", "<document id=\"doc\">Bukti</document>", "length"),
        ]
        for (name, unit, document, facet) in cases {
            let xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <assessment xmlns="urn:spbe-assess:evidence:1" rubric="spbe-2020" period="2024" role="self">
                  \(unit)
                  <answer indicator="I01" claimed="2"><met criterion="I01.L2.a" documents="doc"/></answer>
                  \(document)
                </assessment>
                """
            let path = try scratch.write("\(name).xml", xml)
            let dom = StreamingReaderTests.viaDOM(path)
            #expect(StreamingReaderTests.viaStream(path) == dom, "\(name)")
            guard case .failed(let diagnostics) = dom else {
                Issue.record("\(name): the full schema accepted it")
                continue
            }
            #expect(diagnostics.contains { $0.code == .schemaViolation && $0.message.contains(facet) }, "\(name): \(diagnostics)")
        }
    }
}
