import CLibXML
import Foundation

/// The bytes of one input file, its text as a byte scan reads it, and the means to turn an
/// element's line into a column.
///
/// libxml2 keeps a line per element but no column, and schema errors carry no column at all. A
/// user fixing a file wants to land on the element or attribute at fault, so when a diagnostic is
/// made we find its `<name` (and `attr=`): at the byte offset the parser gave, or else on the
/// element's line. Line starts are indexed on first use.
final class SourceText {
    let path: String
    /// The file as read: what the parser is given.
    let bytes: [UInt8]
    let encoding: InputEncoding
    /// The file as ASCII-compatible text (`bytes` itself unless it is UTF-16, then its UTF-8):
    /// what lines and columns are found in, and what the scans before the parse read.
    let text: [UInt8]
    // Caches filled on the one thread that reads the file; they are touched for every element
    // located, so they go without dynamic exclusivity checks.
    @exclusivity(unchecked) private var lineStarts: [Int]?
    /// UTF-8 lead bytes before every 4,096-byte block: a column is then counted over at most one
    /// block, not from the start of a (possibly 9 MB) line.
    @exclusivity(unchecked) private var leadsBefore: [Int]?
    /// The line ``lineNumber(of:_:)`` found last, where the next search starts.
    @exclusivity(unchecked) private var lastLine = 1
    /// Every `<element` offset on a long line, by line and name: each line is scanned once per
    /// element name however many diagnostics point into it.
    @exclusivity(unchecked) private var tagsOnLine: [Int: [String: [Int]]] = [:]

