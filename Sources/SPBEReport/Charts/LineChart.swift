/// A line of indices over periods (a unit's trend), as SVG.
///
/// Point i of n stands at x = left + i · (plotWidth / (n − 1)) (one point: in the middle) and
/// y = top + (1 − value/maximum) · plotHeight, so 0 lies on the baseline and the maximum on the
/// top line. Where the rubric changes between two points, a dashed vertical line marks it: the
/// two indices are on different scales of judgement.
public struct LineChart: Sendable {
    public struct Point: Sendable, Equatable {
        public let label: String
        public let value: Double
        /// True when this point's rubric differs from the previous point's.
        public let rubricChange: Bool
        public init(label: String, value: Double, rubricChange: Bool = false) {
            self.label = label
            self.value = value
            self.rubricChange = rubricChange
        }
    }

    public let points: [Point]
    public let maximum: Double
    public let left: Double = 80, top: Double = 20, plotWidth: Double = 420, plotHeight: Double = 170

    public init(points: [Point], maximum: Double = 5) {
        self.points = points
        self.maximum = maximum
    }

    public func position(_ index: Int) -> (x: Double, y: Double) {
        let x = points.count > 1 ? left + Double(index) * plotWidth / Double(points.count - 1) : left + plotWidth / 2
        let value = min(max(points[index].value, 0), maximum)
        return (x, top + (1 - value / maximum) * plotHeight)
    }

    public func svg(title: String) -> Markup {
        var parts: [Markup] = [.el("title", children: [.text(title)])]
        for level in stride(from: 0.0, through: maximum, by: 1.0) {
            let y = top + (1 - level / maximum) * plotHeight
            parts.append(.el("line", ["x1": f(left), "y1": f(y), "x2": f(left + plotWidth), "y2": f(y), "class": "grid"]))
            parts.append(.el("text", ["x": f(left - 8), "y": f(y + 4), "text-anchor": "end", "class": "tick"], .text(String(Int(level)))))
        }
        for index in points.indices where points[index].rubricChange && index > 0 {
            let x = (position(index - 1).x + position(index).x) / 2
            parts.append(.el("line", ["x1": f(x), "y1": f(top), "x2": f(x), "y2": f(top + plotHeight), "class": "target"]))
        }
        parts.append(.el("polyline", ["points": points.indices.map { "\(f(position($0).x)),\(f(position($0).y))" }.joined(separator: " "),
                                      "class": "trend"]))
        for index in points.indices {
            let p = position(index)
            parts.append(.el("circle", ["cx": f(p.x), "cy": f(p.y), "r": "4", "class": "dot"]))
            parts.append(.el("text", ["x": f(p.x), "y": f(p.y - 9), "text-anchor": "middle", "class": "bar-value"],
                             .text(String(format: "%.2f", points[index].value))))
            parts.append(.el("text", ["x": f(p.x), "y": f(top + plotHeight + 18), "text-anchor": "middle", "class": "bar-label"],
                             .text(points[index].label)))
        }
        return .el("svg", ["xmlns": "http://www.w3.org/2000/svg", "viewBox": "0 0 \(f(left + plotWidth + 80)) \(f(top + plotHeight + 30))",
                           "class": "chart trend", "role": "img"], children: parts)
    }
}
