/// Reads evidence from a file that is not XML (a spreadsheet an officer filled in) into the same
/// ``EvidenceRecord`` the XML readers fill, so the same ``EvidenceChecker`` judges it.
///
/// The library knows no spreadsheet format; a reader is handed to ``StreamingEvidenceReader``
/// (the one place evidence files are opened), which asks it first whether it claims a file.
public protocol EvidenceWorkbookReader: Sendable {
    /// True when `bytes` (read from `path`) are this reader's to explain, including files that
    /// only pretend to be (a CSV renamed `.xlsx`), so that the user hears why it is refused.
    func claims(_ bytes: [UInt8], path: String) -> Bool

    /// What the file says; diagnostics name the file (and the cell) at fault.
    func record(bytes: [UInt8], path: String) throws(LoadError) -> EvidenceRecord
}
