import Crypto
import Foundation

/// Hashes files under a documents folder (the unit's *bukti dukung*), reading in 1 MiB chunks so
/// large scanned PDFs never sit in memory whole.
///
/// ```swift
/// let folder = try DocumentFolder(path: "fixtures/evidence-checks")
/// try folder.digest(of: "bukti/sk-tim.txt")   // .found("9f86d0…") or .missing
/// ```
public struct DocumentFolder: Sendable {
    public let path: String

    /// What an `href` resolves to.
    public enum Lookup: Sendable, Hashable {
        case found(sha256: String)
        case missing
        /// The href is absolute or climbs out of the folder with `..`: it is not looked up.
        case outsideFolder
    }

    /// Refuses a path that does not exist or is not a directory.
    public init(path: String) throws(LoadError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw LoadError([Diagnostic(.unreadable, file: path, id: "folder --documents tidak ada",
                                        en: "--documents folder does not exist")])
        }
        guard isDirectory.boolValue else {
            throw LoadError([Diagnostic(.notAFile, file: path, id: "--documents harus menyebut direktori, sedangkan ini berkas",
                                        en: "--documents must name a directory, and this is a file")])
        }
        self.path = path
    }

    /// The SHA-256 of the file `href` names, relative to the folder. A file that exists but cannot
    /// be read (permissions, a directory, an I/O error) is an error, not a missing document; so
    /// is a FIFO, device or socket, which is never opened for reading. A symlink that leads out
    /// of the folder is not followed: `.outsideFolder`, like an href with `..`.
    public func digest(of href: String) throws(LoadError) -> Lookup {
        let parts = href.split(separator: "/", omittingEmptySubsequences: false)
        if href.hasPrefix("/") || parts.contains("..") { return .outsideFolder }
        let full = (path as NSString).appendingPathComponent(href)
        var link = stat()
        guard lstat(full, &link) == 0 else { return .missing }
        guard let root = Self.realPath(path), let resolved = Self.realPath(full) else { return .missing }
        guard resolved.hasPrefix(root.hasSuffix("/") ? root : root + "/") else { return .outsideFolder }
        var info = stat()
        guard stat(resolved, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw LoadError([Diagnostic(.notAFile, file: full, id: "dokumen \(href) merupakan direktori, bukan berkas",
                                                  en: "document \(href) is a directory, not a file")])
        default:
            throw LoadError([Diagnostic(.notAFile, file: full,
                id: "dokumen \(href) bukan berkas biasa (perangkat, FIFO, atau soket); tidak dibaca",
                en: "document \(href) is not a regular file (a device, FIFO or socket); it is not read")])
        }
        return .found(sha256: try Self.sha256(ofFile: resolved, shownAs: full))
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Streams the file through swift-crypto's `SHA256`; opened without blocking and refused unless it
    /// is a regular file, so a FIFO or `/dev/zero` never hangs the run.
    public static func sha256(ofFile file: String, shownAs name: String? = nil, chunkSize: Int = 1 << 20) throws(LoadError) -> String {
        let name = name ?? file
        let descriptor = open(file, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            throw LoadError([Diagnostic(.unreadable, file: name, id: "berkas dokumen tidak dapat dibaca: \(reason)",
                                        en: "cannot read document file: \(reason)")])
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw LoadError([Diagnostic(.notAFile, file: name,
                id: "berkas dokumen bukan berkas biasa (perangkat, FIFO, atau soket); tidak dibaca",
                en: "the document file is not a regular file (a device, FIFO or socket); it is not read")])
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var hash = SHA256()
        do {
            while let chunk = try handle.read(upToCount: chunkSize), !chunk.isEmpty {
                hash.update(data: chunk)
            }
        } catch {
            throw LoadError([Diagnostic(.unreadable, file: name, id: "berkas dokumen tidak dapat dibaca: \(error.localizedDescription)",
                                        en: "cannot read document file: \(error.localizedDescription)")])
        }
        return Self.hex(hash.finalize())
    }

    /// Lower-case hex, as `sha256sum` prints it.
    static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
