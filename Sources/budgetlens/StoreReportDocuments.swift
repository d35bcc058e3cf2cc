import BudgetLensCore
import BudgetLensRender
import BudgetLensRules
import BudgetLensStore
import Foundation

/// `report --format html|xlsx`: the same tables as the text report — per unit and year, the carry-over and
/// year-on-year checks, the 汇总 checks, the ranking — as one HTML page (escaped by ``MarkupText``) or as a
/// workbook of one sheet each (``XLSXTableWorkbook``, amounts as numbers in 万元).
enum StoreReportDocuments {
    static let unitYearHeader = ["单位 unit", "年度 year", "文档 docs", "本年收入合计(万元)", "本年支出合计(万元)", "错误 errors", "警告 warnings", "尾数误差 rounding", "合计一致 totals agree"]
    static let yearHeader = ["单位 unit", "年度 year", "文档 document", "上年文档 previous", "规则 rule", "级别 severity", "说明 message"]
    static let consolidationHeader = ["单位 unit", "年度 year", "汇总文档 document", "成员 members", "行次 line", "栏次 column", "项目 item", "汇总(万元)", "Σ成员(万元)", "差额(万元)"]
    static let rankingHeader = ["名次 rank", "单位 unit", "文档 docs", "错误 errors", "警告 warnings", "尾数误差 rounding"]

    /// The report's tables as rows of values.
    static func tables(_ report: StoreReport) -> [XLSXTableWorkbook.Sheet] {
        func amount(_ fen: Int64?) -> XLSXTableWorkbook.Value {
            fen.map { .amount(Money(fen: $0).decimalString(in: .wanYuan)) } ?? .empty
        }
        let unitYears = report.unitYears.map { row -> [XLSXTableWorkbook.Value] in
            [
                .text(row.unit), row.year.map { .integer($0) } ?? .empty, .integer(row.documents),
                amount(row.incomeTotalFen), amount(row.expenditureTotalFen), .integer(row.errors),
                .integer(row.warnings), .integer(row.rounding), .text(!row.totalsRead ? "未读取" : row.totalsAgree ? "是" : "否"),
            ]
        }
        var years: [[XLSXTableWorkbook.Value]] = []
        for pair in report.yearOverYear {
            for finding in pair.findings {
                years.append([
                    .text(pair.unit), .integer(pair.year), .integer(Int(pair.document)),
                    .integer(Int(pair.previousDocument)), .text(finding.rule), .text(finding.severity),
                    .text(finding.message),
                ])
            }
        }
        var consolidation: [[XLSXTableWorkbook.Value]] = []
        for check in report.consolidations {
            let members = zip(check.members, check.memberUnits).map { "#\($0) \($1)" }.joined(separator: "、")
            if check.differences.isEmpty {
                consolidation.append([
                    .text(check.unit), .integer(check.year), .integer(Int(check.document)), .text(members),
                    .text("一致"),
                ])
            }
            for difference in check.differences {
                consolidation.append([
                    .text(check.unit), .integer(check.year), .integer(Int(check.document)), .text(members),
                    .integer(difference.line), .integer(difference.column), .text(difference.item),
                    amount(difference.consolidatedFen), amount(difference.membersFen), amount(difference.differenceFen),
                ])
            }
        }
        let ranking = report.ranking.map { rank -> [XLSXTableWorkbook.Value] in
            [
                .integer(rank.rank), .text(rank.unit), .integer(rank.documents), .integer(rank.errors),
                .integer(rank.warnings), .integer(rank.rounding),
            ]
        } + report.unranked.map { rank -> [XLSXTableWorkbook.Value] in
            [
                .text("空白模板，不排名"), .text(rank.unit), .integer(rank.documents), .integer(rank.errors),
                .integer(rank.warnings), .integer(rank.rounding),
            ]
        }
        return [
            .init(name: "单位年度", title: "各单位各年度 per unit and year", header: unitYearHeader, rows: unitYears),
            .init(name: "上下年核对", title: "上下年核对 year-on-year (Y-*)", header: yearHeader, rows: years),
            .init(name: "汇总核对", title: "汇总核对 consolidation (DOMAIN §5.2 C-1)", header: consolidationHeader, rows: consolidation),
            .init(name: "数据质量排名", title: "数据质量排名 data-quality ranking", header: rankingHeader, rows: ranking),
        ]
    }

    /// The workbook.
    static func xlsx(_ report: StoreReport) throws -> Data {
        try XLSXTableWorkbook(title: "BudgetLens 库报告 store report", sheets: tables(report)).data()
    }

    /// One HTML page, every text escaped.
    static func html(_ report: StoreReport) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>BudgetLens 库报告 store report</title>
            <style>body{font-family:"Noto Sans CJK SC",sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}\
            th,td{border:1px solid #999;padding:2px 6px}td.n{text-align:right;font-variant-numeric:tabular-nums}</style>
            </head><body><h1>BudgetLens 库报告 store report</h1>

            """
        for sheet in tables(report) {
            html += "<section><h2>\(MarkupText.escape(sheet.title))</h2><table><thead><tr>"
            html += sheet.header.map { "<th>\(MarkupText.escape($0))</th>" }.joined() + "</tr></thead><tbody>\n"
            for row in sheet.rows {
                html += "<tr>"
                for value in row {
                    switch value {
                    case .text(let text): html += "<td>\(MarkupText.escape(text))</td>"
                    case .amount(let amount): html += "<td class=\"n\">\(MarkupText.escape(amount))</td>"
                    case .integer(let number): html += "<td class=\"n\">\(number)</td>"
                    case .empty: html += "<td></td>"
                    }
                }
                html += "</tr>\n"
            }
            html += "</tbody></table></section>\n"
        }
        return html + "</body></html>\n"
    }
}
