import BudgetLensCore
import Foundation

/// The document chain (issue 8 item 7, DOMAIN §2.13, N-PERF): when a final-accounts disclosure annexes its
/// evaluation report (seed 000), its 情况说明 十三 must describe that report: (一) the projects evaluated by the
/// department (部门评价), their number and amount; (四) the score and grade.
///
/// Rule ids: N-EVAL-1 (names), N-EVAL-2 (count), N-EVAL-3 (amount), N-EVAL-4 (score and grade) (``ruleIDs``).
public enum DocumentChain {
    /// The ids of the chain's rules, for `--skip`.
    public static let ruleIDs = ["N-EVAL-1", "N-EVAL-2", "N-EVAL-3", "N-EVAL-4"]

    /// The chain findings for `report`, read from `text` before the report's first line; none when the report is
    /// not annexed to anything (it starts at line 1) or the text has no 十三.
    public static func check(text: String, file: String, report: EvaluationReport) -> [Finding] {
        guard report.firstLine > 1 else { return [] }
        let lines = ReportText(text: text, file: file)
        let end = min(report.firstLine - 1, lines.count)
        guard let start = (0..<end).first(where: { lines.key($0).hasPrefix("十三、") && lines.key($0).containsText("绩效") })
        else { return [] }
        var findings: [Finding] = []
        let project = report.projectName.map(stripped)
        for index in start..<end where !lines.isBlank(index) && !lines.isTableRow(index) {
            let key = lines.key(index)
            let location = lines.location(index)
            if key.containsText("开展了部门评价") {
                findings += departmentEvaluation(key, location: location, project: project, report: report)
            }
            if key.containsText("评价报告"), key.containsText("评价得分为") {
                findings += scoreClaim(key, location: location, report: report)
            }
        }
        return findings
    }

    /// `2022年度烟台市职工医保基金项目` → `职工医保基金`: no year, place or 项目 suffix, for comparison.
    static func stripped(_ name: String) -> String {
        var key = TextNormalization.key(name)
        if let range = key.byteRange(of: "年度") { key = String(key[range.upperBound...]) }
        for prefix in ["烟台市", "市级", "本级"] where key.hasPrefix(prefix) { key.removeFirst(prefix.count) }
        for suffix in ["绩效评价报告", "项目", "资金"] where key.hasSuffix(suffix) { key.removeLast(suffix.count) }
        return key
    }

    /// (一) `组织对长期护理保险资金项目、居民基本医疗保险补助资金项目等 2 个项目开展了部门评价，涉及预算资金 103,727.34 万元`.
    private static func departmentEvaluation(
        _ key: String, location: SourceLocation, project: String?, report: EvaluationReport
    ) -> [Finding] {
        var findings: [Finding] = []
        guard let open = key.byteRange(of: "组织对"), let close = key.byteRange(of: "开展了部门评价") else { return [] }
        var list = String(key[open.upperBound..<close.lowerBound])
        var count: Int?
        if let range = list.byteRange(of: "等"), list[range.upperBound...].hasSuffix("个项目") {
            count = Int(list[range.upperBound...].dropLast(3))
            list = String(list[..<range.lowerBound])
        }
        let names = list.split(separator: "、").map(String.init)
        if let project, !names.contains(where: { stripped($0) == project || stripped($0).contains(project) || project.contains(stripped($0)) }) {
            findings.append(
                Finding(
                    rule: "N-EVAL-1", severity: .error,
                    message: "十三(一)称对\(names.joined(separator: "、"))开展了部门评价，所附评价报告评价的是“\(report.projectName ?? "")”",
                    messageEnglish: "十三(一) names \(names.joined(separator: ", ")) as evaluated by the department; the annexed report evaluates “\(report.projectName ?? "")”",
                    location: FindingLocation(item: "部门评价项目", source: location),
                    expected: .text(report.projectName ?? ""), actual: .text(names.joined(separator: "、"))))
        }
        if let count, count != 1 {
            findings.append(
                Finding(
                    rule: "N-EVAL-2", severity: .error,
                    message: "十三(一)称\(count)个项目开展了部门评价，附件只有1份评价报告",
                    messageEnglish: "十三(一) states \(count) projects evaluated by the department; 1 report is annexed",
                    location: FindingLocation(item: "部门评价项目数", source: location),
                    expected: .text("1"), actual: .text(String(count))))
        }
        if let amountRange = key.byteRange(of: "涉及预算资金"), !report.budgetAmounts.isEmpty {
            let digits = key[amountRange.upperBound...].prefix { $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }
            if let amount = Money(parsing: digits, unit: .wanYuan), !report.budgetAmounts.contains(amount) {
                let stated = report.budgetAmounts.map { $0.groupedString(in: .wanYuan) }.joined(separator: " / ")
                findings.append(
                    Finding(
                        rule: "N-EVAL-3", severity: .error,
                        message: "十三(一)称部门评价涉及预算资金 \(amount.groupedString(in: .wanYuan)) 万元，评价报告所列预算金额为 \(stated) 万元",
                        messageEnglish: "十三(一) states \(amount.groupedString(in: .wanYuan)) 万元 evaluated; the report's budget is \(stated) 万元",
                        location: FindingLocation(item: "部门评价预算资金", source: location),
                        expected: .text(stated), actual: .amount(amount, formula: "")))
            }
        }
        return findings
    }

    /// (四) `…绩效评价报告项目，绩效评价得分为 93.22 分，等级为优`.
    private static func scoreClaim(_ key: String, location: SourceLocation, report: EvaluationReport) -> [Finding] {
        guard let range = key.byteRange(of: "评价得分为") else { return [] }
        let digits = key[range.upperBound...].prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        let grade = key.byteRange(of: "等级为").map { String(key[$0.upperBound...].prefix(1)) }
        guard let claimed = Score(parsing: digits), let total = report.totals.lazy.compactMap(\.score).first else { return [] }
        let reportGrade = report.totals.lazy.compactMap(\.grade).first.map { String($0.prefix(1)) }
        guard claimed != total || (grade != nil && reportGrade != nil && grade != reportGrade) else { return [] }
        return [
            Finding(
                rule: "N-EVAL-4", severity: .error,
                message: "十三(四)称评价得分 \(claimed)、等级\(grade ?? "—")，所附评价报告为 \(total)、\(reportGrade ?? "—")",
                messageEnglish: "十三(四) states \(claimed) (\(grade ?? "—")); the annexed report gives \(total) (\(reportGrade ?? "—"))",
                location: FindingLocation(item: "部门评价结果", source: location),
                expected: .text("\(total) \(reportGrade ?? "")"), actual: .text("\(claimed) \(grade ?? "")"))
        ]
    }
}
