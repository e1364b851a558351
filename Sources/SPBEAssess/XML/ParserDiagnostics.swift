import CLibXML

/// Collects parser errors for one parse; reached from C callbacks through the context.
final class ParserDiagnostics {
    let source: SourceText
    var diagnostics: [Diagnostic] = []
    private var doctypeRefused = false

    init(source: SourceText) { self.source = source }

    var path: String { source.path }

    func add(_ error: xmlErrorPtr) {
        // After we stop the parser at a DOCTYPE, what follows is noise about the halt.
        guard !doctypeRefused else { return }
        let severity: Diagnostic.Severity = error.pointee.level == XML_ERR_WARNING ? .warning : .error
        let line = Int(error.pointee.line)
        let column = Int(error.pointee.int2)
        let text = Self.explain(LibXML.cleanMessage(error.pointee.message), severity: severity)
        diagnostics.append(Diagnostic(.malformedXML, file: path,
                                      line: line > 0 ? line : nil, column: column > 0 ? column : nil,
                                      id: text.id, en: text.en, severity: severity))
    }

    /// libxml2's limit messages suggest XML_PARSE_HUGE, which a user cannot and should not set;
    /// say what the limit is instead. Its other messages are English: in Indonesian they follow
    /// a lead-in that says what kind of problem libxml2 reports.
    static func explain(_ message: String, severity: Diagnostic.Severity) -> (id: String, en: String) {
        if message.hasPrefix("Excessive depth in document") {
            return ("elemen bersarang lebih dari 256 tingkat (berkas spbe-assess memerlukan kurang dari 10 tingkat)",
                    "elements are nested more than 256 deep (spbe-assess files need fewer than 10 levels)")
        }
        if message.contains("huge text node") || message.contains("too long") && message.contains("XML_PARSE_HUGE") {
            return ("teks atau nilai atribut lebih panjang daripada batas libxml2, yaitu 10.000.000 bita",
                    "a text or attribute value is longer than libxml2's limit of 10,000,000 bytes")
        }
        let lead = severity == .error ? "XML tidak tersusun dengan benar" : "catatan pengurai XML"
        return ("\(lead): \(message)", message)
    }

    func refuseDoctype(line: Int, column: Int) {
        doctypeRefused = true
        // The parser stands past the DOCTYPE's name; point at `<!DOCTYPE` itself where we can.
        let start = line > 0 ? source.column(line: line, element: "!DOCTYPE") : nil
        diagnostics.append(Diagnostic(.doctypeRefused, file: path, line: line > 0 ? line : nil,
                                      column: start ?? (column > 0 ? column : nil),
                                      id: "DOCTYPE tidak diizinkan: format spbe-assess tidak memerlukan DTD, dan DTD dapat mendeklarasikan entitas yang membaca berkas atau mengembang tanpa batas",
                                      en: "a DOCTYPE is not allowed: spbe-assess formats need no DTD, and DTDs can declare entities that read files or expand without bound"))
    }
}
