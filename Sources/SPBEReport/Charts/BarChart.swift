/// Horizontal bars of group indices on a 0…maximum scale, with an optional target line, as SVG.
///
/// Bar i is a rectangle from x = labelWidth to labelWidth + value/maximum · barWidth, so a bar at
/// the maximum fills the track exactly; the target line stands at target/maximum · barWidth.
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
    public let maximum: Double
    public let target: Double?
    public let labelWidth: Double = 210
    public let barWidth: Double = 300
    public let rowHeight: Double = 26

    public init(bars: [Bar], maximum: Double = 5, target: Double? = nil) {
        self.bars = bars
        self.maximum = maximum
        self.target = target
    }

    /// Labels longer than the label column are cut with an ellipsis (the full text stays in a
    /// tooltip and in the table beside the chart).
    static func shortened(_ label: String, limit: Int = 28) -> String {
        label.count <= limit ? label : String(label.prefix(limit - 1)) + "…"
    }

    /// The length of a bar for `value`.
    public func length(_ value: Double) -> Double { min(max(value, 0), maximum) / maximum * barWidth }

    public func svg(title: String) -> Markup {
        let height = Double(bars.count) * rowHeight + 24
        var parts: [Markup] = [.el("title", children: [.text(title)])]
        for (row, bar) in bars.enumerated() {
            let y = Double(row) * rowHeight + 4
            parts.append(.el("text", ["x": f(labelWidth - 8), "y": f(y + 15), "text-anchor": "end", "class": "bar-label"],
                             .el("title", children: [.text(bar.label)]), .text(Self.shortened(bar.label))))
            parts.append(.el("rect", ["x": f(labelWidth), "y": f(y), "width": f(barWidth), "height": "18", "class": "track"]))
            parts.append(.el("rect", ["x": f(labelWidth), "y": f(y), "width": f(length(bar.value)), "height": "18", "class": "bar"]))
            parts.append(.el("text", ["x": f(labelWidth + length(bar.value) + 4), "y": f(y + 14), "class": "bar-value"],
                             .text(String(format: "%.2f", bar.value))))
        }
        for tick in stride(from: 0.0, through: maximum, by: 1.0) {
            let x = labelWidth + length(tick)
            parts.append(.el("text", ["x": f(x), "y": f(height - 4), "text-anchor": "middle", "class": "tick"], .text(String(Int(tick)))))
        }
        if let target {
            let x = labelWidth + length(target)
            parts.append(.el("line", ["x1": f(x), "y1": "0", "x2": f(x), "y2": f(height - 16), "class": "target"]))
        }
        return .el("svg", ["xmlns": "http://www.w3.org/2000/svg", "viewBox": "0 0 \(f(labelWidth + barWidth + 50)) \(f(height))",
                           "class": "chart bars", "role": "img"], children: parts)
    }
}
