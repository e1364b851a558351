import ArgumentParser
import Foundation
import SPBEAssess

/// The one way a command's result leaves the tool: standard output, or the file `--output`
/// names.
///
/// A file is written to a temporary file beside it — an unpredictable name, created
/// exclusively (`mkstemp`: `O_CREAT|O_EXCL`, so a link planted there is never followed) — and
/// renamed over it, so a reader never sees half a report, a failed run leaves the previous file
/// as it was, and an interrupted run removes the temporary file (``TemporaryFiles``). A FIFO or a
/// character device (`/dev/null`, a terminal) is written in place, never replaced;
/// `/dev/stdout` and `/dev/stderr` are the descriptors themselves.
///
/// Refused before anything is read (exit 2, naming both paths): a target that is the same file
/// as anything the command reads, a directory, a path ending in `/`, a socket or block device.
/// A write that fails (full disk, closed pipe, read-only or missing folder) is one message and
/// exit 1.
struct OutputFile {
    enum Destination: Equatable {
        /// An open descriptor: standard output (no `--output`, or `/dev/stdout`) or error.
        case descriptor(Int32)
        /// A FIFO or character device, opened for writing when the result is ready.
        case inPlace(String)
        /// A regular file (existing or not), by its resolved path: temporary file and rename.
        case replace(String)
    }

    /// What the user typed, for messages; "stdout" for standard output.
    let name: String
    let destination: Destination

