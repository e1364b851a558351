import ArgumentParser
import SPBEAssess

/// `assess rubric show ID`: the rubric as a readable table.
struct RubricCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rubric",
        abstract: "Inspect rubrics.",
        subcommands: [Show.self, List.self]
    )

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a rubric as a table: domains, aspects, indicators with weights and scales.")

        @Option(name: .long, help: ArgumentHelp("Directory with the schemas and rubrics.", valueName: "DIR"))
        var rubrics: String?

        @OptionGroup var outputOptions: OutputOptions

        @Flag(name: .long, help: "Also list every level's criteria.")
        var criteria = false

        @Argument(help: ArgumentHelp("Rubric id (e.g. spbe-2020) or path.", valueName: "ID|PATH"))
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
        static let configuration = CommandConfiguration(abstract: "List the rubric ids in the rubrics directory.")

        @Option(name: .long, help: ArgumentHelp("Directory with the schemas and rubrics.", valueName: "DIR"))
        var rubrics: String?

        func run() throws {
            let catalog = RubricCatalog(directory: RubricsDirectory.locate(explicit: rubrics))
            try Console.out(catalog.availableIDs().map { $0 + "\n" }.joined())
        }
    }
}
