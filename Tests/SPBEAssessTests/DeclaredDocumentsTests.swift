import Testing
@testable import SPBEAssess

@Suite("Declared documents and the lists that cite them")
struct DeclaredDocumentsTests {
    @Test func citesOnSpacesDroppingEmptyPieces() {
        var declared = DeclaredDocuments(capacity: 2)
        let first = declared.insert("sk-tim"), second = declared.insert("notulen"), again = declared.insert("sk-tim")
        #expect(first && second && !again)
        #expect(declared.ids == ["sk-tim", "notulen"])
        #expect(declared.cite("sk-tim notulen") == (["sk-tim", "notulen"], []))
        #expect(declared.cite("  notulen  foto ") == (["notulen", "foto"], ["foto"]))
        #expect(declared.cite("") == ([], []))
        #expect(declared.cite(" ") == ([], []))
        #expect(declared.cite("sk-tim sk-tim x x") == (["sk-tim", "sk-tim", "x", "x"], ["x", "x"]))
    }

    /// Against the standard library's split and a Set, on random ids and lists (fixed seed),
    /// with enough ids that the table grows several times.
    @Test func agreesWithSplitAndSet() {
        var random = SeededGenerator(seed: 7)
        let alphabet = Array("ab.-_0é")
        func word() -> String {
            String((0..<Int.random(in: 1...4, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
        }
        var declared = DeclaredDocuments(capacity: 1)
        var set: Set<String> = []
        var order: [String] = []
        for _ in 0..<300 {
            let id = word()
            let inserted = declared.insert(id)
            #expect(inserted == set.insert(id).inserted, "\(id)")
            if !order.contains(id) { order.append(id) }
        }
        #expect(declared.ids == order)
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...6, using: &random)).map { _ in Bool.random(using: &random) ? word() : "" }.joined(separator: " ")
            let pieces = text.split(separator: " ").map(String.init)
            let (cited, undeclared) = declared.cite(text)
            #expect(cited == pieces, "\(text)")
            #expect(undeclared == pieces.filter { !set.contains($0) }, "\(text)")
        }
    }
}

@Suite("Criteria of one answer keep their own documents")
struct SharedCitationTests {
    /// The criteria of an answer share one array of cited ids; each must still see exactly its
    /// own, in the order written, repeats and all, with an uncited one empty.
    @Test func eachCriterionSeesOnlyItsOwnDocuments() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <assessment xmlns="urn:spbe-assess:evidence:1" rubric="spbe-2020" period="2024" role="self">
              <unit id="dinas-a" kind="opd">Dinas A</unit>
              <answer indicator="I01" claimed="3">
                <met criterion="I01.L2.a" documents="sk notulen"/>
                <met criterion="I01.L2.b"/>
                <met criterion="I01.L3.a" documents="foto sk foto"/>
              </answer>
              <answer indicator="I02"><met criterion="I02.L2.a" documents="notulen"/></answer>
              <document id="sk">SK</document>
              <document id="notulen">Notulen</document>
              <document id="foto">Foto</document>
            </assessment>
            """
        let reader = try Repo.withCatalog { try StreamingEvidenceReader(resolver: RubricResolver(catalog: $0)) }
        let assessment = try reader.assessment(bytes: Array(xml.utf8), path: "bersama.xml")
        let first = try #require(assessment.answer(for: "I01"))
        #expect(first.met.map(\.criterionID) == ["I01.L2.a", "I01.L2.b", "I01.L3.a"])
        #expect(first.met.map { Array($0.documentIDs) } == [["sk", "notulen"], [], ["foto", "sk", "foto"]])
        #expect(assessment.answer(for: "I02")?.met.map { Array($0.documentIDs) } == [["notulen"]])
        // Equal as values to the same criterion written on its own.
        #expect(first.met[2] == MetCriterion(criterionID: "I01.L3.a", documentIDs: ["foto", "sk", "foto"]))
    }
}
