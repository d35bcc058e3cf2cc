import BudgetLensCore

/// Reads the tables that list cases one per row by unit (seed 000 表19–21 `…结算滞后情况表`: 序号 · 区域 · 费用归属月份及医院 ·
/// 实际拨付月份; a unit's further rows leave 序号 and 区域 empty) and the field units (`现场区市得分情况表`: 序号 · 地区 ·
/// 得分 · 评价结论).
struct CaseTableReader {
    let text: ReportText

    func read(into report: inout EvaluationReport, range: Range<Int>) {
        var index = range.lowerBound
        while index < range.upperBound {
            defer { index += 1 }
            guard text.isTableRow(index) else { continue }
            let keys = text.fieldKeys(index)
            let title = titleAbove(index)
            if let categoryColumn = keys.firstIndex(of: "问题分类"), keys.contains("问题描述") {
                // 问题清单: the category carries down over empty and 续上页 cells; a repeated header restarts.
                var row = index + 1
                var current = report.problemList.last?.category
                while row < range.upperBound, text.isTableRow(row) || text.isBlank(row) {
                    defer { row += 1 }
                    guard text.isTableRow(row) else { continue }
                    let fields = text.fieldKeys(row)
                    if fields.contains("问题分类") { continue }
                    let category = categoryColumn < fields.count ? fields[categoryColumn] : ""
                    if !category.isEmpty, category != "续上页", !category.hasPrefix("备注") { current = category }
                    guard let current, !category.hasPrefix("备注"), fields.count > categoryColumn + 1,
                        fields.dropFirst(categoryColumn + 1).contains(where: { !$0.isEmpty })
                    else { continue }
                    report.problemList.append((current, text.location(row)))
                }
                index = row - 1
            } else if let unitColumn = keys.firstIndex(of: "区域"), TextNormalization.key(title).containsText("情况表") {
                var counts: [(unit: String, count: Int)] = []
                var row = index + 1
                var current: String?
                while row < range.upperBound, text.isTableRow(row) || text.isBlank(row) {
                    defer { row += 1 }
                    guard text.isTableRow(row) else { continue }
                    let fields = text.fields(row)
                    if unitColumn < fields.count, !fields[unitColumn].isEmpty {
                        current = TextNormalization.key(fields[unitColumn])
                    }
                    guard let unit = current, fields.count > unitColumn + 1 else { continue }
                    if let at = counts.firstIndex(where: { $0.unit == unit }) {
                        counts[at].count += 1
                    } else {
                        counts.append((unit, 1))
                    }
                }
                report.caseTables.append(CaseTable(title: title, counts: counts, source: text.location(index)))
                index = row - 1
            } else if report.fieldUnits.isEmpty, let unitColumn = keys.firstIndex(of: "地区"), keys.contains("得分"),
                TextNormalization.key(title).containsText("现场")
            {
                var row = index + 1
                while row < range.upperBound, text.isTableRow(row) {
                    let fields = text.fields(row)
                    if unitColumn < fields.count, !fields[unitColumn].isEmpty {
                        report.fieldUnits.append(TextNormalization.key(fields[unitColumn]))
                    }
                    row += 1
                }
                index = row - 1
            }
        }
    }

    private func titleAbove(_ index: Int) -> String {
        var above = index - 1
        while above >= 0, index - above <= 3 {
            if !text.isBlank(above) { return text.isTableRow(above) ? "" : text.lines[above].trimmedSpaces() }
            above -= 1
        }
        return ""
    }
}
