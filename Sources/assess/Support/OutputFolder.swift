import Foundation

/// A folder that commands writing several files (template, import) fill: refused whole when any
/// file already exists (unless forced), created when missing — before anything is written. A nil
/// folder checks the files alone.
enum OutputFolder {
    static func prepare(_ directory: String?, files: [String], force: Bool) throws {
        let existing = force ? [] : files.filter { FileManager.default.fileExists(atPath: $0) }
        for path in existing {
            Console.problem(path, id: "sudah ada; gunakan --force untuk menimpa", en: "already exists; pass --force to overwrite")
        }
        if !existing.isEmpty { throw ExitStatus.invalidInput.exitCode }
        guard let directory else { return }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            Console.problem(directory, id: "direktori tidak dapat dibuat: \(error.localizedDescription)",
                            en: "cannot create directory: \(error.localizedDescription)")
            throw ExitStatus.invalidInput.exitCode
        }
    }
}
