import Foundation

/// The evidence files of a national tree, `DIR/province/instansi/opd.xml`, found recursively
/// and in sorted order (so results never depend on the file system), each with its province:
/// the first directory under the argument it was found in.
///
/// A directory reached twice (a symlink loop, or a link to a directory already scanned) is
/// scanned once; an unreadable directory is a diagnostic and the rest is still scanned.
public enum EvidenceTree {
    public struct File: Sendable, Hashable {
        public let path: String
        /// The top-level directory under the scanned argument; empty for files given directly
        /// or lying directly in it.
        public let province: String
    }

    public static func scan(_ arguments: [String]) -> (files: [File], problems: [Diagnostic]) {
        var files: [File] = []
        var problems: [Diagnostic] = []
        var visited: Set<[UInt64]> = []
        for argument in arguments {
            var info = stat()
            guard stat(argument, &info) == 0 else {
                problems.append(unreadable(argument, id: "tidak dapat dibaca", en: "cannot read"))
                continue
            }
            if info.st_mode & S_IFMT != S_IFDIR {
                files.append(File(path: argument, province: ""))
                continue
            }
            let before = files.count
            walk(argument, province: nil, boundary: TreeBoundary(argument), into: &files, problems: &problems, visited: &visited)
            // Evidence files directly in the directory given make it one regency's folder, not a
            // national tree: its subfolders (`review/`, `smart-city/`) are not provinces.
            if files[before...].contains(where: { $0.province.isEmpty }) {
                for index in before..<files.count { files[index] = File(path: files[index].path, province: "") }
            }
            if files.count == before {
                problems.append(Diagnostic(.emptyDirectory, file: argument,
                                           id: "direktori ini tidak berisi berkas *.xml, pada kedalaman berapa pun",
                                           en: "directory has no *.xml files, at any depth"))
            }
        }
        return (files, problems)
    }

    /// `file` could not be read, with the system's reason (`errno`) after `id` or `en`.
    private static func unreadable(_ file: String, id: String, en: String) -> Diagnostic {
        let reason = String(cString: strerror(errno))
        return Diagnostic(.unreadable, file: file, id: "\(id): \(reason)", en: "\(en): \(reason)")
    }

    private static func walk(_ directory: String, province: String?, boundary: TreeBoundary, into files: inout [File],
                             problems: inout [Diagnostic], visited: inout Set<[UInt64]>) {
        guard let listing = DirectoryListing(directory, identified: true), let identity = listing.identity else {
            problems.append(unreadable(directory, id: "isi direktori tidak dapat dibaca", en: "cannot list directory"))
            return
        }
        guard visited.insert(identity).inserted else { return }
        for entry in listing.entries {
            let path = DirectoryListing.path(directory, entry.name)
            var kind = entry.kind
            if kind == .symlink {
                // A symlink is followed only while it stays in the tree given (never to `/`).
                if let escape = boundary.escape(path) {
                    problems.append(escape)
                    continue
                }
                var target = stat()
                guard stat(path, &target) == 0 else {
                    if entry.name.hasSuffix(".xml") {
                        problems.append(unreadable(path, id: "berkas tidak dapat dibaca", en: "cannot read file"))
                    }
                    continue
                }
                kind = target.st_mode & S_IFMT == S_IFDIR ? .directory : .file
            }
            if kind == .directory {
                walk(path, province: province ?? entry.name, boundary: boundary, into: &files, problems: &problems, visited: &visited)
            } else if entry.name.hasSuffix(".xml") {
                files.append(File(path: path, province: province ?? ""))
            }
        }
    }
}
