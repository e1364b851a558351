/// A `documents="a b c"` value as its identifiers.
enum IdentifierList {
    /// Splits on the space byte. Identifiers are ASCII (the schema's pattern) and a byte loop is
    /// several times cheaper than splitting Characters or a generic `UTF8View.split`, which this
    /// is on every valid file; empty pieces are dropped, as `split(separator:)` drops them.
    static func split(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            var pieces: [String] = []
            // Sized once (a list of two or three ids otherwise grows twice).
            pieces.reserveCapacity(bytes.reduce(1) { $0 + ($1 == UInt8(ascii: " ") ? 1 : 0) })
            var start = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: " ") {
                if index > start { pieces.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)) }
                start = index + 1
            }
            return pieces
        }
    }
}
