import Foundation

/// The folder a directory argument stands for, and whether an entry found in it stays inside:
/// a symlink in a scanned tree may point anywhere (`/`, `/etc/shadow`, another user's files),
/// and the scan must read only what it was given.
struct TreeBoundary {
    let root: String

    /// nil when `directory` cannot be resolved.
    init?(_ directory: String) {
        guard let resolved = Self.realPath(directory) else { return nil }
        root = resolved.hasSuffix("/") ? resolved : resolved + "/"
    }

    /// nil when `path` (found by the scan) stays inside the tree; else the diagnostic that says
    /// where it leads. A path that is not a symlink stays inside by construction.
    func escape(_ path: String) -> Diagnostic? {
        var link = stat()
        guard lstat(path, &link) == 0, link.st_mode & S_IFMT == S_IFLNK else { return nil }
        guard let target = Self.realPath(path) else { return nil }  // dangling: reported when read
        if target.hasPrefix(root) || target + "/" == root { return nil }
        return Diagnostic(.outsideFolder, file: path,
            id: "tautan simbolik ke \(target), di luar folder \(root); tidak dibaca",
            en: "symbolic link to \(target), outside the folder \(root); not read")
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
