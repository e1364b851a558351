import Foundation
import Testing

/// Every message the sources construct has an Indonesian text: diagnostics carry `id:`, the
/// command line's own messages pick between two texts, help is "Indonesian / English".
/// The scan reads every file under Sources/, so a new English-only message anywhere fails here.
@Suite("Message catalogue")
struct MessageCatalogueTests {
    /// Files that build no message a user reads: the fuzzing harness reports to its developer.
    static let notMessages: Set<String> = [
        "Sources/fuzz-loaders/FuzzLoaders.swift",
    ]

    /// Every Swift file under Sources/ but ``notMessages``.
    static let convertedFiles = files(under: "Sources").filter { !notMessages.contains($0) }

    static func files(under path: String) -> [String] {
        let names = FileManager.default.enumerator(atPath: Repo.path(path))?.allObjects as? [String] ?? []
        return names.filter { $0.hasSuffix(".swift") }.sorted().map { "\(path)/\($0)" }
    }

    /// The cases of `Diagnostic.Code`, read from its source: a call that passes one of them
    /// literally (`fail(.tooLarge, "…")`) builds a diagnostic, whatever the helper is called.
    static let codes: [String] = {
        let text = (try? source("Sources/SPBEAssess/XML/Diagnostic.swift")) ?? ""
        guard let start = text.range(of: "public enum Code"), let end = text[start.upperBound...].firstIndex(of: "}") else { return [] }
        return text[start.upperBound..<end].split(separator: "\n")
            .map { $0.split(separator: "/", maxSplits: 1).first ?? "" }
            .filter { $0.contains("case ") }
            .flatMap { $0.replacingOccurrences(of: "case ", with: "").split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }()

    /// A call found in a source file: the callee, its argument text, and where it starts.
    struct Call {
        let file: String
        let line: Int
        let callee: String
        let arguments: String

        var place: String { "\(file):\(line): \(callee)(\(arguments.prefix(80))…)" }
    }

    /// Calls of `callees` in `text`, with their arguments up to the matching parenthesis;
    /// declarations (`func diagnostic(`) are left out.
    static func calls(of callees: [String], in text: String, file: String) -> [Call] {
        let pattern = #"(?<![A-Za-z0-9_])("# + callees.map(NSRegularExpression.escapedPattern(for:)).joined(separator: "|") + #")\("#
        let expression = try! NSRegularExpression(pattern: pattern)
        let characters = Array(text)
        var result: [Call] = []
        for match in expression.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let range = Range(match.range, in: text), let name = Range(match.range(at: 1), in: text) else { continue }
            if text[..<range.lowerBound].hasSuffix("func ") { continue }
            var index = text.distance(from: text.startIndex, to: range.upperBound)
            var depth = 1
            var arguments = ""
            while index < characters.count {
                let character = characters[index]
                if character == "(" { depth += 1 }
                if character == ")" { depth -= 1; if depth == 0 { break } }
                arguments.append(character)
                index += 1
            }
            let line = text[..<range.lowerBound].reduce(1) { $0 + ($1 == "\n" ? 1 : 0) }
            result.append(Call(file: file, line: line, callee: String(text[name]), arguments: arguments))
        }
        return result
    }

    static func source(_ file: String) throws -> String {
        try String(contentsOfFile: Repo.path(file), encoding: .utf8)
    }

    /// Diagnostics built with a literal code (`.unknownReference`) need `id:`; helpers that
    /// forward a `code` they were given are checked where they are called.
    static func untranslatedDiagnostics(_ file: String, _ text: String) -> [Call] {
        calls(of: ["Diagnostic", "diagnostic", "rubricDiagnostic"], in: text, file: file).filter { call in
            let first = call.arguments.trimmingCharacters(in: .whitespacesAndNewlines)
            let forwarded = first.hasPrefix("code") || first.hasPrefix("$0") || call.arguments.contains(", code,")
            return !forwarded && !call.arguments.contains("id:")
        }
    }

