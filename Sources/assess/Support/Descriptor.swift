#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Checked writes to a file descriptor: every `write` result is looked at, short writes are
/// continued and EINTR retried, so a full disk or a closed pipe is an error value, never a trap
/// (Foundation's `FileHandle.write(_:)` traps on both).
enum Descriptor {
    /// Writes all of `bytes`; nil on success, else the `errno` of the failed write.
    static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
        var done = 0
        while done < bytes.count {
            let wrote = write(descriptor, bytes.baseAddress! + done, bytes.count - done)
            if wrote < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if wrote == 0 { return EIO }
            done += wrote
        }
        return nil
    }

    static func writeAll(_ descriptor: Int32, _ text: String) -> Int32? {
        var text = text
        return text.withUTF8 { writeAll(descriptor, UnsafeRawBufferPointer($0)) }
    }

    static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Int32? {
        bytes.withUnsafeBytes { writeAll(descriptor, $0) }
    }

    /// The system's text for `code` (`No space left on device`).
    static func describe(_ code: Int32) -> String { String(cString: strerror(code)) }
}
