import BudgetLensCore

/// The annexes (第五部分　附件) of a disclosure that has them (DOMAIN §3): the 项目支出绩效自评情况汇总表 (§3.4: 序号 ·
/// 项目名称 · 资金使用单位 · 自评得分 · 自评等级, and its notes) and each self-evaluation table in the 市级预算项目绩效自评表
/// layout (§3.1: 项目名称/主管部门; 项目预算执行情况 with 年初预算数 · 全年预算数(A) · 全年执行数(B) · 分值 ·
/// 执行率(B/A) · 得分 per funding row; 年度总体目标 (its two texts stacked); the 绩效指标 rows; 总分). Every value is the model's, as read:
/// scores as printed (`99.86`, `100`), amounts in 万元, indicator values as their text. Nothing is recomputed here;
/// `budgetlens score` does that.
enum HTMLAnnexes {
    /// The annex part, or nothing when the document has no summary and no self-evaluation.
    static func markup(_ disclosure: Disclosure) -> String {
        guard !disclosure.evaluationSummaries.isEmpty || !disclosure.selfEvaluations.isEmpty else { return "" }
        var html = "<section class=\"part annexes\" id=\"annexes\">\n<h2>第五部分　附件</h2>\n"
        for (index, summary) in disclosure.evaluationSummaries.enumerated() {
            html += summaryTable(summary, unitName: disclosure.header.unitName, id: "annex-s\(index + 1)")
        }
        for (index, evaluation) in disclosure.selfEvaluations.enumerated() {
            html += selfEvaluation(evaluation, id: "annex-e\(index + 1)")
        }
        return html + "</section>\n"
    }

    static func escape(_ text: String?) -> String { MarkupText.escape(text ?? "") }

    /// `99.86`, `100`, blank for none.
    static func score(_ score: Score?) -> String { score.map(\.description) ?? "" }

    /// `123`, `121.23` (万元, trailing zeros stripped), blank for none.
    static func amount(_ money: Money?) -> String { money.map(Wording.amount) ?? "" }

    /// The 汇总表: title, 部门 line, the five columns, one row per project, the notes of DOMAIN §3.4.
    static func summaryTable(_ summary: SelfEvaluationSummary, unitName: String?, id: String) -> String {
        let withUser = summary.rows.contains { $0.fundUser != nil }
        var html = "<section class=\"annex\">\n<h3 id=\"\(id)-title\">\(escape(summary.title))</h3>\n"
        if let unit = summary.unitName ?? unitName { html += "<div class=\"meta\"><span>部门：\(escape(unit))</span></div>\n" }
        html += "<table class=\"annex-table\" aria-labelledby=\"\(id)-title\">\n<thead>\n<tr>"
        let heads = ["序号", "项目名称"] + (withUser ? ["资金使用单位"] : []) + ["自评得分", "自评等级"]
        html += heads.map { "<th scope=\"col\">\($0)</th>" }.joined() + "</tr>\n</thead>\n<tbody>\n"
        for row in summary.rows {
            html += "<tr><td>\(row.number.map(String.init) ?? "")</td><th scope=\"row\">\(escape(row.project))</th>"
            if withUser { html += "<td>\(escape(row.fundUser))</td>" }
            html += "<td class=\"num\">\(score(row.score))</td><td>\(escape(row.grade))</td></tr>\n"
        }
        html += "</tbody>\n</table>\n"
        html += "<p class=\"note\">注：1. “资金使用单位”为具体使用资金的机关本级或下级单位；</p>\n"
        html += "<p class=\"note\">2. 自评等级：自评得分在90（含）-100为“优”，80（含）-90为“良”，60（含）-80为“中”，60分以下为“差”。</p>\n"
        return html + "</section>\n"
    }

