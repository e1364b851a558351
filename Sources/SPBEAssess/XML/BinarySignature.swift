/// Recognises files that are plainly not XML by their first bytes, so that an officer who passes
/// the scanned PDF or the spreadsheet instead of the evidence file hears what happened, rather
/// than libxml2's "Start tag expected".
enum BinarySignature {
    private static let signatures: [(prefix: [UInt8], name: String, indonesian: String)] = [
        (Array("%PDF-".utf8), "a PDF document", "dokumen PDF"),
        ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (for example .docx, .xlsx or .zip)",
         "arsip ZIP (misalnya .docx, .xlsx, atau .zip)"),
        ([0xD0, 0xCF, 0x11, 0xE0], "an old Microsoft Office document (.doc or .xls)",
         "dokumen Microsoft Office versi lama (.doc atau .xls)"),
        ([0x89, 0x50, 0x4E, 0x47], "a PNG image", "gambar PNG"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image", "gambar JPEG"),
        ([0x7F, 0x45, 0x4C, 0x46], "an executable program", "program yang dapat dijalankan"),
    ]

    /// Throws when `source` is plainly a binary file, saying what it is, is in an encoding
    /// ``InputEncoding`` refuses, or holds an element with more attributes than
    /// ``AttributeLimit`` allows: the checks every parse starts with.
    static func refuse(_ source: SourceText) throws(LoadError) {
        guard let kind = signatures.first(where: { source.bytes.starts(with: $0.prefix) }) else {
            try InputEncoding.check(source)
            return try AttributeLimit.check(source)
        }
        throw LoadError([Diagnostic(.malformedXML, file: source.path, line: 1, column: 1,
            id: "berkas ini adalah \(kind.indonesian), bukan berkas XML; berikan XML bukti dukung atau rubrik, bukan dokumen pendukung",
            en: "this is \(kind.name), not an XML file; give the evidence or rubric XML, not a supporting document")])
    }
}
