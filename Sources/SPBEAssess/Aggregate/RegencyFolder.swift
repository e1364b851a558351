/// A regency's folder as people keep it: the OPD files and, beside them, at most one instansi
/// file of the same instansi, which names the regency rather than being one of its OPDs.
public struct RegencyFolder: Sendable {
    public let instansi: Assessment?
    public let opds: [Assessment]

    /// Nil unless `files` are OPD files (at least one) plus at most one instansi file that all
    /// of them belong to.
    public init?(_ files: [Assessment]) {
        let instansi = files.filter { $0.unit.kind == .instansi }
        let opds = files.filter { $0.unit.kind == .opd }
        guard !opds.isEmpty, instansi.count <= 1, opds.count + instansi.count == files.count,
              instansi.allSatisfy({ own in opds.allSatisfy { $0.unit.instansi == own.unit.id } }) else { return nil }
        self.instansi = instansi.first
        self.opds = opds
    }
}
