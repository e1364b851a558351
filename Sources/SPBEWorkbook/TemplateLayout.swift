/// Where things sit in an OPD workbook: sheet names, header texts, columns and the labels of
/// the `Petunjuk` block that carries the assessment's identity. The template writer and the
/// importer both read it, so they cannot drift apart.
public enum TemplateLayout {
    public static let instructions = "Petunjuk"
    public static let answers = "Jawaban"
    public static let documents = "Dokumen"

    /// `Jawaban` columns, from A.
    public enum Answer: Int, CaseIterable {
        case indicator = 1, title, level, criterion, text, guidance, met, documents, note

        public var header: String {
            switch self {
            case .indicator: "indikator"
            case .title: "judul"
            case .level: "level"
            case .criterion: "kriteria"
            case .text: "uraian"
            case .guidance: "panduan"
            case .met: "terpenuhi"
            case .documents: "dokumen"
            case .note: "catatan"
            }
        }

        var width: Double {
            switch self {
            case .indicator: 11
            case .title: 28
            case .level: 7
            case .criterion: 13
            case .text: 52
            case .guidance: 34
            case .met: 12
            case .documents: 22
            case .note: 30
            }
        }
    }

    /// `Dokumen` columns, from A.
    public enum DocumentColumn: Int, CaseIterable {
        case id = 1, title, number, date, file, sha256

        public var header: String {
            switch self {
            case .id: "id"
            case .title: "judul"
            case .number: "nomor"
            case .date: "tanggal"
            case .file: "berkas"
            case .sha256: "sha256"
            }
        }

        var width: Double {
            switch self {
            case .id: 22
            case .title: 44
            case .number: 24
            case .date: 13
            case .file: 32
            case .sha256: 30
            }
        }
    }

    /// The `kriteria` cell of an indicator's own row: the claimed level, or a measured value.
    public static let claimKey = "klaim"
    public static let valueKey = "nilai"

    /// Labels in column A of `Petunjuk`, values in B (an OPD row: id, name, roles, sheet in B–E).
    public static let rubricLabel = "rubrik"
    public static let periodLabel = "periode"
    public static let roleLabel = "peran"
    public static let instansiLabel = "instansi"
    public static let opdLabel = "opd"
    /// The block's first row; it ends at the first empty A cell.
    public static let metadataRow = 3

    /// Empty `Dokumen` rows offered for the officer to fill.
    public static let blankDocumentRows = 60
}
