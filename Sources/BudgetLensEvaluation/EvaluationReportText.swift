import BudgetLensCore

/// The text of `budgetlens evaluate` on a report (the JSON renderer is ``EvaluationReportJSON``).
public struct EvaluationReportText: Sendable {
    let report: EvaluationReport
    let findings: [Finding]
    let recomputed: [Int: Score]

    /// The text of `report` with its `findings` and the scores `recomputed` by indicator index.
    public init(report: EvaluationReport, findings: [Finding], recomputed: [Int: Score]) {
        self.report = report
        self.findings = findings
        self.recomputed = recomputed
    }

    /// The lines, each ending with `\n`.
    public var text: String {
        var lines: [String] = []
        lines.append("文件 File:   \(report.file) (from line \(report.firstLine))")
        lines.append("标题 Title:  \(report.title)")
        lines.append("类型 Kind:   \(report.kind.chineseName) (\(report.kind.rawValue))")
        let counts = [IndicatorLevel.first, .second, .third, .detail].map {
            "\($0.chineseName) \(report.indicators(level: $0).count)"
        }
        lines.append("指标 Indicators: " + counts.joined(separator: ", "))
        if let weights = report.compositeWeights {
            lines.append("综合 Composite:  非现场 \(weights.nonField)% + 现场 \(weights.field)% (line \(weights.source.line))")
        }
        for total in report.totals {
            let score = total.score.map { "\($0)" } ?? "—"
            lines.append("总分 Total: \(score)  等级 Grade: \(total.grade ?? "—")  (line \(total.source.line))")
        }
        lines.append("")
        for (index, indicator) in report.indicators.enumerated() {
            let indent = String(repeating: "  ", count: indicator.level.rawValue - 1)
            let weight = indicator.weight.map { "\($0)分" } ?? "—"
            let scores = ScoreColumn.allCases.compactMap { column in
                indicator.scores[column].map { "\(column.chineseName) \($0)" }
            }.joined(separator: " · ")
            let rederived = recomputed[index].map { "  重算 recomputed \($0)" } ?? ""
            lines.append("\(indent)\(indicator.label)  分值 \(weight)  \(scores)\(rederived)  [line \((indicator.scoreSource ?? indicator.source).line)]")
        }
        for table in report.summaries {
            lines.append("")
            lines.append("汇总 \(table.title.isEmpty ? "(untitled)" : table.title)  [line \(table.source.line)]")
            for row in table.rows {
                let scores = table.columns.compactMap { row.scores[$0].map { "\($0)" } }.joined(separator: " / ")
                lines.append("  \(row.name)  \(row.weight.map { "\($0)" } ?? "—")  \(scores)"
                    + (row.rate.map { "  \($0)%" } ?? ""))
            }
        }
        lines.append("")
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.filter { $0.severity == .warning }.count
        lines.append("发现 Findings: \(errors) errors, \(warnings) warnings")
        for finding in findings {
            let line = finding.location.source.map { "line \($0.line)" } ?? ""
            lines.append("  [\(finding.rule)] \(finding.severity.rawValue) \(line): \(finding.message)")
            lines.append("      \(finding.messageEnglish)")
        }
        for problem in report.problems { lines.append("  读取问题 problem: \(problem)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
