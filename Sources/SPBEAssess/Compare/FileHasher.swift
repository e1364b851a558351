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
            throw LoadError([Diagnostic(.unreadable, file: path, "--documents folder does not exist")])
        }
        guard isDirectory.boolValue else {
            throw LoadError([Diagnostic(.notAFile, file: path, "--documents must name a directory, and this is a file")])
        }
        self.path = path
    }

    /// The SHA-256 of the file `href` names, relative to the folder. A file that exists but cannot
    /// be read (permissions, a directory, an I/O error) is an error, not a missing document.
    public func digest(of href: String) throws(LoadError) -> Lookup {
        let parts = href.split(separator: "/", omittingEmptySubsequences: false)
        if href.hasPrefix("/") || parts.contains("..") { return .outsideFolder }
        let full = (path as NSString).appendingPathComponent(href)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory) else { return .missing }
        if isDirectory.boolValue {
            throw LoadError([Diagnostic(.notAFile, file: full, "document \(href) is a directory, not a file")])
        }
        return .found(sha256: try Self.sha256(ofFile: full))
    }

    /// Streams the file through swift-crypto's `SHA256`, one chunk at a time.
    public static func sha256(ofFile file: String, chunkSize: Int = 1 << 20) throws(LoadError) -> String {
        guard let handle = FileHandle(forReadingAtPath: file) else {
            throw LoadError([Diagnostic(.unreadable, file: file, "cannot read document file (permission denied or not a regular file)")])
        }
        defer { try? handle.close() }
        var hash = SHA256()
        do {
            while let chunk = try handle.read(upToCount: chunkSize), !chunk.isEmpty {
                hash.update(data: chunk)
            }
        } catch {
            throw LoadError([Diagnostic(.unreadable, file: file, "cannot read document file: \(error.localizedDescription)")])
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
