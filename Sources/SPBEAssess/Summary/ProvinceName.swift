/// The official name of an Indonesian province from a folder named after it (`sumatera-utara`,
/// `Sumatera Utara`, `jawa_barat`): what people read in a summary instead of the folder's slug.
/// The 38 provinces as of 2023 (Papua split in 2022); a folder that names none is shown as it is.
public enum ProvinceName {
    public static func display(_ folder: String) -> String {
        names[slug(folder)] ?? folder
    }

    private static func slug(_ text: String) -> String {
        // A folder name in ASCII (as every generated and official one is) by its bytes: per
        // Character it was most of a national table's row.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: text.utf8.map { byte in
                byte == UInt8(ascii: " ") || byte == UInt8(ascii: "_") ? UInt8(ascii: "-")
                    : (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
            }, as: UTF8.self)
        }
        return String(text.lowercased().map { $0 == " " || $0 == "_" ? "-" : $0 })
    }

    private static let names: [String: String] = Dictionary(uniqueKeysWithValues: [
        "Aceh", "Sumatera Utara", "Sumatera Barat", "Riau", "Jambi", "Sumatera Selatan", "Bengkulu", "Lampung",
        "Kepulauan Bangka Belitung", "Kepulauan Riau", "DKI Jakarta", "Jawa Barat", "Jawa Tengah", "DI Yogyakarta",
        "Jawa Timur", "Banten", "Bali", "Nusa Tenggara Barat", "Nusa Tenggara Timur", "Kalimantan Barat",
        "Kalimantan Tengah", "Kalimantan Selatan", "Kalimantan Timur", "Kalimantan Utara", "Sulawesi Utara",
        "Sulawesi Tengah", "Sulawesi Selatan", "Sulawesi Tenggara", "Gorontalo", "Sulawesi Barat", "Maluku",
        "Maluku Utara", "Papua", "Papua Barat", "Papua Selatan", "Papua Tengah", "Papua Pegunungan", "Papua Barat Daya",
    ].map { (slug($0), $0) })
}
