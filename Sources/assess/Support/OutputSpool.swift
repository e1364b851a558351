import ArgumentParser
import Foundation

/// A result written piece by piece, for runs too large to hold in memory (`assess score` over a
/// national corpus), that still shows nothing unless the whole run succeeds.
///
/// For a file, pieces go into ``OutputFile``'s temporary file beside it, a megabyte at a time,
/// renamed by ``commit()``. For standard output (or a FIFO or device) they are held in memory up to
/// ``memoryLimit`` and then in a temporary file in `$TMPDIR`; when that folder is missing,
/// read-only or full, they stay in memory, so the result never depends on `$TMPDIR`.
final class OutputSpool {
    private let target: OutputFile
    private var beside: OutputFile.Temporary?
    private var memory: [UInt8] = []
    /// The spill file in `$TMPDIR`, already unlinked: the descriptor keeps it, and no signal or
    /// crash can leave it behind.
    private var overflow: Int32?
    /// Held in memory before spilling to `$TMPDIR`: 8 MiB keeps `score --format json` over a
    /// national corpus flat in memory (at 64 MiB it grew to 102 MB over 5,010 files).
    static let memoryLimit = 8 << 20

    init(target: OutputFile) throws {
        self.target = target
        if case .replace = target.destination { beside = try target.createTemporary() }
    }

    deinit {
        beside?.discard()
        dropOverflow()
    }

    func append(_ text: String) throws {
        var text = text
        try text.withUTF8 { try append(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// UTF-8 bytes (the JSON writer's), appended as they are.
    func append(bytes: UnsafeRawBufferPointer) throws {
        // As typed bytes, which append with one copy (raw bytes are appended one by one).
        memory.append(contentsOf: bytes.assumingMemoryBound(to: UInt8.self))
        if beside != nil || overflow != nil {
            // Pieces are gathered into writes of a megabyte: a unit is two pieces, and a
            // national run would otherwise make two system calls a file.
            if memory.count >= Self.writeSize { try flush() }
        } else if memory.count > Self.memoryLimit, let spill = Self.openOverflow() {
            if Descriptor.writeAll(spill, memory) == nil {
                overflow = spill
                memory = []
            } else {
                close(spill)
            }
        }
    }

    /// Bytes gathered before a write to the file beside the target or to the spill file.
    static let writeSize = 1 << 20

    /// Writes what is held to the file beside the target or to the spill file.
    private func flush() throws {
        if let beside {
            if let code = Descriptor.writeAll(beside.descriptor, memory) {
                beside.discard()
                throw target.failure(code)
            }
            memory.removeAll(keepingCapacity: true)
            return
        }
        guard let spill = overflow else { return }
        // The spill file's end is where these bytes start; a failed write leaves it there.
        let end = lseek(spill, 0, SEEK_CUR)
        if Descriptor.writeAll(spill, memory) == nil { return memory.removeAll(keepingCapacity: true) }
        // $TMPDIR filled up: take back what it holds and carry on in memory.
        guard end >= 0, let held = Self.contents(of: spill, upTo: Int(end)) else { throw target.failure(EIO) }
        memory = held + memory
        dropOverflow()
    }

    /// Publishes what was written: renames it over the file, or copies it to the stream.
    func commit() throws {
        if let beside {
            try flush()
            self.beside = nil
            try target.publish(beside)
            return
        }
        let output: Int32
        switch target.destination {
        case .descriptor(let descriptor): output = descriptor
        case .inPlace(let path):
            output = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC)
            guard output >= 0 else { throw target.failure(errno) }
        case .replace: return
        }
        defer { if case .inPlace = target.destination { close(output) } }
        if let spill = overflow {
            if let code = Self.copy(spill, to: output) { throw target.failure(code) }
            dropOverflow()
        }
        if let code = Descriptor.writeAll(output, memory) { throw target.failure(code) }
        memory = []
    }

    /// Copies the whole of `spill` to `output`; nil on success, else the `errno`. The kernel
    /// copies it (`sendfile`, to a file, pipe or device alike) where it can: a national run's
    /// output is tens of megabytes, and a copy through this process is two more passes over it.
    private static func copy(_ spill: Int32, to output: Int32) -> Int32? {
        guard lseek(spill, 0, SEEK_SET) == 0 else { return errno }
        #if os(Linux)
        while true {
            let sent = sendfile(output, spill, nil, 1 << 30)
            if sent > 0 { continue }
            if sent == 0 { return nil }
            if errno == EINTR { continue }
            // Refused before anything was sent (an output sendfile cannot write to): copy below.
            guard errno == EINVAL || errno == ENOSYS, lseek(spill, 0, SEEK_CUR) == 0 else { return errno }
            break
        }
        #endif
        var chunk = [UInt8](repeating: 0, count: writeSize)
        while true {
            let got = chunk.withUnsafeMutableBytes { read(spill, $0.baseAddress, $0.count) }
            if got < 0, errno == EINTR { continue }
            if got < 0 { return errno }
            if got == 0 { return nil }
            if let code = chunk.withUnsafeBytes({ Descriptor.writeAll(output, UnsafeRawBufferPointer(rebasing: $0[..<got])) }) {
                return code
            }
        }
    }

    /// A temporary file in `$TMPDIR`, unlinked at once; nil when none can be made.
    private static func openOverflow() -> Int32? {
        guard let (descriptor, path) = OutputFile.makeTemporary(
            FileManager.default.temporaryDirectory.appendingPathComponent("assess-XXXXXX").path) else { return nil }
        unlink(path)
        return descriptor
    }

    /// The first `count` bytes of `descriptor`.
    private static func contents(of descriptor: Int32, upTo count: Int) -> [UInt8]? {
        var result = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let got = result.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + done, count - done, off_t(done)) }
            if got < 0, errno == EINTR { continue }
            if got <= 0 { return nil }
            done += got
        }
        return result
    }

    private func dropOverflow() {
        guard let spill = overflow else { return }
        close(spill)
        overflow = nil
    }
}
