import ArgumentParser
import SPBEAssess

/// The OPD files of one instansi, loaded and aggregated: what `aggregate` and `readiness` share.
struct OPDEvidence {
    let files: EvidenceSet
    let rubric: Rubric
    let result: AggregateResult
    let responsibility: Responsibility

    init(arguments: [String], options: RubricOptions, name: String?, rule: Aggregation?, outputPath: String?,
         responsibilityOptions: ResponsibilityOptions) throws {
        files = try EvidenceSet(arguments: arguments, options: options)
        guard let first = files.assessments.first else {
            throw Console.fail(LoadError([Diagnostic(.emptyDirectory, file: arguments.joined(separator: " "),
                                                      id: "tidak ada berkas bukti dukung untuk diagregasi", en: "no evidence files to aggregate")]))
        }
        rubric = first.rubric
        responsibility = try responsibilityOptions.responsibility(for: rubric)
        do {
            result = try Aggregator(rubric: rubric, ruleOverride: rule, responsibility: responsibility)
                .aggregate(files.assessments.map(\.assessment), name: name, path: outputPath ?? "<aggregate>")
        } catch {
            throw Console.fail(error)
        }
        Console.report(result.warnings)
    }

    var opds: [Assessment] { files.assessments.map(\.assessment) }
}

extension Aggregation: ExpressibleByArgument {}
