import ArgumentParser
import SPBEAssess

/// `assess rubric show ID`: the rubric as a readable table.
struct RubricCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rubric",
        abstract: "Periksa rubrik. / Inspect rubrics.",
        discussion: """
            Contoh / Example:
              assess rubric list
              assess rubric show spbe-2020 --criteria
            """,
        subcommands: [Show.self, List.self]
    )

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Tampilkan rubrik sebagai tabel: domain, aspek, indikator beserta bobot dan skalanya. / Show a rubric as a table: domains, aspects, indicators with weights and scales.",
            discussion: """
                Contoh / Example:
                  assess rubric show spbe-2020
                  assess rubric show --criteria --lang en pemdi-2026
                """)

        @Option(name: .long, help: ArgumentHelp("Direktori berisi skema dan rubrik. / Directory with the schemas and rubrics.", valueName: "DIR"))
        var rubrics: String?

        @OptionGroup var outputOptions: OutputOptions

        @Flag(name: .long, help: "Tampilkan juga kriteria setiap level. / Also list every level's criteria.")
        var criteria = false

        @Argument(help: ArgumentHelp("Id rubrik (misalnya spbe-2020) atau path. / Rubric id (e.g. spbe-2020) or path.", valueName: "ID|PATH"))
        var rubric: String

        func run() throws {
            let catalog = RubricCatalog(directory: RubricsDirectory.locate(explicit: rubrics))
            let loaded: Rubric
            do { loaded = try catalog.rubric(rubric) } catch { throw Console.fail(error) }
            try OutputFile.write(RubricTable.render(loaded, language: outputOptions.lang, criteria: criteria),
                                 to: outputOptions.output, inputs: [rubric] + RubricsDirectory.files(in: catalog.directory))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Daftar id rubrik di direktori rubrik. / List the rubric ids in the rubrics directory.",
            discussion: """
                Contoh / Example:
                  assess rubric list --rubrics rubrics
                """)

        @Option(name: .long, help: ArgumentHelp("Direktori berisi skema dan rubrik. / Directory with the schemas and rubrics.", valueName: "DIR"))
        var rubrics: String?

        @OptionGroup var languageOption: LanguageOption

        func run() throws {
            let catalog = RubricCatalog(directory: RubricsDirectory.locate(explicit: rubrics))
            try Console.out(catalog.availableIDs().map { $0 + "\n" }.joined())
        }
    }
}
