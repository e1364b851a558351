import CZlib

/// A ZIP archive held in memory: its central directory, and each entry's bytes inflated in
/// bounded chunks.
///
/// Hand-written, on zlib's inflate (the `CZlib` module ZIPFoundation brings), because
/// ZIPFoundation 0.9.20's reader cannot be bounded: its inflate loop spins for ever on a deflate
/// stream that does not end before the file does, and its in-memory backend traps on an entry
/// offset past the end (both found by the fuzzer); its file backend would need the bytes on a
/// disk. A workbook needs only what this reads: stored and deflated entries of one archive, no
/// ZIP64, no encryption. ZIPFoundation still writes every package.
struct ZipDirectory {
    struct Entry {
        let name: String
        let method: UInt16
        let flags: UInt16
        let crc: UInt32
        let compressedSize: Int
        let uncompressedSize: Int
        let localHeaderOffset: Int
    }

    /// What is wrong with the archive; the caller words it for the user.
    enum Failure: Error {
        case damaged
        case unsupported
        /// The inflated bytes do not match the entry's CRC-32.
        case checksum
    }

    let bytes: [UInt8]
    let entries: [Entry]

    static let endSignature: UInt32 = 0x0605_4B50
    static let centralSignature: UInt32 = 0x0201_4B50
    static let localSignature: UInt32 = 0x0403_4B50

    init(bytes: [UInt8]) throws(Failure) {
        self.bytes = bytes
        // The end record is 22 bytes, followed by a comment of at most 65,535.
        guard bytes.count >= 22 else { throw .damaged }
        var end: Int?
        for start in stride(from: bytes.count - 22, through: max(0, bytes.count - 22 - 0xFFFF), by: -1)
            where Self.uint32(bytes, start) == Self.endSignature {
            end = start
            break
        }
        guard let end else { throw .damaged }
        let count = Int(Self.uint16(bytes, end + 10))
        let size = Int(Self.uint32(bytes, end + 12))
        let offset = Int(Self.uint32(bytes, end + 16))
        // 0xFFFF / 0xFFFFFFFF mark ZIP64, which no workbook needs.
        guard count != 0xFFFF, offset != 0xFFFF_FFFF else { throw .unsupported }
        guard offset + size <= end else { throw .damaged }
        var entries: [Entry] = []
        var position = offset
        for _ in 0..<count {
            guard position + 46 <= offset + size, Self.uint32(bytes, position) == Self.centralSignature else { throw .damaged }
            let nameLength = Int(Self.uint16(bytes, position + 28))
            let extraLength = Int(Self.uint16(bytes, position + 30))
            let commentLength = Int(Self.uint16(bytes, position + 32))
            let next = position + 46 + nameLength + extraLength + commentLength
            guard next <= offset + size else { throw .damaged }
            entries.append(Entry(
                name: String(decoding: bytes[position + 46 ..< position + 46 + nameLength], as: UTF8.self),
                method: Self.uint16(bytes, position + 10), flags: Self.uint16(bytes, position + 8),
                crc: Self.uint32(bytes, position + 16), compressedSize: Int(Self.uint32(bytes, position + 20)),
                uncompressedSize: Int(Self.uint32(bytes, position + 24)), localHeaderOffset: Int(Self.uint32(bytes, position + 42))))
            position = next
        }
        self.entries = entries
    }

    /// The entry's bytes, handed to `chunk` in pieces of at most 64 KiB as they are inflated
    /// (`chunk` throws to stop early); the CRC is checked at the end.
    func read(_ entry: Entry, chunk: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        guard entry.flags & 1 == 0 else { throw Failure.unsupported }  // encrypted
        let header = entry.localHeaderOffset
        guard header + 30 <= bytes.count, Self.uint32(bytes, header) == Self.localSignature else { throw Failure.damaged }
        let start = header + 30 + Int(Self.uint16(bytes, header + 26)) + Int(Self.uint16(bytes, header + 28))
        guard start + entry.compressedSize <= bytes.count else { throw Failure.damaged }
        var crc: UInt = 0
        try bytes.withUnsafeBufferPointer { all in
            let input = UnsafeBufferPointer(rebasing: all[start ..< start + entry.compressedSize])
            func emit(_ piece: UnsafeBufferPointer<UInt8>) throws {
                crc = CZlib.crc32(crc, piece.baseAddress, UInt32(piece.count))
                try chunk(piece)
            }
            switch entry.method {
            case 0: try emit(input)
            case 8: try Self.inflate(input, emit)
            default: throw Failure.unsupported
            }
        }
        guard UInt32(truncatingIfNeeded: crc) == entry.crc else { throw Failure.checksum }
    }

    /// Raw deflate (no zlib header) until the stream's end; input that ends first is damaged,
    /// never a wait for more.
    private static func inflate(_ input: UnsafeBufferPointer<UInt8>, _ emit: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { throw Failure.damaged }
        defer { inflateEnd(&stream) }
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
        stream.avail_in = UInt32(input.count)
        var output = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let (status, produced) = output.withUnsafeMutableBufferPointer { buffer in
                stream.next_out = buffer.baseAddress
                stream.avail_out = UInt32(buffer.count)
                let status = CZlib.inflate(&stream, Z_NO_FLUSH)
                return (status, buffer.count - Int(stream.avail_out))
            }
            if produced > 0 { try output.withUnsafeBufferPointer { try emit(UnsafeBufferPointer(rebasing: $0[0 ..< produced])) } }
            if status == Z_STREAM_END { return }
            // Z_BUF_ERROR with nothing produced: the input ran out before the stream's end.
            guard status == Z_OK, produced > 0 || stream.avail_in > 0 else { throw Failure.damaged }
        }
    }

    private static func uint16(_ bytes: [UInt8], _ at: Int) -> UInt16 {
        UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    private static func uint32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        guard at >= 0, at + 4 <= bytes.count else { return 0 }
        return UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
    }
}
