import ArgumentParser
import Foundation

/// Writes a command's result to stdout or, atomically, to `--output`.
///
/// The file is written to a temporary file in the same directory and renamed over the target, so
/// a reader never sees half a report and a failed run leaves the previous file as it was. An
/// output path that is one of the inputs is refused: the tool never modifies an input.
enum OutputFile {
    static func write(_ text: String, to path: String?, inputs: [String]) throws {
        guard let path else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        for input in inputs where URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath() == target {
            throw ValidationError("--output \(path) is one of the inputs; refusing to overwrite an input file")
        }
        try writeAtomically(text, to: path)
    }

    /// Temporary file beside `path`, then rename; on failure the temporary file is removed, the
    /// problem printed, and exit code 1 thrown.
    static func writeAtomically(_ text: String, to path: String) throws {
        try writeAtomically(Data(text.utf8), to: path)
    }

    /// Binary output (a workbook) to `path`, never to standard output; `path` may not be an input.
    static func write(_ data: Data, to path: String, inputs: [String]) throws {
        let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        for input in inputs where URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath() == target {
            throw ValidationError("--output \(path) is one of the inputs; refusing to overwrite an input file")
        }
        try writeAtomically(data, to: path)
    }

    static func writeAtomically(_ data: Data, to path: String) throws {
        let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        let directory = target.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try data.write(to: temporary)
            if rename(temporary.path, target.path) != 0 {
                throw CocoaError(.fileWriteUnknown)
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            Console.error("\(path): error: cannot write output: \(error.localizedDescription)")
            throw ExitStatus.invalidInput.exitCode
        }
    }
}
