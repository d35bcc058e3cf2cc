import BudgetLensCore

/// The terminal text of `budgetlens score` (the JSON renderer is ``ScoreReportJSON``).
public struct ScoreReportText: Sendable {
    let report: ScoreReport
    let language: MessageLanguage

    /// The text of `report`; findings' messages in `language` (Chinese for `.both`, as before).
    public init(report: ScoreReport, language: MessageLanguage) {
        self.report = report
        self.language = language
    }

    /// The lines, joined by `\n`, without a final newline.
    public var text: String {
        let disclosure = report.disclosure
        var lines = [
            "\(disclosure.source.file) — \(disclosure.header.unitName ?? disclosure.header.title) \(disclosure.header.year.map(String.init) ?? "")"
        ]
        for (position, table) in report.tables.enumerated() {
            lines.append("")
            lines.append("\(table.label)  (\(table.scheme.name), line \(table.table.source.line))")
            if let total = table.table.budget.total, let budget = total.budget, let executed = total.executed {
                let rate = table.executionRate.map { Score(hundredths: $0).description + "%" } ?? "—"
                var execution =
                    "  预算执行 A \(budget.decimalString(in: .wanYuan)) B \(executed.decimalString(in: .wanYuan)) 执行率 \(rate)"
                if table.scheme.total > .zero {
                    execution +=
                        " → \(table.executionScore?.description ?? "—") (printed \(total.statedScore?.description ?? "—"))"
                }
                lines.append(execution)
            }
            if table.scheme.total > .zero {
                let grade = report.statedGrades[position].map { " · 汇总表等级 \($0)" } ?? ""
                lines.append(
                    "  总分 printed \(table.table.statedTotal?.description ?? "—") · recomputed \(table.computedTotal?.description ?? "—") · "
                        + "等级 \(table.computedGrade ?? "—")\(grade)")
            }
            let unmet = table.indicators.filter { $0.judgement.status == .unmet }.map(\.indicator.name)
            lines.append(
                "  \(table.indicators.count) indicators"
                    + (unmet.isEmpty ? "" : "; not met: " + unmet.joined(separator: "、")))
            for finding in report.tableFindings[position] { lines.append(line(finding)) }
        }
        let others = report.documentFindings
        if !others.isEmpty {
            lines.append("")
            lines.append("汇总表 · 情况说明")
            for finding in others { lines.append(line(finding)) }
        }
        let errors = report.findings.filter { $0.severity == .error }.count
        let warnings = report.findings.filter { $0.severity == .warning }.count
        let info = report.findings.filter { $0.severity == .info }.count
        lines.append("")
        lines.append("\(report.tables.count) tables — \(errors) errors, \(warnings) warnings, \(info) info")
        return lines.joined(separator: "\n")
    }

    private func line(_ finding: Finding) -> String {
        let place = finding.location.source.map { $0.region == nil ? String($0.line) : $0.place } ?? "-"
        let rule = finding.rule.padding(toLength: 11, withPad: " ", startingAt: 0)
        let severity = finding.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
        let message = language == .en ? finding.messageEnglish : finding.message
        return "    \(severity) \(rule) \(place.padding(toLength: 5, withPad: " ", startingAt: 0)) \(message)"
    }
}
