import ArgumentParser
import SPBEAssess

/// `--opds FILE.csv` and `--assign FILE.csv`: the regency's OPD list and who answers for each
/// indicator (penanggung jawab), shared by the commands that read a regency's OPD files.
struct ResponsibilityOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Daftar OPD instansi (CSV: id,name,roles[,penanggung-jawab], seperti pada `assess template`): nama, OPD tanpa berkas, dan siapa menjawab indikator mana. / The instansi's OPD list (CSV: id,name,roles[,penanggung-jawab], as for `assess template`): names, OPDs without a file, and who answers for which indicators.", valueName: "FILE.csv"))
    var opds: String?

    @Option(name: .long, help: ArgumentHelp("Siapa menjawab setiap indikator (CSV: indikator,opd); menggantikan daftar OPD dan pemilik pertama rubrik. / Who answers for each indicator (CSV: indikator,opd); overrides the OPD list and the rubric's first owner.", valueName: "FILE.csv"))
    var assign: String?

    /// The OPD list's entries (empty without --opds).
    func entries() throws -> [OPDEntry] {
        guard let opds else { return [] }
        do { return try OPDList.load(path: opds) } catch { throw Console.fail(error) }
    }

    /// The responsibility for `rubric`, reporting every bad row before failing.
    func responsibility(for rubric: Rubric) throws -> Responsibility {
        let list = try entries()
        do {
            let assignments = try assign.map { path throws(LoadError) in try AssignmentList.load(path: path) } ?? []
            return try Responsibility(rubric: rubric, opds: list, listPath: opds ?? "opd.csv",
                                      assignments: assignments, assignmentPath: assign ?? "assign.csv")
        } catch {
            throw Console.fail(error)
        }
    }

    /// Input files besides the evidence (never to be overwritten by --output).
    var paths: [String] { [opds, assign].compactMap { $0 } }
}
