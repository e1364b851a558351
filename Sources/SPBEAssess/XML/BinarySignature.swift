/// Recognises files that are plainly not XML by their first bytes, so that an officer who passes
/// the scanned PDF or the spreadsheet instead of the evidence file hears what happened, rather
/// than libxml2's "Start tag expected".
enum BinarySignature {
    private static let signatures: [(prefix: [UInt8], name: String)] = [
        (Array("%PDF-".utf8), "a PDF document"),
        ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (for example .docx, .xlsx or .zip)"),
        ([0xD0, 0xCF, 0x11, 0xE0], "an old Microsoft Office document (.doc or .xls)"),
        ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        ([0x7F, 0x45, 0x4C, 0x46], "an executable program"),
    ]

    /// What the bytes are, or nil when they may be XML.
    static func detect(_ bytes: [UInt8]) -> String? {
        signatures.first { bytes.starts(with: $0.prefix) }?.name
    }

    /// Throws when `source` is plainly a binary file, saying what it is, or holds an element
    /// with more attributes than ``AttributeLimit`` allows: the checks every parse starts with.
    static func refuse(_ source: SourceText) throws(LoadError) {
        guard let kind = detect(source.bytes) else { return try AttributeLimit.check(source) }
        throw LoadError([Diagnostic(.malformedXML, file: source.path, line: 1, column: 1,
            "this is \(kind), not an XML file; give the evidence or rubric XML, not a supporting document")])
    }
}
