import Foundation

/// Expands command-line arguments into the files to read: a file stands for itself, a directory
/// for the `*.xml` files directly in it, in sorted order (so output order never depends on the
/// file system).
public enum InputPaths {
    public static func expand(_ arguments: [String]) throws(LoadError) -> [String] {
        var files: [String] = []
        var problems: [Diagnostic] = []
        for argument in arguments {
            guard let listing = DirectoryListing(argument) else {
                var info = stat()
                if stat(argument, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
                    problems.append(Diagnostic(.unreadable, file: argument, id: "isi direktori tidak dapat dibaca",
                                               en: "cannot list directory"))
                } else {
                    files.append(argument)  // Missing or unreadable files are reported when read.
                }
                continue
            }
            let xml = listing.entries.filter { $0.name.hasSuffix(".xml") }
            if xml.isEmpty {
                problems.append(Diagnostic(.emptyDirectory, file: argument, id: "direktori ini tidak berisi berkas *.xml",
                                           en: "directory has no *.xml files"))
            }
            // A file given by name is the user's choice; one found in a folder must stay in it.
            let boundary = TreeBoundary(argument)
            for entry in xml {
                let path = DirectoryListing.path(argument, entry.name)
                if entry.kind == .symlink, let escape = boundary.escape(path) { problems.append(escape) } else { files.append(path) }
            }
        }
        guard problems.isEmpty else { throw LoadError(problems) }
        return files
    }
}
