/// A place in an input file: what a report points at so a reader can open the element.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public let file: String
    /// 1-based.
    public let line: Int
    /// 1-based, in characters; nil when the element's start could not be found on its line.
    public let column: Int?

    public init(file: String, line: Int, column: Int?) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:col`, or `file:line` without a column.
    public var description: String {
        column.map { "\(file):\(line):\($0)" } ?? "\(file):\(line)"
    }
}

/// Where the parts of an evidence file are. Kept beside the model rather than inside
/// ``Document`` or ``MetCriterion`` so that those stay equal across files that declare the same
/// thing.
public struct EvidenceLocations: Sendable {
    /// By indicator id.
    public var answers: [String: SourceLocation] = [:]
    /// By criterion id (a criterion is marked met at most once per file).
    public var met: [String: SourceLocation] = [:]
    /// By document id.
    public var documents: [String: SourceLocation] = [:]

    public init() {}
}

extension XMLElement {
    /// The position of this element's start tag.
    var location: SourceLocation {
        SourceLocation(file: document.source.path, line: line,
                       column: document.source.column(line: line, element: name, ordinal: document.ordinal(of: node)))
    }
}
