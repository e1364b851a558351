import SPBEAssess

extension EvidenceFinding {
    /// `file:line:col: kind: message`, as the inspector opens the element.
    func line(in lang: Language) -> String {
        "\(location): \(kind.rawValue): \(message(in: lang))"
    }

    func message(in lang: Language) -> String {
        let document = documentID ?? ""
        let detail = detail ?? ""
        switch kind {
        case .uncitedDocument:
            return lang.pick("dokumen '\(document)' tidak dirujuk oleh kriteria mana pun",
                             "document '\(document)' is cited by no criterion")
        case .metWithoutDocument:
            return lang.pick("kriteria \(criterionID ?? "") ditandai terpenuhi tanpa dokumen (tidak dihitung)",
                             "criterion \(criterionID ?? "") is marked met without a document (does not count)")
        case .dateAfterPeriod:
            return lang.pick("dokumen '\(document)' bertanggal setelah akhir periode (\(detail))",
                             "document '\(document)' is dated after the end of the period (\(detail))")
        case .dateTooOld:
            return lang.pick("dokumen '\(document)' lebih tua dari batas umur (\(detail))",
                             "document '\(document)' is older than the age limit (\(detail))")
        case .fileMissing:
            return lang.pick("berkas dokumen '\(document)' tidak ada: \(detail)",
                             "file of document '\(document)' does not exist: \(detail)")
        case .fileOutsideFolder:
            return lang.pick("href dokumen '\(document)' keluar dari folder dokumen dan tidak dibuka: \(detail)",
                             "href of document '\(document)' leaves the documents folder and was not opened: \(detail)")
        case .noHref:
            return lang.pick("dokumen '\(document)' tidak memiliki href untuk diperiksa",
                             "document '\(document)' has no href to check")
        case .hashMismatch:
            return lang.pick("sha256 berkas tidak sesuai dengan yang dinyatakan untuk '\(document)' (\(detail))",
                             "the file's sha256 differs from the one declared for '\(document)' (\(detail))")
        case .duplicateHash:
            return lang.pick("dokumen '\(document)' adalah berkas yang sama (sha256 sama) dengan '\(detail)'",
                             "document '\(document)' is the same file (same sha256) as '\(detail)'")
        }
    }
}

extension EvidenceFinding.Kind {
    func label(in lang: Language) -> String {
        switch self {
        case .uncitedDocument: lang.pick("dokumen tidak dirujuk", "uncited documents")
        case .metWithoutDocument: lang.pick("kriteria tanpa dokumen", "criteria without documents")
        case .dateAfterPeriod: lang.pick("tanggal setelah periode", "dated after the period")
        case .dateTooOld: lang.pick("dokumen terlalu lama", "too old")
        case .fileMissing: lang.pick("berkas tidak ada", "file missing")
        case .fileOutsideFolder: lang.pick("href di luar folder", "href outside the folder")
        case .noHref: lang.pick("tanpa href", "no href")
        case .hashMismatch: lang.pick("sha256 tidak sesuai", "sha256 mismatch")
        case .duplicateHash: lang.pick("berkas sama, id berbeda", "same file, other id")
        }
    }
}

enum FindingSummary {
    /// `criteria without documents: 2, sha256 mismatch: 1` (kinds in declaration order), or "no findings".
    static func counts(_ findings: [EvidenceFinding], _ lang: Language) -> String {
        let parts = EvidenceFinding.Kind.allCases.compactMap { kind -> String? in
            let n = findings.filter { $0.kind == kind }.count
            return n == 0 ? nil : "\(kind.label(in: lang)): \(n)"
        }
        return parts.isEmpty ? lang.pick("tidak ada temuan", "no findings") : parts.joined(separator: ", ")
    }
}
