import ArgumentParser
import SPBEAssess

/// Options every command that reads rubrics shares.
struct RubricOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Id atau path rubrik (bawaan: rubrik yang disebut setiap berkas bukti dukung). / Rubric id or path (default: the rubric each evidence file names).", valueName: "ID|PATH"))
    var rubric: String?

    @Option(name: .long, help: ArgumentHelp("Direktori berisi skema dan rubrik. / Directory with the schemas and rubrics.", valueName: "DIR"))
    var rubrics: String?

    @Option(name: .long, help: ArgumentHelp("Tolak berkas masukan yang lebih besar dari ini (bawaan 32 MiB, paling besar 2147483647). / Refuse input files larger than this (default 32 MiB, at most 2147483647).", valueName: "BYTES"))
    var maxFileBytes: Int?

    func validate() throws {
        if let maxFileBytes, !(1...InputLimits.largestFile).contains(maxFileBytes) {
            throw ValidationError(OutputLanguage.pick(
                "--max-file-bytes harus dari 1 sampai \(InputLimits.largestFile) (libxml2 mengurai paling besar 2 GiB), bukan \(maxFileBytes)",
                "--max-file-bytes must be from 1 to \(InputLimits.largestFile) (libxml2 parses at most 2 GiB), not \(maxFileBytes)"))
        }
    }

    /// What an `--output` must never replace: every file of the rubrics directory (schemas,
    /// rubrics by id, crosswalks) and the `--rubric` file.
    var readPaths: [String] {
        RubricsDirectory.files(in: RubricsDirectory.locate(explicit: rubrics)) + [rubric].compactMap { $0 }
    }

    func catalog() -> RubricCatalog {
        RubricCatalog(directory: RubricsDirectory.locate(explicit: rubrics),
                      limits: InputLimits(maxFileBytes: maxFileBytes ?? InputLimits.default.maxFileBytes))
    }
}

extension Language: ExpressibleByArgument {}

/// Output options: format, language and file.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "Bahasa teks tetap dan label rubrik: id atau en (bawaan: dari LC_ALL atau LANG, selain itu id). / Language of fixed text and rubric labels: id or en (default: from LC_ALL or LANG, else id).")
    var lang: Language = OutputLanguage.current

    @Option(name: .long, help: ArgumentHelp("Tulis ke FILE (secara atomik), bukan ke keluaran standar. / Write to FILE (atomically) instead of standard output.", valueName: "FILE"))
    var output: String?
}

/// `--lang` alone, for commands whose results carry no language of their own (validate, import,
/// rubric list): their messages follow it (``OutputLanguage`` reads it before parsing).
struct LanguageOption: ParsableArguments {
    @Option(name: .long, help: "Bahasa pesan: id atau en (bawaan: dari LC_ALL atau LANG, selain itu id). / Language of the messages: id or en (default: from LC_ALL or LANG, else id).")
    var lang: Language = OutputLanguage.current
}

/// How levels are scored: `--no-require-evidence`, `--trust-claims`.
struct ScoringFlags: ParsableArguments {
    @Flag(name: .long, help: "Hitung kriteria yang ditandai terpenuhi meskipun tidak didukung dokumen. / Count criteria marked met even when no document supports them.")
    var noRequireEvidence = false

    @Flag(name: .long, help: "Nilai level yang diklaim, bukan level yang didukung bukti. / Score claimed levels instead of levels supported by evidence.")
    var trustClaims = false

    var options: ScoringOptions { ScoringOptions(requireEvidence: !noRequireEvidence, trustClaims: trustClaims) }
}
