/// What an evidence file says, as read and before any check against a rubric: attribute values
/// as written, texts with white space folded, and the line of every element.
///
/// Three readers fill it — the DOM walker in ``EvidenceFile``, the streaming
/// ``StreamingEvidenceReader`` and the workbook importer (through ``EvidenceWorkbookReader``) —
/// and one checker (``EvidenceChecker``) turns it into an ``Assessment``, so the rules live in
/// one place whichever way a file was read.
public struct EvidenceRecord: Sendable {
    /// Where an element starts: its name and the line libxml2 gives it, enough to find its
    /// column (and an attribute's) in the source when a diagnostic needs one. A workbook gives
    /// the cell instead (`Jawaban!G12`), and the row as the line.
    public struct Place: Sendable {
        public var element: String
        public var line: Int
        /// `Sheet!A1` when the record was read from a workbook; diagnostics then name the cell.
        public var cell: String?
        /// The column number of `cell` (A = 1), for locations.
        public var cellColumn: Int?
        /// Which of the elements of this name recorded on `line` it is (0 = the first): several
        /// share a line in a file written on one line.
        public var ordinal: Int
        /// The byte offset of the element's `<` in the file, when the parser could say it (a
        /// UTF-8 file): it places the element exactly, and makes `ordinal` unneeded.
        public var offset: Int?

        public init(element: String, line: Int, cell: String? = nil, cellColumn: Int? = nil, ordinal: Int = 0,
                    offset: Int? = nil) {
            self.element = element
            self.line = line
            self.cell = cell
            self.cellColumn = cellColumn
            self.ordinal = ordinal
            self.offset = offset
        }
    }

    public struct Text: Sendable {
        /// The `xml:lang` in force (on the element or an ancestor); nil when none.
        public var language: String?
        public var text: String
        public var place: Place

        public init(language: String?, text: String, place: Place) {
            self.language = language
            self.text = text
            self.place = place
        }
    }

    public struct Met: Sendable {
        public var criterion: String?
        public var documents: String?
        public var place: Place

        public init(criterion: String?, documents: String?, place: Place) {
            self.criterion = criterion
            self.documents = documents
            self.place = place
        }
    }

    public struct AnswerRecord: Sendable {
        public var indicator: String?
        public var claimed: String?
        /// A measured indicator's value and the documents that show it.
        public var value: String?
        public var documents: String?
        public var met: [Met] = []
        public var notes: [Text] = []
        public var place: Place
        /// Where `claimed` was read, when it has a place of its own (a workbook cell).
        public var claimedPlace: Place?

        public init(indicator: String?, claimed: String?, value: String? = nil, documents: String? = nil,
                    met: [Met] = [], notes: [Text] = [], place: Place, claimedPlace: Place? = nil) {
            self.indicator = indicator
            self.claimed = claimed
            self.value = value
            self.documents = documents
            self.met = met
            self.notes = notes
            self.place = place
            self.claimedPlace = claimedPlace
        }
    }

    public struct DocumentRecord: Sendable {
        public var id: String?
        public var title: String
        public var date: String?
        public var href: String?
        public var sha256: String?
        public var place: Place

        public init(id: String?, title: String, date: String?, href: String?, sha256: String?, place: Place) {
            self.id = id
            self.title = title
            self.date = date
            self.href = href
            self.sha256 = sha256
            self.place = place
        }
    }

    struct RecommendationRecord {
        var indicator: String?
        var target: String?
        var due: String?
        var language: String?
        var text: String
        var place: Place
    }

    public struct UnitRecord: Sendable {
        public var id: String?
        public var name: String
        public var kind: String?
        public var instansi: String?
        public var roles: String?
        public var place: Place

        public init(id: String?, name: String, kind: String?, instansi: String?, roles: String?, place: Place) {
            self.id = id
            self.name = name
            self.kind = kind
            self.instansi = instansi
            self.roles = roles
            self.place = place
        }
    }

    public var rubricID: String?
    public var period: String?
    public var role: String?
    public var root: Place
    public var unit: UnitRecord?
    public var answers: [AnswerRecord] = []
    public var documents: [DocumentRecord] = []
    /// An assessor's or inspectorate's recommendations, per indicator.
    var recommendations: [RecommendationRecord] = []

    public init(rubricID: String? = nil, period: String? = nil, role: String? = nil, root: Place, unit: UnitRecord? = nil,
                answers: [AnswerRecord] = [], documents: [DocumentRecord] = []) {
        self.rubricID = rubricID
        self.period = period
        self.role = role
        self.root = root
        self.unit = unit
        self.answers = answers
        self.documents = documents
    }
}
