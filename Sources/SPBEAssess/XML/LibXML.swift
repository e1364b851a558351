import CLibXML
import Foundation

/// Process-wide libxml2 set-up, done once before any parsing.
///
/// `xmlInitParser` must run before concurrent use, and the external entity loader is replaced by
/// one that loads nothing: `XML_PARSE_NONET` blocks only http/ftp, not `file://`, so without this
/// a schema import or an entity could still read a local file.
enum LibXML {
    static let initialized: Void = {
        xmlInitParser()
        xmlSetExternalEntityLoader { _, _, _ in nil }
        spbe_silence_generic_errors()
    }()

    /// Process-wide set-up once, and the calling thread's generic error handler every time
    /// (a thread whose libxml2 state existed before the default was set keeps its own).
    static func ensureInitialized() {
        _ = initialized
        spbe_silence_generic_errors()
    }

    /// The byte offset in `source` of the `<` opening the start tag the parser is reporting, or
    /// nil when the input is converted from another encoding (the parser's positions are then
    /// in its UTF-8 copy, not in the file's bytes). Called from a start-element handler.
    static func tagOffset(_ context: xmlParserCtxtPtr, in source: SourceText) -> Int? {
        guard let input = context.pointee.input, input.pointee.buf?.pointee.encoder == nil,
              let current = input.pointee.cur, let base = input.pointee.base else { return nil }
        // What `xmlByteConsumed` works out without an encoder, without the call.
        let consumed = Int(input.pointee.consumed) + (current - base)
        return consumed > 0 ? source.tagStart(before: consumed) : nil
    }

    /// Copies a libxml2 string and frees it.
    static func takeString(_ pointer: UnsafeMutablePointer<xmlChar>?) -> String? {
        guard let pointer else { return nil }
        defer { spbe_xml_free(pointer) }
        return String(cString: pointer)
    }

    /// libxml2 messages end in a newline (some span two lines) and name elements as
    /// `{namespace}name`; users of our formats know them by their plain names.
    static func cleanMessage(_ raw: UnsafeMutablePointer<CChar>?) -> String {
        guard let raw else { return "unknown XML error" }
        let text = String(cString: raw).trimmingCharacters(in: .whitespacesAndNewlines)
            .replacingOccurrences(of: "\n", with: "; ")
        // One pass over the unchanged text: removing in place would invalidate the indices.
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            // `{urn:…}answer` is a namespace to drop; `{'self', 'assessor'}` is a set to keep.
            if rest[open...close].contains("'") { result += rest[open...close] }
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
