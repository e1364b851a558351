/// The OPDs of an instansi, read from a CSV file with the header `id,name,roles` and an optional
/// fourth column `penanggung-jawab` (space-separated ids of the indicators the OPD answers for):
///
/// ```
/// id,name,roles
/// diskominfo,Dinas Komunikasi dan Informatika,diskominfo
/// rsud,"RSUD dr. Agoesdjam, Ketapang",layanan-publik
/// ```
///
/// Fields may be quoted (`""` is a quote inside quotes), so names can hold commas. `roles` is
/// space-separated and may be empty (the OPD then plays the role named by its id). Every bad row
/// is reported as `file:line: error: …` (the line where the row starts), all at once.
public struct OPDEntry: Sendable, Hashable {
    public let id: String
    public let name: String
    public let roles: [String]
    /// Indicator ids this OPD answers for (its `penanggung-jawab` column); empty by default.
    public let responsibleFor: [String]
    /// The row's line in the list, for messages; not part of the entry's value.
    public let line: Int?

    public init(id: String, name: String, roles: [String], responsibleFor: [String] = [], line: Int? = nil) {
        self.id = id
        self.name = name
        self.roles = roles
        self.responsibleFor = responsibleFor
        self.line = line
    }

    public static func == (a: OPDEntry, b: OPDEntry) -> Bool {
        a.id == b.id && a.name == b.name && a.roles == b.roles && a.responsibleFor == b.responsibleFor
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(name)
        hasher.combine(roles)
        hasher.combine(responsibleFor)
    }
}

public enum OPDList {
    /// Reads and parses the CSV file at `path` (a bounded, regular, UTF-8 file).
    public static func load(path: String, limits: InputLimits = .default) throws(LoadError) -> [OPDEntry] {
        let source = try InputFile.load(path, limits: limits)
        guard let text = String(validating: source.bytes, as: UTF8.self) else {
            throw LoadError([Diagnostic(.unreadable, file: path, id: "daftar OPD bukan teks UTF-8",
                                        en: "the OPD list is not UTF-8 text")])
        }
        return try parse(text, path: path)
    }

