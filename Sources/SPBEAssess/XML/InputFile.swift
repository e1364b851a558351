#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads an input file whole, refusing what is not a readable regular file of bounded size.
/// Nothing here can block: a FIFO, device or socket (also behind a symlink) is refused before
/// it is opened, and checked again on the open descriptor.
enum InputFile {
    static func load(_ path: String, limits: InputLimits) throws(LoadError) -> SourceText {
        func fail(_ code: Diagnostic.Code, id: String, en: String) -> LoadError {
            LoadError([Diagnostic(code, file: path, id: id, en: en)])
        }
        func unreadable() -> LoadError {
            let reason = String(cString: strerror(errno))
            return fail(.unreadable, id: "berkas tidak dapat dibaca: \(reason)", en: "cannot read file: \(reason)")
        }
        func notRegular() -> LoadError {
            fail(.notAFile, id: "bukan berkas biasa (perangkat, FIFO, atau soket)", en: "is not a regular file (a device, FIFO or socket)")
        }
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw unreadable()
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw fail(.notAFile, id: "merupakan direktori, bukan berkas", en: "is a directory, not a file")
        default: throw notRegular()
        }
        guard Int(info.st_size) <= limits.maxFileBytes else {
            throw fail(.tooLarge, id: "ukuran berkas \(info.st_size) bita, melebihi batas \(limits.maxFileBytes)",
                       en: "file is \(info.st_size) bytes, more than the limit of \(limits.maxFileBytes)")
        }
        // O_NONBLOCK: should the path have become a FIFO or device since stat (a swapped
        // symlink), opening it must not wait for a writer; fstat then refuses it.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw unreadable()
        }
        var opened = stat()
        guard fstat(descriptor, &opened) == 0, opened.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw notRegular()
        }
        defer { close(descriptor) }
        // Read to the limit plus one byte: the file may have grown since stat.
        var bytes = [UInt8](repeating: 0, count: min(Int(opened.st_size), limits.maxFileBytes) + 1)
        var count = 0
        while count < bytes.count {
            let got = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw unreadable()
            }
            if got == 0 { break }
            count += got
            if count == bytes.count, count <= limits.maxFileBytes { bytes.append(contentsOf: repeatElement(0, count: 65536)) }
            if count > limits.maxFileBytes {
                throw fail(.tooLarge, id: "ukuran berkas melebihi batas \(limits.maxFileBytes) bita",
                           en: "file is more than the limit of \(limits.maxFileBytes) bytes")
            }
        }
        bytes.removeSubrange(count...)
        guard !bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else {
            throw fail(.emptyFile, id: "berkas kosong", en: "file is empty")
        }
        return SourceText(path: path, bytes: bytes)
    }
}

/// The bytes of an input file under the same checks as every input (a bounded regular file),
/// for readers outside this module (the workbook importer).
public enum InputBytes {
    public static func load(_ path: String, limits: InputLimits = .default) throws(LoadError) -> [UInt8] {
        try InputFile.load(path, limits: limits).bytes
    }
}
