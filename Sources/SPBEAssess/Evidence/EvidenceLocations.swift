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

/// A line and column in the file an ``Assessment`` was read from.
public struct SourcePosition: Sendable, Hashable {
    /// 1-based.
    public let line: Int
    /// 1-based, in characters; nil when the element's start could not be placed on its line.
    public let column: Int?

    public init(line: Int, column: Int?) {
        self.line = line
        self.column = column
    }
}

/// Where the parts of an evidence file are, in the order the ``Assessment`` lists them. Kept
/// beside the model rather than inside ``Document`` or ``MetCriterion`` so that those stay equal
/// across files that declare the same thing; kept as arrays, not tables by id, as every file
/// read records them and hashing each id twice more was a tenth of reading a dense file.
public struct EvidenceLocations: Sendable, Hashable {
    /// One per answer, as ``Assessment/answers``.
    public var answers: [SourcePosition] = []
    /// One per criterion marked met, answer after answer, each answer's in its order.
    public var met: [SourcePosition] = []
    /// One per document, as ``Assessment/documents``.
    public var documents: [SourcePosition] = []

    public init() {}
}

extension Assessment {
    /// Where the `index`-th answer is; the file's start when not recorded.
    public func location(ofAnswer index: Int) -> SourceLocation { location(positionAt: locations.answers, index) }

    /// Where the `index`-th document is declared.
    public func location(ofDocument index: Int) -> SourceLocation { location(positionAt: locations.documents, index) }

    /// Where the `index`-th criterion marked met is, counting answer after answer.
    public func location(ofMet index: Int) -> SourceLocation { location(positionAt: locations.met, index) }

    private func location(positionAt positions: [SourcePosition], _ index: Int) -> SourceLocation {
        guard positions.indices.contains(index) else { return SourceLocation(file: path, line: 1, column: nil) }
        return SourceLocation(file: path, line: positions[index].line, column: positions[index].column)
    }
}

extension XMLElement {
    /// The position of this element's start tag.
    var location: SourceLocation {
        SourceLocation(file: document.source.path, line: line, column: column())
    }
}
