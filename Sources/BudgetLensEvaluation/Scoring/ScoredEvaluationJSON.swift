import BudgetLensCore
import BudgetLensRules
import Foundation

/// The JSON form of `budgetlens evaluate --framework F --evidence E --format json`: the 得分表, the summary by 一级,
/// total, grade, 问题清单 and findings; scores as two-decimal strings, snake_case keys.
public struct ScoredEvaluationJSON: Encodable, Sendable {
    struct Row: Encodable, Sendable {
        var level: String
        var code: String
        var name: String
        var weight: String
        var score: String?
        var basis: String
        var line: Int
    }
    struct SummaryRow: Encodable, Sendable {
        var name: String
        var weight: String
        var score: String?
        var deduction: String?
        var rate: String?
    }
    struct Problem: Encodable, Sendable {
        var category: String
        var indicator: String
        var text: String
    }

    var framework: String
    var evidence: String
    var scores: [Row]
    var summary: [SummaryRow]
    var total: String?
    var grade: String?
    var problems: [Problem]
    var findings: [CheckReportJSON.Item]

    /// Builds the JSON form.
    public init(scored: ScoredEvaluation) {
        framework = scored.framework.name
        evidence = scored.evidenceFile
        scores = scored.rows.map { row in
            let indicator = scored.framework.indicators[row.index]
            return Row(
                level: indicator.level.chineseName, code: indicator.code, name: indicator.name,
                weight: indicator.weight.fixed, score: row.score?.fixed, basis: row.basis, line: indicator.line)
        }
        summary = scored.summary.map {
            SummaryRow(name: $0.name, weight: $0.weight.fixed, score: $0.score?.fixed, deduction: $0.deduction?.fixed, rate: $0.rate?.fixed)
        }
        total = scored.total?.fixed
        grade = scored.grade
        problems = scored.problems.map { Problem(category: $0.category, indicator: $0.indicator, text: $0.text) }
        findings = scored.findings.map { CheckReportJSON.Item(finding: $0, unit: .wanYuan) }
    }

    /// Pretty-printed JSON with sorted, snake_case keys.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return try encoder.encode(self)
    }
}

/// The text of a scored evaluation: 得分表, summary, total and grade, 问题清单, findings.
public struct ScoredEvaluationText: Sendable {
    public let scored: ScoredEvaluation

    public init(scored: ScoredEvaluation) { self.scored = scored }

    public var text: String {
        var lines = ["框架 Framework: \(scored.framework.name)", "证据 Evidence:  \(scored.evidenceFile)", "", "得分表 Scores:"]
        for row in scored.rows {
            let indicator = scored.framework.indicators[row.index]
            lines.append("  \(indicator.label)  分值 \(indicator.weight)  得分 \(row.score.map(\.description) ?? "—")")
            lines.append("      \(row.basis)")
        }
        lines.append("")
        lines.append("汇总 Summary (一级指标 分值 得分 扣分 得分率):")
        for row in scored.summary {
            lines.append("  \(row.name)  \(row.weight)  \(row.score.map(\.description) ?? "—")  \(row.deduction.map(\.description) ?? "—")  \(row.rate.map { "\($0.fixed)%" } ?? "—")")
        }
        lines.append("总分 Total: \(scored.total.map(\.description) ?? "— (indicators unscored)")  等级 Grade: \(scored.grade ?? "—")")
        lines.append("")
        lines.append("问题清单 Problems: \(scored.problems.count)")
        for (number, problem) in scored.problems.enumerated() {
            lines.append("  \(number + 1). [\(problem.category)] \(problem.indicator)：\(problem.text)")
        }
        if !scored.findings.isEmpty {
            lines.append("")
            lines.append("发现 Findings: \(scored.findings.count)")
            for finding in scored.findings {
                lines.append("  [\(finding.rule)] \(finding.severity.rawValue) \(finding.location.source?.description ?? ""): \(finding.message)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
