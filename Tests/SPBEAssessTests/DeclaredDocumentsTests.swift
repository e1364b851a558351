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
