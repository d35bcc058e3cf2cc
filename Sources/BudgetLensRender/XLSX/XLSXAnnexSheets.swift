import BudgetLensCore

/// The annexes as worksheets after 公开09 (DOMAIN §3): `汇总表` (the 项目支出绩效自评情况汇总表) and `自评表1`, `自评表2`
/// … (one per self-evaluation table), in the layouts ``HTMLAnnexes`` draws: the same rows, the same words, one cell
/// per grid cell, every cell on one line (a sheet does not wrap text into new rows, so a reader of the workbook
/// sees each cell whole). Scores, amounts and rates are written as the model read them (strings as printed:
/// `99.86`, `121.23`, `98.56%`), so the sheet reads back to the same values.
enum XLSXAnnexSheets {
    /// The annex sheets of `disclosure`, named, in order; none without annexes.
    static func sheets(_ disclosure: Disclosure) -> [(name: String, xml: String)] {
        var sheets: [(name: String, xml: String)] = []
        for (index, summary) in disclosure.evaluationSummaries.enumerated() {
            let name = disclosure.evaluationSummaries.count == 1 ? "汇总表" : "汇总表\(index + 1)"
            sheets.append((name, summaryXML(summary, unitName: disclosure.header.unitName)))
        }
        for (index, evaluation) in disclosure.selfEvaluations.enumerated() {
            sheets.append(("自评表\(index + 1)", evaluationXML(evaluation)))
        }
        return sheets
    }

    typealias Writer = XLSXSheet.Writer

    /// Writes a row of strings from column 1 (nil: no cell), each spanning the given columns.
    static func row(_ writer: inout Writer, _ row: Int, _ cells: [(String?, Int)], style: Int = XLSXStyles.centered) {
        var column = 1
        for (text, span) in cells {
            if let text, !text.isEmpty { writer.put(row: row, column: column, .string(text), style: style) }
            if span > 1 { writer.merge(row: row, column: column, rows: 1, columns: span) }
            column += span
        }
    }

    static func summaryXML(_ summary: SelfEvaluationSummary, unitName: String?) -> String {
        let withUser = summary.rows.contains { $0.fundUser != nil }
        let width = withUser ? 5 : 4
        var writer = Writer(width: width)
        writer.put(row: 1, column: 1, .string(summary.title), style: XLSXStyles.title, span: width)
        if let unit = summary.unitName ?? unitName { writer.put(row: 2, column: 1, .string("部门：\(unit)"), style: XLSXStyles.plain) }
        let heads = ["序号", "项目名称"] + (withUser ? ["资金使用单位"] : []) + ["自评得分", "自评等级"]
        row(&writer, 3, heads.map { ($0, 1) }, style: XLSXStyles.header)
        var line = 4
        for item in summary.rows {
            let cells: [String?] =
                [item.number.map(String.init), item.project] + (withUser ? [item.fundUser] : [])
                + [item.score.map(\.description), item.grade]
            row(&writer, line, cells.map { ($0, 1) })
            line += 1
        }
        line += 1
        writer.put(row: line, column: 1, .string("注：1. “资金使用单位”为具体使用资金的机关本级或下级单位；"), style: XLSXStyles.plain)
        writer.put(
            row: line + 1, column: 1, .string("2. 自评等级：自评得分在90（含）-100为“优”，80（含）-90为“良”，60（含）-80为“中”，60分以下为“差”。"),
            style: XLSXStyles.plain)
        return writer.xml(frozenRows: 3, widths: withUser ? [6, 40, 26, 10, 10] : [6, 40, 10, 10], landscape: false)
    }

    static func evaluationXML(_ evaluation: SelfEvaluation) -> String {
        var writer = Writer(width: 9)
        writer.put(row: 1, column: 1, .string(evaluation.title), style: XLSXStyles.title, span: 9)
        writer.put(row: 2, column: 9, .string("单位：万元"), style: XLSXStyles.right)
        row(&writer, 3, [("项目名称", 2), (evaluation.projectName, 4), ("主管部门", 1), (evaluation.supervisor, 2)])
        let funding = evaluation.budget.rows
        let transfer = evaluation.kind == .transfer
        if transfer {
            // The 转移支付 table (DOMAIN §3.7): 资金投入情况 with A, B and the rate only.
            row(&writer, 4, [("资金投入情况（万元）", 1), (nil, 1), ("全年预算数(A)", 1), ("全年执行数(B)", 1), ("预算执行率(B/A×100%)", 1)])
        } else {
            row(&writer, 4, [("项目预算执行情况", 1), (nil, 1), ("年初预算数", 1), ("全年预算数(A)", 1), ("全年执行数(B)", 1), ("分值", 1),
                ("执行率(B/A)", 1), ("得分", 1)])
        }
        var line = 5
        for item in funding {
            let dash = item.isTotal ? nil : "-"
            if transfer {
                row(&writer, line, [
                    (nil, 1), (item.label, 1), (HTMLAnnexes.amount(item.budget), 1), (HTMLAnnexes.amount(item.executed), 1),
                    (item.statedRate.map(HTMLAnnexes.rate), 1),
                ])
            } else {
                row(&writer, line, [
                    (nil, 1), (item.label, 1), (HTMLAnnexes.amount(item.initialBudget), 1), (HTMLAnnexes.amount(item.budget), 1),
                    (HTMLAnnexes.amount(item.executed), 1), (item.weight.map(\.description) ?? dash, 1),
                    (item.statedRate.map(HTMLAnnexes.rate) ?? dash, 1), (item.statedScore.map(\.description) ?? dash, 1),
                ])
            }
            line += 1
        }
        writer.merge(row: 4, column: 1, rows: funding.count + 1, columns: 1)
        row(&writer, line, [("年度总体目标", 1), ("年初预期目标", 4), ("目标实际完成情况", 4)])
        row(&writer, line + 1, [(nil, 1), (evaluation.goal, 4), (evaluation.goalAchieved, 4)])
        writer.merge(row: line, column: 1, rows: 2, columns: 1)
        line += 2
        row(&writer, line, ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值(A)", "实际完成指标值(B)", "分值", "得分", "偏差原因分析及改进措施"].map { ($0, 1) },
            style: XLSXStyles.header)
        line += 1
        for (index, indicator) in evaluation.indicators.enumerated() {
            row(&writer, line, [
                (index == 0 ? "年度绩效指标" : nil, 1), (indicator.level1, 1), (indicator.level2, 1), (indicator.name, 1),
                (indicator.target.text, 1), (indicator.actual?.text, 1), (HTMLAnnexes.score(indicator.weight), 1),
                (HTMLAnnexes.score(indicator.statedScore), 1), (indicator.deviationReason, 1),
            ])
            line += 1
        }
        row(&writer, line, [("总分", 6), (HTMLAnnexes.score(evaluation.statedTotal), 3)])
        for (offset, note) in evaluation.notes.enumerated() {
            writer.put(row: line + 2 + offset, column: 1, .string(note.text), style: XLSXStyles.plain)
        }
        return writer.xml(frozenRows: 0, widths: [14, 12, 14, 30, 16, 16, 8, 10, 30], landscape: true)
    }
}
