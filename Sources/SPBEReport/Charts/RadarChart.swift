import Foundation

/// A radar (spider) chart of group indices, e.g. the 8 SPBE aspects, as SVG.
///
/// Axis k of n points at angle −90° + 360°·k/n (the first straight up, then clockwise); a value v
/// on a scale 0…maximum lies at distance v/maximum · radius from the centre, so a 5 on a 0–5
/// scale is on the outer ring. Rings are drawn at every whole level.
public struct RadarChart: Sendable {
    public struct Axis: Sendable, Equatable {
        public let label: String
        public let value: Double
        public init(label: String, value: Double) {
            self.label = label
            self.value = value
        }
    }

    public let axes: [Axis]
    public let maximum: Double
    /// A dashed ring at this value (the target index), if any.
    public let target: Double?
    public let size: Double = 360
    public var radius: Double { size / 2 - 70 }
    public var centre: (x: Double, y: Double) { (size / 2, size / 2) }

    public init(axes: [Axis], maximum: Double = 5, target: Double? = nil) {
        self.axes = axes
        self.maximum = maximum
        self.target = target
    }

    /// Where `value` on axis `index` lies.
    public func point(axis index: Int, value: Double) -> (x: Double, y: Double) {
        let angle = -Double.pi / 2 + 2 * Double.pi * Double(index) / Double(max(axes.count, 1))
        let distance = min(max(value, 0), maximum) / maximum * radius
        return (centre.x + distance * cos(angle), centre.y + distance * sin(angle))
    }

    public func svg(title: String) -> Markup {
        var parts: [Markup] = [.el("title", children: [.text(title)])]
        for ring in stride(from: 1.0, through: maximum, by: 1.0) {
            parts.append(.el("polygon", ["points": polygon { _ in ring }, "class": "ring"]))
        }
        for index in axes.indices {
            let end = point(axis: index, value: maximum)
            parts.append(.el("line", ["x1": f(centre.x), "y1": f(centre.y), "x2": f(end.x), "y2": f(end.y), "class": "spoke"]))
            let label = point(axis: index, value: maximum * 1.18)
            let anchor = abs(label.x - centre.x) < 1 ? "middle" : (label.x > centre.x ? "start" : "end")
            parts.append(.el("text", ["x": f(label.x), "y": f(label.y + 4), "text-anchor": anchor, "class": "axis-label"],
                             .text("\(axes[index].label) \(String(format: "%.2f", axes[index].value))")))
        }
        if let target {
            parts.append(.el("polygon", ["points": polygon { _ in target }, "class": "target"]))
        }
        parts.append(.el("polygon", ["points": polygon { axes[$0].value }, "class": "value"]))
        for index in axes.indices {
            let p = point(axis: index, value: axes[index].value)
            parts.append(.el("circle", ["cx": f(p.x), "cy": f(p.y), "r": "3", "class": "dot"]))
        }
        return .el("svg", ["xmlns": "http://www.w3.org/2000/svg", "viewBox": "0 0 \(f(size)) \(f(size))",
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
