#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The visible entries of one directory and what each is, in sorted order.
///
/// Read with `readdir`, whose entries carry their type, rather than Foundation's
/// `contentsOfDirectory`, which gives names only: scanning a national tree (one directory per
/// instansi) then needs no `stat` or `lstat` per entry and no `realpath` unless an entry is a
/// symlink. Those calls were most of the system time of scoring 4,000 one-file directories.
struct DirectoryListing {
    enum Kind: Equatable {
        case file, directory, symlink
        /// A FIFO, socket or device: listed, and refused when read.
        case other
    }

    struct Entry {
        let name: String
        let kind: Kind
    }

    /// Sorted by name (as `String` compares them); names starting with `.` are left out.
    let entries: [Entry]
    /// The directory's device and inode, to recognise it when a symlink leads to it again;
    /// asked for with `identified` (one more system call).
    let identity: [UInt64]?

    /// nil, with `errno` set, when `path` cannot be opened as a directory (`ENOTDIR` for a file).
    /// Opening never blocks: a FIFO is refused by the kernel before it is opened.
    init?(_ path: String, identified: Bool = false) {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        if identified {
            var info = stat()
            guard fstat(dirfd(directory), &info) == 0 else { return nil }
            identity = [UInt64(info.st_dev), UInt64(info.st_ino)]
        } else {
            identity = nil
        }
        var entries: [Entry] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(cString: bytes.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            guard !name.hasPrefix(".") else { continue }
            entries.append(Entry(name: name, kind: Self.kind(Int32(entry.pointee.d_type), name, in: dirfd(directory))))
        }
        self.entries = entries.sorted { $0.name < $1.name }
    }

    /// The path of entry `name` of `directory`, as `NSString.appendingPathComponent` writes it
    /// (no second `/` after one the directory ends with), without its bridging: that was a
    /// tenth of scanning a tree.
    static func path(_ directory: String, _ name: String) -> String {
        if directory.isEmpty { return name }
        return directory.utf8.last == UInt8(ascii: "/") ? directory + name : directory + "/" + name
    }

    /// The kind `readdir` gave; asked of the file system only when it could not say.
    private static func kind(_ type: Int32, _ name: String, in directory: Int32) -> Kind {
        switch type {
        case Int32(DT_REG): return .file
        case Int32(DT_DIR): return .directory
        case Int32(DT_LNK): return .symlink
        case Int32(DT_UNKNOWN):
            var info = stat()
            guard fstatat(directory, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return .other }
            switch info.st_mode & S_IFMT {
            case S_IFREG: return .file
            case S_IFDIR: return .directory
            case S_IFLNK: return .symlink
            default: return .other
            }
        default: return .other
        }
    }
}
