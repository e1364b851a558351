import SPBEAssess

/// The ZIP container of a workbook, with every entry name checked and every entry inflated in
/// memory under ``WorkbookLimits`` (nothing is extracted to disk).
///
/// What is not an `.xlsx` is told apart by its first bytes, so the user hears what the file is:
/// an encrypted workbook or an old `.xls` (both OLE compound files), an OpenDocument spreadsheet,
/// or text renamed `.xlsx`.
struct WorkbookArchive {
    let path: String
    let limits: WorkbookLimits
    private let archive: ZipDirectory
    private let entries: [String: ZipDirectory.Entry]
    private var inflated = 0

    static let zipSignature: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    static let compoundFileSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    init(bytes: [UInt8], path: String, limits: WorkbookLimits) throws(LoadError) {
        self.path = path
        self.limits = limits
        func fail(_ id: String, _ en: String) -> LoadError {
            LoadError([Diagnostic(.unreadable, file: path, id: id, en: en)])
        }
        if bytes.starts(with: Self.compoundFileSignature.prefix(4)) {
            throw fail("buku kerja ini dilindungi kata sandi (terenkripsi) atau berformat Excel lama (.xls); buka di Excel atau LibreOffice, hapus kata sandinya, lalu simpan sebagai Buku Kerja Excel (.xlsx)",
                       "this workbook is password-protected (encrypted) or an old Excel file (.xls); open it in Excel or LibreOffice, remove the password and save it as an Excel Workbook (.xlsx)")
        }
        guard bytes.starts(with: Self.zipSignature) else {
            if bytes.prefix(4096).allSatisfy({ $0 >= 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
                throw fail("berkas ini teks biasa (misalnya CSV yang diganti namanya menjadi .xlsx), bukan buku kerja Excel; isi templat .xlsx yang dibuat oleh assess template --format xlsx",
                           "this file is plain text (for example a CSV renamed .xlsx), not an Excel workbook; fill in the .xlsx template made by assess template --format xlsx")
            }
            throw fail("berkas ini bukan buku kerja Excel (.xlsx): tanda ZIP-nya tidak ada",
                       "this file is not an Excel workbook (.xlsx): it does not start as a ZIP archive")
        }
        let archive: ZipDirectory
        do {
            archive = try ZipDirectory(bytes: bytes)
        } catch {
            throw fail("arsip ZIP buku kerja ini rusak atau terpotong dan tidak dapat dibaca",
                       "the workbook's ZIP archive is damaged or truncated and cannot be read")
        }
        var entries: [String: ZipDirectory.Entry] = [:]
        guard archive.entries.count <= limits.maxEntries else {
            throw fail("buku kerja ini memuat lebih dari \(limits.maxEntries) entri ZIP; buku kerja SPBE hanya memuat belasan",
                       "this workbook holds more than \(limits.maxEntries) ZIP entries; an SPBE workbook holds a dozen or so")
        }
        for entry in archive.entries {
            let name = entry.name
            guard Self.isSafe(name) else {
                throw fail("entri ZIP '\(name)' menunjuk ke luar arsip (jalur mutlak atau '..'); berkas ini tidak diterima",
                           "ZIP entry '\(name)' points outside the archive (an absolute path or '..'); the file is refused")
            }
            guard entries[name] == nil else {
                throw fail("entri ZIP '\(name)' muncul dua kali", "ZIP entry '\(name)' appears twice")
            }
            entries[name] = entry
        }
        self.archive = archive
        self.entries = entries
    }

    /// A relative name without `..`, a drive letter or backslashes.
    static func isSafe(_ name: String) -> Bool {
        guard !name.isEmpty, !name.hasPrefix("/"), !name.contains("\\"), !name.contains("\0") else { return false }
        if name.count >= 2, name.dropFirst().first == ":" { return false }
        return !name.split(separator: "/", omittingEmptySubsequences: false).contains("..")
    }

    func has(_ name: String) -> Bool { entries[name] != nil }

    /// The inflated bytes of entry `name`, nil when there is none.
    mutating func read(_ name: String) throws(LoadError) -> [UInt8]? {
        guard let entry = entries[name] else { return nil }
        let limits = self.limits
        let budget = min(limits.maxEntryBytes, limits.maxTotalBytes - inflated)
        let compressed = max(1, Int(entry.compressedSize))
        var bytes: [UInt8] = []
        enum Stop: Error { case tooLarge, ratio }
        do {
            try archive.read(entry) { chunk in
                bytes.append(contentsOf: chunk)
                if bytes.count > budget { throw Stop.tooLarge }
                if bytes.count >= limits.ratioCheckFrom, bytes.count / compressed > limits.maxRatio { throw Stop.ratio }
            }
        } catch Stop.tooLarge {
            throw LoadError([Diagnostic(.tooLarge, file: path,
                id: "entri ZIP '\(name)' mengembang melebihi batas \(budget) bita (bom ZIP?); berkas ditolak",
                en: "ZIP entry '\(name)' inflates past the limit of \(budget) bytes (a ZIP bomb?); the file is refused")])
        } catch Stop.ratio {
            throw LoadError([Diagnostic(.tooLarge, file: path,
                id: "entri ZIP '\(name)' mengembang lebih dari \(limits.maxRatio) kali ukuran mampatnya (bom ZIP?); berkas ditolak",
                en: "ZIP entry '\(name)' inflates to more than \(limits.maxRatio) times its compressed size (a ZIP bomb?); the file is refused")])
        } catch ZipDirectory.Failure.checksum {
            throw LoadError([Diagnostic(.unreadable, file: path,
                id: "entri ZIP '\(name)' rusak (CRC tidak cocok)", en: "ZIP entry '\(name)' is damaged (CRC mismatch)")])
        } catch {
            throw LoadError([Diagnostic(.unreadable, file: path,
                id: "entri ZIP '\(name)' tidak dapat dibaca (rusak atau terenkripsi)",
                en: "ZIP entry '\(name)' cannot be read (damaged or encrypted)")])
        }
        inflated += bytes.count
        return bytes
    }

    /// The entry as an XML part, parsed safely; diagnostics name it as `file.xlsx:xl/…`.
    mutating func part(_ name: String) throws(LoadError) -> XMLPart.Element? {
        guard let bytes = try read(name) else { return nil }
        let part = try XMLPart.parse(bytes: bytes, path: "\(path):\(name)")
        guard let root = part.root else { return nil }
        return root
    }
}