    init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        encoding = InputEncoding.of(bytes)
        text = encoding.scannable(bytes)
    }

    /// The 1-based column of `<element` on `line` (or, as libxml2 records the line where a start
    /// tag ends, on one of the few lines before it), or of its `attribute=` when given.
    ///
    /// `offset`, the byte offset of the tag's `<` when the parser could say it (a UTF-8 file:
    /// ``tagStart(before:)``), places the element exactly; the column is then nil when the tag
    /// starts on an earlier line than `line`. Without it the tag is looked for on the line, and
    /// `ordinal` says which of the elements of this name recorded on `line` it is, so that on a
    /// file written on one line the third `<met` is found, not the first. (A tag that starts on
    /// an earlier line and ends on a line holding another of its name would shift the count;
    /// such a file is rare enough to get the nearer column.)
    func column(line: Int, element: String, attribute: String? = nil, ordinal: @autoclosure () -> Int = 0,
                offset: Int? = nil) -> Int? {
        let starts = indexLines()
        guard line >= 1, line <= starts.count else { return nil }
        if let offset, offset < text.count {
            if let attribute, let at = find(attribute: attribute, in: offset..<tagEnd(from: offset)) {
                return characters(from: starts[lineNumber(of: at, starts) - 1], to: at) + 1
            }
            let tagLine = lineNumber(of: offset, starts)
            return tagLine == line ? characters(from: starts[tagLine - 1], to: offset) + 1 : nil
        }
        for candidate in stride(from: line, through: max(1, line - 20), by: -1) {
            let range = lineRange(candidate, starts)
            guard let tag = cachedTag(element, line: candidate, in: range, ordinal: candidate == line ? ordinal() : 0) else { continue }
            if let attribute {
                // The attribute may sit on the tag's line or on any line up to the reported one,
                // but never past the tag's end.
                let end = min(lineRange(line, starts).upperBound, tagEnd(from: tag))
                if let at = find(attribute: attribute, in: tag..<end) {
                    let atLine = lineNumber(of: at, starts)
                    return characters(from: lineRange(atLine, starts).lowerBound, to: at) + 1
                }
            }
            return candidate == line ? characters(from: range.lowerBound, to: tag) + 1 : nil
        }
        return nil
    }

    /// The offset of the `<` that opens the tag whose parsing reached `end` (the parser's byte
    /// position when it reports a start tag): the last `<` before it, as no attribute value may
    /// hold one. Nil when there is none.
    func tagStart(before end: Int) -> Int? {
        guard end > 0, end <= text.count else { return nil }
        let found = text.withUnsafeBufferPointer { spbe_last_index($0.baseAddress, end, UInt8(ascii: "<")) }
        return found >= 0 ? found : nil
    }

    /// The line a byte offset falls on, 1-based.
    func lineNumber(ofOffset offset: Int) -> Int { lineNumber(of: offset, indexLines()) }

    private func indexLines() -> [Int] {
        if let lineStarts { return lineStarts }
        var starts = [0]
        // memchr jumps from line break to line break: every streamed file is indexed once.
        text.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var from = 0
            while from < buffer.count, let found = memchr(base + from, 0x0A, buffer.count - from) {
                from = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                starts.append(from)
            }
        }
        lineStarts = starts
        return starts
    }

    private func lineRange(_ line: Int, _ starts: [Int]) -> Range<Int> {
        let start = starts[line - 1]
        let end = line < starts.count ? starts[line] - 1 : text.count
        return start..<max(start, end)
    }

    private func lineNumber(of offset: Int, _ starts: [Int]) -> Int {
        // Elements are placed in file order: the line after the last one found is the usual
        // answer, a step or two from it.
        var line = lastLine
        if line >= 1, line <= starts.count, starts[line - 1] <= offset {
            var steps = 0
            while line < starts.count, starts[line] <= offset, steps < 8 { line += 1; steps += 1 }
            if line == starts.count || starts[line] > offset {
                lastLine = line
                return line
            }
        }
        var low = 0, high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        lastLine = low + 1
        return low + 1
    }

    private func characters(from start: Int, to end: Int) -> Int {
        // Count UTF-8 lead bytes only, so a column is in characters as editors show it. A line
        // of an ordinary file is short: counting its own bytes is far cheaper than counting up to
        // two 4 KB blocks' worth from the table (which was half of `validate`'s instructions);
        // the table is for long lines. A UTF-8 byte-order mark is no character an editor shows.
        // In a single-byte encoding a character is a byte, not a UTF-8 lead byte.
        if case .singleByte = encoding { return end - start }
        let mark = start == 0 && end >= 3 && text.starts(with: [0xEF, 0xBB, 0xBF]) ? 1 : 0
        if (0...Self.block).contains(end - start) { return leads(in: start..<end) - mark }
        return leads(before: end) - leads(before: start) - mark
    }

    private func leads(in range: Range<Int>) -> Int {
        text.withUnsafeBufferPointer { buffer in
            var count = 0
            for index in range where buffer[index] & 0xC0 != 0x80 { count += 1 }
            return count
        }
    }

    private static let block = 4096
    private static let shortLine = 256

    private func leads(before offset: Int) -> Int {
        if leadsBefore == nil {
            var counts = [0]
            counts.reserveCapacity(text.count / Self.block + 2)
            var total = 0
            text.withUnsafeBufferPointer { buffer in
                for (index, byte) in buffer.enumerated() {
                    if index > 0, index % Self.block == 0 { counts.append(total) }
                    if byte & 0xC0 != 0x80 { total += 1 }
                }
            }
            leadsBefore = counts
        }
        let block = min(offset / Self.block, leadsBefore!.count - 1)
        return leadsBefore![block] + leads(in: block * Self.block..<offset)
    }

    /// The `ordinal`-th `<element` on the line (the last when there are fewer).
    private func cachedTag(_ element: String, line: Int, in range: Range<Int>, ordinal: Int) -> Int? {
        // A short line is searched again: cheaper than hashing a line and a name. The cache is
        // for long lines (a whole file on one line), where searching again would be quadratic:
        // there every opening of the name is listed once.
        if range.count <= Self.shortLine {
            var found = find(tagOpening: element, in: range)
            var skip = ordinal
            while skip > 0, let at = found, let next = find(tagOpening: element, in: at + 1..<range.upperBound) {
                found = next
                skip -= 1
            }
            return found
        }
        let openings: [Int]
        if let known = tagsOnLine[line]?[element] {
            openings = known
        } else {
            var list: [Int] = []
            var from = range.lowerBound
            while let at = find(tagOpening: element, in: from..<range.upperBound) {
                list.append(at)
                from = at + 1
            }
            tagsOnLine[line, default: [:]][element] = list
            openings = list
        }
        return openings.isEmpty ? nil : openings[min(ordinal, openings.count - 1)]
    }

    /// The offset of the `>` closing the tag that starts at `start` (quoted values skipped).
    private func tagEnd(from start: Int) -> Int {
        var quote: UInt8 = 0
        var index = start
        while index < text.count {
            let byte = text[index]
            if quote != 0 { if byte == quote { quote = 0 } }
            else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { quote = byte }
            else if byte == UInt8(ascii: ">") { return index }
            index += 1
        }
        return text.count
    }

    // The searches below compare bytes in place: a column is found for every element a file
    // records (for later findings), so they run tens of thousands of times per national run.

    private func find(tagOpening name: String, in range: Range<Int>) -> Int? {
        var name = name
        return name.withUTF8 { needle in
            var index = range.lowerBound
            while index < range.upperBound {
                if text[index] == UInt8(ascii: "<") {
                    var nameStart = index + 1
                    // Skip a namespace prefix such as `r:`.
                    var probe = nameStart
                    while probe < range.upperBound, isNameByte(text[probe]) { probe += 1 }
                    if probe < range.upperBound, text[probe] == UInt8(ascii: ":") { nameStart = probe + 1 }
                    if matches(needle, at: nameStart, before: range.upperBound) { return index }
                }
                index += 1
            }
            return nil
        }
    }

    private func find(attribute name: String, in range: Range<Int>) -> Int? {
        var name = name
        return name.withUTF8 { needle in
            var index = range.lowerBound
            while index < range.upperBound {
                let before = index > 0 ? text[index - 1] : UInt8(ascii: " ")
                if isSpace(before), matches(needle, at: index, before: range.upperBound, followedBy: UInt8(ascii: "=")) {
                    return index
                }
                index += 1
            }
            return nil
        }
    }

    private func matches(_ needle: UnsafeBufferPointer<UInt8>, at start: Int, before limit: Int,
                         followedBy follower: UInt8? = nil) -> Bool {
        guard start + needle.count <= limit else { return false }
        for offset in 0..<needle.count where text[start + offset] != needle[offset] { return false }
        var next = start + needle.count
        guard next < text.count else { return follower == nil }
        if let follower {
            while next < text.count, isSpace(text[next]) { next += 1 }
            return next < text.count && text[next] == follower
        }
        return !isNameByte(text[next]) && text[next] != UInt8(ascii: ":")
    }

    private func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte >= 0x80
    }
}