    /// Checks `path` against everything the command reads (`reads`: files; a missing one is
    /// skipped); nil `path` is standard output.
    init(_ path: String?, reads: [String]) throws {
        guard let path else {
            self.init(name: "stdout", destination: .descriptor(STDOUT_FILENO))
            return
        }
        func refuse(_ id: String, _ en: String) -> ExitCode {
            Console.report([Diagnostic(.outputRefused, file: path, id: id, en: en)])
            return ExitStatus.usage.exitCode
        }
        if let descriptor = Self.standardStreams[path] {
            self.init(name: path, destination: .descriptor(descriptor))
            return
        }
        if path.isEmpty || path.hasSuffix("/") {
            throw refuse("--output harus menyebut berkas, bukan folder (nama berakhir dengan '/')",
                         "--output must name a file, not a folder (the name ends in '/')")
        }
        var info = stat()
        let exists = stat(path, &info) == 0
        let resolved: String
        if exists {
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                resolved = Self.realPath(path) ?? path
            case S_IFDIR:
                throw refuse("--output menyebut sebuah folder; berikan nama berkas di dalamnya",
                             "--output names a directory; give a file name inside it")
            case S_IFIFO, S_IFCHR:
                self.init(name: path, destination: .inPlace(path))
                try checkNotRead(reads, identity: Self.identity(info), resolved: nil)
                return
            default:
                throw refuse("--output bukan berkas yang dapat ditulis (soket atau perangkat blok)",
                             "--output is not something a result can be written to (a socket or block device)")
            }
        } else {
            var link = stat()
            if lstat(path, &link) == 0 {
                throw refuse("--output adalah tautan simbolik ke berkas yang tidak ada",
                             "--output is a symbolic link to a file that does not exist")
            }
            let url = URL(fileURLWithPath: path)
            // A missing folder is reported when writing (exit 1), as a read-only one is.
            let folder = Self.realPath(url.deletingLastPathComponent().path) ?? url.deletingLastPathComponent().path
            resolved = (folder as NSString).appendingPathComponent(url.lastPathComponent)
        }
        self.init(name: path, destination: .replace(resolved))
        try checkNotRead(reads, identity: exists ? Self.identity(info) : nil, resolved: resolved)
    }

    private init(name: String, destination: Destination) {
        self.name = name
        self.destination = destination
    }

    /// Exit 2 when the target is one of `reads`: the same device and inode, or (for a target
    /// not yet there) the same resolved path.
    private func checkNotRead(_ reads: [String], identity: [UInt64]?, resolved: String?) throws {
        for input in reads {
            var info = stat()
            guard stat(input, &info) == 0 else { continue }
            let same = identity.map { $0 == Self.identity(info) } ?? (resolved != nil && Self.realPath(input) == resolved)
            guard same else { continue }
            Console.report([Diagnostic(.outputRefused, file: name,
                id: "--output adalah berkas yang dibaca perintah ini (\(input)); berkas masukan tidak pernah ditimpa",
                en: "--output is a file this command reads (\(input)); an input is never overwritten")])
            throw ExitStatus.usage.exitCode
        }
    }

    /// Writes `text` whole; exit 1 with one message when it cannot.
    func write(_ text: String) throws { try write(bytes: Array(text.utf8), shownOnTerminal: text) }

    /// Writes bytes (a Word file, a workbook) whole, never altered for a terminal.
    func write(bytes: [UInt8]) throws { try write(bytes: bytes, shownOnTerminal: nil) }

    private func write(bytes: [UInt8], shownOnTerminal text: String?) throws {
        switch destination {
        case .descriptor(let descriptor):
            // A terminal gets text made inert (evidence may carry escape sequences); a pipe
            // or file gets it as it is.
            if let text, isatty(descriptor) != 0 {
                if let code = Descriptor.writeAll(descriptor, TerminalText.escape(text)) { throw failure(code) }
            } else if let code = Descriptor.writeAll(descriptor, bytes) { throw failure(code) }
        case .inPlace(let path):
            let descriptor = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC)
            guard descriptor >= 0 else { throw failure(errno) }
            defer { close(descriptor) }
            if let code = Descriptor.writeAll(descriptor, bytes) { throw failure(code) }
        case .replace:
            let temporary = try createTemporary()
            if let code = Descriptor.writeAll(temporary.descriptor, bytes) {
                temporary.discard()
                throw failure(code)
            }
            try publish(temporary)
        }
    }

    /// Shorthand for commands: check, then write.
    static func write(_ text: String, to path: String?, inputs: [String]) throws {
        try OutputFile(path, reads: inputs).write(text)
    }

    /// The same for bytes.
    static func write(data: Data, to path: String?, inputs: [String]) throws {
        try OutputFile(path, reads: inputs).write(bytes: [UInt8](data))
    }

    /// A file the command makes itself (templates), checked against nothing it reads.
    static func writeAtomically(_ text: String, to path: String) throws {
        try OutputFile(path, reads: []).write(text)
    }

    static func writeAtomically(_ data: Data, to path: String) throws {
        try OutputFile(path, reads: []).write(bytes: [UInt8](data))
    }

    // MARK: The temporary file beside a replaced target

    final class Temporary {
        let path: String
        let descriptor: Int32
        private let slot: Int?
        private var open = true

        fileprivate init(path: String, descriptor: Int32) {
            self.path = path
            self.descriptor = descriptor
            slot = TemporaryFiles.register(path)
        }

        /// Closes and removes the file; safe to call twice.
        func discard() {
            guard open else { return }
            open = false
            close(descriptor)
            unlink(path)
            TemporaryFiles.forget(slot)
        }

        /// Closes the file and reports the close's error (NFS and full disks report late).
        fileprivate func finish() -> Int32? {
            open = false
            return close(descriptor) == 0 ? nil : errno
        }

        fileprivate func renamed() { TemporaryFiles.forget(slot) }

        deinit { discard() }
    }

    func createTemporary() throws -> Temporary {
        guard case .replace(let resolved) = destination else { preconditionFailure("no temporary file for \(destination)") }
        let url = URL(fileURLWithPath: resolved)
        let made = TemporaryFiles.withSignalsHeld { () -> Temporary? in
            guard let (descriptor, path) = Self.makeTemporary(url.deletingLastPathComponent()
                .appendingPathComponent(".\(url.lastPathComponent).XXXXXX").path) else { return nil }
            return Temporary(path: path, descriptor: descriptor)
        }
        guard let made else { throw failure(errno) }
        // mkstemp makes the file 0600; the result gets the old file's mode, or what the umask gives.
        var old = stat()
        let mode: mode_t
        if stat(resolved, &old) == 0 { mode = old.st_mode & 0o7777 } else {
            let mask = umask(0)
            umask(mask)
            mode = 0o666 & ~mask
        }
        fchmod(made.descriptor, mode)
        return made
    }

    /// Renames the finished temporary file over the target.
    func publish(_ temporary: Temporary) throws {
        guard case .replace(let resolved) = destination else { return }
        if let code = temporary.finish() {
            unlink(temporary.path)
            temporary.renamed()
            throw failure(code)
        }
        guard rename(temporary.path, resolved) == 0 else {
            let code = errno
            unlink(temporary.path)
            temporary.renamed()
            throw failure(code)
        }
        temporary.renamed()
    }

    /// Prints the one message of a failed write and returns exit code 1.
    func failure(_ code: Int32) -> ExitCode {
        let reason = Descriptor.describe(code)
        Console.report([Diagnostic(.writeFailed, file: name,
            id: "hasil tidak dapat ditulis: \(reason)", en: "cannot write output: \(reason)")])
        return ExitStatus.invalidInput.exitCode
    }

    // MARK: Helpers

    private static let standardStreams: [String: Int32] = [
        "/dev/stdout": STDOUT_FILENO, "/dev/fd/1": STDOUT_FILENO, "/proc/self/fd/1": STDOUT_FILENO,
        "/dev/stderr": STDERR_FILENO, "/dev/fd/2": STDERR_FILENO, "/proc/self/fd/2": STDERR_FILENO,
    ]

    /// `mkstemp` on `template` (ending in XXXXXX): a new file, created exclusively, with a
    /// random name; nil (errno set) when it cannot be made.
    static func makeTemporary(_ template: String) -> (descriptor: Int32, path: String)? {
        guard let buffer = strdup(template) else { return nil }
        defer { free(buffer) }
        let descriptor = mkstemp(buffer)
        guard descriptor >= 0 else { return nil }
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        return (descriptor, String(cString: buffer))
    }

    static func identity(_ info: stat) -> [UInt64] { [UInt64(info.st_dev), UInt64(info.st_ino)] }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
