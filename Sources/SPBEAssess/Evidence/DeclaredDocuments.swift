import Glibc

/// The document ids an evidence file declares, and the lookup of the ids its answers cite.
///
/// Hand-written rather than a `Set<String>`: a dense file cites a declared id a few hundred
/// times, and splitting each `documents="a b"` into new Strings and hashing each with SipHash
/// was a quarter of checking the file. Here a cited id is found by its bytes (FNV-1a into an
/// open-addressed table) and comes back as the declared String, so citing makes no String.
struct DeclaredDocuments {
    /// The declared ids, in declaration order, without repeats.
    private(set) var ids: [String] = []
    /// Every id's UTF-8 bytes, one after another; `ends[i]` is where id `i`'s bytes end.
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    /// Open addressing: an id's index plus one, 0 for an empty slot; the count a power of two at
    /// least twice the ids.
    private var slots: [Int32]

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [Int32](repeating: 0, count: size)
        ids.reserveCapacity(capacity)
        ends.reserveCapacity(capacity)
    }

    /// Declares `id`; false when it was declared before.
    mutating func insert(_ id: String) -> Bool {
        var id = id
        let slot = id.withUTF8 { find($0) }
        guard slots[slot] == 0 else { return false }
        if ids.count * 2 >= slots.count {
            grow()
            return insert(id)
        }
        bytes.append(contentsOf: id.utf8)
        ends.append(bytes.count)
        ids.append(id)
        slots[slot] = Int32(ids.count)
        return true
    }

    /// The ids of a space-separated `list`, each as declared, with the ones not declared apart
    /// (both in the order cited; an empty piece is no id, as `split(separator:)` drops it).
    func cite(_ list: String) -> (cited: [String], undeclared: [String]) {
        var cited: [String] = []
        let undeclared = cite(list, into: &cited)
        return (cited, undeclared)
    }

    /// The same, appending the cited ids to `cited` (one array for all of an answer's criteria,
    /// not one per criterion) and returning the undeclared ones.
    func cite(_ list: String, into cited: inout [String]) -> [String] {
        var list = list
        return list.withUTF8 { text in
            var undeclared: [String] = []
            var start = 0
            for end in 0...text.count where end == text.count || text[end] == UInt8(ascii: " ") {
                defer { start = end + 1 }
                guard end > start else { continue }
                let piece = UnsafeBufferPointer(rebasing: text[start..<end])
                let slot = find(piece)
                if slots[slot] != 0 {
                    cited.append(ids[Int(slots[slot]) - 1])
                } else {
                    let id = String(decoding: piece, as: UTF8.self)
                    cited.append(id)
                    undeclared.append(id)
                }
            }
            return undeclared
        }
    }

    /// The slot holding `key`, or the empty slot where it would go.
    private func find(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key { hash = (hash ^ UInt64(byte)) &* 0x0100_0000_01b3 }
        return slots.withUnsafeBufferPointer { slots in
            bytes.withUnsafeBufferPointer { bytes in
                ends.withUnsafeBufferPointer { ends in
                    let mask = slots.count - 1
                    var slot = Int(truncatingIfNeeded: hash) & mask
                    while slots[slot] != 0 {
                        let index = Int(slots[slot]) - 1
                        let start = index == 0 ? 0 : ends[index - 1]
                        if ends[index] - start == key.count,
                           key.isEmpty || memcmp(bytes.baseAddress! + start, key.baseAddress!, key.count) == 0 {
                            return slot
                        }
                        slot = (slot + 1) & mask
                    }
                    return slot
                }
            }
        }
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        for index in ids.indices {
            let start = index == 0 ? 0 : ends[index - 1]
            let slot = bytes.withUnsafeBufferPointer { find(UnsafeBufferPointer(rebasing: $0[start..<ends[index]])) }
            slots[slot] = Int32(index + 1)
        }
    }
}
