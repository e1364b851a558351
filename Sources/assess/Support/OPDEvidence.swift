import ArgumentParser
import SPBEAssess

/// The OPD files of one instansi, loaded and aggregated: what `aggregate` and `readiness` share.
struct OPDEvidence {
    let files: EvidenceSet
    let rubric: Rubric
    let result: AggregateResult
    let responsibility: Responsibility
    /// The OPD files aggregated (without a set-aside instansi file).
    let opds: [Assessment]

    /// `setAsideInstansi`: an instansi file of the same instansi among the inputs (a regency's
    /// folder holds its own) lends its name and is left out, as `report` does; otherwise the
    /// aggregator refuses it.
    init(arguments: [String], options: RubricOptions, name: String?, rule: Aggregation?, outputPath: String?,
         responsibilityOptions: ResponsibilityOptions, setAsideInstansi: Bool = false) throws {
        files = try EvidenceSet(arguments: arguments, options: options)
        var opds = files.assessments.map(\.assessment)
        var name = name
        if setAsideInstansi, let folder = RegencyFolder(opds), let own = folder.instansi {
            opds = folder.opds
            name = name ?? own.unit.name
        }
        self.opds = opds
        guard let first = files.assessments.first else {
            throw Console.fail(LoadError([Diagnostic(.emptyDirectory, file: arguments.joined(separator: " "),
                                                      id: "tidak ada berkas bukti dukung untuk diagregasi", en: "no evidence files to aggregate")]))
        }
        rubric = first.rubric
        responsibility = try responsibilityOptions.responsibility(for: rubric)
        do {
            result = try Aggregator(rubric: rubric, ruleOverride: rule, responsibility: responsibility)
                .aggregate(opds, name: name, path: outputPath ?? "<aggregate>")
        } catch {
            throw Console.fail(error)
        }
        Console.report(result.warnings)
    }
}

extension Aggregation: ExpressibleByArgument {}
