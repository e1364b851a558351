import ArgumentParser
import Foundation

/// A result written piece by piece, for runs too large to hold in memory (`assess score` over a
/// national corpus): pieces go to a temporary file — beside `--output`, or in the temporary
/// directory for stdout — and only ``commit()`` makes them visible, by renaming the file over
/// the target or copying it to stdout. A run that fails shows nothing and leaves no file, as
/// ``OutputFile`` promises.
final class OutputSpool {
    private let target: String?
    private let temporary: URL
    private let handle: FileHandle

    init(target: String?, inputs: [String]) throws {
        self.target = target
        if let target {
            let resolved = URL(fileURLWithPath: target).standardizedFileURL.resolvingSymlinksInPath()
            for input in inputs where URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath() == resolved {
                throw ValidationError(OutputLanguage.pick(
                    "--output \(target) adalah salah satu masukan; berkas masukan tidak akan ditimpa",
                    "--output \(target) is one of the inputs; refusing to overwrite an input file"))
            }
            temporary = resolved.deletingLastPathComponent()
                .appendingPathComponent(".\(resolved.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        } else {
            temporary = FileManager.default.temporaryDirectory
                .appendingPathComponent("assess-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).out")
        }
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporary.path) else {
            Console.problem(target ?? temporary.path, id: "keluaran tidak dapat ditulis", en: "cannot write output")
            throw ExitStatus.invalidInput.exitCode
        }
        self.handle = handle
    }

    deinit {
        try? handle.close()
        try? FileManager.default.removeItem(at: temporary)
    }

    func append(_ text: String) throws {
        try append(bytes: Array(text.utf8))
    }

    func append(bytes: [UInt8]) throws {
        do {
            try handle.write(contentsOf: bytes)
        } catch {
            Console.problem(target ?? "stdout", id: "keluaran tidak dapat ditulis: \(error.localizedDescription)",
                            en: "cannot write output: \(error.localizedDescription)")
            throw ExitStatus.invalidInput.exitCode
        }
    }

    /// Publishes what was written: renames it over `--output`, or copies it to stdout.
    func commit() throws {
        try? handle.close()
        guard let target else {
            guard let reader = FileHandle(forReadingAtPath: temporary.path) else { throw ExitStatus.invalidInput.exitCode }
            defer { try? reader.close() }
            while let chunk = try reader.read(upToCount: 1 << 20), !chunk.isEmpty {
                FileHandle.standardOutput.write(chunk)
            }
            return
        }
        if rename(temporary.path, URL(fileURLWithPath: target).standardizedFileURL.resolvingSymlinksInPath().path) != 0 {
            let reason = String(cString: strerror(errno))
            Console.problem(target, id: "keluaran tidak dapat ditulis: \(reason)", en: "cannot write output: \(reason)")
            throw ExitStatus.invalidInput.exitCode
        }
    }
}
