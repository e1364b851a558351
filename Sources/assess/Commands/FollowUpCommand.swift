import ArgumentParser
import Foundation
import SPBEAssess
import SPBEReport

/// `assess followup LAST-REVIEW NEW-EVIDENCE…`: last period's recommendations, closed or not.
struct FollowUpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followup",
        abstract: "Rekomendasi periode lalu terhadap bukti baru: selesai, sebagian, atau terbuka, dengan dokumen dan pemiliknya. / Last period's recommendations against the new evidence: closed, partial or open, with the documents and owners.",
        discussion: """
            LAST-REVIEW is the assessor's (or inspectorate's) evidence file carrying <recommendation> \
            elements. NEW-EVIDENCE is the instansi's new file, or its OPD files (aggregated with the \
            responsible OPD rule). Closed: the indicator's supported level reaches the target; \
            partial: above the reviewed level, short of the target; open: no higher.

            Berkas reviu asesor atau inspektorat dengan <recommendation> dibandingkan dengan bukti \
            baru instansi atau OPD-nya.

            Contoh / Example:
              assess followup fixtures/followup/review-2024.xml fixtures/followup/evidence-2025.xml
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, md, json }

    @OptionGroup var rubricOptions: RubricOptions
    @OptionGroup var outputOptions: OutputOptions

    @Option(name: .long, help: "Format keluaran: table, md, atau json. / Output format: table, md or json.")
    var format: Format = .table

    @Argument(help: ArgumentHelp("Berkas reviu periode lalu yang memuat rekomendasi. / Last period's review file with recommendations.", valueName: "LAST-REVIEW"))
    var review: String

    @Argument(help: ArgumentHelp("Bukti baru: berkas instansi atau berkas OPD-nya. / The new evidence: the instansi's file or its OPD files.", valueName: "NEW-EVIDENCE"))
    var evidence: [String]

    func run() throws {
        let reviewSet = try EvidenceSet(arguments: [review], options: rubricOptions)
        guard reviewSet.assessments.count == 1, let (last, rubric) = reviewSet.assessments.first else {
            throw ValidationError(OutputLanguage.pick("LAST-REVIEW adalah satu berkas; \(review) memuat \(reviewSet.assessments.count)",
                                                      "LAST-REVIEW is one file; \(review) holds \(reviewSet.assessments.count)"))
        }
        let set = try EvidenceSet(arguments: evidence, options: rubricOptions)
        let odd = set.assessments.filter { $0.rubric.id != rubric.id }
        if !odd.isEmpty {
            throw Console.fail(LoadError(odd.map {
                Diagnostic(.rubricMismatch, file: $0.assessment.path,
                           id: "berkas ini untuk rubrik '\($0.rubric.id)', sedangkan tinjauan untuk '\(rubric.id)'",
                           en: "this file is for rubric '\($0.rubric.id)', but the review is for '\(rubric.id)'")
            }))
        }
        let files = set.assessments.map(\.assessment)
        let current: Assessment
        if files.count == 1 {
            current = files[0]
        } else {
            do { current = try Aggregator(rubric: rubric).aggregate(files, path: "<aggregate>").assessment } catch { throw Console.fail(error) }
        }
        let section = FollowUpSection(review: last, current: current,
                                      items: FollowUp(rubric: rubric).evaluate(last, against: Scorer(rubric: rubric).score(current)))
        let lang = outputOptions.lang
        let text = switch format {
        case .table: FollowUpText.render(section, lang, markdown: false)
        case .md: FollowUpText.render(section, lang, markdown: true)
        case .json: FollowUpText.json(section, lang)
        }
        try OutputFile.write(text, to: outputOptions.output, inputs: reviewSet.paths + set.paths)
    }
}
