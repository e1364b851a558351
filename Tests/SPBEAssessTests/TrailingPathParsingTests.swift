import Testing
@testable import assess

/// Long path lists are parsed around ArgumentParser's quadratic append, and the result is what
/// ArgumentParser alone gives.
@Suite("Trailing path lists")
struct TrailingPathParsingTests {
    @Test func optionValueBeforeThePaths() throws {
        let paths = (1...500).map { "opd/dinas-\($0)" }
        let command = try #require(try TrailingPathParsing.parse(["score", "--format", "json"] + paths) as? ScoreCommand)
        #expect(command.format == .json)
        #expect(command.evidence == paths)
    }

    @Test func pathsRightAfterTheSubcommand() throws {
        let command = try #require(try TrailingPathParsing.parse(["validate", "a.xml", "b.xml", "c.xml", "d.xml"]) as? ValidateCommand)
        #expect(command.files == ["a.xml", "b.xml", "c.xml", "d.xml"])
    }

    @Test func optionsAfterThePathsAndOtherCommandsParseAsUsual() throws {
        let score = try #require(try TrailingPathParsing.parse(["score", "a", "b", "c", "--format", "json"]) as? ScoreCommand)
        #expect(score.evidence == ["a", "b", "c"] && score.format == .json)
        // compare takes two or three files: four is ArgumentParser's (and compare's) usage error.
        #expect(throws: (any Error).self) { try TrailingPathParsing.parse(["compare", "a", "b", "c", "d"]) }
        let compare = try #require(try TrailingPathParsing.parse(["compare", "a", "b", "c"]) as? CompareCommand)
        #expect(compare.evidence == ["a", "b", "c"])
        let terminated = try #require(try TrailingPathParsing.parse(["score", "--", "-odd", "b", "c"]) as? ScoreCommand)
        #expect(terminated.evidence == ["-odd", "b", "c"])
    }
}
