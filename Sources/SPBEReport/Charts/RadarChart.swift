import Foundation
import SPBEAssess

/// A radar (spider) chart of group indices, e.g. the 8 SPBE aspects, as SVG.
///
/// Axis k of n points at angle −90° + 360°·k/n (the first straight up, then clockwise); a value v
/// lies at distance fraction(v) · radius from the centre, fraction mapping the scale's floor to 0
/// and its top to 1, so the top level is on the outer ring. Rings are drawn at every whole level.
/// Labels are the axis id, a short title (two lines at most) and the value; the canvas is wider
/// than the circle so labels on the left and right are never clipped.
public struct RadarChart: Sendable {
    public struct Axis: Sendable, Equatable {
        public let label: String
        /// A short title shown under the id; empty for none.
        public let title: String
        public let value: Double
        public init(label: String, title: String = "", value: Double) {
            self.label = label
            self.title = title
            self.value = value
        }
    }

    public let axes: [Axis]
    public let scale: ChartScale
    /// A dashed ring at this value (the target index), if any.
    public let target: Double?
    public let language: Language
    public let width: Double = 560
    public let height: Double = 440
    public let radius: Double = 140
    public var centre: (x: Double, y: Double) { (width / 2, height / 2) }
    /// Characters per title line: 16 at 11 px is about 106 px, inside the 124 px margin.
    static let titleCharacters = 16

    public init(axes: [Axis], scale: ChartScale = ChartScale(), target: Double? = nil, language: Language = .id) {
        self.axes = axes
        self.scale = scale
        self.target = target
        self.language = language
    }

    /// Where `value` on axis `index` lies.
    public func point(axis index: Int, value: Double) -> (x: Double, y: Double) {
        point(axis: index, distance: scale.fraction(value) * radius)
    }

    func point(axis index: Int, distance: Double) -> (x: Double, y: Double) {
        let angle = -Double.pi / 2 + 2 * Double.pi * Double(index) / Double(max(axes.count, 1))
        return (centre.x + distance * cos(angle), centre.y + distance * sin(angle))
    }

    /// The lines of axis `index`'s label: id and value, then the short title (left out when there
    /// are too many axes for titles to stand apart).
    func labelLines(_ index: Int) -> [String] {
        let axis = axes[index]
        let head = "\(axis.label) \(ReportFormat.fixed(axis.value, places: 2, language))"
        guard axes.count <= 10, !axis.title.isEmpty else { return [head] }
        return [head] + ChartText.wrap(axis.title, width: Self.titleCharacters, lines: 2)
    }

    public func svg(title: String) -> Markup {
        var parts: [Markup] = [.el("title", children: [.text(title)])]
        for ring in scale.levels where ring > scale.minimum {
            parts.append(.el("polygon", ["points": polygon { _ in ring }, "class": "ring"]))
        }
        for index in axes.indices {
            let end = point(axis: index, distance: radius)
            parts.append(.el("line", ["x1": f(centre.x), "y1": f(centre.y), "x2": f(end.x), "y2": f(end.y), "class": "spoke"]))
            let lines = labelLines(index)
            let anchorPoint = point(axis: index, distance: radius + 12)
            let anchor = abs(anchorPoint.x - centre.x) < 1 ? "middle" : (anchorPoint.x > centre.x ? "start" : "end")
            // Above the centre the block of lines ends at the anchor; below it starts there.
            let blockHeight = Double(lines.count - 1) * 13
            let dy = anchorPoint.y < centre.y - 1 ? -blockHeight : (anchorPoint.y > centre.y + 1 ? 10 : 4 - blockHeight / 2)
            parts.append(.el("text", ["x": f(anchorPoint.x), "y": f(anchorPoint.y + dy), "text-anchor": anchor, "class": "axis-label"],
                             children: lines.enumerated().map { number, line in
                                 .el("tspan", ["x": f(anchorPoint.x), "dy": number == 0 ? "0" : "13",
                                               "class": number == 0 ? "axis-head" : "axis-title"], .text(line))
                             }))
        }
        if let target {
            parts.append(.el("polygon", ["points": polygon { _ in target }, "class": "target"]))
        }
        parts.append(.el("polygon", ["points": polygon { axes[$0].value }, "class": "value"]))
        for index in axes.indices {
            let p = point(axis: index, value: axes[index].value)
            parts.append(.el("circle", ["cx": f(p.x), "cy": f(p.y), "r": "3", "class": "dot"]))
        }
        return .el("svg", ["xmlns": "http://www.w3.org/2000/svg", "viewBox": "0 0 \(f(width)) \(f(height))",
                           "class": "chart radar", "role": "img"], children: parts)
    }

    private func polygon(_ value: (Int) -> Double) -> String {
        axes.indices.map { index in
            let p = point(axis: index, value: value(index))
            return "\(f(p.x)),\(f(p.y))"
        }.joined(separator: " ")
    }
}

/// Two decimals, enough for SVG coordinates.
func f(_ value: Double) -> String { String(format: "%.2f", value) }
