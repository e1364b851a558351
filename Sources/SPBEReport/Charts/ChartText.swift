/// Chart labels that fit: SVG text does not wrap, so labels are broken into lines here, by
/// words, at a character budget the chart's geometry allows (the full text stays in a tooltip
/// and in the table beside the chart).
enum ChartText {
    /// At most `lines` lines of at most `width` characters; the last one cut with `…` when the
    /// text is longer still. A word longer than `width` is cut too.
    static func wrap(_ text: String, width: Int, lines: Int) -> [String] {
        var result: [String] = []
        var current = ""
        for word in pieces(text, width: width) {
            let glue = current.isEmpty || current.hasSuffix("-") ? "" : " "
            let candidate = current + glue + word
            if candidate.count <= width {
                current = candidate
            } else {
                if !current.isEmpty { result.append(current) }
                current = word
            }
        }
        if !current.isEmpty { result.append(current) }
        result = result.map { $0.count > width ? String($0.prefix(width - 1)) + "…" : $0 }
        guard result.count > lines else { return result }
        var kept = Array(result.prefix(lines))
        let last = kept[lines - 1]
        kept[lines - 1] = (last.count >= width ? String(last.prefix(width - 1)) : last) + "…"
        return kept
    }

    /// The words of `text`; a word longer than a line is split after its hyphens
    /// (`Digital-government` → `Digital-`, `government`), which then join without a space.
    static func pieces(_ text: String, width: Int) -> [String] {
        text.split(separator: " ").flatMap { word -> [String] in
            guard word.count > width, word.contains("-") else { return [String(word)] }
            var parts = word.split(separator: "-", omittingEmptySubsequences: false).map { String($0) + "-" }
            parts[parts.count - 1].removeLast()
            return parts.filter { !$0.isEmpty }
        }
    }

    /// Approximate width in px of `text` at `size` px in a sans-serif face (0.6 em a character
    /// is above the average for DejaVu Sans, the widest common fallback), for layout checks.
    static func width(_ text: String, size: Double) -> Double { Double(text.count) * size * 0.6 }
}
