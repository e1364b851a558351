import SPBEAssess

/// The name a report puts on its title page. A unit read from a file has its own name; an
/// aggregated instansi gets the name the user gave (`--name`, an instansi file); failing both,
/// an id such as `kab-sukamaju` is read as `Kabupaten Sukamaju`, never shown as the slug.
public enum DisplayName {
    public static func of(_ unit: Unit) -> String {
        unit.name != unit.id ? unit.name : fromSlug(unit.id)
    }

    static let prefixes: [(String, String)] = [
        ("kab-", "Kabupaten "), ("kabupaten-", "Kabupaten "), ("kota-", "Kota "), ("prov-", "Provinsi "),
        ("provinsi-", "Provinsi "), ("pemkab-", "Pemerintah Kabupaten "), ("pemkot-", "Pemerintah Kota "),
    ]

    /// `kab-sukamaju` → `Kabupaten Sukamaju`; `kota-banda-aceh` → `Kota Banda Aceh`.
    public static func fromSlug(_ id: String) -> String {
        var rest = id.lowercased()
        var head = ""
        for (prefix, name) in prefixes where rest.hasPrefix(prefix) {
            head = name
            rest.removeFirst(prefix.count)
            break
        }
        let words = rest.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." }).map { $0.prefix(1).uppercased() + $0.dropFirst() }
        return head + words.joined(separator: " ")
    }
}
