import BudgetLensCore
import Foundation

/// 十三、预算绩效情况说明 (DOMAIN §2.13) from the self-evaluations the document annexes — the 汇总表 (§3.4) and the
/// 自评表 (§3.1, §3.7) — in the sentence shapes of [000]:
///
/// - (二) `（二）市级预算项目绩效自评结果。{单位}{年}年度市级预算绩效自评的{n}个项目中，{m}个项目自评等级为优。`, n the
///   汇总表's rows and m those graded 优; then per 市级 自评表 `{i}. {项目}项目绩效自评综述：根据年初设定的绩效目标，项目
///   自评得分为{总分}分。全年预算数为{A}万元，执行数为{B}万元，完成预算的{B/A}%。项目绩效目标完成情况：{目标实际完成情况}`;
/// - (三) `（三）中央对地方转移支付项目绩效自评结果。` and per 转移支付 自评表 `{i}. {项目}项目绩效自评综述：该项目全年预算数为
///   {A}万元，执行数为{B}万元，完成预算的{B/A}%。项目绩效目标完成情况：…`.
///
/// Amounts and the score are the tables' own (A and B of the 年度资金总额 row, the stated 总分); the rate is
/// recomputed, B ÷ A at 2 decimals half up. Not written: (一) (the funds of all self-evaluated projects are in no
/// annexed table), (四) 部门评价 and (五) 财政评价 (an evaluation report's figures). `nil` when the document annexes
/// neither a 汇总表 nor a 自评表.
extension NarrativeWriter {
    func performance() -> [String]? {
        let summary = disclosure.evaluationSummaries.first
        let projects = disclosure.selfEvaluations.filter { $0.kind == .project || $0.kind == .hubeiProject }
        let transfers = disclosure.selfEvaluations.filter { $0.kind == .transfer }
        guard summary != nil || !projects.isEmpty || !transfers.isEmpty else { return nil }
        var paragraphs: [String] = []
        if summary != nil || !projects.isEmpty {
            var head = "（二）市级预算项目绩效自评结果。"
            if let summary, !summary.rows.isEmpty {
                let unit = summary.unitName ?? disclosure.header.unitName ?? ""
                let excellent = summary.rows.filter { $0.grade.map { ["优", "优秀"].contains($0) } ?? false }.count
                head += "\(unit)\(year)年度市级预算绩效自评的\(summary.rows.count)个项目中，\(excellent)个项目自评等级为优。"
            }
            paragraphs.append(head)
            for (offset, table) in projects.enumerated() {
                paragraphs.append(Self.overview(offset + 1, table, scored: true))
            }
        }
        if !transfers.isEmpty {
            paragraphs.append("（三）中央对地方转移支付项目绩效自评结果。")
            for (offset, table) in transfers.enumerated() {
                paragraphs.append(Self.overview(offset + 1, table, scored: false))
            }
        }
        return paragraphs
    }

    /// One 综述: the score (市级 only), A, B, B ÷ A and the goal achieved, each where the table has it.
    static func overview(_ number: Int, _ table: SelfEvaluation, scored: Bool) -> String {
        let name = table.projectName.hasSuffix("项目") ? String(table.projectName.dropLast(2)) : table.projectName
        var text = "\(number). \(name)项目绩效自评综述："
        if scored, let total = table.statedTotal {
            text += "根据年初设定的绩效目标，项目自评得分为\(score(total))分。"
        }
        let row = table.budget.total
        if let budget = row?.budget, let executed = row?.executed {
            text += scored ? "全年预算数为" : "该项目全年预算数为"
            text += "\(Wording.amount(budget))万元，执行数为\(Wording.amount(executed))万元"
            if !budget.isZero { text += "，完成预算的\(Wording.share(executed, of: budget))" }
            text += "。"
        }
        if let achieved = table.goalAchieved?.trimmingCharacters(in: .whitespacesAndNewlines), !achieved.isEmpty {
            text += "项目绩效目标完成情况：\(achieved)"
            if !"。；！".contains(achieved.last ?? "。") { text += "。" }
        }
        return text
    }

    /// `99.86`, `99.7`, `100`: the score with trailing zeros stripped.
    static func score(_ score: Score) -> String {
        var text = score.description
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}
