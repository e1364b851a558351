import ArgumentParser
struct TrendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "trend", abstract: "todo")
}
