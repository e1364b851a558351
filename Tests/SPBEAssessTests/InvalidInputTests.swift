import Foundation
import Testing
@testable import SPBEAssess

/// Every file in fixtures/invalid/ is refused with the right kind of problem at the right place.
/// Lines and columns are read off the fixtures by hand (column = the attribute or element at
/// fault, counted from 1).
@Suite("Bad input is reported with file:line:col")
struct InvalidInputTests {
    struct Expectation: Sendable, CustomStringConvertible {
        let file: String
        let code: Diagnostic.Code
        let line: Int?
        let column: Int?
        var description: String { file }
    }

    static let expectations: [Expectation] = [
        .init(file: "billion-laughs.xml", code: .doctypeRefused, line: 2, column: 1),
        .init(file: "claimed-negative.xml", code: .levelOutOfRange, line: 4, column: 27),
        .init(file: "claimed-not-a-number.xml", code: .schemaViolation, line: 4, column: 27),
        .init(file: "claimed-out-of-range.xml", code: .levelOutOfRange, line: 4, column: 27),
        .init(file: "claimed-zero.xml", code: .levelOutOfRange, line: 4, column: 27),
        .init(file: "criterion-of-other-indicator.xml", code: .criterionOutOfPlace, line: 5, column: 10),
        .init(file: "date-not-a-date.xml", code: .schemaViolation, line: 7, column: 21),
        .init(file: "duplicate-answer.xml", code: .duplicateIdentifier, line: 5, column: 11),
        .init(file: "duplicate-document.xml", code: .duplicateIdentifier, line: 8, column: 13),
        .init(file: "empty.xml", code: .emptyFile, line: nil, column: nil),
        .init(file: "external-entity.xml", code: .doctypeRefused, line: 2, column: 1),
        .init(file: "invalid-utf8.xml", code: .malformedXML, line: 3, column: 69),
        .init(file: "malformed.xml", code: .malformedXML, line: 6, column: 12),
        .init(file: "rubric-criterion-misplaced.xml", code: .criterionOutOfPlace, line: 19, column: 35),
        .init(file: "rubric-duplicate-indicator.xml", code: .duplicateIdentifier, line: 17, column: 16),
        .init(file: "rubric-level-out-of-order.xml", code: .levelOutOfRange, line: 20, column: 14),
        .init(file: "rubric-missing-indonesian.xml", code: .missingLanguage, line: 17, column: 5),
        .init(file: "rubric-missing-level.xml", code: .incompleteLevels, line: 17, column: 5),
        .init(file: "rubric-predicates-not-ascending.xml", code: .predicatesNotAscending, line: 10, column: 14),
        .init(file: "rubric-unknown-scale.xml", code: .unknownReference, line: 17, column: 36),
        .init(file: "rubric-weight-nan.xml", code: .schemaViolation, line: 17, column: 24),
        .init(file: "rubric-weight-negative.xml", code: .schemaViolation, line: 17, column: 24),
        .init(file: "rubric-weight-too-precise.xml", code: .invalidDecimal, line: 17, column: 24),
        .init(file: "rubric-weights-not-100.xml", code: .weightsDoNotSum, line: 2, column: 1),
        .init(file: "truncated.xml", code: .malformedXML, line: 3, column: 69),
        .init(file: "undeclared-document.xml", code: .undeclaredDocument, line: 5, column: 31),
        .init(file: "unknown-criterion.xml", code: .unknownReference, line: 5, column: 10),
        // A file on one line: the fourth <met> is the one at fault (its criterion at byte 484),
        // and the second <answer>'s claimed (byte 410), not the first of each name on the line.
        .init(file: "one-line-unknown-criterion.xml", code: .unknownReference, line: 1, column: 484),
        .init(file: "one-line-claimed-not-a-number.xml", code: .schemaViolation, line: 1, column: 410),
        .init(file: "unknown-element.xml", code: .schemaViolation, line: 5, column: 5),
        .init(file: "unknown-indicator.xml", code: .unknownReference, line: 4, column: 11),
        .init(file: "unknown-role.xml", code: .schemaViolation, line: 2, column: 81),
        .init(file: "unknown-rubric.xml", code: .unknownRubric, line: 2, column: 48),
        .init(file: "wrong-namespace.xml", code: .wrongRoot, line: 2, column: 1),
        .init(file: "wrong-root.xml", code: .wrongRoot, line: 2, column: 1),
    ]

