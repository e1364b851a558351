import Foundation

/// Finds the rubrics directory (the schemas and the shipped rubrics).
enum RubricsDirectory {
    static let environmentVariable = "SPBE_ASSESS_RUBRICS"

    /// `explicit` if given; else `$SPBE_ASSESS_RUBRICS`; else `./rubrics`; else a `rubrics`
    /// folder beside the executable or above it (so `.build/debug/assess` in a clone finds the
    /// clone's rubrics).
    static func locate(explicit: String?) -> String {
        if let explicit { return explicit }
        if let fromEnvironment = ProcessInfo.processInfo.environment[environmentVariable], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        let local = "rubrics"
        if holdsSchemas(local) { return local }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = directory.appendingPathComponent("rubrics").path
            if holdsSchemas(candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        return local
    }

    /// The files directly in `directory`, as paths: everything a command may read from it.
    static func files(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.sorted().map { (directory as NSString).appendingPathComponent($0) }
    }

    private static func holdsSchemas(_ directory: String) -> Bool {
        FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent("rubric.xsd"))
    }
}
