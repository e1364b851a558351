import Testing
@testable import SPBEAssess

@Suite("Cited document lists")
struct IdentifierListTests {
    @Test func splitsOnSpacesDroppingEmptyPieces() {
        #expect(IdentifierList.split("sk-tim notulen") == ["sk-tim", "notulen"])
        #expect(IdentifierList.split("  a  b ") == ["a", "b"])
        #expect(IdentifierList.split("") == [])
        #expect(IdentifierList.split(" ") == [])
        #expect(IdentifierList.split("dok-01") == ["dok-01"])
    }

    /// Same pieces as the standard library's split on random ASCII lists (fixed seed).
    @Test func agreesWithStandardSplit() {
        var random = SeededGenerator(seed: 7)
        let alphabet = Array("ab. -_0 ")
        for _ in 0..<500 {
            let text = String((0..<Int.random(in: 0...30, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            #expect(IdentifierList.split(text) == text.split(separator: " ").map(String.init))
        }
    }
}
