/// What an evidence file says, as read and before any check against a rubric: attribute values
/// as written, texts with white space folded, and the line of every element.
///
/// Both readers fill it — the DOM walker in ``EvidenceFile`` and the streaming
/// ``StreamingEvidenceReader`` — and one checker (``EvidenceChecker``) turns it into an
/// ``Assessment``, so the rules live in one place whichever way a file was read.
struct EvidenceRecord {
    /// Where an element starts: its name and the line libxml2 gives it, enough to find its
    /// column (and an attribute's) in the source when a diagnostic needs one.
    struct Place {
        var element: String
        var line: Int
    }

    struct Text {
        /// The `xml:lang` in force (on the element or an ancestor); nil when none.
        var language: String?
        var text: String
        var place: Place
    }

    struct Met {
        var criterion: String?
        var documents: String?
        var place: Place
    }

    struct AnswerRecord {
        var indicator: String?
        var claimed: String?
        /// A measured indicator's value and the documents that show it.
        var value: String?
        var documents: String?
        var met: [Met] = []
        var notes: [Text] = []
        var place: Place
    }

    struct DocumentRecord {
        var id: String?
        var title: String
        var date: String?
        var href: String?
        var sha256: String?
        var place: Place
    }

    struct RecommendationRecord {
        var indicator: String?
        var target: String?
        var due: String?
        var language: String?
        var text: String
        var place: Place
    }

    struct UnitRecord {
        var id: String?
        var name: String
        var kind: String?
        var instansi: String?
        var roles: String?
        var place: Place
    }

    var rubricID: String?
    var period: String?
    var role: String?
    var root: Place
    var unit: UnitRecord?
    var answers: [AnswerRecord] = []
    var documents: [DocumentRecord] = []
    var recommendations: [RecommendationRecord] = []
}
