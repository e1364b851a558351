/// One problem found in an input file, with where it is.
///
/// Diagnostics are values: the library collects every problem in a file (not just the first) and
/// hands them back inside a ``LoadError``; the command line prints them as
/// `file:line:col: error: message`.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error, warning

        /// What a reader sees: `error`/`warning`, or `galat`/`peringatan` in Indonesian.
        public func label(in language: Language) -> String {
            switch (self, language) {
            case (.error, .en): "error"
            case (.warning, .en): "warning"
            case (.error, .id): "galat"
            case (.warning, .id): "peringatan"
            }
        }
    }

    /// What kind of problem this is, so callers and tests can tell problems apart without
    /// matching message text.
    public enum Code: String, Sendable, Hashable {
        case unreadable, notAFile, emptyFile, tooLarge
        case malformedXML, doctypeRefused, wrongRoot, schemaViolation
        case duplicateIdentifier, unknownReference, missingLanguage
        case levelOutOfRange, incompleteLevels, criterionOutOfPlace
        case predicatesNotAscending, weightsDoNotSum, invalidDecimal
        case undeclaredDocument, rubricMismatch, unknownRubric
        case metWithoutDocument, metAtFloor, emptyDirectory
        // Aggregation and templates.
        case mixedInputs, duplicateUnit, notAnOPD, answerNotOwned, invalidRow, outputExists
        // Crosswalks, migration and trends.
        case cycle, sameRubric, repeatedPeriod, unitMismatch, missingCrosswalk
        // Bounds and outputs (issue #19).
        case outputRefused, writeFailed, tooManyAttributes, outsideFolder, planTooLarge
    }

    public var severity: Severity
    public var code: Code
    public var file: String
    /// 1-based; nil when the problem concerns the file as a whole.
    public var line: Int?
    /// 1-based, in characters; nil when the source position is not known to the column.
    public var column: Int?
    /// The message in English.
    public var message: String
    /// The message in Indonesian; nil for a message not yet translated (English is shown).
    public var indonesian: String?

    public init(_ code: Code, file: String, line: Int? = nil, column: Int? = nil, _ message: String,
                severity: Severity = .error) {
        self.severity = severity
        self.code = code
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// A message in both languages; every new message is written this way.
    public init(_ code: Code, file: String, line: Int? = nil, column: Int? = nil, id: String, en: String,
                severity: Severity = .error) {
        self.init(code, file: file, line: line, column: column, en, severity: severity)
        indonesian = id
    }

    /// The message in `language`.
    public func message(in language: Language) -> String {
        language == .id ? (indonesian ?? message) : message
    }

    /// `file:line:col: error: message` in English, leaving out what is not known.
    public var description: String { description(in: .en) }

    /// `file:line:col: galat: pesan` in `language`; location and exit codes never change with it.
    public func description(in language: Language) -> String {
        var location = file
        if let line { location += ":\(line)" }
        if line != nil, let column { location += ":\(column)" }
        return "\(location): \(severity.label(in: language)): \(message(in: language))"
    }
}

/// Thrown when an input cannot be used; carries every problem found, in file order.
public struct LoadError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
