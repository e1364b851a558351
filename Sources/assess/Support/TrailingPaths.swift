import ArgumentParser

/// A command whose one positional argument is a list of paths (files or folders), so that a
/// national run can name thousands of them.
///
/// ArgumentParser 1.8 copies a repeating argument's array for every value it appends, so
/// parsing N paths costs N² (0.7 s of CPU for 4,000 folders, 2.2 s for 8,000 — more than
/// scoring them). ``parse(_:)`` hands it only the start of a long trailing run of paths and
/// appends the rest itself; anything it cannot vouch for is parsed the ordinary way.
protocol TrailingPaths: ParsableCommand {
    /// The command's path list.
    static var paths: WritableKeyPath<Self, [String]> { get }
}

extension TrailingPaths {
    mutating func append(paths more: ArraySlice<String>) { self[keyPath: Self.paths] += more }
}

enum TrailingPathParsing {
    /// The command for `arguments` (without the program name), as `parseAsRoot` would give it.
    static func parse(_ arguments: [String]) throws -> any ParsableCommand {
        // The trailing run of words: paths, after at most one option value or subcommand name
        // at its start (options here take a single value), so its first two go to the parser.
        guard !arguments.contains("--"),
              let runStart = arguments.lastIndex(where: { $0.hasPrefix("-") }).map({ $0 + 1 }) ?? arguments.indices.first,
              arguments.count - runStart > 2 else {
            return try Assess.parseAsRoot(arguments)
        }
        let head = Array(arguments[..<(runStart + 2)])
        // Any doubt (a usage error, a command that is not a path list) goes the ordinary way,
        // so the result and every message are what ArgumentParser alone would give.
        guard var command = (try? Assess.parseAsRoot(head)) as? any TrailingPaths else {
            return try Assess.parseAsRoot(arguments)
        }
        command.append(paths: arguments[(runStart + 2)...])
        return command
    }
}

extension ScoreCommand: TrailingPaths { static var paths: WritableKeyPath<Self, [String]> { \.evidence } }
extension ValidateCommand: TrailingPaths { static var paths: WritableKeyPath<Self, [String]> { \.files } }
extension CheckCommand: TrailingPaths { static var paths: WritableKeyPath<Self, [String]> { \.evidence } }
extension ReportCommand: TrailingPaths { static var paths: WritableKeyPath<Self, [String]> { \.evidence } }
extension SummaryCommand: TrailingPaths { static var paths: WritableKeyPath<Self, [String]> { \.directories } }
extension AggregateCommand: TrailingPaths { static var paths: WritableKeyPath<Self, [String]> { \.inputs } }
extension ReadinessCommand: TrailingPaths { static var paths: WritableKeyPath<Self, [String]> { \.inputs } }
extension ImportCommand: TrailingPaths { static var paths: WritableKeyPath<Self, [String]> { \.workbooks } }
