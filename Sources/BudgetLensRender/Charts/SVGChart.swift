import BudgetLensCore

/// Inline SVG charts for the 情况说明 (issue 14 §3): Chinese labels, every value printed beside its bar, black on
/// white with grey fills so they stay legible in print. Geometry uses `Double` (pixels); the printed values come
/// from `Money` exactly and shares from ``Percentage`` (2 decimals, half up).
public enum SVGChart {
    /// One bar: its label and amount.
    public struct Bar: Hashable, Sendable {
        public var label: String
        public var value: Money
        public init(label: String, value: Money) {
            self.label = label
            self.value = value
        }
    }

    /// A group of bars side by side (e.g. 收入总计 for 2021 and 2022).
    public struct Group: Hashable, Sendable {
        public var label: String
        public var bars: [Bar]
        public init(label: String, bars: [Bar]) {
            self.label = label
            self.bars = bars
        }
    }

    static let fills = ["#4d4d4d", "#a6a6a6", "#7f7f7f", "#d0d0d0"]
    static let font = "font-family=\"'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','SimHei',sans-serif\""

    /// Vertical grouped bars: one group per category, one bar per series (years), the value above each bar and a
    /// legend of the series. `title` is the accessible name (`<title>`) and the caption.
    public static func groupedBars(title: String, groups: [Group], unit: MoneyUnit) -> String {
        let width = 560.0
        let height = 300.0
        let top = 40.0
        let bottom = 250.0
        let largest = max(1, groups.flatMap(\.bars).map { max(0, $0.value.fen) }.max() ?? 1)
        let series = groups.first?.bars.map(\.label) ?? []
        let slot = (width - 40) / Double(max(1, groups.count))
        let barWidth = min(70, (slot - 30) / Double(max(1, series.count)))
        var svg = open(title: title, width: width, height: height)
        svg += line(x1: 20, y1: bottom, x2: width - 20, y2: bottom)
        for (groupIndex, group) in groups.enumerated() {
            let groupStart = 20 + slot * Double(groupIndex) + (slot - barWidth * Double(group.bars.count)) / 2
            for (barIndex, bar) in group.bars.enumerated() {
                let barHeight = (bottom - top) * Double(max(0, bar.value.fen)) / Double(largest)
                let x = groupStart + barWidth * Double(barIndex)
                svg += rect(x: x + 4, y: bottom - barHeight, width: barWidth - 8, height: barHeight, fill: fills[barIndex % fills.count])
                svg += text(bar.value.groupedString(in: unit), x: x + barWidth / 2, y: bottom - barHeight - 6, anchor: "middle", size: 12)
            }
            svg += text(group.label, x: 20 + slot * (Double(groupIndex) + 0.5), y: bottom + 20, anchor: "middle", size: 13)
        }
        for (index, name) in series.enumerated() {
            let x = 24 + Double(index) * 130
            svg += rect(x: x, y: height - 18, width: 12, height: 12, fill: fills[index % fills.count])
            svg += text(name, x: x + 18, y: height - 8, anchor: "start", size: 12)
        }
        svg += text("单位：\(unit.rawValue)", x: width - 20, y: 18, anchor: "end", size: 12)
        return svg + "</svg>"
    }

    /// Horizontal bars of the parts of a whole, each with its amount and its share of `total` (`占99.97%`); parts
    /// that are zero are left out.
    public static func shares(title: String, parts: [Bar], total: Money, unit: MoneyUnit) -> String {
        let shown = parts.filter { !$0.value.isZero }
        let width = 560.0
        let rowHeight = 30.0
        let labelWidth = 200.0
        let valueWidth = 150.0
        let height = 34 + rowHeight * Double(max(1, shown.count))
        let largest = max(1, shown.map { max(0, $0.value.fen) }.max() ?? 1)
        var svg = open(title: title, width: width, height: height)
        svg += text("单位：\(unit.rawValue)", x: width - 4, y: 16, anchor: "end", size: 12)
        for (index, part) in shown.enumerated() {
            let y = 28 + rowHeight * Double(index)
            let barWidth = (width - labelWidth - valueWidth) * Double(max(0, part.value.fen)) / Double(largest)
            svg += text(part.label, x: labelWidth - 8, y: y + 16, anchor: "end", size: 12)
            svg += rect(x: labelWidth, y: y + 4, width: barWidth, height: rowHeight - 10, fill: fills[0])
            let share = Percentage.ratio(part.value, of: total, precision: 2)?.strippedDescription ?? "—"
            svg += text("\(part.value.groupedString(in: unit))（\(share)）", x: labelWidth + barWidth + 6, y: y + 16, anchor: "start", size: 12)
        }
        if shown.isEmpty { svg += text("本年无数据", x: width / 2, y: 46, anchor: "middle", size: 13) }
        return svg + "</svg>"
    }

    // MARK: - Primitives

    static func open(title: String, width: Double, height: Double) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(number(width)) \(number(height))\" width=\"\(number(width))\" "
            + "height=\"\(number(height))\" role=\"img\" \(font)><title>\(MarkupText.escape(title))</title>"
    }

    static func rect(x: Double, y: Double, width: Double, height: Double, fill: String) -> String {
        "<rect x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(max(0, width)))\" height=\"\(number(max(0, height)))\" fill=\"\(fill)\"/>"
    }

    static func line(x1: Double, y1: Double, x2: Double, y2: Double) -> String {
        "<line x1=\"\(number(x1))\" y1=\"\(number(y1))\" x2=\"\(number(x2))\" y2=\"\(number(y2))\" stroke=\"#000\" stroke-width=\"1\"/>"
    }

    static func text(_ content: String, x: Double, y: Double, anchor: String, size: Int) -> String {
        "<text x=\"\(number(x))\" y=\"\(number(y))\" text-anchor=\"\(anchor)\" font-size=\"\(size)\" fill=\"#000\">"
            + MarkupText.escape(content) + "</text>"
    }

    /// A coordinate with one decimal, no exponent.
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }
}
