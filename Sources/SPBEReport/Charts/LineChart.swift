import SPBEAssess

/// A line of indices over periods (a unit's trend), as SVG.
///
/// Point i of n stands at x = left + i · (plotWidth / (n − 1)) (one point: in the middle) and
/// y = top + (1 − fraction(value)) · plotHeight, so the scale's floor lies on the baseline and its
/// top on the top line. The line is not drawn across a change of rubric (the two indices are
/// judged by different frameworks, and a line between them would read as a rise or a fall);
/// there a dashed vertical line marks the change, and the earlier period migrated to the new
/// rubric is drawn as its own series, joined to the later point: that is the comparison.
public struct LineChart: Sendable {
    public struct Point: Sendable, Equatable {
        public let label: String
        public let value: Double
        /// True when this point's rubric differs from the previous point's.
        public let rubricChange: Bool
        /// Across a rubric change: the previous period's index migrated to this point's rubric.
        public let migratedPrevious: Double?
        public init(label: String, value: Double, rubricChange: Bool = false, migratedPrevious: Double? = nil) {
            self.label = label
            self.value = value
            self.rubricChange = rubricChange
            self.migratedPrevious = migratedPrevious
        }
    }

    public let points: [Point]
    public let scale: ChartScale
    public let language: Language
    /// The legend's name for the migrated series.
    public let migratedLabel: String
    public let left: Double = 80, top: Double = 24, plotWidth: Double = 420, plotHeight: Double = 170

    public init(points: [Point], scale: ChartScale = ChartScale(), language: Language = .id, migratedLabel: String = "") {
        self.points = points
        self.scale = scale
        self.language = language
        self.migratedLabel = migratedLabel
    }

    public func x(_ index: Int) -> Double {
        points.count > 1 ? left + Double(index) * plotWidth / Double(points.count - 1) : left + plotWidth / 2
    }

    public func y(_ value: Double) -> Double { top + (1 - scale.fraction(value)) * plotHeight }

    public func position(_ index: Int) -> (x: Double, y: Double) { (x(index), y(points[index].value)) }

    /// Runs of consecutive points on one rubric, each drawn as one line.
    var runs: [[Int]] {
        var runs: [[Int]] = []
        for index in points.indices {
            if index == 0 || points[index].rubricChange { runs.append([index]) } else { runs[runs.count - 1].append(index) }
        }
        return runs
    }

    public func svg(title: String) -> Markup {
        var parts: [Markup] = [.el("title", children: [.text(title)])]
        for level in scale.levels {
            parts.append(.el("line", ["x1": f(left), "y1": f(y(level)), "x2": f(left + plotWidth), "y2": f(y(level)), "class": "grid"]))
            parts.append(.el("text", ["x": f(left - 8), "y": f(y(level) + 4), "text-anchor": "end", "class": "tick"],
                             .text(ReportFormat.fixed(level, places: 0, language))))
        }
        for index in points.indices where points[index].rubricChange && index > 0 {
            let middle = (x(index - 1) + x(index)) / 2
            parts.append(.el("line", ["x1": f(middle), "y1": f(top), "x2": f(middle), "y2": f(top + plotHeight), "class": "target"]))
        }
        for run in runs {
            parts.append(.el("polyline", ["points": run.map { "\(f(position($0).x)),\(f(position($0).y))" }.joined(separator: " "),
                                          "class": "trend"]))
        }
        var hasMigrated = false
        for index in points.indices where index > 0 {
            guard let migrated = points[index].migratedPrevious else { continue }
            hasMigrated = true
            let from = (x: x(index - 1), y: y(migrated))
            let to = position(index)
            parts.append(.el("line", ["x1": f(from.x), "y1": f(from.y), "x2": f(to.x), "y2": f(to.y), "class": "migrated"]))
            parts.append(.el("rect", ["x": f(from.x - 4), "y": f(from.y - 4), "width": "8", "height": "8", "class": "migrated-dot"]))
            // Below the point when it lies under the period's own value, else above: never on it.
            let below = migrated <= points[index - 1].value
            parts.append(.el("text", ["x": f(from.x), "y": f(from.y + (below ? 18 : -9)), "text-anchor": "middle", "class": "migrated-value"],
                             .text(ReportFormat.fixed(migrated, places: 2, language))))
        }
        for index in points.indices {
            let p = position(index)
            parts.append(.el("circle", ["cx": f(p.x), "cy": f(p.y), "r": "4", "class": "dot"]))
            let labelY = p.y - 9 < top ? p.y + 18 : p.y - 9
            parts.append(.el("text", ["x": f(p.x), "y": f(labelY), "text-anchor": "middle", "class": "bar-value"],
                             .text(ReportFormat.fixed(points[index].value, places: 2, language))))
            parts.append(.el("text", ["x": f(p.x), "y": f(top + plotHeight + 18), "text-anchor": "middle", "class": "bar-label"],
                             .text(points[index].label)))
        }
        if hasMigrated, !migratedLabel.isEmpty {
            parts.append(.el("rect", ["x": f(left), "y": f(top + plotHeight + 28), "width": "8", "height": "8", "class": "migrated-dot"]))
            parts.append(.el("text", ["x": f(left + 14), "y": f(top + plotHeight + 36), "class": "tick"], .text(migratedLabel)))
        }
        return .el("svg", ["xmlns": "http://www.w3.org/2000/svg", "viewBox": "0 0 \(f(left + plotWidth + 80)) \(f(top + plotHeight + 44))",
                           "class": "chart trend", "role": "img"], children: parts)
    }
}
