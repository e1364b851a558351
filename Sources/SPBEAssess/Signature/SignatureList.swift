/// Who signs a report's berita acara, read from a small XML file:
///
/// ```xml
/// <signatures xmlns="urn:spbe-assess:signatures:1" place="Sukamaju">
///   <signatory role="mandiri" name="Drs. Ahmad Fauzi, M.Si." nip="196803121994031005"
///              position="Sekretaris Daerah selaku Koordinator SPBE"/>
///   <signatory role="asesor" name="Dr. Rina Wulandari" position="Asesor Eksternal"/>
/// </signatures>
/// ```
///
/// `role` is one of ``SignatoryRole`` (`mandiri`, `inspektorat`, `asesor`, `mengetahui`);
/// `name` and `position` are required, `nip` optional (external assessors may have none) and
/// when given 18 digits (spaces allowed, as NIPs are often written). The file is parsed by the
/// project's libxml2 layer (no DTD, no network, bounded size); every problem is reported at its
/// line and column, in Indonesian and English.
public struct Signatory: Sendable, Hashable {
    public let role: SignatoryRole
    public let name: String
    public let nip: String?
    public let position: String

    public init(role: SignatoryRole, name: String, nip: String?, position: String) {
        self.role = role
        self.name = name
        self.nip = nip
        self.position = position
    }
}

/// The parts a berita acara is signed by.
public enum SignatoryRole: String, Sendable, Hashable, CaseIterable {
    /// For the instansi: the coordinator of the penilaian mandiri.
    case mandiri
    /// The APIP reviewer.
    case inspektorat
    /// An external assessor.
    case asesor
    /// The official who acknowledges the result (mengetahui), e.g. the Sekda.
    case mengetahui
}

public struct SignatureList: Sendable {
    public static let namespace = "urn:spbe-assess:signatures:1"
    public let place: String?
    public let signatories: [Signatory]

    public init(place: String? = nil, signatories: [Signatory]) {
        self.place = place
        self.signatories = signatories
    }

    public static func load(path: String, limits: InputLimits = .default) throws(LoadError) -> SignatureList {
        let document = try XMLDocument.parse(InputFile.load(path, limits: limits))
        return try read(document)
    }

    /// One signatory written `ROLE;NAME;NIP;POSITION` (NIP may be empty), as given on a command
    /// line; `source` names where it came from in a problem's message.
    public static func signatory(_ text: String, source: String) throws(LoadError) -> Signatory {
        let fields = text.split(separator: ";", omittingEmptySubsequences: false).map { WhiteSpaceFolding.fold(String($0)) }
        let allowed = SignatoryRole.allCases.map(\.rawValue).joined(separator: ", ")
        guard fields.count == 4 else {
            throw LoadError([Diagnostic(.invalidRow, file: source,
                id: "'\(text)' bukan PERAN;NAMA;NIP;JABATAN (empat bagian dipisah titik koma; NIP boleh kosong)",
                en: "'\(text)' is not ROLE;NAME;NIP;POSITION (four parts separated by semicolons; the NIP may be empty)")])
        }
        guard let role = SignatoryRole(rawValue: fields[0]) else {
            throw LoadError([Diagnostic(.unknownReference, file: source,
                id: "peran penanda tangan '\(fields[0])' tidak dikenal; gunakan salah satu dari: \(allowed)",
                en: "unknown signatory role '\(fields[0])'; use one of: \(allowed)")])
        }
        let digits = fields[2].filter { $0 != " " }
        guard !fields[1].isEmpty, !fields[3].isEmpty, digits.isEmpty || (digits.count == 18 && digits.allSatisfy { $0.isASCII && $0.isNumber }) else {
            throw LoadError([Diagnostic(.invalidRow, file: source,
                id: "'\(text)': nama dan jabatan wajib diisi, dan NIP (bila ada) terdiri atas 18 angka",
                en: "'\(text)': the name and position are required, and a NIP (when given) has 18 digits")])
        }
        return Signatory(role: role, name: fields[1], nip: fields[2].isEmpty ? nil : fields[2], position: fields[3])
    }

    static func read(_ document: XMLDocument) throws(LoadError) -> SignatureList {
        let path = document.source.path
        guard let root = document.root, root.name == "signatures", root.namespace == namespace else {
            let found = document.root.map { "<\($0.name)>" + ($0.namespace.map { " (\($0))" } ?? "") } ?? "—"
            throw LoadError([Diagnostic(.wrongRoot, file: path, line: document.root?.line,
                id: "berkas tanda tangan harus berakar <signatures xmlns=\"\(namespace)\">, ditemukan \(found)",
                en: "a signature file must have the root <signatures xmlns=\"\(namespace)\">, found \(found)")])
        }
        var problems: [Diagnostic] = []
        var signatories: [Signatory] = []
        let allowed = SignatoryRole.allCases.map(\.rawValue).joined(separator: ", ")
        for element in root.children {
            guard element.name == "signatory", element.namespace == namespace else {
                problems.append(element.diagnostic(.schemaViolation, attribute: "role",
                    id: "unsur <\(element.name)> tidak dikenal; yang diizinkan hanya <signatory>",
                    en: "unknown element <\(element.name)>; only <signatory> is allowed"))
                continue
            }
            let roleText = element.attribute("role") ?? ""
            let role = SignatoryRole(rawValue: roleText)
            if role == nil {
                problems.append(element.diagnostic(.unknownReference, attribute: "role",
                    id: "peran penanda tangan '\(roleText)' tidak dikenal; gunakan salah satu dari: \(allowed)",
                    en: "unknown signatory role '\(roleText)'; use one of: \(allowed)"))
            }
            let name = WhiteSpaceFolding.fold(element.attribute("name") ?? "")
            let position = WhiteSpaceFolding.fold(element.attribute("position") ?? "")
            for (attribute, value, id, en) in [("name", name, "nama", "name"), ("position", position, "jabatan", "position")] where value.isEmpty {
                problems.append(element.diagnostic(.schemaViolation, attribute: element.attribute(attribute) != nil ? attribute : nil,
                    id: "<signatory> tanpa \(id): atribut \(attribute)=\"…\" wajib diisi",
                    en: "<signatory> without a \(en): the attribute \(attribute)=\"…\" is required"))
            }
            var nip: String?
            if let given = element.attribute("nip") {
                let digits = given.filter { $0 != " " }
                if digits.count != 18 || !digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
                    problems.append(element.diagnostic(.invalidDecimal, attribute: "nip",
                        id: "NIP '\(given)' tidak sah: NIP terdiri atas 18 angka",
                        en: "NIP '\(given)' is not valid: a NIP has 18 digits"))
                } else {
                    nip = given
                }
            }
            if let role, !name.isEmpty, !position.isEmpty {
                signatories.append(Signatory(role: role, name: name, nip: nip, position: position))
            }
        }
        if problems.isEmpty, signatories.isEmpty {
            problems.append(root.diagnostic(.schemaViolation,
                id: "berkas tanda tangan tidak memuat satu pun <signatory>", en: "the signature file names no <signatory>"))
        }
        guard problems.isEmpty else { throw LoadError(problems) }
        let place = root.attribute("place").map(WhiteSpaceFolding.fold).flatMap { $0.isEmpty ? nil : $0 }
        return SignatureList(place: place, signatories: signatories)
    }
}