    /// One self-evaluation table (§3.1 layout; the Hubei and transfer tables are drawn in the same grid).
    static func selfEvaluation(_ evaluation: SelfEvaluation, id: String) -> String {
        var html = "<section class=\"annex wide\">\n<h3 id=\"\(id)-title\">\(escape(evaluation.title))</h3>\n"
        html += "<div class=\"meta\"><span></span><span>单位：万元</span></div>\n"
        html += "<table class=\"annex-table evaluation\" aria-labelledby=\"\(id)-title\">\n"
        // Fixed widths (mm) on a landscape page: the labels and figures stay on one line each.
        html += "<colgroup>" + [22, 26, 24, 50, 26, 30, 14, 14, 46].map { "<col style=\"width:\($0)mm\">" }.joined() + "</colgroup>\n<tbody>\n"
        html += "<tr><th scope=\"row\" colspan=\"2\">项目名称</th><td colspan=\"4\">\(escape(evaluation.projectName))</td>"
        html += "<th scope=\"row\">主管部门</th><td colspan=\"2\">\(escape(evaluation.supervisor))</td></tr>\n"
        let funding = evaluation.budget.rows
        if evaluation.kind == .transfer {
            // The 转移支付 table (DOMAIN §3.7): 资金投入情况 with A, B and the rate only.
            html += "<tr><th scope=\"row\" rowspan=\"\(funding.count + 1)\">资金投入情况（万元）</th><th scope=\"col\"></th>"
            html += ["全年预算数(A)", "全年执行数(B)", "预算执行率(B/A×100%)"].map { "<th scope=\"col\">\($0)</th>" }.joined()
            html += "<th scope=\"col\" colspan=\"4\"></th></tr>\n"
            for row in funding {
                html += "<tr><th scope=\"row\">\(escape(row.label))</th><td class=\"num\">\(amount(row.budget))</td>"
                html += "<td class=\"num\">\(amount(row.executed))</td><td class=\"num\">\(row.statedRate.map(rate) ?? "")</td>"
                html += "<td colspan=\"4\"></td></tr>\n"
            }
        } else {
            html += budgetRows(funding)
        }
        html += goalAndIndicators(evaluation)
        for note in evaluation.notes { html += "<p class=\"note\">\(escape(note.text))</p>\n" }
        return html + "</section>\n"
    }

    /// The 项目预算执行情况 block of a 市级 (or Hubei) table.
    static func budgetRows(_ funding: [FundingRow]) -> String {
        var html = "<tr><th scope=\"row\" rowspan=\"\(funding.count + 1)\">项目预算执行情况</th><th scope=\"col\"></th>"
        html += ["年初预算数", "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分"].map { "<th scope=\"col\">\($0)</th>" }.joined()
        html += "<th scope=\"col\"></th></tr>\n"
        for row in funding {
            let dash = row.isTotal ? "" : "-"
            html += "<tr><th scope=\"row\">\(escape(row.label))</th><td class=\"num\">\(amount(row.initialBudget))</td>"
            html += "<td class=\"num\">\(amount(row.budget))</td><td class=\"num\">\(amount(row.executed))</td>"
            html += "<td class=\"num\">\(row.weight.map(\.description) ?? dash)</td>"
            html += "<td class=\"num\">\(row.statedRate.map(rate) ?? dash)</td>"
            html += "<td class=\"num\">\(row.statedScore.map(\.description) ?? dash)</td><td></td></tr>\n"
        }
        return html
    }

    /// 年度总体目标, the 绩效指标 rows and 总分, closing the table.
    static func goalAndIndicators(_ evaluation: SelfEvaluation) -> String {
        var html = ""
        // The two goal texts one above the other, each across the table: side by side, two wrapped cells would
        // interleave their lines in the printed text.
        html += "<tr><th scope=\"row\" rowspan=\"2\">年度总体目标</th><th scope=\"row\">年初预期目标</th>"
        html += "<td colspan=\"7\" class=\"prose\">\(escape(evaluation.goal))</td></tr>\n"
        html += "<tr><th scope=\"row\">目标实际完成情况</th><td colspan=\"7\" class=\"prose\">\(escape(evaluation.goalAchieved))</td></tr>\n"
        html += "<tr><th scope=\"col\">绩效指标</th>"
        html += ["一级指标", "二级指标", "三级指标", "年度指标值(A)", "实际完成指标值(B)", "分值", "得分", "偏差原因分析及改进措施"]
            .map { "<th scope=\"col\">\($0)</th>" }.joined() + "</tr>\n"
        for (index, indicator) in evaluation.indicators.enumerated() {
            html += "<tr><td>\(index == 0 ? "年度绩效指标" : "")</td><td>\(escape(indicator.level1))</td><td>\(escape(indicator.level2))</td>"
            html += "<th scope=\"row\" class=\"prose\">\(escape(indicator.name))</th><td>\(escape(indicator.target.text))</td>"
            html += "<td>\(escape(indicator.actual?.text))</td><td class=\"num\">\(score(indicator.weight))</td>"
            html += "<td class=\"num\">\(score(indicator.statedScore))</td><td class=\"prose\">\(escape(indicator.deviationReason))</td></tr>\n"
        }
        html += "<tr><th scope=\"row\" colspan=\"6\">总分</th><td class=\"num\" colspan=\"3\">\(score(evaluation.statedTotal))</td></tr>\n"
        return html + "</tbody>\n</table>\n"
    }

    /// `98.56%` as the table printed it (a measure in %).
    static func rate(_ measure: Measure) -> String { measure.description }
}
