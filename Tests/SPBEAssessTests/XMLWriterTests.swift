import Testing
@testable import SPBEAssess

@Suite("Writing XML")
struct XMLWriterTests {
    static let hostile = "<script>&\"'</script> ]]> --> &amp;"

    @Test func escapesText() {
        #expect(XMLNode.escapeText("<script>&\"'") == "&lt;script&gt;&amp;\"'")
        #expect(XMLNode.escapeText("a ]]> b") == "a ]]&gt; b")
    }

    @Test func escapesAttributes() {
        #expect(XMLNode.escapeAttribute("<script>&\"'") == "&lt;script&gt;&amp;&quot;&apos;")
        // Line breaks and tabs as references: a raw one would be normalised to a space on reading.
        #expect(XMLNode.escapeAttribute("a\nb\tc") == "a&#10;b&#9;c")
    }

    @Test func escapesComments() {
        #expect(XMLNode.escapeComment("a--b") == " a- -b ")
        #expect(XMLNode.escapeComment("a---b-") == " a- - -b- ")
        #expect(XMLNode.escapeComment("<met a=\"&\"/>") == " <met a=\"&\"/> ")
    }

    @Test("characters XML 1.0 cannot carry become U+FFFD")
    func replacesForbiddenCharacters() {
        #expect(XMLNode.escapeText("a\u{0}b\u{1B}c\u{FFFF}") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}")
        #expect(XMLNode.escapeText("tab\tline\n") == "tab\tline\n")
    }

    @Test("hostile text and attributes read back unchanged through libxml2")
    func roundTrip() throws {
        let attribute = Self.hostile + "\nline two\ttab"
        let text = XMLNode.document(
            root: .element("root", [("a", attribute)], [.comment("-- " + Self.hostile + " -"), .element("t", text: Self.hostile)]),
            leadingComments: ["--x--"])
        let document = try Inline.document(text)
        let root = try #require(document.root)
        #expect(root.rawAttribute("a") == attribute)
        #expect(root.children(named: "t").first?.text == Self.hostile)
    }

    @Test("an assessment with hostile names, notes and titles is written as valid evidence and read back equal")
    func evidenceRoundTrip() throws {
        let rubric = Repo.spbe2020
        let unit = Unit(id: "bagian-umum", name: Self.hostile, kind: .opd, instansi: "kab-ketapang", roles: ["setda", "umum"])
        let answer = Answer(indicatorID: "I10", claimed: 2,
                            met: [MetCriterion(criterionID: "I10.L2.a", documentIDs: ["sk", "nota"]),
                                  MetCriterion(criterionID: "I10.L2.b", documentIDs: [])],
                            note: LocalizedText(id: Self.hostile, en: "English & <more>"))
        let documents = [Document(id: "sk", title: Self.hostile, date: "2024-01-02", href: "bukti/a&b \"c\".pdf", sha256: String(repeating: "ab", count: 32)),
                         Document(id: "nota", title: "Nota", date: nil, href: nil, sha256: nil)]
        let original = Assessment(path: "x.xml", rubricID: "spbe-2020", period: "2024-rev1", role: .inspectorate, unit: unit,
                                  answers: [answer], documents: documents, warnings: [])
        let text = EvidenceWriter.write(original, comments: [Self.hostile])
        let loaded = try Inline.assessment(text, rubric: rubric)
        #expect(loaded.unit == unit)
        #expect(loaded.period == "2024-rev1")
        #expect(loaded.role == .inspectorate)
        #expect(loaded.documents == documents)
        #expect(loaded.answers.count == 1)
        #expect(loaded.answers[0].met == answer.met)
        #expect(loaded.answers[0].note == answer.note)
        #expect(loaded.answers[0].claimed == 2)
        // I10.L2.b has no document: one warning.
        #expect(loaded.warnings.map(\.code) == [.metWithoutDocument])
    }
}
