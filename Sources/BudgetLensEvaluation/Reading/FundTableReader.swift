import Foundation
import BudgetLensCore

/// Reads fund tables whose columns fall in groups closed by 小计 (seed 003 表3-2 转移支付资金执行情况表):
/// a group header row (`预算到位资金（万元）` … `实际支出资金（万元）`), a sub-header row with two or more `小计`
/// cells, data rows and a 合计 row.
struct FundTableReader {
    let text: ReportText

    func read(into report: inout EvaluationReport, range: Range<Int>) {
        var index = range.lowerBound + 1
        while index < range.upperBound {
            let keys = text.isTableRow(index) ? text.fieldKeys(index) : []
            guard keys.filter({ $0 == "小计" }).count >= 2, text.isTableRow(index - 1) else {
                index += 1
                continue
            }
            let groupKeys = text.fieldKeys(index - 1)
            let unit: MoneyUnit = groupKeys.contains { $0.containsText("万元") } ? .wanYuan : groupKeys.contains { $0.containsText("(元)") } ? .yuan : .wanYuan
            let amountColumns = keys.indices.filter { !keys[$0].isEmpty }
            let names = amountColumns.map { column -> String in
                let group = groupKeys.prefix(column + 1).last { !$0.isEmpty && $0 != "序号" } ?? ""
                let cleaned = group.replacingOccurrences(of: "(万元)", with: "").replacingOccurrences(of: "(元)", with: "")
                return cleaned.isEmpty ? keys[column] : "\(cleaned)·\(keys[column])"
            }
            var title = ""
            var above = index - 2
            while above >= 0, index - above <= 5 {
                if !text.isBlank(above), !text.isTableRow(above) {
                    title = text.lines[above].trimmedSpaces()
                    break
                }
                above -= 1
            }
            var table = FundTable(title: title, unit: unit, columns: names, source: text.location(index - 1))
            var row = index + 1
            while row < range.upperBound, text.isTableRow(row) {
                let fields = text.fields(row)
                let labelFields = fields.prefix(amountColumns.first ?? 0).map { TextNormalization.key($0) }
                let label = labelFields.last { !$0.isEmpty && Int($0) == nil } ?? ""
                let amounts = amountColumns.map { column in
                    column < fields.count ? ReportParsing.amount(fields[column], unit: unit) : nil
                }
                let fundRow = FundRow(label: label, amounts: amounts, source: text.location(row))
                if labelFields.contains(where: { ReportParsing.isTotal($0) }) {
                    table.total = fundRow
                } else {
                    table.rows.append(fundRow)
                }
                row += 1
            }
            report.fundTables.append(table)
            index = row
        }
    }
}
