#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A workbook's bytes as an anonymous file in memory (Linux `memfd_create`), for ZIPFoundation's
/// file backend: nothing is written to a disk, and the file has no name a link could be planted at.
///
/// Why not `Archive(data:)`: ZIPFoundation 0.9.20's in-memory backend traps on an entry offset
/// past the end and leaks when the end record is missing (both found by the fuzzer); its file
/// backend reads with `fread` and does neither.
enum MemoryFile {
    /// `body` gets a path that opens the bytes (`/proc/self/fd/N`); the descriptor is closed
    /// when it returns, and the memory goes with the last open handle. Nil when the system
    /// offers no anonymous memory file.
    static func with<T>(_ bytes: [UInt8], _ body: (URL) throws -> T) rethrows -> T? {
        #if canImport(Glibc)
        // glibc declares memfd_create only under _GNU_SOURCE, which Swift's Glibc module does
        // not define; the symbol itself is there (glibc 2.27 and later).
        typealias Create = @convention(c) (UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "memfd_create") else { return nil }
        let descriptor = unsafeBitCast(symbol, to: Create.self)("spbe-assess-workbook", 1 /* MFD_CLOEXEC */)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return nil }
            written += count
        }
        return try body(URL(fileURLWithPath: "/proc/self/fd/\(descriptor)"))
        #else
        return nil
        #endif
    }
}