    public static func parse(_ text: String, path: String) throws(LoadError) -> [OPDEntry] {
        var problems: [Diagnostic] = []
        let records = Self.records(text, path: path, problems: &problems)
        guard let header = records.first else {
            throw LoadError([Diagnostic(.invalidRow, file: path,
                id: "daftar OPD kosong; seharusnya berisi baris kepala id,name,roles dan satu baris untuk setiap OPD",
                en: "the OPD list is empty; expected the header id,name,roles and one row per OPD")])
        }
        let columns = header.fields.map { $0.trimmed.lowercased() }
        let width = columns == ["id", "name", "roles", "penanggung-jawab"] ? 4 : 3
        if columns != ["id", "name", "roles"] && width == 3 {
            problems.append(Diagnostic(.invalidRow, file: path, line: header.line,
                id: "kepala berkas '\(header.fields.joined(separator: ","))'; seharusnya id,name,roles atau id,name,roles,penanggung-jawab",
                en: "the header is '\(header.fields.joined(separator: ","))'; expected id,name,roles or id,name,roles,penanggung-jawab"))
        }
        var entries: [OPDEntry] = []
        var seen: [String: Int] = [:]
        for record in records.dropFirst() {
            if record.fields.allSatisfy({ $0.trimmed.isEmpty }) { continue }
            func bad(id: String, en: String) { problems.append(Diagnostic(.invalidRow, file: path, line: record.line, id: id, en: en)) }
            guard record.fields.count == width else {
                bad(id: "baris ini memiliki \(record.fields.count) kolom; seharusnya \(width) (\(width == 3 ? "id,name,roles" : "id,name,roles,penanggung-jawab")) — beri tanda petik pada nama yang mengandung koma",
                    en: "this row has \(record.fields.count) field\(record.fields.count == 1 ? "" : "s"); expected \(width) (\(width == 3 ? "id,name,roles" : "id,name,roles,penanggung-jawab")) — quote a name that contains a comma")
                continue
            }
            let id = record.fields[0].trimmed
            let name = record.fields[1].trimmed
            let roles = record.fields[2].split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            let responsible = width == 4 ? record.fields[3].split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init) : []
            var valid = true
            if !isIdentifier(id) {
                bad(id: "id OPD '\(id)' bukan pengenal (1–64 huruf, angka, '.', '_', '-', diawali huruf atau angka)",
                    en: "OPD id '\(id)' is not an identifier (1–64 letters, digits, '.', '_', '-', starting with a letter or digit)")
                valid = false
            }
            if name.isEmpty {
                bad(id: "OPD '\(id)' tidak bernama", en: "OPD '\(id)' has no name")
                valid = false
            }
            for indicator in responsible where !isIdentifier(indicator) {
                problems.append(Diagnostic(.invalidRow, file: path, line: record.line,
                    id: "indikator '\(indicator)' pada kolom penanggung-jawab bukan pengenal",
                    en: "indicator '\(indicator)' in the penanggung-jawab column is not an identifier"))
                valid = false
            }
            for role in roles where !isIdentifier(role) {
                bad(id: "peran '\(role)' bukan pengenal (1–64 huruf, angka, '.', '_', '-')",
                    en: "role '\(role)' is not an identifier (1–64 letters, digits, '.', '_', '-')")
                valid = false
            }
            if let earlier = seen[id] {
                bad(id: "OPD '\(id)' tercantum dua kali (pertama pada baris \(earlier))",
                    en: "OPD '\(id)' is listed twice (first on line \(earlier))")
                valid = false
            }
            if valid {
                seen[id] = record.line
                entries.append(OPDEntry(id: id, name: name, roles: roles.isEmpty ? [id] : roles,
                                        responsibleFor: responsible, line: record.line))
            }
        }
        if problems.isEmpty && entries.isEmpty {
            problems.append(Diagnostic(.invalidRow, file: path,
                                         id: "daftar OPD hanya berisi baris kepala, tanpa OPD",
                                         en: "the OPD list has a header but no OPDs"))
        }
        guard problems.isEmpty else { throw LoadError(problems.sortedByPosition()) }
        return entries
    }

    /// The same rule as the schemas' Identifier type.
    public static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, text.unicodeScalars.count <= 64 else { return false }
        func plain(_ c: Unicode.Scalar) -> Bool { ("A"..."Z").contains(c) || ("a"..."z").contains(c) || ("0"..."9").contains(c) }
        return plain(first) && text.unicodeScalars.allSatisfy { plain($0) || $0 == "." || $0 == "_" || $0 == "-" }
    }

    struct Record {
        let line: Int
        var fields: [String]
    }

    /// RFC 4180 records with the line each starts on; CRLF or LF line ends; a UTF-8 BOM is skipped.
    static func records(_ text: String, path: String, problems: inout [Diagnostic]) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var line = 1
        var start = 1
        var quoted = false
        var quoteOpenedAt = 0
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var i = 0
        func endRecord() {
            fields.append(field)
            records.append(Record(line: start, fields: fields))
            fields = []
            field = ""
        }
        while i < scalars.count {
            let c = scalars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < scalars.count, scalars[i + 1] == "\"" {
                        field.unicodeScalars.append("\"")
                        i += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" && field.trimmed.isEmpty {
                quoted = true
                quoteOpenedAt = line
                field = ""
            } else if c == "," {
                fields.append(field)
                field = ""
            } else if c == "\n" || c == "\r" {
                if c == "\r", i + 1 < scalars.count, scalars[i + 1] == "\n" { i += 1 }
                endRecord()
                line += 1
                start = line
            } else {
                field.unicodeScalars.append(c)
            }
            i += 1
        }
        if quoted {
            problems.append(Diagnostic(.invalidRow, file: path, line: quoteOpenedAt,
                                       id: "tanda petik pembuka sebuah kolom tidak pernah ditutup",
                                       en: "a quoted field is never closed"))
        }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }
}

private extension String {
    var trimmed: String {
        var text = Substring(self)
        while let c = text.first, c == " " || c == "\t" { text.removeFirst() }
        while let c = text.last, c == " " || c == "\t" { text.removeLast() }
        return String(text)
    }
}
