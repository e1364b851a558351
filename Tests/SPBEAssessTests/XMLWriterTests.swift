import Testing
@testable import SPBEAssess

@Suite("XMLWriter escapes by construction")
struct XMLWriterTests {
    static let hostile = "<script>&\"'</script> ]]> A&amp;B"

    @Test("text and attributes are escaped")
    func escaping() {
        #expect(XMLWriter.escapeText(Self.hostile) == "&lt;script&gt;&amp;\"'&lt;/script&gt; ]]&gt; A&amp;amp;B")
        #expect(XMLWriter.escapeAttribute("<script>&\"'\n\t") == "&lt;script&gt;&amp;&quot;&apos;&#10;&#9;")
        // Characters XML 1.0 cannot carry become U+FFFD; tab, newline and astral characters stay.
        #expect(XMLWriter.escapeText("a\u{0}b\u{1B}c\td\n🙂") == "a\u{FFFD}b\u{FFFD}c\td\n🙂")
    }

    @Test("hostile text survives a round trip through libxml2 unchanged")
    func roundTrip() throws {
        var writer = XMLWriter()
        writer.comment("a -- comment ending in -")
        writer.open("root", [("a", Self.hostile), ("missing", nil), ("b", "line\none\r\n")])
        writer.element("child", text: Self.hostile)
        writer.element("empty", [("c", "'")])
        let xml = writer.finish()
        let document = try Inline.document(xml)
        let root = try #require(document.root)
        #expect(root.attribute("a") == Self.hostile)
        #expect(root.attribute("missing") == nil)
        #expect(root.attribute("b") == "line\none\r\n")
        let child = try #require(root.children.first)
        #expect(child.text == Self.hostile)  // single spaces only, so folding changes nothing
        #expect(root.children.count == 2)
        #expect(root.children[1].attribute("c") == "'")
    }

    @Test("an evidence file with hostile notes and titles is written, read back and equal")
    func evidence() throws {
        let rubric = Repo.spbe2020
        let original = try Inline.assessment(EvidenceXML.wrap("""
          <answer indicator="I01" claimed="1">
            <met criterion="I01.L1.a" documents="doc"/>
            <note xml:lang="id">&lt;script&gt;alert(1)&lt;/script&gt; &amp; "kutip" 'tunggal'</note>
          </answer>
        """, documents: #"<document id="doc" href="a?b=1&amp;c=&quot;2&quot;">Perbup &lt;12&gt; &amp; SK</document>"#), rubric: rubric)
        let written = EvidenceWriter.xml(original, comment: "uji --")
        let again = try Inline.assessment(written, rubric: rubric)
        #expect(again.answers == original.answers)
        #expect(again.documents == original.documents)
        #expect(again.answers[0].note.text(in: .id) == "<script>alert(1)</script> & \"kutip\" 'tunggal'")
        #expect(again.documents[0].href == "a?b=1&c=\"2\"")
        #expect(again.unit == original.unit)
    }
}