    /// Calls of any helper with a literal diagnostic code and a literal message but no `id:`:
    /// `fail(.unreadable, "cannot read file")`, `locate(.unknownRubric, "unknown rubric")`.
    static func untranslatedCodedCalls(_ file: String, _ text: String) -> [Call] {
        let pattern = #"(?<![A-Za-z0-9_.])([A-Za-z_][A-Za-z0-9_.]*)\(\s*\.("# + codes.joined(separator: "|") + #")\b"#
        let expression = try! NSRegularExpression(pattern: pattern)
        let callees = Set(expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        })
        return calls(of: callees.sorted(), in: text, file: file).filter { call in
            let first = call.arguments.trimmingCharacters(in: .whitespacesAndNewlines)
            return codes.contains { first.hasPrefix(".\($0)") } && call.arguments.contains("\"") && !call.arguments.contains("id:")
        }
    }

    /// The command line's own messages: a literal in a usage error or on stderr is picked by language.
    static func untranslatedMessages(_ file: String, _ text: String) -> [Call] {
        calls(of: ["ValidationError", "Console.error"], in: text, file: file)
            .filter { $0.arguments.contains("\"") && !$0.arguments.contains("pick(") }
        + calls(of: ["Console.problem"], in: text, file: file).filter { !$0.arguments.contains("id:") }
    }

    /// Help texts (`abstract:`, `help:`, `ArgumentHelp(`) read "Indonesian / English".
    static func monolingualHelp(_ file: String, _ text: String) -> [String] {
        let expression = try! NSRegularExpression(pattern: #"(abstract: |help: |ArgumentHelp\()"((?:[^"\\]|\\.)*)""#)
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            guard let range = Range(match.range(at: 2), in: text), !text[range].contains(" / ") else { return nil }
            return "\(file): \(text[range])"
        }
    }

    @Test("the scanner finds an English-only diagnostic and accepts a bilingual one")
    func scanner() {
        let text = """
            problems.append(element.diagnostic(.duplicateIdentifier, "duplicate id '\\(id)'", attribute: "id"))
            problems.append(element.diagnostic(.duplicateIdentifier, attribute: "id", id: "id '\\(id)' ganda", en: "duplicate id"))
            throw LoadError([Diagnostic(.tooLarge, file: path, "more than \\(limit) bytes")])
            func diagnostic(_ code: Diagnostic.Code, _ message: String) -> Diagnostic {
                Diagnostic(code, file: path, message)
            }
            throw fail(.tooLarge, "file is empty")
            throw fail(.tooLarge, id: "berkas kosong", en: "file is empty")
            throw ValidationError("--jobs must be at least 1")
            throw ValidationError(OutputLanguage.pick("--jobs sekurang-kurangnya 1", "--jobs must be at least 1"))
            @Option(help: "Output format: table or json.") var format
            @Option(help: "Format keluaran: table atau json. / Output format: table or json.") var other
            """
        #expect(Self.untranslatedDiagnostics("t", text).map(\.line) == [1, 3])
        #expect(Self.untranslatedCodedCalls("t", text).map(\.line) == [1, 3, 7])
        #expect(Self.untranslatedMessages("t", text).map(\.line) == [9])
        #expect(Self.monolingualHelp("t", text) == ["t: Output format: table or json."])
    }

    @Test("every diagnostic in the sources has an Indonesian text")
    func diagnostics() throws {
        var missing: [String] = []
        var count = 0
        for file in Self.convertedFiles {
            let text = try Self.source(file)
            count += Self.calls(of: ["Diagnostic", "diagnostic", "rubricDiagnostic"], in: text, file: file).count
            missing += (Self.untranslatedDiagnostics(file, text) + Self.untranslatedCodedCalls(file, text)).map(\.place)
        }
        #expect(Self.codes.count > 30 && Self.codes.contains("unreadable"), "read \(Self.codes.count) diagnostic codes")
        #expect(count > 100, "the scan found only \(count) diagnostic constructions; is it reading the sources?")
        #expect(missing.isEmpty, "English-only diagnostics:\n\(missing.joined(separator: "\n"))")
    }

    @Test("every command-line message and help text in the sources is in both languages")
    func commandLine() throws {
        var missing: [String] = []
        for file in Self.convertedFiles {
            let text = try Self.source(file)
            missing += Self.untranslatedMessages(file, text).map(\.place) + Self.monolingualHelp(file, text)
        }
        #expect(Self.convertedFiles.count > 150, "scanned only \(Self.convertedFiles.count) files")
        #expect(Self.convertedFiles.contains("Sources/SPBEReport/Report/HTMLReport.swift"))
        #expect(missing.isEmpty, "English-only messages:\n\(missing.joined(separator: "\n"))")
    }
}