    func validate(_ path: String) -> FileValidator.Outcome {
        Repo.withCatalog { FileValidator(catalog: $0).validate(path: path) }
    }

    @Test("each invalid fixture", arguments: expectations)
    func invalidFixture(_ expected: Expectation) {
        let path = Repo.path("fixtures/invalid/\(expected.file)")
        let outcome = validate(path)
        #expect(!outcome.isValid)
        let first = outcome.diagnostics.first { $0.severity == .error }
        #expect(first?.code == expected.code)
        #expect(first?.file == path)
        #expect(first?.line == expected.line)
        #expect(first?.column == expected.column)
        #expect(first?.description.hasPrefix("\(path):\(expected.line.map { "\($0):" } ?? "")") == true)
    }

    @Test("every file in fixtures/invalid has an expectation here")
    func catalogueIsComplete() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Repo.path("fixtures/invalid"))
            .filter { $0.hasSuffix(".xml") }.sorted()
        #expect(files == Self.expectations.map(\.file).sorted())
    }

    @Test("all problems of a file are reported, not just the first")
    func reportsAll() throws {
        let xml = EvidenceXML.wrap("""
            <answer indicator="I99"/>
            <answer indicator="I01" claimed="9"><met criterion="I01.L2.a" documents="nope"/></answer>
            """)
        let problems = Inline.problems { _ = try Inline.assessment(xml, rubric: Repo.spbe2020) }
        #expect(problems.map(\.code) == [.unknownReference, .levelOutOfRange, .undeclaredDocument])
        // Sorted by position in the file.
        #expect(problems.map(\.line) == problems.map(\.line).sorted { ($0 ?? 0) < ($1 ?? 0) })
    }

    @Test("evidence for another rubric than the one given is refused")
    func rubricMismatch() throws {
        let mini = try Inline.rubric(RubricXML.mini(weights: ["60", "40"]))
        let xml = EvidenceXML.wrap("<answer indicator=\"I01\"/>")
        let problems = Inline.problems { _ = try Inline.assessment(xml, rubric: mini) }
        #expect(problems.first?.code == .rubricMismatch)
        #expect(problems.first?.message.contains("'spbe-2020'") == true)
    }

    @Test("a missing path, a directory and a FIFO are refused without reading")
    func notRegularFiles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("spbe-assess-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let fifo = directory.appendingPathComponent("pipe.xml").path
        #expect(mkfifo(fifo, 0o600) == 0)

        #expect(validate(directory.appendingPathComponent("missing.xml").path).diagnostics.map(\.code) == [.unreadable])
        #expect(validate(directory.path).diagnostics.map(\.code) == [.notAFile])
        #expect(validate(fifo).diagnostics.map(\.code) == [.notAFile])
    }

    @Test("a file over the size limit is refused before parsing")
    func tooLarge() throws {
        let path = Repo.path("rubrics/spbe-2020.xml")
        let catalog = RubricCatalog(directory: Repo.rubricsDirectory, limits: InputLimits(maxFileBytes: 1024))
        let problems = Inline.problems { _ = try catalog.rubricLoader().load(path: path) }
        #expect(problems.map(\.code) == [.tooLarge])
    }

    @Test("an empty directory is an error; a directory expands to its *.xml files, sorted")
    func directories() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("spbe-assess-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(Inline.problems { _ = try InputPaths.expand([directory.path]) }.map(\.code) == [.emptyDirectory])
        for name in ["b.xml", "a.xml", "notes.txt", "c.xml"] {
            try Data().write(to: directory.appendingPathComponent(name))
        }
        let files = try InputPaths.expand([directory.path]).map { ($0 as NSString).lastPathComponent }
        #expect(files == ["a.xml", "b.xml", "c.xml"])
    }

    @Test("no external entity is ever resolved: the DOCTYPE is refused before its entities are read")
    func externalEntityNeverRead() throws {
        let outcome = validate(Repo.path("fixtures/invalid/external-entity.xml"))
        #expect(outcome.diagnostics.count == 1)
        #expect(!outcome.diagnostics[0].message.contains("root:"))
    }
}
