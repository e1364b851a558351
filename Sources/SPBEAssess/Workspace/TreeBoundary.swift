import Foundation

/// The folder a directory argument stands for, and whether a symlink found in it stays inside:
/// a symlink in a scanned tree may point anywhere (`/`, `/etc/shadow`, another user's files),
/// and the scan must read only what it was given.
///
/// The folder is resolved only when a symlink is met: `realpath` reads every component of the
/// path (four `readlink`s for `corpus/province/instansi`), and most directories hold none.
struct TreeBoundary {
    let directory: String

    init(_ directory: String) {
        self.directory = directory
    }

    /// nil when `link` (a symlink found by the scan) stays inside the tree; else the
    /// diagnostic that says where it leads.
    func escape(_ link: String) -> Diagnostic? {
        guard let target = Self.realPath(link) else { return nil }  // dangling: reported when read
        // A folder that cannot be resolved keeps nothing inside: the link is refused.
        let resolved = Self.realPath(directory) ?? directory
        let root = resolved.hasSuffix("/") ? resolved : resolved + "/"
        if target.hasPrefix(root) || target + "/" == root { return nil }
        return Diagnostic(.outsideFolder, file: link,
            id: "tautan simbolik ke \(target), di luar folder \(root); tidak dibaca",
            en: "symbolic link to \(target), outside the folder \(root); not read")
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
