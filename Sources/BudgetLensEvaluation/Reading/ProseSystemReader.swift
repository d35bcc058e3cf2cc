import BudgetLensCore

/// Reads an indicator system stated in prose (seed 004, §二(三) 指标体系设置):
///
/// ```
/// 1. 项目决策（20 分）
/// 设置二级指标 4 个、三级指标 7 个（均为定性指标）
/// (1)决策依据（5分）。包含“贯彻…”“执行…”2个三级指标。
/// ```
///
/// 一级 headings carry a weight; 二级 lines carry a weight, the quoted 三级 names and their stated count (which may
/// continue on the next non-blank line, after a page break). Used only when no indicator table was found.
struct ProseSystemReader {
    let text: ReportText

    // Compiled once; a Regex is immutable and only read here.
    nonisolated(unsafe) static let firstLevel: Regex<AnyRegexOutput>? = ReportParsing.regex(#"^\d+\.([^\d(,。:]{2,20})\((\d+(?:\.\d+)?)分\)$"#)
    nonisolated(unsafe) static let secondLevel: Regex<AnyRegexOutput>? = ReportParsing.regex(#"^(?:\(\d+\))?([^\d(,。:]{2,20})\((\d+(?:\.\d+)?)分\)。?包含"#)
    nonisolated(unsafe) static let listedCount: Regex<AnyRegexOutput>? = ReportParsing.regex(#"(\d+)个三级指标"#)

    /// A `1.项目决策(20分)` heading: the 一级 name and weight.
    func firstLevelHeading(_ key: String) -> (name: String, weight: Score)? {
        guard key.count <= 30, key.hasSuffix("分)"), let pattern = Self.firstLevel,
            let captures = ReportParsing.captures(key, pattern),
            let name = captures[1], let weight = captures[2].flatMap({ Score(parsing: $0) })
        else { return nil }
        return (name, weight)
    }

    func read(into report: inout EvaluationReport, range: Range<Int>) {
        var currentFirst: Int?
        var index = range.lowerBound
        while index < range.upperBound {
            defer { index += 1 }
            guard !text.isBlank(index), !text.isTableRow(index) else { continue }
            let key = text.key(index)
            if let heading = firstLevelHeading(key) {
                var indicator = Indicator(
                    level: .first, code: "", name: heading.name, weight: heading.weight, source: text.location(index))
                indicator.parent = nil
                report.indicators.append(indicator)
                currentFirst = report.indicators.count - 1
                continue
            }
            guard let currentFirst, key.containsText("包含"), let pattern = Self.secondLevel,
                let captures = ReportParsing.captures(key, pattern), let name = captures[1]
            else { continue }
            // The list may run on past a page break: join up to three following non-blank lines.
            var raw = text.lines[index]
            var next = index + 1
            while !TextNormalization.key(raw).containsText("个三级指标"), next < range.upperBound, next - index <= 4 {
                if !text.isBlank(next) { raw += text.lines[next].trimmedSpaces() }
                next += 1
            }
            var second = Indicator(
                level: .second, code: "", name: name, weight: captures[2].flatMap { Score(parsing: $0) },
                source: text.location(index))
            second.parent = currentFirst
            report.indicators.append(second)
            let secondIndex = report.indicators.count - 1
            for third in quotedNames(raw) {
                var indicator = Indicator(level: .third, code: "", name: third, weight: nil, source: text.location(index))
                indicator.parent = secondIndex
                report.indicators.append(indicator)
            }
            if let countPattern = Self.listedCount,
                let count = ReportParsing.captures(TextNormalization.key(raw), countPattern)?[1].flatMap({ Int($0) })
            {
                report.statedCounts.append(
                    StatedCount(level: .third, count: count, scope: name, source: text.location(index)))
            }
        }
    }

    /// The “…” quoted names of a text, in order.
    private func quotedNames(_ raw: String) -> [String] {
        var names: [String] = []
        var rest = raw[...]
        while let open = rest.firstIndex(of: "“"), let close = rest[open...].firstIndex(of: "”") {
            let name = TextNormalization.key(rest[rest.index(after: open)..<close])
            if !name.isEmpty { names.append(name) }
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
