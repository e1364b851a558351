/// Document ids in an aggregated file: the OPD's id, a dot, the document's id
/// (`diskominfo.perbup-arsitektur`), so documents of different OPDs never collide and each keeps
/// its origin in plain sight.
enum DocumentIdentifier {
    /// Identifiers are at most 64 characters; a longer qualified id keeps its first 55 and ends
    /// in `-` and 8 hex digits of its FNV-1a hash, so it stays unique and stable between runs.
    static func qualified(unit: String, document: String) -> String {
        let full = "\(unit).\(document)"
        guard full.count > 64 else { return full }
        var hash: UInt32 = 2_166_136_261
        for byte in full.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        let hex = String(hash, radix: 16)
        return String(full.prefix(55)) + "-" + String(repeating: "0", count: 8 - hex.count) + hex
    }
}
