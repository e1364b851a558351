import SPBEAssess

/// Horizontal bars of group indices on the rubric's scale, with an optional target line, as SVG.
///
/// Bar i is a rectangle from x = labelWidth to labelWidth + fraction(value) · barWidth, where
/// fraction maps the scale's floor to 0 and its top to 1, so a bar at the top fills the track
/// exactly; the target line stands at fraction(target) · barWidth. Values are written in a
/// column right of the track, so the target line never crosses them; labels wrap to two lines
/// rather than being clipped.
public struct BarChart: Sendable {
    public struct Bar: Sendable, Equatable {
        public let label: String
        public let value: Double
        public init(label: String, value: Double) {
            self.label = label
            self.value = value
        }
    }

    public let bars: [Bar]
    public let scale: ChartScale
    public let target: Double?
    public let language: Language
    public let labelWidth: Double = 200
    public let barWidth: Double = 170
    public let valueWidth: Double = 50
    public let rowHeight: Double = 34
    /// Characters a label line may hold at 12 px within `labelWidth` (0.6 em each, with margin).
    static let labelCharacters = 26

    public init(bars: [Bar], scale: ChartScale = ChartScale(), target: Double? = nil, language: Language = .id) {
        self.bars = bars
        self.scale = scale
        self.target = target
        self.language = language
    }

    /// The length of a bar for `value`.
    public func length(_ value: Double) -> Double { scale.fraction(value) * barWidth }

    public var width: Double { labelWidth + barWidth + valueWidth }

    public func svg(title: String) -> Markup {
        let height = Double(bars.count) * rowHeight + 26
        var parts: [Markup] = [.el("title", children: [.text(title)])]
        for (row, bar) in bars.enumerated() {
            let y = Double(row) * rowHeight + 6
            let lines = ChartText.wrap(bar.label, width: Self.labelCharacters, lines: 2)
            let first = lines.count == 1 ? y + 15 : y + 8
            parts.append(.el("text", ["x": f(labelWidth - 8), "y": f(first), "text-anchor": "end", "class": "bar-label"],
                             children: [.el("title", children: [.text(bar.label)])] + lines.enumerated().map { index, line in
                                 .el("tspan", ["x": f(labelWidth - 8), "dy": index == 0 ? "0" : "14"], .text(line))
                             }))
            parts.append(.el("rect", ["x": f(labelWidth), "y": f(y), "width": f(barWidth), "height": "20", "class": "track"]))
            parts.append(.el("rect", ["x": f(labelWidth), "y": f(y), "width": f(length(bar.value)), "height": "20", "class": "bar"]))
            parts.append(.el("text", ["x": f(labelWidth + barWidth + 6), "y": f(y + 15), "class": "bar-value"],
                             .text(ReportFormat.fixed(bar.value, places: 2, language))))
        }
        for tick in scale.levels {
            let x = labelWidth + length(tick)
            parts.append(.el("text", ["x": f(x), "y": f(height - 4), "text-anchor": "middle", "class": "tick"],
                             .text(ReportFormat.fixed(tick, places: 0, language))))
        }
        if let target {
            let x = labelWidth + length(target)
            parts.append(.el("line", ["x1": f(x), "y1": "0", "x2": f(x), "y2": f(height - 18), "class": "target"]))
        }
        return .el("svg", ["xmlns": "http://www.w3.org/2000/svg", "viewBox": "0 0 \(f(width)) \(f(height))",
                           "class": "chart bars", "role": "img"], children: parts)
    }
}
